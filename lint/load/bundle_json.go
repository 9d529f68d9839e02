package load

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// bundleError is a syntax error in a bundle at a file offset.
type bundleError struct {
	off int
	msg string
}

func (e *bundleError) Error() string { return e.msg }

// maxBundleDepth bounds the nesting of bundle keys.
const maxBundleDepth = 100

// messageMeta are keys that describe a message next to "message" or
// "defaultMessage" (Chrome, FormatJS): such an object is one message.
var messageMeta = map[string]bool{"description": true, "placeholders": true, "meaning": true, "context": true, "note": true, "comment": true, "maxLength": true}

// parseJSONBundle reads a JSON bundle: an object whose string leaves are
// messages, keyed by their dotted path (nested or flat, i18next and ICU
// styles; arrays by index). {"message": …, "description": …} objects are
// one message. It reads the bytes once, keeping the file position of
// every character of every value.
func parseJSONBundle(data []byte, start int) ([]bundleEntry, error) {
	p := &jsonParser{data: data, pos: start}
	p.ws()
	if p.pos >= len(data) {
		return nil, nil
	}
	if data[p.pos] != '{' {
		return nil, p.fail("a JSON bundle must be an object of keys and messages")
	}
	if err := p.value(nil, 0); err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(data) {
		return nil, p.fail("unexpected text after the end of the JSON object")
	}
	return p.out, nil
}

type jsonParser struct {
	data    []byte
	records int // lists of records the parser is inside (see bundleEntry.positional)
	pos     int
	out     []bundleEntry
}

func (p *jsonParser) fail(msg string) error {
	return &bundleError{off: min(p.pos, len(p.data)), msg: msg}
}

func (p *jsonParser) ws() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.pos++
		default:
			return
		}
	}
}

func (p *jsonParser) value(path []string, depth int) error {
	if depth > maxBundleDepth {
		return p.fail("keys are nested too deeply")
	}
	p.ws()
	if p.pos >= len(p.data) {
		return p.fail("unexpected end of file")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object(path, depth)
	case c == '[':
		return p.array(path, depth)
	case c == '"':
		start := p.pos
		text, err := p.str()
		if err != nil {
			return err
		}
		if path != nil {
			p.out = append(p.out, bundleEntry{path: append([]string(nil), path...), text: text, start: start, end: p.pos, positional: p.records > 0})
		}
		return nil
	default:
		return p.literal()
	}
}

func (p *jsonParser) object(path []string, depth int) error {
	p.pos++ // {
	first := len(p.out)
	var keys []string
	for {
		p.ws()
		if p.pos >= len(p.data) {
			return p.fail("object is never closed with }")
		}
		if p.data[p.pos] == '}' && len(keys) == 0 {
			p.pos++
			return nil
		}
		if p.data[p.pos] != '"' {
			return p.fail("expected a quoted key")
		}
		kt, err := p.str()
		if err != nil {
			return err
		}
		key := kt.String()
		keys = append(keys, key)
		p.ws()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return p.fail("expected : after the key")
		}
		p.pos++
		if err := p.value(append(path, key), depth+1); err != nil {
			return err
		}
		p.ws()
		if p.pos >= len(p.data) {
			return p.fail("object is never closed with }")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			p.collapseMessage(path, keys, first)
			return nil
		default:
			return p.fail("expected , or } after the value")
		}
	}
}

// collapseMessage turns {"message": "…", "description": "…"} (or
// "defaultMessage") just read into one entry keyed by the object.
func (p *jsonParser) collapseMessage(path []string, keys []string, first int) {
	if path == nil {
		return
	}
	msg := -1
	for _, k := range keys {
		if k != "message" && k != "defaultMessage" && !messageMeta[k] {
			return
		}
	}
	for i := first; i < len(p.out); i++ {
		e := p.out[i]
		if len(e.path) == len(path)+1 && (e.path[len(path)] == "message" || e.path[len(path)] == "defaultMessage") {
			msg = i
		}
	}
	if msg < 0 {
		return
	}
	e := p.out[msg]
	e.path = append([]string(nil), path...)
	p.out = append(p.out[:first], e)
}

func (p *jsonParser) array(path []string, depth int) error {
	p.pos++ // [
	p.ws()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return nil
	}
	for i := 0; ; i++ {
		p.ws()
		rec := p.pos < len(p.data) && p.data[p.pos] == '{'
		if rec {
			p.records++
		}
		err := p.value(append(path, strconv.Itoa(i)), depth+1)
		if rec {
			p.records--
		}
		if err != nil {
			return err
		}
		p.ws()
		if p.pos >= len(p.data) {
			return p.fail("array is never closed with ]")
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return nil
		default:
			return p.fail("expected , or ] after the value")
		}
	}
}

func (p *jsonParser) literal() error {
	start := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' {
			break
		}
		p.pos++
	}
	switch lit := string(p.data[start:p.pos]); lit {
	case "true", "false", "null":
		return nil
	default:
		if _, err := strconv.ParseFloat(lit, 64); err == nil && lit != "" {
			return nil
		}
		p.pos = start
		return p.fail("expected a value (a string, number, object, array, true, false or null)")
	}
}

// str reads a JSON string at p.pos, decoding escapes while recording the
// file range of each character.
func (p *jsonParser) str() (message.Text, error) {
	open := p.pos
	p.pos++
	var b message.TextBuilder
	b.SetHost(message.Host{Str: message.StrJSON})
	run := p.pos
	flush := func() {
		if p.pos > run {
			b.Verbatim(string(p.data[run:p.pos]), run)
		}
	}
	for {
		if p.pos >= len(p.data) {
			p.pos = open
			return message.Text{}, p.fail("string is never closed with \"")
		}
		c := p.data[p.pos]
		switch {
		case c == '"':
			flush()
			p.pos++
			return b.Text(), nil
		case c == '\\':
			flush()
			rep, n := jsonEscape(p.data[p.pos:])
			if n == 0 {
				return message.Text{}, p.fail("invalid escape in string")
			}
			b.Mapped(rep, p.pos, p.pos+n)
			p.pos += n
			run = p.pos
		case c < 0x20:
			return message.Text{}, p.fail("line break or control character inside a string (write \\n)")
		default:
			p.pos++
		}
	}
}

// jsonEscape decodes the escape at the start of s; n is its length in
// bytes, 0 when it is invalid.
func jsonEscape(s []byte) (string, int) {
	if len(s) < 2 {
		return "", 0
	}
	switch s[1] {
	case '"':
		return `"`, 2
	case '\\':
		return `\`, 2
	case '/':
		return "/", 2
	case 'b':
		return "\b", 2
	case 'f':
		return "\f", 2
	case 'n':
		return "\n", 2
	case 'r':
		return "\r", 2
	case 't':
		return "\t", 2
	case 'u':
		r1, ok := hex4(s[2:])
		if !ok {
			return "", 0
		}
		if utf16.IsSurrogate(r1) && len(s) >= 12 && s[6] == '\\' && s[7] == 'u' {
			if r2, ok := hex4(s[8:]); ok {
				if r := utf16.DecodeRune(r1, r2); r != utf8.RuneError {
					return string(r), 12
				}
			}
		}
		if utf16.IsSurrogate(r1) {
			r1 = utf8.RuneError
		}
		return string(r1), 6
	}
	return "", 0
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	v, err := strconv.ParseUint(string(s[:4]), 16, 32)
	return rune(v), err == nil
}
