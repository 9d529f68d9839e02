package simulate

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// Parquet files are read with the Thrift definitions and the delta decoders
// of github.com/parquet-go/parquet-go; the footer, the schema, the pages,
// the levels, PLAIN and dictionary values and the decompression are walked
// here, so that a corrupt file gives an error naming the file, row group,
// column and row, and memory holds one page per column (see
// reader_parquet_column.go). The reader turns each row into a compact
// record; the parsers decode the records like CSV lines, so timestamps,
// zones and bad rows are handled exactly as for CSV.

// pqKind is what a column's values are.
type pqKind uint8

const (
	pqString    pqKind = iota // BYTE_ARRAY, taken as text
	pqInt                     // INT32 or INT64: decimal text (for the timestamp: Unix seconds or milliseconds)
	pqTimeUTC                 // TIMESTAMP adjusted to UTC, or INT96: an instant (nanoseconds)
	pqTimeLocal               // TIMESTAMP not adjusted to UTC: wall time (nanoseconds), read in simulate.timezone
)

// Record field tags (the parser's side of pqKind).
const (
	pqTagNull = iota
	pqTagBytes
	pqTagInt
	pqTagUTC
	pqTagLocal
)

// parquetReader turns a Parquet file into record chunks, row group by row group.
type parquetReader struct {
	name    string
	ra      io.ReaderAt
	size    int64
	dataEnd int64 // where the footer starts
	md      format.FileMetaData
	specs   [nCols]*pqColSpec
	consts  [nCols][]byte // values from hive partition directories
	names   [nCols]string

	rg       int // next row group
	cols     [nCols]*pqColumn
	rowsLeft int64 // in the current row group
	row      int64 // rows read so far
	dec      pqDecompressor
	rows     *pqRowsReader // a partial copy (SplitParquet): the records come from here
}

// openParquet reads the footer and maps the columns.
func openParquet(name string, ra io.ReaderAt, size int64, cols Columns) (*parquetReader, error) {
	r := &parquetReader{name: name, ra: ra, size: size}
	if size < 12 {
		return nil, fmt.Errorf("%s: truncated Parquet file (%d bytes)", name, size)
	}
	var tail [8]byte
	if _, err := ra.ReadAt(tail[:], size-8); err != nil {
		return nil, fmt.Errorf("%s: reading the Parquet footer: %w", name, err)
	}
	switch string(tail[4:]) {
	case "PAR1":
	case "PARE":
		return nil, fmt.Errorf("%s: encrypted Parquet files are not supported", name)
	default:
		return nil, fmt.Errorf("%s: truncated or corrupt Parquet file: it does not end with PAR1", name)
	}
	flen := int64(binary.LittleEndian.Uint32(tail[:4]))
	if flen > size-12 {
		return nil, fmt.Errorf("%s: corrupt Parquet footer: %d bytes in a file of %d", name, flen, size)
	}
	r.dataEnd = size - 8 - flen
	footer := make([]byte, flen)
	if _, err := ra.ReadAt(footer, r.dataEnd); err != nil {
		return nil, fmt.Errorf("%s: reading the Parquet footer: %w", name, err)
	}
	if _, err := thriftStructLen(footer); err != nil {
		return nil, fmt.Errorf("%s: corrupt Parquet footer: %w", name, err)
	}
	if err := thrift.Unmarshal(new(thrift.CompactProtocol), footer, &r.md); err != nil {
		return nil, fmt.Errorf("%s: corrupt Parquet footer: %w", name, err)
	}
	if err := r.mapColumns(cols); err != nil {
		return nil, err
	}
	return r, nil
}

// columnNames are the names bad-row messages use.
func (r *parquetReader) columnNames() [nCols]string { return r.names }

// nextRowGroup opens the column chunks of the next row group with rows;
// false at the end of the file.
func (r *parquetReader) nextRowGroup() (bool, error) {
	for r.rg < len(r.md.RowGroups) {
		g := &r.md.RowGroups[r.rg]
		r.rg++
		if g.NumRows < 0 {
			return false, r.errorf(-1, errors.New("negative row count"))
		}
		if g.NumRows == 0 {
			continue
		}
		for slot, spec := range r.specs {
			if spec == nil {
				continue
			}
			if err := r.openChunk(slot, spec, g); err != nil {
				return false, r.errorf(slot, err)
			}
		}
		r.rowsLeft = g.NumRows
		return true, nil
	}
	return false, nil
}

