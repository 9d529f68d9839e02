package simulate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Column slots, in the order the readers extract them.
const (
	colCust = iota
	colEnt
	colTS
	colStatus
	colZone
	nCols
)

var colKeys = [nCols]string{"customer_id", "entity_id", "timestamp", "status", "timezone"}

type inputFormat int

const (
	formatCSV inputFormat = iota
	formatJSONL
	formatXES
	formatParquet
)

func (f inputFormat) String() string {
	switch f {
	case formatJSONL:
		return "JSON Lines"
	case formatXES:
		return "XES"
	case formatParquet:
		return "Parquet"
	}
	return "CSV"
}

const (
	chunkSize = 1 << 20  // bytes handed to a parser at a time
	maxRecord = 64 << 20 // longest accepted record (line)
)

// source is one input file with its format and column layout.
type source struct {
	name    string
	index   int // position among the run's inputs
	format  inputFormat
	delim   byte
	nFields int           // CSV: fields in the header
	slotOf  []int8        // CSV: header field index -> column slot, -1 unused
	maxIdx  int           // CSV: highest header field index used
	names   [nCols]string // column names (CSV header names or JSON keys)
	has     [nCols]bool   // column present
	header  []string      // CSV header, for messages
	keys    [nCols][]byte // JSON keys
}

// openInput opens name ("-" is stdin) and returns the decompressed stream and
// a closer. Gzip is recognized by its magic bytes, whatever the file name.
func openInput(name string, stdin io.Reader, fsys fs.FS) (io.Reader, io.Closer, error) {
	var f io.Reader
	var closer io.Closer = io.NopCloser(nil)
	if name == "-" {
		if stdin == nil {
			return nil, nil, errors.New("-: no standard input")
		}
		f = stdin
	} else {
		open := func(name string) (fs.File, error) { return os.Open(name) }
		if fsys != nil {
			open = fsys.Open
		}
		fh, err := open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("opening events: %w", err)
		}
		st, err := fh.Stat()
		if err == nil && st.IsDir() {
			_ = fh.Close()
			return nil, nil, fmt.Errorf("%s is a directory, not an events file", name)
		}
		f, closer = fh, fh
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			_ = closer.Close()
			return nil, nil, fmt.Errorf("%s: reading gzip: %w", name, err)
		}
		return gz, closer, nil
	}
	return br, closer, nil
}

// formatByName guesses the format from the file name (".gz" stripped);
// ok is false when the name does not tell.
func formatByName(name string) (inputFormat, bool) {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".jsonl", ".ndjson", ".json":
		return formatJSONL, true
	case ".csv", ".tsv", ".tab", ".txt":
		return formatCSV, true
	case ".xes":
		return formatXES, true
	}
	return formatCSV, false
}

// chunker cuts an input stream into chunks that end on record boundaries,
// tracking line numbers. CSV boundaries respect quoted fields that contain
// newlines.
type chunker struct {
	name  string
	r     io.Reader
	pend  []byte // read, not yet handed out
	eof   bool
	line  int64 // line number of pend[0]
	csv   bool
	delim byte
	pools *pools
	xes   *xesReader     // XES: the records come from here
	pq    *parquetReader // Parquet: the records come from here
}

func newChunker(name string, r io.Reader) *chunker {
	return &chunker{name: name, r: r, line: 1}
}

// fill reads until pend holds at least want bytes or the stream ends.
// The buffer grows from 64 KiB as the stream delivers, so a small input
// does not pay for a full chunk.
func (c *chunker) fill(want int) error {
	for !c.eof && len(c.pend) < want {
		if len(c.pend) == cap(c.pend) {
			nb := make([]byte, len(c.pend), min(max(2*cap(c.pend), 64<<10), want+want/4))
			copy(nb, c.pend)
			c.pend = nb
		}
		n, err := c.r.Read(c.pend[len(c.pend):cap(c.pend)])
		c.pend = c.pend[:len(c.pend)+n]
		if errors.Is(err, io.EOF) {
			c.eof = true
			break
		}
		if err != nil {
			return fmt.Errorf("%s: reading: %w", c.name, err)
		}
	}
	return nil
}

