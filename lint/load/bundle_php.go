package load

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// parsePHPBundle reads a PHP translation file. Two shapes are messages:
// a returned array (Laravel lang/de/*.php: return [ 'key' => 'value',
// 'nested' => [ … ] ]; or array( … )), keyed by the joined keys; and
// assignments of strings or arrays to an array variable ($lang['key'] =
// '…'; CodeIgniter, LibreBooking), keyed by the variable name and the
// keys (lang.key). Values must be single- or double-quoted strings or
// arrays of them (numbers, true, false and null are skipped): a function
// call, a concatenation, a variable or a heredoc there is an error naming
// its line and column. Other code (classes, functions, require) is
// skipped.
func parsePHPBundle(data []byte, start int) ([]bundleEntry, error) {
	if len(bytes.TrimSpace(data[start:])) == 0 {
		return nil, nil // an empty file: the encoding rule reports it
	}
	if !bytes.Contains(data[start:], []byte("<?")) {
		return nil, &bundleError{off: start, msg: "no <?php opening tag: PHP prints the file as text and reads no translations from it"}
	}
	p := &phpParser{lx: phpLexer{data: data, pos: start}}
	if err := p.lx.skipInline(); err != nil {
		return nil, err
	}
	stmtStart := true
	for {
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.kind == phpEOF {
			return p.out, nil
		}
		if stmtStart {
			if err := p.statement(t); err != nil {
				return nil, err
			}
			t = p.last
		}
		stmtStart = t.kind == phpPunct && (t.text == ";" || t.text == "{" || t.text == "}")
	}
}

type phpKind int

const (
	phpEOF phpKind = iota
	phpPunct
	phpIdent
	phpVar
	phpString
	phpNumber
	phpHeredoc
)

// phpToken is one token; for strings, text is the decoded value and val
// its positions.
type phpToken struct {
	kind       phpKind
	text       string
	val        message.Text
	start, end int
	interp     int // offset of a variable interpolated in a "…" string, or -1
}

type phpParser struct {
	lx     phpLexer
	out    []bundleEntry
	last   phpToken
	peeked *phpToken
}

func (p *phpParser) next() (phpToken, error) {
	if p.peeked != nil {
		t := *p.peeked
		p.peeked = nil
		p.last = t
		return t, nil
	}
	t, err := p.lx.token()
	p.last = t
	return t, err
}

func (p *phpParser) peek() (phpToken, error) {
	if p.peeked == nil {
		last := p.last
		t, err := p.next()
		if err != nil {
			return t, err
		}
		p.peeked, p.last = &t, last
	}
	return *p.peeked, nil
}

func (t phpToken) is(s string) bool { return t.kind == phpPunct && t.text == s }

// statement reads a statement that starts with t when it is a return of
// an array or an assignment to an array variable; other statements are
// left to the caller to skip.
func (p *phpParser) statement(t phpToken) error {
	switch {
	case t.kind == phpIdent && strings.EqualFold(t.text, "return"):
		n, err := p.peek()
		if err != nil || !(n.is("[") || n.kind == phpIdent && strings.EqualFold(n.text, "array")) {
			return err
		}
		if _, err := p.next(); err != nil {
			return err
		}
		return p.array(n, nil, 0)
	case t.kind == phpVar:
		path := []string{t.text}
		for {
			n, err := p.peek()
			if err != nil {
				return err
			}
			if n.is("=") {
				break
			}
			if !n.is("[") {
				return nil // not an assignment to an array: code
			}
			p.next() //nolint:errcheck // peeked
			k, err := p.next()
			if err != nil {
				return err
			}
			c, err := p.next()
			if err != nil {
				return err
			}
			if k.kind != phpString && k.kind != phpNumber || !c.is("]") || k.kind == phpString && k.interp >= 0 {
				return nil // $a[$i] = …, $a[] = …: code
			}
			path = append(path, k.text)
		}
		p.next() //nolint:errcheck // peeked "="
		v, err := p.next()
		if err != nil {
			return err
		}
		if v.is("[") || v.kind == phpIdent && strings.EqualFold(v.text, "array") {
			return p.array(v, path, 0)
		}
		if len(path) == 1 {
			return nil // $x = f(); is code
		}
		return p.value(v, path, 0)
	}
	return nil
}

