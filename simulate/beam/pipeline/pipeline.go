package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local files
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/notelint/notelint/simulate"
)

func init() {
	register.DoFn4x1[context.Context, fileio.ReadableFile, func(int, []byte), func([]byte), error](&splitFn{})
	register.Emitter2[int, []byte]()
	register.Emitter1[[]byte]()
	register.DoFn3x1[context.Context, []byte, func(int, []byte), error](&groupFn{})
	register.DoFn4x1[int, func(*[]byte) bool, func([]byte), func([]byte), error](&replayFn{})
	register.Iter1[[]byte]()
	register.Combiner3[[]byte, []byte, []byte](&mergeFn{})
	register.DoFn3x1[context.Context, []byte, func(*[]byte) bool, error](&finishFn{})
}

// Build adds the pipeline to s: read cfg.Inputs, bucket the rows by
// customer, replay each bucket, merge the reports and write the complete
// one (or cfg.Customer's replay) to cfg.Out in cfg.Format.
func Build(s beam.Scope, cfg Config) error {
	if _, err := cfg.check(); err != nil {
		return err
	}
	s = s.Scope("notelint-simulate")
	names := beam.CreateList(s, cfg.Inputs)
	matched := fileio.MatchAll(s, names, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matched, fileio.ReadUncompressed(), fileio.ReadDirectoryDisallow())
	pieces, groups := beam.ParDo2(s, &splitFn{Cfg: cfg}, files)
	more := beam.ParDo(s, &groupFn{Cfg: cfg}, beam.Reshuffle(s, groups))
	buckets := beam.GroupByKey(s, beam.Flatten(s, pieces, more))
	parts, explained := beam.ParDo2(s, &replayFn{Cfg: cfg}, buckets)
	merged := beam.Combine(s, &mergeFn{Buckets: cfg.Buckets}, parts)
	beam.ParDo0(s, &finishFn{Cfg: cfg}, merged, beam.SideInput{Input: explained})
	return nil
}

// splitFn cuts each events file into pieces keyed by bucket, and a large
// Parquet file's row groups into tasks.
type splitFn struct {
	Cfg   Config
	cols  simulate.Columns
	index map[string]int
}

// Setup parses the policy for its column names.
func (f *splitFn) Setup() error {
	pol, err := f.Cfg.check()
	if err != nil {
		return err
	}
	f.cols = pol.Columns
	f.index = map[string]int{}
	for i, name := range f.Cfg.Inputs {
		f.index[name] = i
	}
	return nil
}

// ProcessElement splits one file.
func (f *splitFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(int, []byte), emitTask func([]byte)) error {
	name := file.Metadata.Path
	i, ok := f.index[name]
	if !ok {
		return fmt.Errorf("%s: not among the inputs %v", name, f.Cfg.Inputs)
	}
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("opening events: %w", err)
	}
	defer func() { _ = rc.Close() }()
	out := newBatcher(f.Cfg.Buckets, emit)
	if err := f.split(name, i, file.Metadata.Size, rc, out, emitTask); err != nil {
		return err
	}
	out.flush()
	return nil
}

// split cuts the file of input index i, open as rc, into pieces.
func (f *splitFn) split(name string, i int, size int64, rc io.Reader, out *batcher, emitTask func([]byte)) error {
	br := bufio.NewReaderSize(rc, 64<<10)
	var r io.Reader = br
	if isParquet(name, br) {
		ra, n, done, err := randomAccess(name, rc, br)
		if err != nil {
			return err
		}
		defer done()
		var toTask func(task)
		if osf, ok := rc.(*os.File); ok && ra == io.ReaderAt(osf) {
			// Not a copy: the other workers can read the file at random too.
			toTask = func(t task) { emitTask(t.encode()) }
		}
		if ok, err := splitParquet(&f.Cfg, f.cols, i, ra, n, out.add, toTask); ok || err != nil {
			return err
		}
		r, size = io.NewSectionReader(ra, 0, n), n
	}
	return splitFile(name, i, size, r, f.cols, f.Cfg.Buckets, out.add)
}

// replayFn replays one bucket.
type replayFn struct {
	Cfg Config
	pol *simulate.Policy
}

// Setup parses the policy.
func (f *replayFn) Setup() error {
	var err error
	f.pol, err = f.Cfg.check()
	return err
}

// ProcessElement replays the pieces of one bucket and emits its report
// (and, when the bucket has cfg.Customer, that customer's replay).
func (f *replayFn) ProcessElement(bucket int, values func(*[]byte) bool, emit func([]byte), emitExplained func([]byte)) error {
	var pieces []piece
	var b []byte
	for values(&b) {
		var err error
		if pieces, err = decodePieces(pieces, b); err != nil {
			return fmt.Errorf("bucket %d: %w", bucket, err)
		}
	}
	part, explained, err := replayBucket(&f.Cfg, f.pol, bucket, pieces)
	if err != nil {
		return err
	}
	emit(part)
	if explained != nil {
		emitExplained(explained)
	}
	return nil
}
