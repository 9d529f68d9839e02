package lint

import (
	"bytes"
	"strconv"
	"strings"
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
	val        Text
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

// phpLexer splits PHP code into tokens, skipping white space, comments
// and inline text outside <?php … ?>.
type phpLexer struct {
	data []byte
	pos  int
}

// skipInline skips text up to and including the next <?php or <?= tag.
func (l *phpLexer) skipInline() error {
	i := bytes.Index(l.data[l.pos:], []byte("<?"))
	if i < 0 {
		l.pos = len(l.data)
		return nil
	}
	l.pos += i + 2
	if rest := l.data[l.pos:]; len(rest) >= 3 && strings.EqualFold(string(rest[:3]), "php") {
		l.pos += 3
	} else if len(rest) > 0 && rest[0] == '=' {
		l.pos++
	}
	return nil
}

func (l *phpLexer) token() (phpToken, error) {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			l.pos++
		case c == '#' || c == '/' && l.at(1) == '/':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && !bytes.HasPrefix(l.data[l.pos:], []byte("?>")) {
				l.pos++
			}
		case c == '/' && l.at(1) == '*':
			i := bytes.Index(l.data[l.pos+2:], []byte("*/"))
			if i < 0 {
				return phpToken{}, &bundleError{off: l.pos, msg: "comment is never closed with */"}
			}
			l.pos += 2 + i + 2
		case c == '?' && l.at(1) == '>':
			l.pos += 2
			if err := l.skipInline(); err != nil {
				return phpToken{}, err
			}
			return phpToken{kind: phpPunct, text: ";", start: l.pos, end: l.pos, interp: -1}, nil
		default:
			return l.lex()
		}
	}
	return phpToken{kind: phpEOF, start: len(l.data), end: len(l.data), interp: -1}, nil
}

func (l *phpLexer) at(n int) byte {
	if l.pos+n < len(l.data) {
		return l.data[l.pos+n]
	}
	return 0
}

func isPHPIdentByte(c byte) bool { return isIdentByte(c) || c >= 0x80 }

func (l *phpLexer) lex() (phpToken, error) {
	s := l.pos
	c := l.data[s]
	tok := phpToken{start: s, interp: -1}
	switch {
	case c == '\'':
		return l.single()
	case c == '"':
		return l.double()
	case c == '<' && bytes.HasPrefix(l.data[s:], []byte("<<<")):
		if err := l.heredoc(); err != nil {
			return tok, err
		}
		tok.kind, tok.text = phpHeredoc, "<<<"
	case c == '$' && l.pos+1 < len(l.data) && isPHPIdentByte(l.data[l.pos+1]):
		l.pos++
		for l.pos < len(l.data) && isPHPIdentByte(l.data[l.pos]) {
			l.pos++
		}
		tok.kind, tok.text = phpVar, string(l.data[s+1:l.pos])
	case c >= '0' && c <= '9':
		for l.pos < len(l.data) && (isPHPIdentByte(l.data[l.pos]) || l.data[l.pos] == '.') {
			l.pos++
		}
		tok.kind, tok.text = phpNumber, string(l.data[s:l.pos])
	case isPHPIdentByte(c) || c == '\\':
		for l.pos < len(l.data) && (isPHPIdentByte(l.data[l.pos]) || l.data[l.pos] == '\\') {
			l.pos++
		}
		tok.kind, tok.text = phpIdent, string(l.data[s:l.pos])
	default:
		tok.kind = phpPunct
		for _, op := range []string{"=>", "->", "::", "==", "!=", "<=", ">=", "??", "**", ".="} {
			if bytes.HasPrefix(l.data[s:], []byte(op)) {
				l.pos += len(op)
				tok.text = op
				tok.end = l.pos
				return tok, nil
			}
		}
		l.pos++
		tok.text = string(c)
	}
	tok.end = l.pos
	return tok, nil
}

// single reads a single-quoted string: only \' and \\ are escapes.
func (l *phpLexer) single() (phpToken, error) {
	s := l.pos
	var b TextBuilder
	run := s + 1
	for i := s + 1; i < len(l.data); i++ {
		switch l.data[i] {
		case '\\':
			if i+1 < len(l.data) && (l.data[i+1] == '\'' || l.data[i+1] == '\\') {
				appendLines(&b, string(l.data[run:i]), run)
				b.Mapped(string(l.data[i+1]), i, i+2)
				i++
				run = i + 1
			}
		case '\'':
			appendLines(&b, string(l.data[run:i]), run)
			l.pos = i + 1
			t := b.Text()
			return phpToken{kind: phpString, text: t.String(), val: t, start: s, end: l.pos, interp: -1}, nil
		}
	}
	return phpToken{}, &bundleError{off: s, msg: "string is never closed with '"}
}

