package simulate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// detectDelimiter picks the delimiter of a CSV header line: the most frequent
// of ',', ';' and tab outside double quotes (ties in that order; ',' when
// none occurs).
func detectDelimiter(header []byte) byte {
	var n [3]int
	in := false
	for _, ch := range header {
		switch ch {
		case '"':
			in = !in
		case ',':
			if !in {
				n[0]++
			}
		case ';':
			if !in {
				n[1]++
			}
		case '\t':
			if !in {
				n[2]++
			}
		}
	}
	best, delim := 0, byte(',')
	for i, d := range []byte{',', ';', '\t'} {
		if n[i] > best {
			best, delim = n[i], d
		}
	}
	return delim
}

// readCSVHeader reads the header row of a CSV source and maps the columns.
func readCSVHeader(src *source, c *chunker, cols Columns) error {
	line, ln, err := c.headerLine()
	if err != nil {
		return err
	}
	if line == nil {
		return &emptyInputError{name: src.name}
	}
	src.delim = detectDelimiter(line)
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = rune(src.delim)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s:%d: unreadable header row: %w", src.name, ln, err)
	}
	for i := range header {
		header[i] = strings.TrimSpace(header[i])
	}
	src.header = header
	src.nFields = len(header)
	src.slotOf = make([]int8, len(header))
	for i := range src.slotOf {
		src.slotOf[i] = -1
	}
	required := [nCols]bool{colCust: true, colTS: true, colStatus: true, colEnt: cols.entityExplicit, colZone: cols.zoneExplicit}
	for slot, name := range src.names {
		idx, err := findColumn(header, name)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", src.name, ln, err)
		}
		if idx < 0 {
			if required[slot] {
				return fmt.Errorf("%s:%d: missing column %q (header: %s); name another column with [simulate.columns] %s = \"...\"",
					src.name, ln, name, strings.Join(header, ", "), colKeys[slot])
			}
			continue
		}
		if other := src.slotOf[idx]; other >= 0 {
			return fmt.Errorf("%s:%d: column %q is mapped to both %s and %s", src.name, ln, header[idx], colKeys[other], colKeys[slot])
		}
		src.slotOf[idx] = int8(slot)
		src.has[slot] = true
		if idx > src.maxIdx {
			src.maxIdx = idx
		}
	}
	return nil
}

// findColumn returns the index of name in header: an exact match, else a
// unique case-insensitive one; -1 when absent.
func findColumn(header []string, name string) (int, error) {
	found := -1
	for i, h := range header {
		if h == name {
			if found >= 0 {
				return -1, fmt.Errorf("column %q appears twice in the header", name)
			}
			found = i
		}
	}
	if found >= 0 {
		return found, nil
	}
	for i, h := range header {
		if strings.EqualFold(h, name) {
			if found >= 0 {
				return -1, fmt.Errorf("column %q matches several header names ignoring case", name)
			}
			found = i
		}
	}
	return found, nil
}

// parseCSV parses a chunk of CSV records. Lines without a double quote are
// split by hand; lines with one go through encoding/csv.
func (p *parser) parseCSV(j *job, res *result) {
	src, data, line := j.src, j.data, j.line
	quotes := bytes.IndexByte(data, '"') >= 0
	pos := 0
	for pos < len(data) {
		rest := data[pos:]
		nl := bytes.IndexByte(rest, '\n')
		rec, next := rest, len(data)
		if nl >= 0 {
			rec, next = rest[:nl], pos+nl+1
		}
		if quotes && bytes.IndexByte(rec, '"') >= 0 {
			end := recordEnd(data, pos, src.delim)
			full := data[pos:end]
			p.slowRecord(res, src, full, line)
			line += int64(bytes.Count(full, []byte{'\n'}))
			pos = end
			continue
		}
		recLine := line
		line++
		pos = next
		if n := len(rec); n > 0 && rec[n-1] == '\r' {
			rec = rec[:n-1]
		}
		if len(rec) == 0 {
			continue
		}
		p.fastRecord(res, src, rec, recLine)
	}
}

// fastRecord splits an unquoted record.
func (p *parser) fastRecord(res *result, src *source, rec []byte, line int64) {
	var f [nCols][]byte
	n, start := 0, 0
	for {
		i := bytes.IndexByte(rec[start:], src.delim)
		end := len(rec)
		if i >= 0 {
			end = start + i
		}
		if n < len(src.slotOf) {
			if slot := src.slotOf[n]; slot >= 0 {
				f[slot] = rec[start:end]
			}
		}
		n++
		if i < 0 {
			break
		}
		start = end + 1
		if n > src.maxIdx {
			n += bytes.Count(rec[start:], []byte{src.delim}) + 1
			break
		}
	}
	if n != src.nFields {
		p.bad(res, src, line, "%d fields, the header has %d", n, src.nFields)
		return
	}
	p.emitRow(res, src, line, &f, isASCII(rec))
}

// slowRecord parses one record containing quotes with encoding/csv.
func (p *parser) slowRecord(res *result, src *source, full []byte, line int64) {
	r := csv.NewReader(bytes.NewReader(full))
	r.Comma = rune(src.delim)
	r.FieldsPerRecord = -1
	fields, err := r.Read()
	if errors.Is(err, io.EOF) {
		return // blank
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.bad(res, src, line, "malformed CSV: %v (line %d, column %d)", pe.Err, line+int64(pe.Line)-1, pe.Column)
		} else {
			p.bad(res, src, line, "malformed CSV: %v", err)
		}
		return
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		p.bad(res, src, line, "malformed CSV quoting")
		return
	}
	if len(fields) != src.nFields {
		p.bad(res, src, line, "%d fields, the header has %d", len(fields), src.nFields)
		return
	}
	var f [nCols][]byte
	for i, v := range fields {
		if slot := src.slotOf[i]; slot >= 0 {
			f[slot] = []byte(v)
		}
	}
	p.emit(res, src, line, &f)
}
