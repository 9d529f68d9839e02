package simulate

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"time"
)

// Cutting a Parquet events file into rows for a distributed replay (the
// Beam pipeline in simulate/beam): each row becomes a record that names its
// customer, so that it can go to the worker that replays that customer.
// The file's head (ParquetSplit.Head) followed by any of its records in row
// order is a partial copy of the file that Run, given the copy under the
// file's name through Options.FS, reads as the file itself: same column
// names, row numbers, bad rows and notes, only fewer rows.

// pqRowsMagic starts a partial copy (a NUL byte: no CSV or JSON starts so).
const pqRowsMagic = "\x00notelint parquet rows 1\n"

// ParquetSplit is a Parquet events file opened to be cut into rows.
type ParquetSplit struct {
	r      *parquetReader
	closer io.Closer
}

// OpenParquetSplit opens the events file name (size bytes, read at random
// through ra) as Run would. It returns nil and no error when the file is not
// Parquet (it does not start with PAR1 and its name does not end in
// .parquet), and Run's error, naming the file, for a corrupt footer, a
// missing column or a column of the wrong type.
func OpenParquetSplit(name string, ra io.ReaderAt, size int64, cols Columns) (*ParquetSplit, error) {
	in, closer, err := openInput(name, nil, readerAtFS{ra: ra, size: size})
	if err != nil {
		return nil, err
	}
	pq, err := detectParquet(name, in, closer, cols)
	if pq == nil || err != nil {
		_ = closer.Close()
		return nil, err
	}
	if pq.rows != nil {
		_ = closer.Close()
		return nil, fmt.Errorf("%s: a partial copy of a Parquet file, not the file", name)
	}
	return &ParquetSplit{r: pq, closer: closer}, nil
}

// Head returns what every partial copy of the file starts with: the column
// names and the first row (so that no copy looks empty when the file is
// not; a copy's replay drops the row when its customer is not the copy's).
// An error is Run's for the first row.
func (s *ParquetSplit) Head() ([]byte, error) {
	b := []byte(pqRowsMagic)
	for _, n := range s.r.names {
		b = binary.AppendUvarint(b, uint64(len(n)))
		b = append(b, n...)
	}
	r := s.r
	r.row, r.rowsLeft, r.rg = 0, 0, 0
	ok, err := r.nextRowGroup()
	if err != nil {
		return nil, err
	}
	if ok {
		return r.appendRow(b)
	}
	return b, nil
}

// RowGroupSizes returns the size in bytes of each row group as the footer
// gives it (the larger of compressed and uncompressed), to share the row
// groups out among workers.
func (s *ParquetSplit) RowGroupSizes() []int64 {
	out := make([]int64, len(s.r.md.RowGroups))
	for i, g := range s.r.md.RowGroups {
		out[i] = max(g.TotalCompressedSize, g.TotalByteSize, 0)
	}
	return out
}