// double reads a double-quoted string with its escapes; a $name or {$
// inside is an interpolation, recorded in interp.
func (l *phpLexer) double() (phpToken, error) {
	s := l.pos
	var b TextBuilder
	interp := -1
	run := s + 1
	flush := func(i int) {
		if i > run {
			appendLines(&b, string(l.data[run:i]), run)
		}
	}
	for i := s + 1; i < len(l.data); {
		c := l.data[i]
		switch {
		case c == '"':
			flush(i)
			l.pos = i + 1
			t := b.Text()
			return phpToken{kind: phpString, text: t.String(), val: t, start: s, end: l.pos, interp: interp}, nil
		case c == '\\' && i+1 < len(l.data):
			rep, n := phpEscape(l.data[i:])
			if n == 0 {
				i++
				continue
			}
			flush(i)
			b.Mapped(rep, i, i+n)
			i += n
			run = i
		case c == '$' && i+1 < len(l.data) && (isPHPIdentByte(l.data[i+1]) || l.data[i+1] == '{'),
			c == '{' && i+1 < len(l.data) && l.data[i+1] == '$':
			if interp < 0 {
				interp = i
			}
			i++
		default:
			i++
		}
	}
	return phpToken{}, &bundleError{off: s, msg: "string is never closed with \""}
}

// phpEscape decodes the double-quoted string escape at the start of s; n
// is 0 when the backslash is literal.
func phpEscape(s []byte) (string, int) {
	switch c := s[1]; c {
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case 'v':
		return "\v", 2
	case 'e':
		return "\x1b", 2
	case 'f':
		return "\f", 2
	case '\\', '$', '"':
		return string(c), 2
	case 'x':
		n := 2
		for n < 4 && n < len(s) && isHexDigit(s[n]) {
			n++
		}
		if n == 2 {
			return "", 0
		}
		v, _ := strconv.ParseUint(string(s[2:n]), 16, 8)
		return phpByte(byte(v)), n
	case 'u':
		if len(s) > 3 && s[2] == '{' {
			if e := bytes.IndexByte(s[3:], '}'); e > 0 && e <= 6 {
				if v, err := strconv.ParseUint(string(s[3:3+e]), 16, 32); err == nil && v <= 0x10FFFF {
					return string(rune(v)), 3 + e + 1
				}
			}
		}
		return "", 0
	default:
		if c >= '0' && c <= '7' {
			n := 1
			for n < 4 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
				n++
			}
			v, _ := strconv.ParseUint(string(s[1:n]), 8, 16)
			return phpByte(byte(v)), n
		}
		return "", 0
	}
}

// phpByte is a byte escape as text: ASCII as itself, other bytes (half of
// a UTF-8 sequence) as U+FFFD.
func phpByte(b byte) string {
	if b < 0x80 {
		return string(rune(b))
	}
	return "\uFFFD"
}

func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// heredoc skips <<<ID … ID (and nowdoc <<<'ID').
func (l *phpLexer) heredoc() error {
	s := l.pos
	i := s + 3
	for i < len(l.data) && (l.data[i] == ' ' || l.data[i] == '\t') {
		i++
	}
	quote := byte(0)
	if i < len(l.data) && (l.data[i] == '\'' || l.data[i] == '"') {
		quote = l.data[i]
		i++
	}
	ns := i
	for i < len(l.data) && isPHPIdentByte(l.data[i]) {
		i++
	}
	id := string(l.data[ns:i])
	if quote != 0 && (i >= len(l.data) || l.data[i] != quote) || id == "" {
		return &bundleError{off: s, msg: "malformed heredoc"}
	}
	if quote != 0 {
		i++
	}
	for {
		nl := bytes.IndexByte(l.data[i:], '\n')
		if nl < 0 {
			return &bundleError{off: s, msg: "heredoc is never closed with " + id}
		}
		i += nl + 1
		j := i
		for j < len(l.data) && (l.data[j] == ' ' || l.data[j] == '\t') {
			j++
		}
		if bytes.HasPrefix(l.data[j:], []byte(id)) && (j+len(id) >= len(l.data) || !isPHPIdentByte(l.data[j+len(id)])) {
			l.pos = j + len(id)
			return nil
		}
	}
}
