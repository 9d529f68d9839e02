package simulate

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Contact column slots.
const (
	ccCust = iota
	ccTS
	ccEnt
	ccChannel
	ccReason
	nContactCols
)

// contact is one inbound contact (a call, chat, e-mail or ticket).
type contact struct {
	cust, ent, channel, reason string
	t                          int64 // Unix nanoseconds
	order                      int   // input order, for ties
}

// contactInput is what the contact files hold.
type contactInput struct {
	rows  []contact
	bad   BadRows
	part  *Shard // --shard: the customers to keep (nil: all)
	owned bool   // the row being added is of a customer of part
}

// readContacts reads the contact files (CSV or JSON Lines, optionally
// gzipped; "-" is stdin). A bad row is counted with file:line and skipped,
// or is an error when strict.
func readContacts(names []string, stdin io.Reader, fsys fs.FS, p *Policy, strict bool) (*contactInput, error) {
	return readShardContacts(names, stdin, fsys, p, strict, nil)
}

// readShardContacts is readContacts keeping the contacts of the customers
// of part (all when nil); a bad row naming no customer counts in shard 0.
func readShardContacts(names []string, stdin io.Reader, fsys fs.FS, p *Policy, strict bool, part *Shard) (*contactInput, error) {
	in := &contactInput{bad: BadRows{First: []BadRow{}}, part: part}
	cols := p.Contacts.Columns.names()
	z := newZone(p.Timezone)
	for _, name := range names {
		r, closer, err := openInput(name, stdin, fsys)
		if err != nil {
			return nil, fmt.Errorf("contacts: %w", err)
		}
		err = readContactFile(in, name, r, cols, z, strict)
		_ = closer.Close()
		if err != nil {
			return nil, err
		}
	}
	return in, nil
}

func (in *contactInput) badRow(strict bool, name string, line int64, format string, args ...any) error {
	if !in.owned && !in.part.keepsUnowned() {
		return nil
	}
	b := BadRow{File: name, Line: line, Reason: fmt.Sprintf(format, args...)}
	if strict {
		return fmt.Errorf("contacts: %s (--strict)", b)
	}
	in.bad.Count++
	if len(in.bad.First) < maxBadKept {
		in.bad.First = append(in.bad.First, b)
	}
	return nil
}

// add validates one row's fields and keeps the contact.
func (in *contactInput) add(f *[nContactCols]string, cols *[nContactCols]string, z *zone, strict bool, name string, line int64) error {
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	if in.part != nil && f[ccCust] != "" {
		if !in.part.keeps([]byte(f[ccCust])) {
			return nil
		}
		in.owned = true
		defer func() { in.owned = false }()
	}
	for i := range f {
		if !utf8.ValidString(f[i]) {
			return in.badRow(strict, name, line, "%s is not valid UTF-8", cols[i])
		}
	}
	if f[ccCust] == "" {
		return in.badRow(strict, name, line, "empty %s", cols[ccCust])
	}
	t, err := parseTimestamp([]byte(f[ccTS]), z)
	if err != nil {
		return in.badRow(strict, name, line, "%s: %v", cols[ccTS], err)
	}
	in.rows = append(in.rows, contact{cust: f[ccCust], ent: f[ccEnt], channel: f[ccChannel], reason: f[ccReason], t: t, order: len(in.rows)})
	return nil
}

func readContactFile(in *contactInput, name string, r io.Reader, cols [nContactCols]string, z *zone, strict bool) error {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); string(b) == "\xEF\xBB\xBF" {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(64 << 10)
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) == 0 {
		return fmt.Errorf("contacts: %s: empty file (no header row and no contacts)", name)
	}
	format, known := formatByName(name)
	if !known && trimmed[0] == '{' {
		format = formatJSONL
	}
	if format == formatXES || !known && trimmed[0] == '<' {
		return fmt.Errorf("contacts: %s: XES is not read for contacts (CSV or JSON Lines)", name)
	}
	if format == formatJSONL {
		return readContactsJSONL(in, name, br, cols, z, strict)
	}
	return readContactsCSV(in, name, br, cols, z, strict)
}

func readContactsCSV(in *contactInput, name string, br *bufio.Reader, cols [nContactCols]string, z *zone, strict bool) error {
	head, _ := br.Peek(64 << 10)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	cr := csv.NewReader(br)
	cr.Comma = rune(detectDelimiter(head))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("contacts: %s:1: unreadable header row: %w", name, err)
	}
	idx := [nContactCols]int{}
	for i := range idx {
		idx[i] = -1
		for j, h := range header {
			if strings.TrimSpace(h) == cols[i] {
				idx[i] = j
				break
			}
		}
	}
	for _, i := range []int{ccCust, ccTS} {
		if idx[i] < 0 {
			return fmt.Errorf("contacts: %s:1: no column %q in the header (%s); rename it under [simulate.contacts.columns]", name, cols[i], strings.Join(header, ","))
		}
	}
	nFields := len(header)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			if berr := in.badRow(strict, name, int64(pe.Line), "broken CSV quoting: %v", pe.Err); berr != nil {
				return berr
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("contacts: %s: reading: %w", name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != nFields {
			if berr := in.badRow(strict, name, int64(line), "%d fields, the header has %d", len(rec), nFields); berr != nil {
				return berr
			}
			continue
		}
		var f [nContactCols]string
		for i, j := range idx {
			if j >= 0 {
				f[i] = rec[j]
			}
		}
		if err := in.add(&f, &cols, z, strict, name, int64(line)); err != nil {
			return err
		}
	}
}

func readContactsJSONL(in *contactInput, name string, br *bufio.Reader, cols [nContactCols]string, z *zone, strict bool) error {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), maxRecord)
	var line int64
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(b, &obj); err != nil {
			if berr := in.badRow(strict, name, line, "not a JSON object: %v", err); berr != nil {
				return berr
			}
			continue
		}
		var f [nContactCols]string
		ok := true
		for i, key := range cols {
			v, err := jsonScalar(obj[key])
			if err != nil {
				if berr := in.badRow(strict, name, line, "%s: %v", key, err); berr != nil {
					return berr
				}
				ok = false
				break
			}
			f[i] = v
		}
		if !ok {
			continue
		}
		if err := in.add(&f, &cols, z, strict, name, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("contacts: %s:%d: %w", name, line+1, err)
	}
	return nil
}

// jsonScalar returns a JSON string's value or a number's text ("" for a
// missing key or null).
func jsonScalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", fmt.Errorf("want a string or a number, found %s", raw)
}
