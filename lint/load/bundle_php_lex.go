package load

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

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

func isPHPIdentByte(c byte) bool { return message.IsIdentByte(c) || c >= 0x80 }

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
	var b message.TextBuilder
	run := s + 1
	for i := s + 1; i < len(l.data); i++ {
		switch l.data[i] {
		case '\\':
			if i+1 < len(l.data) && (l.data[i+1] == '\'' || l.data[i+1] == '\\') {
				message.AppendLines(&b, string(l.data[run:i]), run)
				b.Mapped(string(l.data[i+1]), i, i+2)
				i++
				run = i + 1
			}
		case '\'':
			message.AppendLines(&b, string(l.data[run:i]), run)
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
	var b message.TextBuilder
	interp := -1
	run := s + 1
	flush := func(i int) {
		if i > run {
			message.AppendLines(&b, string(l.data[run:i]), run)
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