// skipBOM drops a UTF-8 byte order mark at the start of the stream.
func (c *chunker) skipBOM() error {
	if err := c.fill(3); err != nil {
		return err
	}
	c.pend = bytes.TrimPrefix(c.pend, []byte("\xEF\xBB\xBF"))
	return nil
}

// firstByte returns the first byte that is not white space (0 at the end).
func (c *chunker) firstByte() (byte, error) {
	for want := 4 << 10; ; want *= 2 {
		if err := c.fill(want); err != nil {
			return 0, err
		}
		if i := bytes.IndexFunc(c.pend, func(r rune) bool { return !strings.ContainsRune(" \t\r\n", r) }); i >= 0 {
			return c.pend[i], nil
		}
		if c.eof || want > maxRecord {
			return 0, nil
		}
	}
}

// headerLine removes and returns the first non-blank line (quote-aware by
// parity, CR stripped) and its line number; nil at the end of the stream.
func (c *chunker) headerLine() ([]byte, int64, error) {
	for {
		want := 64 << 10
		var end int
		for {
			if err := c.fill(want); err != nil {
				return nil, 0, err
			}
			end = parityLineEnd(c.pend)
			if end >= 0 || c.eof {
				break
			}
			if want >= maxRecord {
				return nil, 0, fmt.Errorf("%s:%d: header line longer than %d MiB", c.name, c.line, maxRecord>>20)
			}
			want *= 2
		}
		if end < 0 {
			end = len(c.pend)
		}
		if end == 0 && c.eof {
			return nil, 0, nil
		}
		ln := c.line
		line := c.pend[:end]
		c.line += int64(bytes.Count(line, []byte{'\n'}))
		c.pend = c.pend[end:]
		line = bytes.TrimRight(line, "\r\n")
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		return append([]byte(nil), line...), ln, nil
	}
}

// parityLineEnd returns the index after the first newline outside double
// quotes (quote parity), or -1.
func parityLineEnd(p []byte) int {
	in := false
	for i, ch := range p {
		switch ch {
		case '"':
			in = !in
		case '\n':
			if !in {
				return i + 1
			}
		}
	}
	return -1
}

// next returns the next chunk (ending on a record boundary, or at the end of
// the stream) and the line number of its first byte; io.EOF at the end.
func (c *chunker) next() ([]byte, int64, error) {
	if c.xes != nil {
		return c.xes.next(c.pools)
	}
	if c.pq != nil {
		return c.pq.next(c.pools)
	}
	want := chunkSize
	for {
		if err := c.fill(want); err != nil {
			return nil, 0, err
		}
		cut := c.lastRecordEnd(c.pend)
		if cut <= 0 {
			switch {
			case c.eof:
				cut = len(c.pend)
				if cut == 0 {
					return nil, 0, io.EOF
				}
			case len(c.pend) >= maxRecord:
				return nil, 0, c.tooLong()
			default:
				want = len(c.pend) * 2
				continue
			}
		}
		if want > chunkSize && c.firstRecordEnd(c.pend[:cut]) > maxRecord {
			// The chunk grew for one long record: enforce the limit exactly.
			return nil, 0, c.tooLong()
		}
		out := c.pend[:cut]
		rest := c.pend[cut:]
		if c.eof {
			// Nothing more to read: the rest needs no full-size buffer. (A
			// copy: out goes back to the pool with the rest in its capacity.)
			c.pend = append([]byte(nil), rest...)
		} else {
			nb := c.pools.chunk(max(len(rest), chunkSize) + chunkSize/4)
			c.pend = append(nb, rest...)
		}
		start := c.line
		c.line += int64(bytes.Count(out, []byte{'\n'}))
		return out, start, nil
	}
}

func (c *chunker) tooLong() error {
	return fmt.Errorf("%s:%d: record longer than %d MiB (an unterminated quoted field?)", c.name, c.line, maxRecord>>20)
}

// firstRecordEnd returns the index after the first record in p.
func (c *chunker) firstRecordEnd(p []byte) int {
	if !c.csv || bytes.IndexByte(p, '"') < 0 {
		if i := bytes.IndexByte(p, '\n'); i >= 0 {
			return i + 1
		}
		return len(p)
	}
	return recordEnd(p, 0, c.delim)
}