func (r *parquetReader) openChunk(slot int, spec *pqColSpec, g *format.RowGroup) error {
	cc := &g.Columns[spec.leaf]
	if cc.FilePath != "" {
		return fmt.Errorf("the column chunk is in another file (%s): not supported", cc.FilePath)
	}
	md := &cc.MetaData
	if md.Type != spec.phys {
		return fmt.Errorf("the column chunk is %s, the schema says %s", md.Type, spec.phys)
	}
	if md.NumValues != g.NumRows {
		return fmt.Errorf("%d values for %d rows", md.NumValues, g.NumRows)
	}
	start := md.DataPageOffset
	if d := md.DictionaryPageOffset; d > 0 && d < start {
		start = d
	}
	if start < 4 || md.TotalCompressedSize < 0 || start > r.dataEnd || md.TotalCompressedSize > r.dataEnd-start {
		return fmt.Errorf("column chunk at bytes %d-%d, outside the file's data (4-%d)", start, start+md.TotalCompressedSize, r.dataEnd)
	}
	c := r.cols[slot]
	if c == nil {
		c = &pqColumn{br: bufio.NewReaderSize(nil, pqColumnBufSize), dec: &r.dec}
		r.cols[slot] = c
	}
	c.br.Reset(io.NewSectionReader(r.ra, start, md.TotalCompressedSize))
	c.spec, c.codec, c.left, c.values = spec, md.Codec, md.TotalCompressedSize, md.NumValues
	c.hasDict, c.n, c.pos = false, 0, 0
	return nil
}

// errorf wraps err with the file, row group, column (slot >= 0) and row.
func (r *parquetReader) errorf(slot int, err error) error {
	where := fmt.Sprintf("row group %d of %d", r.rg, len(r.md.RowGroups))
	if slot >= 0 {
		where += fmt.Sprintf(", column %q", r.specs[slot].name)
	}
	if r.rowsLeft > 0 {
		where += fmt.Sprintf(", row %d", r.row+1)
	}
	return fmt.Errorf("%s: %s: %w", r.name, where, err)
}

// next returns the next chunk of records and the row number of its first
// row; io.EOF at the end.
func (r *parquetReader) next(pl *pools) ([]byte, int64, error) {
	if r.rows != nil {
		return r.rows.next(pl)
	}
	out := pl.chunk(chunkSize + chunkSize/4)
	first := r.row + 1
	for len(out) < chunkSize {
		if r.rowsLeft == 0 {
			ok, err := r.nextRowGroup()
			if err != nil {
				return nil, 0, err
			}
			if !ok {
				break
			}
		}
		var err error
		if out, err = r.appendRow(out); err != nil {
			return nil, 0, err
		}
	}
	if len(out) == 0 {
		pl.putChunk(out)
		return nil, 0, io.EOF
	}
	return out, first, nil
}

// appendRow appends the record of the next row of the current row group:
// 'E', the row number, then per column slot a tag and its value.
func (r *parquetReader) appendRow(out []byte) ([]byte, error) {
	out = append(out, 'E')
	out = binary.AppendUvarint(out, uint64(r.row+1))
	for slot, c := range r.cols {
		if r.specs[slot] == nil {
			if v := r.consts[slot]; v != nil {
				out = append(out, pqTagBytes)
				out = binary.AppendUvarint(out, uint64(len(v)))
				out = append(out, v...)
			} else {
				out = append(out, pqTagNull)
			}
			continue
		}
		v, err := c.next()
		if err != nil {
			return out, r.errorf(slot, err)
		}
		out = appendPQValue(out, c.spec.kind, v)
	}
	r.row++
	r.rowsLeft--
	return out, nil
}

func appendPQValue(out []byte, kind pqKind, v pqValue) []byte {
	switch {
	case v.null:
		return append(out, pqTagNull)
	case kind == pqString:
		out = append(out, pqTagBytes)
		out = binary.AppendUvarint(out, uint64(len(v.b)))
		return append(out, v.b...)
	case kind == pqInt:
		out = append(out, pqTagInt)
	case kind == pqTimeUTC:
		out = append(out, pqTagUTC)
	default:
		out = append(out, pqTagLocal)
	}
	return binary.AppendVarint(out, v.i)
}

// Close releases the decompressors.
func (r *parquetReader) Close() error {
	r.dec.close()
	return nil
}

// detectParquet opens name as Parquet when it starts with the Parquet magic
// bytes (PAR1); nil when it does not and its name does not end in
// .parquet. f is the open file (read at random when it allows it, else
// read into memory, as standard input is).
func detectParquet(name string, r io.Reader, f io.Closer, cols Columns) (*parquetReader, error) {
	byName := strings.EqualFold(filepath.Ext(name), ".parquet")
	br, ok := r.(*bufio.Reader)
	if !ok {
		if byName {
			return nil, fmt.Errorf("%s: not a Parquet file (compressed as a whole?)", name)
		}
		return nil, nil
	}
	if head, _ := br.Peek(len(pqRowsMagic)); string(head) == pqRowsMagic {
		return openParquetRows(name, br)
	}
	magic, _ := br.Peek(4)
	if string(magic) != "PAR1" && string(magic) != "PARE" {
		if byName {
			return nil, fmt.Errorf("%s: not a Parquet file (it does not start with PAR1)", name)
		}
		return nil, nil
	}
	if fh, ok := f.(fs.File); ok {
		if ra, ok := f.(io.ReaderAt); ok {
			if st, err := fh.Stat(); err == nil && st.Mode().IsRegular() {
				return openParquet(name, ra, st.Size(), cols)
			}
		}
	}
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("%s: reading: %w", name, err)
	}
	return openParquet(name, bytes.NewReader(data), int64(len(data)), cols)
}
