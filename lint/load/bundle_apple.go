package load

import (
	"bytes"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// parseAppleStrings reads an Apple .strings file (de.lproj/Localizable.strings):
// "key" = "value"; pairs with /* */ and // comments. Quoted strings
// decode \" \\ \n \t \r and \U00E9 (\u too); keys may also be written
// unquoted. The file must be UTF-8: a UTF-16 file is an error asking to
// convert it.
func parseAppleStrings(data []byte, start int) ([]bundleEntry, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &bundleError{off: bytes.IndexByte(data, 0), msg: "the file looks like UTF-16 (NUL bytes); save it as UTF-8"}
	}
	p := &stringsParser{data: data, pos: start}
	var out []bundleEntry
	for {
		if err := p.skip(); err != nil {
			return nil, err
		}
		if p.pos >= len(data) {
			return out, nil
		}
		ks := p.pos
		key, _, _, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.skip(); err != nil {
			return nil, err
		}
		if p.pos < len(data) && data[p.pos] == ';' { // "key"; means "key" = "key";
			p.pos++
			out = append(out, bundleEntry{path: []string{key.String()}, text: key, start: ks, end: p.pos - 1})
			continue
		}
		if p.pos >= len(data) || data[p.pos] != '=' {
			return nil, p.fail("expected = after the key")
		}
		p.pos++
		if err := p.skip(); err != nil {
			return nil, err
		}
		val, vs, ve, err := p.str()
		if err != nil {
			return nil, err
		}
		if err := p.skip(); err != nil {
			return nil, err
		}
		if p.pos >= len(data) || data[p.pos] != ';' {
			return nil, p.fail("expected ; after the value")
		}
		p.pos++
		out = append(out, bundleEntry{path: []string{key.String()}, text: val, start: vs, end: ve})
	}
}

type stringsParser struct {
	data []byte
	pos  int
}

func (p *stringsParser) fail(msg string) error {
	return &bundleError{off: min(p.pos, len(p.data)), msg: msg}
}

// skip skips white space and comments.
func (p *stringsParser) skip() error {
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			p.pos++
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '/':
			for p.pos < len(p.data) && p.data[p.pos] != '\n' {
				p.pos++
			}
		case c == '/' && p.pos+1 < len(p.data) && p.data[p.pos+1] == '*':
			i := bytes.Index(p.data[p.pos+2:], []byte("*/"))
			if i < 0 {
				return p.fail("comment is never closed with */")
			}
			p.pos += 2 + i + 2
		default:
			return nil
		}
	}
	return nil
}

// isStringsBare reports whether c may appear in an unquoted key.
func isStringsBare(c byte) bool {
	return message.IsIdentByte(c) || c == '.' || c == '-' || c == '$' || c == ':' || c == '/'
}

// str reads a quoted or unquoted string at p.pos and its file range.
func (p *stringsParser) str() (message.Text, int, int, error) {
	s := p.pos
	if p.pos < len(p.data) && p.data[p.pos] != '"' {
		for p.pos < len(p.data) && isStringsBare(p.data[p.pos]) {
			p.pos++
		}
		if p.pos == s {
			return message.Text{}, 0, 0, p.fail("expected a quoted string")
		}
		return message.VerbatimText(string(p.data[s:p.pos]), s), s, p.pos, nil
	}
	var b message.TextBuilder
	run := s + 1
	for i := s + 1; i < len(p.data); {
		switch p.data[i] {
		case '"':
			message.AppendLines(&b, string(p.data[run:i]), run)
			p.pos = i + 1
			return b.Text(), s, p.pos, nil
		case '\\':
			message.AppendLines(&b, string(p.data[run:i]), run)
			rep, n := stringsEscape(p.data[i:])
			b.Mapped(rep, i, i+n)
			i += n
			run = i
		default:
			i++
		}
	}
	p.pos = s
	return message.Text{}, 0, 0, p.fail("string is never closed with \"")
}

// stringsEscape decodes the escape at the start of s (a backslash); n is
// its length.
func stringsEscape(s []byte) (string, int) {
	if len(s) < 2 {
		return "\\", 1
	}
	switch c := s[1]; c {
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case 'a':
		return "\a", 2
	case 'b':
		return "\b", 2
	case 'f':
		return "\f", 2
	case 'v':
		return "\v", 2
	case 'U', 'u':
		if r, ok := hex4(s[2:]); ok {
			if utf16.IsSurrogate(r) && len(s) >= 12 && s[6] == '\\' && (s[7] == 'U' || s[7] == 'u') {
				if r2, ok := hex4(s[8:]); ok {
					if d := utf16.DecodeRune(r, r2); d != '\uFFFD' {
						return string(d), 12
					}
				}
			}
			if utf16.IsSurrogate(r) {
				r = '\uFFFD'
			}
			return string(r), 6
		}
		return string(c), 2
	default:
		if c >= '0' && c <= '7' {
			n := 2
			for n < 4 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
				n++
			}
			v, _ := strconv.ParseUint(string(s[1:n]), 8, 16)
			return phpByte(byte(v)), n
		}
		_, n := utf8.DecodeRune(s[1:])
		return string(s[1 : 1+n]), 1 + n
	}
}
