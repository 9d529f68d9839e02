package pipeline

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// Parquet files are cut into rows by simulate.ParquetSplit, the reader of
// notelint simulate: the file's head (column names and first row) goes to
// every bucket, each other row to the bucket of its customer, a row of no
// customer to bucket 0. A file that can be read at random (a local or
// mounted file) is split by row groups: the worker that matched it reads
// the footer and hands the row groups out as tasks of about
// Config.GroupBytes, which other workers split. Otherwise (gs://, s3://,
// read as streams by Beam) the worker copies the file to local disk and
// splits it whole.

// isParquet reports whether the stream starts as a Parquet file or the name
// says Parquet (then simulate decides, with notelint simulate's error when
// it is not one).
func isParquet(name string, br *bufio.Reader) bool {
	magic, _ := br.Peek(4)
	return string(magic) == "PAR1" || string(magic) == "PARE" || strings.EqualFold(path.Ext(name), ".parquet")
}

// A task is row groups from..to-1 of input file.
type task struct {
	file     int
	from, to int
}

func (t task) encode() []byte {
	b := binary.AppendUvarint(nil, uint64(t.file))
	b = binary.AppendUvarint(b, uint64(t.from))
	return binary.AppendUvarint(b, uint64(t.to))
}

func decodeTask(b []byte) (task, error) {
	var v [3]uint64
	for i := range v {
		x, n := binary.Uvarint(b)
		if n <= 0 || x > 1<<31 {
			return task{}, errors.New("corrupt task")
		}
		v[i], b = x, b[n:]
	}
	return task{file: int(v[0]), from: int(v[1]), to: int(v[2])}, nil
}

// tasks shares the row groups of a file out: consecutive groups of about
// limit bytes.
func tasks(file int, sizes []int64, limit int64) []task {
	var out []task
	var sum int64
	for g, n := range sizes {
		if len(out) == 0 || sum+n > limit && sum > 0 {
			out = append(out, task{file: file, from: g, to: g})
			sum = 0
		}
		out[len(out)-1].to = g + 1
		sum += n
	}
	return out
}

// splitParquet splits the Parquet file input index (read at random through
// ra) into pieces: the head to every bucket, the rows of the first task
// here, the other tasks to emitTask (all here when emitTask is nil); a
// piece's text is valid until emit returns. ok is false when the file is
// not Parquet.
func splitParquet(cfg *Config, cols simulate.Columns, index int, ra io.ReaderAt, size int64, emit func(int, piece) error, emitTask func(task)) (ok bool, err error) {
	name := cfg.Inputs[index]
	sp, err := simulate.OpenParquetSplit(name, ra, size, cols)
	if sp == nil || err != nil {
		return false, err
	}
	defer func() { _ = sp.Close() }()
	head, err := sp.Head()
	if err != nil {
		return true, err
	}
	p := piece{file: index, next: 0, size: size, text: head}
	for b := 0; b < cfg.Buckets; b++ {
		if err := emit(b, p); err != nil {
			return true, err
		}
	}
	ts := tasks(index, sp.RowGroupSizes(), cfg.groupBytes())
	for i, t := range ts {
		if i > 0 && emitTask != nil {
			emitTask(t)
			continue
		}
		if err := splitRows(sp, t, cfg.Buckets, emit); err != nil {
			return true, err
		}
	}
	return true, nil
}

// splitRows sends the rows of one task to their buckets (a piece's text is
// valid until emit returns).
func splitRows(sp *simulate.ParquetSplit, t task, buckets int, emit func(int, piece) error) error {
	return sp.Split(t.from, t.to, func(row int64, rec, customer []byte) error {
		b := 0
		if customer != nil {
			b = simulate.ShardOf(string(customer), buckets)
		}
		return emit(b, piece{file: t.file, line: row, text: rec})
	})
}

// groupFn splits the row groups of one task.
type groupFn struct {
	Cfg  Config
	cols simulate.Columns
}

// Setup parses the policy for its column names.
func (f *groupFn) Setup() error {
	pol, err := f.Cfg.check()
	if err != nil {
		return err
	}
	f.cols = pol.Columns
	return nil
}

// ProcessElement splits one task.
func (f *groupFn) ProcessElement(ctx context.Context, enc []byte, emit func(int, []byte)) error {
	t, err := decodeTask(enc)
	if err == nil && t.file >= len(f.Cfg.Inputs) {
		err = errors.New("not a task of this run")
	}
	if err != nil {
		return fmt.Errorf("task %x: %w", enc, err)
	}
	name := f.Cfg.Inputs[t.file]
	file, err := openRemote(ctx, name)
	if err != nil {
		return fmt.Errorf("opening events: %w", err)
	}
	defer func() { _ = file.Close() }()
	rf := file.(*remoteFile)
	ra, size, done, err := randomAccess(name, rf.ReadCloser, rf.ReadCloser)
	if err != nil {
		return err
	}
	defer done()
	sp, err := simulate.OpenParquetSplit(name, ra, size, f.cols)
	if err != nil {
		return err
	}
	if sp == nil {
		return fmt.Errorf("%s: no longer a Parquet file", name)
	}
	defer func() { _ = sp.Close() }()
	out := newBatcher(f.Cfg.Buckets, emit)
	if err := splitRows(sp, t, f.Cfg.Buckets, out.add); err != nil {
		return err
	}
	out.flush()
	return nil
}

// batcher gathers the pieces of each bucket into elements of about
// batchBytes.
type batcher struct {
	batches [][]byte
	emit    func(int, []byte)
}

func newBatcher(buckets int, emit func(int, []byte)) *batcher {
	return &batcher{batches: make([][]byte, buckets), emit: emit}
}

func (o *batcher) add(b int, p piece) error {
	o.batches[b] = appendPiece(o.batches[b], p)
	if len(o.batches[b]) >= batchBytes {
		o.emit(b, o.batches[b])
		o.batches[b] = nil
	}
	return nil
}

func (o *batcher) flush() {
	for b, batch := range o.batches {
		if len(batch) > 0 {
			o.emit(b, batch)
			o.batches[b] = nil
		}
	}
}
