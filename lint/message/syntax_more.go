package message

import "strings"

// This file reads the template languages notelint knows only by their
// tags, recognised by content in files of any extension: Template
// Toolkit, Mako and PHP.

// ttControlWords start Template Toolkit directives (not values).
var ttControlWords = map[string]bool{
	"IF": true, "ELSIF": true, "ELSE": true, "END": true, "UNLESS": true, "FOR": true, "FOREACH": true,
	"WHILE": true, "INCLUDE": true, "PROCESS": true, "INSERT": true, "WRAPPER": true, "BLOCK": true,
	"SET": true, "DEFAULT": true, "CALL": true, "USE": true, "MACRO": true, "SWITCH": true, "CASE": true,
	"FILTER": true, "TRY": true, "CATCH": true, "NEXT": true, "LAST": true, "RETURN": true, "STOP": true,
}

// tt reads a Template Toolkit tag at i (t[i:] starts with "[%"): [% x %]
// and [% x | html %] are values; directives ([% IF a %], [% INCLUDE f %]),
// assignments ([% a = b; c = d %]), calls ([% nget(…) %]) and comments
// ([%# c %]) are control.
func (s *phScanner) tt(t string, i int) int {
	e := s.find(t, i+2, "%]")
	if e < 0 {
		s.issue(i, i+2, "\"[%\" is never closed with \"%]\"", false)
		return i + 2
	}
	end := i + 2 + e + 2
	code := strings.TrimSpace(strings.Trim(strings.TrimSpace(t[i+2:i+2+e]), "-+~"))
	w, _, _ := strings.Cut(code, " ")
	name := firstIdent(code)
	if strings.HasPrefix(code, "#") || ttControlWords[w] || strings.ContainsAny(code, "=;(") || name == "" {
		s.add(Placeholder{Start: i, End: end, Control: true})
		return end
	}
	s.add(Placeholder{Name: name, Start: i, End: end})
	return end
}

// dollarBrace reads a ${ expr } placeholder at i (Mako, FreeMarker,
// JavaScript template literals).
func (s *phScanner) dollarBrace(t string, i int) int {
	e := s.find(t, i+2, "}")
	if e < 0 || strings.IndexByte(t[i+2:i+2+e], '\n') >= 0 {
		return i + 1
	}
	end := i + 2 + e + 1
	code := t[i+2 : i+2+e]
	s.add(Placeholder{Name: firstIdent(code), Start: i, End: end, Translated: IsTranslationCall(strings.TrimSpace(code))})
	return end
}

// makoTagEnd returns the length of the Mako tag t starts with:
// <%namespace … />, <%inherit … />, <%def …>, </%def>, <%block>; 0 when t
// starts with none ("<%!" and "<% %>" blocks are ERB's syntax).
func makoTagEnd(t string) int {
	if !strings.HasPrefix(t, "</%") && (len(t) < 3 || !strings.HasPrefix(t, "<%") || t[2] < 'a' || t[2] > 'z') {
		return 0
	}
	e := strings.IndexByte(t, '>')
	if e < 0 || e > maxArgLen {
		return 0
	}
	return e + 1
}

// makoLine reads a Mako control line at i, the start of a line: "% if x:",
// "% endfor", "## comment". It returns i when the line is text.
func (s *phScanner) makoLine(t string, i int) int {
	j := i
	for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
		j++
	}
	if j >= len(t) {
		return i
	}
	switch {
	case strings.HasPrefix(t[j:], "##"):
	case t[j] == '%' && j+1 < len(t) && t[j+1] != '%' && t[j+1] != '{':
	default:
		return i
	}
	end := strings.IndexByte(t[j:], '\n')
	if end < 0 {
		end = len(t)
	} else {
		end += j
	}
	s.add(Placeholder{Start: j, End: end, Control: true})
	return end
}

// php reads a PHP tag at i (t[i:] starts with "<?"): <?= expr ?> is a
// value, <?php … ?> code.
func (s *phScanner) php(t string, i int) int {
	e := s.find(t, i+2, "?>")
	if e < 0 {
		s.issue(i, i+2, "\"<?\" is never closed with \"?>\"", false)
		return i + 2
	}
	end := i + 2 + e + 2
	code := t[i+2 : i+2+e]
	if strings.HasPrefix(code, "=") {
		name := code[1:]
		if k := strings.Index(name, "['"); k >= 0 { // $values['title'] → title
			name = name[k+2:]
		}
		s.add(Placeholder{Name: firstIdent(name), Start: i, End: end})
		return end
	}
	s.add(Placeholder{Start: i, End: end, Control: true})
	return end
}

// atLineStart reports whether t[i] starts a line.
func atLineStart(t string, i int) bool { return i == 0 || t[i-1] == '\n' }
