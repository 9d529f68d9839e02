package simulate

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// SplitEvents reads one events file the way Run reads it (gzip, a UTF-8
// byte order mark, CSV with its header row or JSON Lines; not XES) and
// hands out its text for a partial run over some of its customers.
//
// head receives the text every partial file must start with (the CSV
// header row and the first record; for JSON Lines the first record, which
// tells the format) and the line number of the first line after it. record then receives
// each later record: the line it starts on, its text (with its line end)
// and the customer id Run reads from it, or nil when the row names none (a
// broken row, an empty id). The slices are valid during the call only.
//
// A file made of head and any of the records, each on its own line number
// (blank lines in between), replayed with Options.Shard, gives the report
// of a --shard run over the whole file when it holds every record of that
// shard's customers (ShardOf) and, for shard 0, every record of no
// customer. The head's first record, if of another shard, is skipped there.
func SplitEvents(name string, r io.Reader, cols Columns, head func(text []byte, next int64) error, record func(line int64, text, customer []byte) error) error {
	in, err := gunzip(name, r)
	if err != nil {
		return err
	}
	tee := &teeReader{r: in, keep: true}
	c := newChunker(name, tee)
	src, err := readSourceHeader(name, c, cols)
	var empty *emptyInputError
	if errors.As(err, &empty) {
		return head(nil, 1) // Run notes an empty file; so does every partial one
	}
	if err != nil {
		return err
	}
	if src.format == formatXES {
		return fmt.Errorf("%s: XES input cannot be split by customer; convert it to CSV or JSON Lines", name)
	}
	consumed := tee.buf[:len(tee.buf)-len(c.pend)]
	tee.keep, tee.buf = false, nil
	text := append([]byte(nil), bytes.TrimPrefix(consumed, []byte("\xEF\xBB\xBF"))...)
	next, headDone, sawData := c.line, false, false
	each := func(line int64, rec, customer []byte) error {
		if headDone {
			return record(line, rec, customer)
		}
		// The first record goes with the head: for JSON Lines it tells the
		// format, and no partial file looks empty when the file is not.
		text = append(text, bytes.Repeat([]byte{'\n'}, int(line-next))...)
		text = append(text, rec...)
		next = line + int64(bytes.Count(rec, []byte{'\n'}))
		headDone = true
		return head(text, next)
	}
	for {
		data, line, err := c.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		sawData = true
		if err := splitChunk(src, data, line, each); err != nil {
			return err
		}
	}
	if !headDone {
		if sawData {
			// Only blank lines after the header: Run does not call that a
			// header-only file, so a partial file must not look like one.
			text = append(text, '\n')
		}
		return head(text, next)
	}
	return nil
}

// splitChunk cuts a chunk into records as parseCSV and parseJSONL do.
func splitChunk(src *source, data []byte, line int64, record func(line int64, text, customer []byte) error) error {
	quotes := src.format == formatCSV && bytes.IndexByte(data, '"') >= 0
	for pos := 0; pos < len(data); {
		end := len(data)
		if nl := bytes.IndexByte(data[pos:], '\n'); nl >= 0 {
			end = pos + nl + 1
		}
		if quotes && bytes.IndexByte(data[pos:end], '"') >= 0 {
			end = recordEnd(data, pos, src.delim)
		}
		rec := data[pos:end]
		recLine := line
		line += int64(bytes.Count(rec, []byte{'\n'}))
		pos = end
		if blank(src, rec) {
			continue
		}
		if err := record(recLine, rec, recordCustomer(src, rec)); err != nil {
			return err
		}
	}
	return nil
}

// blank reports whether Run skips rec as a blank line.
func blank(src *source, rec []byte) bool {
	if src.format == formatJSONL {
		return len(bytes.TrimSpace(rec)) == 0
	}
	rec = bytes.TrimSuffix(rec, []byte{'\n'})
	return len(bytes.TrimSuffix(rec, []byte{'\r'})) == 0
}

// recordCustomer returns the customer id Run reads from one record (nil
// when the row is broken before that or the id is empty).
func recordCustomer(src *source, rec []byte) []byte {
	var f [nCols][]byte
	if src.format == formatJSONL {
		rec = bytes.TrimSpace(rec)
		if !json.Valid(rec) || jsonFields(rec, src, &f) != "" {
			return nil
		}
		return nonEmpty(trimSpace(f[colCust]))
	}
	idx := -1
	for i, slot := range src.slotOf {
		if slot == colCust {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	var fields [][]byte
	if bytes.IndexByte(rec, '"') < 0 {
		rec = bytes.TrimSuffix(rec, []byte{'\n'})
		rec = bytes.TrimSuffix(rec, []byte{'\r'})
		fields = bytes.Split(rec, []byte{src.delim})
	} else {
		r := csv.NewReader(bytes.NewReader(rec))
		r.Comma = rune(src.delim)
		r.FieldsPerRecord = -1
		ss, err := r.Read()
		if err != nil {
			return nil
		}
		if _, err := r.Read(); !errors.Is(err, io.EOF) {
			return nil
		}
		for _, s := range ss {
			fields = append(fields, []byte(s))
		}
	}
	if len(fields) != src.nFields {
		return nil
	}
	return nonEmpty(trimSpace(fields[idx]))
}

func nonEmpty(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return append([]byte(nil), b...)
}

// gunzip decompresses r when it starts with the gzip magic bytes.
func gunzip(name string, r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: reading gzip: %w", name, err)
		}
		return gz, nil
	}
	return br, nil
}

// teeReader keeps a copy of what is read while keep is set.
type teeReader struct {
	r    io.Reader
	keep bool
	buf  []byte
}

func (t *teeReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	if t.keep {
		t.buf = append(t.buf, p[:n]...)
	}
	return n, err
}