// value reads the value starting with t at path and the token after it,
// which must end the value (, ] ) ;).
func (p *phpParser) value(t phpToken, path []string, depth int) error {
	switch {
	case t.kind == phpString:
		if t.interp >= 0 {
			return &bundleError{off: t.interp, msg: "a variable inside a double-quoted string: only plain strings are messages"}
		}
		p.out = append(p.out, bundleEntry{path: append([]string(nil), path...), text: t.val, start: t.start, end: t.end})
	case t.is("[") || t.kind == phpIdent && strings.EqualFold(t.text, "array"):
		if err := p.array(t, path, depth+1); err != nil {
			return err
		}
	case t.kind == phpNumber || t.kind == phpIdent && phpLiteral(t.text):
		// a number, true, false or null: no message
	case t.kind == phpHeredoc:
		return &bundleError{off: t.start, msg: "a heredoc value: only quoted strings are messages"}
	case t.kind == phpVar:
		return &bundleError{off: t.start, msg: "a variable " + t.text + " as a value: only quoted strings are messages"}
	case t.kind == phpIdent:
		return &bundleError{off: t.start, msg: "a function call or constant " + t.text + " as a value: only quoted strings are messages"}
	default:
		return &bundleError{off: t.start, msg: "expected a string or an array, found " + strconv.Quote(t.text)}
	}
	n, err := p.peek()
	if err != nil {
		return err
	}
	if n.is(",") || n.is("]") || n.is(")") || n.is(";") {
		return nil
	}
	if n.is(".") {
		return &bundleError{off: n.start, msg: "a concatenation with .: only plain strings are messages"}
	}
	if n.kind == phpEOF {
		return &bundleError{off: n.start, msg: "the file ends after the value: an array or statement is not closed"}
	}
	return &bundleError{off: n.start, msg: "unexpected " + strconv.Quote(n.text) + " after the value (a function call or an expression?)"}
}

func phpLiteral(s string) bool {
	switch strings.ToLower(s) {
	case "true", "false", "null":
		return true
	}
	return false
}

// array reads an array literal whose opening token ([ or array) is open.
func (p *phpParser) array(open phpToken, path []string, depth int) error {
	if depth > maxBundleDepth {
		return &bundleError{off: open.start, msg: "arrays are nested too deeply"}
	}
	closer := "]"
	if !open.is("[") {
		t, err := p.next()
		if err != nil {
			return err
		}
		if !t.is("(") {
			return &bundleError{off: t.start, msg: "expected ( after array"}
		}
		closer = ")"
	}
	index := 0
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		if t.is(closer) {
			return nil
		}
		if t.kind == phpEOF {
			return &bundleError{off: open.start, msg: "array is never closed with " + closer}
		}
		key := strconv.Itoa(index)
		n, err := p.peek()
		if err != nil {
			return err
		}
		if n.is("=>") {
			switch {
			case t.kind == phpString && t.interp < 0, t.kind == phpNumber:
				key = t.text
			default:
				return &bundleError{off: t.start, msg: "array key is not a quoted string or a number"}
			}
			p.next() //nolint:errcheck // peeked "=>"
			if t, err = p.next(); err != nil {
				return err
			}
			if i, err := strconv.Atoi(key); err == nil && i >= index {
				index = i + 1
			}
		} else {
			index++
		}
		if err := p.value(t, append(path, key), depth); err != nil {
			return err
		}
		sep, err := p.next()
		if err != nil {
			return err
		}
		if sep.is(closer) {
			return nil
		}
		if !sep.is(",") {
			return &bundleError{off: sep.start, msg: "expected , or " + closer + " in the array"}
		}
	}
}