// Split reads the row groups from..to-1 and calls record for each row but
// the first (it is in the head) with
// its row number (from 1, in the whole file), its record and its customer:
// the id Run keeps the row for, nil when Run counts the row as bad before
// it knows the customer (then --shard counts it in shard 0). rec and
// customer are valid until record returns. An error is Run's for the same
// row, naming the file, row group, column and row.
func (s *ParquetSplit) Split(from, to int, record func(row int64, rec, customer []byte) error) error {
	r := s.r
	if from < 0 || to > len(r.md.RowGroups) || from > to {
		return fmt.Errorf("%s: row groups %d to %d of %d", r.name, from, to, len(r.md.RowGroups))
	}
	r.row, r.rowsLeft, r.rg = 0, 0, from
	for _, g := range r.md.RowGroups[:from] {
		r.row += max(g.NumRows, 0)
	}
	var rec []byte
	for r.rg < to {
		if r.md.RowGroups[r.rg].NumRows == 0 {
			r.rg++
			continue
		}
		if ok, err := r.nextRowGroup(); err != nil || !ok {
			return err
		}
		for r.rowsLeft > 0 {
			var err error
			if rec, err = r.appendRow(rec[:0]); err != nil {
				return err
			}
			if r.row == 1 {
				continue
			}
			if err := record(r.row, rec, pqRecordCustomer(rec)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close releases the file's decompressors.
func (s *ParquetSplit) Close() error {
	_ = s.r.Close()
	return s.closer.Close()
}

// pqRecordCustomer returns the customer id of one record as parseParquet
// and emit read it: nil when a required column is null, a typed time is
// out of range or the id is empty.
func pqRecordCustomer(rec []byte) []byte {
	_, n := binary.Uvarint(rec[1:])
	data := rec[1+n:]
	var cust []byte
	for slot := range nCols {
		tag := data[0]
		data = data[1:]
		switch tag {
		case pqTagNull:
			if slot == colCust || slot == colTS || slot == colStatus {
				return nil
			}
		case pqTagBytes:
			l, n := binary.Uvarint(data)
			if slot == colCust {
				cust = data[n : n+int(l)]
			}
			data = data[n+int(l):]
		default:
			v, n := binary.Varint(data)
			data = data[n:]
			switch {
			case tag == pqTagInt:
				if slot == colCust {
					cust = strconv.AppendInt(nil, v, 10)
				}
			case v == pqBadTime || v < minTime-2*nsPerDay || v >= maxTime+2*nsPerDay:
				return nil
			}
		}
	}
	if cust = trimSpace(cust); len(cust) == 0 {
		return nil
	}
	return cust
}

// pqRowsReader reads a partial copy: the head (magic, column names), then
// records, checked as they are read (a damaged copy is an error, not a
// panic).
type pqRowsReader struct {
	name string
	br   *bufio.Reader
	last uint64 // row number of the last record
}

// openParquetRows reads the head of a partial copy.
func openParquetRows(name string, br *bufio.Reader) (*parquetReader, error) {
	rr := &pqRowsReader{name: name, br: br}
	if _, err := br.Discard(len(pqRowsMagic)); err != nil {
		return nil, rr.corrupt(err)
	}
	r := &parquetReader{name: name, rows: rr}
	for slot := range r.names {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<16 {
			return nil, rr.corrupt(err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, rr.corrupt(err)
		}
		r.names[slot] = string(b)
	}
	return r, nil
}

func (rr *pqRowsReader) corrupt(err error) error {
	if err == nil || errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%s: corrupt partial copy of a Parquet file: %w", rr.name, err)
}

// next returns the next chunk of records and the row number of the first.
func (rr *pqRowsReader) next(pl *pools) ([]byte, int64, error) {
	out := pl.chunk(chunkSize + chunkSize/4)
	first := int64(rr.last + 1)
	for len(out) < chunkSize {
		b, err := rr.br.ReadByte()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, 0, fmt.Errorf("%s: reading: %w", rr.name, err)
		}
		if out, err = rr.record(out, b); err != nil {
			return nil, 0, rr.corrupt(err)
		}
	}
	if len(out) == 0 {
		pl.putChunk(out)
		return nil, 0, io.EOF
	}
	return out, first, nil
}

// record reads one record (its first byte read already) and appends it.
func (rr *pqRowsReader) record(out []byte, first byte) ([]byte, error) {
	row, err := binary.ReadUvarint(rr.br)
	if first != 'E' || err != nil || row <= rr.last || row > 1<<62 {
		return out, errors.New("bad record")
	}
	rr.last = row
	out = append(out, 'E')
	out = binary.AppendUvarint(out, row)
	for range nCols {
		tag, err := rr.br.ReadByte()
		if err != nil {
			return out, err
		}
		out = append(out, tag)
		switch tag {
		case pqTagNull:
		case pqTagBytes:
			n, err := binary.ReadUvarint(rr.br)
			if err != nil || n > maxRecord {
				return out, errors.New("bad value")
			}
			out = binary.AppendUvarint(out, n)
			for n > 0 { // by pieces: a damaged length allocates no more than the copy holds
				k := min(n, 64<<10)
				l := len(out)
				out = append(out, make([]byte, k)...)
				if _, err := io.ReadFull(rr.br, out[l:]); err != nil {
					return out, err
				}
				n -= k
			}
		case pqTagInt, pqTagUTC, pqTagLocal:
			v, err := binary.ReadVarint(rr.br)
			if err != nil {
				return out, err
			}
			out = binary.AppendVarint(out, v)
		default:
			return out, fmt.Errorf("bad tag %d", tag)
		}
	}
	return out, nil
}

// ExpandDirectories replaces each directory among the inputs by the
// Parquet files under it, as Run does (sorted; names starting with "." or
// "_" skipped).
func ExpandDirectories(inputs []string) ([]string, error) { return expandInputs(inputs, nil) }

// readerAtFS is a file system of one file, read at random through ra.
type readerAtFS struct {
	ra   io.ReaderAt
	size int64
}

func (f readerAtFS) Open(name string) (fs.File, error) {
	return &readerAtFile{SectionReader: io.NewSectionReader(f.ra, 0, f.size), name: name}, nil
}

type readerAtFile struct {
	*io.SectionReader
	name string
}

func (f *readerAtFile) Stat() (fs.FileInfo, error) { return readerAtInfo{f}, nil }
func (f *readerAtFile) Close() error               { return nil }

type readerAtInfo struct{ f *readerAtFile }

func (i readerAtInfo) Name() string       { return i.f.name }
func (i readerAtInfo) Size() int64        { return i.f.Size() }
func (i readerAtInfo) Mode() fs.FileMode  { return 0o444 }
func (i readerAtInfo) ModTime() time.Time { return time.Time{} }
func (i readerAtInfo) IsDir() bool        { return false }
func (i readerAtInfo) Sys() any           { return nil }