// lastRecordEnd returns the index after the last complete record in p.
func (c *chunker) lastRecordEnd(p []byte) int {
	if !c.csv || bytes.IndexByte(p, '"') < 0 {
		return bytes.LastIndexByte(p, '\n') + 1
	}
	last := 0
	scanCSV(p, 0, c.delim, func(end int) bool { last = end; return true })
	return last
}

// CSV scanner states.
const (
	stFieldStart = iota
	stUnquoted
	stQuoted
	stQuotedQuote
)

// scanCSV walks p from start with encoding/csv's quoting rules and calls
// atEnd with the index after each record-ending newline until it returns false.
func scanCSV(p []byte, start int, delim byte, atEnd func(end int) bool) {
	st := stFieldStart
	for i := start; i < len(p); i++ {
		ch := p[i]
		switch st {
		case stFieldStart, stUnquoted:
			switch {
			case ch == '\n':
				st = stFieldStart
				if !atEnd(i + 1) {
					return
				}
			case ch == delim:
				st = stFieldStart
			case ch == '"' && st == stFieldStart:
				st = stQuoted
			default:
				st = stUnquoted
			}
		case stQuoted:
			if ch == '"' {
				st = stQuotedQuote
			}
		case stQuotedQuote:
			switch ch {
			case '"':
				st = stQuoted
			case '\n':
				st = stFieldStart
				if !atEnd(i + 1) {
					return
				}
			case delim:
				st = stFieldStart
			default:
				st = stUnquoted
			}
		}
	}
}

// recordEnd returns the index after the CSV record starting at start.
func recordEnd(p []byte, start int, delim byte) int {
	end := len(p)
	scanCSV(p, start, delim, func(e int) bool { end = e; return false })
	return end
}

// openSource opens one input and reads its header (CSV) so that its chunks
// can be parsed.
func openSource(name string, stdin io.Reader, fsys fs.FS, cols Columns) (*source, *chunker, io.Closer, error) {
	r, closer, err := openInput(name, stdin, fsys)
	if err != nil {
		return nil, nil, nil, err
	}
	if pq, err := detectParquet(name, r, closer, cols); pq != nil || err != nil {
		if err != nil {
			_ = closer.Close()
			return nil, nil, nil, err
		}
		c := newChunker(name, nil)
		c.pq = pq
		return &source{name: name, format: formatParquet, names: pq.columnNames()}, c, multiCloser{pq, closer}, nil
	}
	c := newChunker(name, r)
	src, err := readSourceHeader(name, c, cols)
	if err != nil {
		_ = closer.Close()
		return nil, nil, nil, err
	}
	return src, c, closer, nil
}

func readSourceHeader(name string, c *chunker, cols Columns) (*source, error) {
	if err := c.skipBOM(); err != nil {
		return nil, err
	}
	format, known := formatByName(name)
	first, err := c.firstByte()
	if err != nil {
		return nil, err
	}
	if first == 0 {
		return nil, &emptyInputError{name: name}
	}
	if !known && first == '{' {
		format = formatJSONL
	}
	if !known && first == '<' {
		format = formatXES
	}
	src := &source{name: name, format: format}
	if format == formatXES {
		c.xes = newXESReader(name, io.MultiReader(bytes.NewReader(c.pend), c.r), cols)
		c.pend = nil
		src.names = c.xes.columnNames()
		return src, nil
	}
	names := [nCols]string{cols.CustomerID, cols.EntityID, cols.Timestamp, cols.Status, cols.Timezone}
	src.names = names
	if format == formatJSONL {
		for i := range names {
			src.keys[i] = []byte(names[i])
			src.has[i] = true
		}
		return src, nil
	}
	if err := readCSVHeader(src, c, cols); err != nil {
		return nil, err
	}
	c.csv, c.delim = true, src.delim
	return src, nil
}

// multiCloser closes several closers, returning the first error.
type multiCloser []io.Closer

func (m multiCloser) Close() error {
	var first error
	for _, c := range m {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
