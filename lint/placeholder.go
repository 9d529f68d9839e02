package lint

import (
	"strings"
)

// goControlWords start Go-template and Liquid/Jinja control actions.
var goControlWords = map[string]bool{
	"if": true, "else": true, "end": true, "range": true, "with": true,
	"define": true, "template": true, "block": true, "break": true, "continue": true,
	"endif": true, "endfor": true, "for": true, "elif": true, "unless": true,
}

// PlaceholderIssue is a syntax problem found while scanning placeholders.
type PlaceholderIssue struct {
	Start, End int // text byte range
	Message    string
}

// ScanPlaceholders finds placeholders in text in the syntaxes {{ name }},
// {{.Name}}, {{ name | filter }}, {% tag %}, %{name} and {name}, and reports
// unbalanced delimiters.
func ScanPlaceholders(text string) ([]Placeholder, []PlaceholderIssue) {
	var phs []Placeholder
	var issues []PlaceholderIssue
	i := 0
	for i < len(text) {
		c := text[i]
		switch {
		case c == '{' && strings.HasPrefix(text[i:], "{{"):
			end := strings.Index(text[i+2:], "}}")
			next := strings.Index(text[i+2:], "{{")
			if end < 0 || (next >= 0 && next < end) {
				issues = append(issues, PlaceholderIssue{i, i + 2, "\"{{\" is never closed with \"}}\""})
				i += 2
				continue
			}
			stop := i + 2 + end + 2
			if strings.HasPrefix(text[i:], "{{{") && stop < len(text) && text[stop] == '}' {
				stop++ // triple mustache {{{ raw }}}
			}
			inner := text[i+2 : i+2+end]
			name, control := parseMustacheInner(inner)
			phs = append(phs, Placeholder{Name: name, Start: i, End: stop, Control: control})
			i = stop
		case c == '{' && strings.HasPrefix(text[i:], "{%"):
			end := strings.Index(text[i+2:], "%}")
			if end < 0 {
				issues = append(issues, PlaceholderIssue{i, i + 2, "\"{%\" is never closed with \"%}\""})
				i += 2
				continue
			}
			stop := i + 2 + end + 2
			phs = append(phs, Placeholder{Start: i, End: stop, Control: true})
			i = stop
		case c == '}' && strings.HasPrefix(text[i:], "}}"):
			issues = append(issues, PlaceholderIssue{i, i + 2, "\"}}\" has no opening \"{{\""})
			i += 2
		case c == '%' && strings.HasPrefix(text[i:], "%{"):
			end := strings.IndexByte(text[i+2:], '}')
			if end < 0 {
				issues = append(issues, PlaceholderIssue{i, i + 2, "\"%{\" is never closed with \"}\""})
				i += 2
				continue
			}
			name := strings.TrimSpace(text[i+2 : i+2+end])
			if isIdent(name) {
				phs = append(phs, Placeholder{Name: name, Start: i, End: i + 2 + end + 1})
			}
			i += 2 + end + 1
		case c == '{':
			if n, ok := icuSimple(text[i:]); ok {
				phs = append(phs, Placeholder{Name: n.name, Start: i, End: i + n.length})
				i += n.length
				continue
			}
			i++
		default:
			i++
		}
	}
	return phs, issues
}

// parseMustacheInner reads the inside of {{ ... }}: the variable name, or
// control=true for sections, comments, partials and template actions.
func parseMustacheInner(inner string) (string, bool) {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(inner), "-~{}"))
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	switch s[0] {
	case '#', '/', '^', '!', '>', '&', '@':
		if s[0] == '&' {
			return firstIdent(s[1:]), false
		}
		return "", true
	}
	if pipe := strings.IndexByte(s, '|'); pipe >= 0 {
		s = strings.TrimSpace(s[:pipe])
	}
	word := s
	if sp := strings.IndexAny(s, " \t\n("); sp >= 0 {
		word = s[:sp]
	}
	if goControlWords[word] || word == "else" {
		return "", true
	}
	name := firstIdent(s)
	if name == "" {
		return "", true // a literal, a function call or an expression
	}
	return name, false
}

// firstIdent returns the leading identifier of s with Go's leading "." or
// "$" removed, or "" when s does not start with one.
func firstIdent(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ".$")
	end := 0
	for end < len(s) && (isIdentByte(s[end]) || (s[end] == '.' && end > 0)) {
		end++
	}
	name := strings.TrimRight(s[:end], ".")
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		return ""
	}
	rest := strings.TrimSpace(s[end:])
	if rest != "" && !strings.HasPrefix(rest, "|") {
		// {{ a b }} or {{ a + b }}: an expression, keep the first name.
		if strings.HasPrefix(rest, "(") {
			return ""
		}
	}
	return name
}

type icuMatch struct {
	name   string
	length int
}

// icuSimple matches an ICU simple argument {name} or {name, type[, style]}
// with no nested braces.
func icuSimple(s string) (icuMatch, bool) {
	end := strings.IndexByte(s, '}')
	if end < 2 {
		return icuMatch{}, false
	}
	inner := s[1:end]
	if strings.ContainsAny(inner, "{\n") || inner[0] == ' ' {
		return icuMatch{}, false
	}
	name := inner
	if comma := strings.IndexByte(inner, ','); comma >= 0 {
		name = inner[:comma]
	}
	name = strings.TrimSpace(name)
	if !isIdent(name) {
		return icuMatch{}, false
	}
	return icuMatch{name: name, length: end + 1}, true
}

func isIdent(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// NormalizeVarName folds a placeholder or variable name for matching:
// {{.Name}} matches a [vars] entry "name".
func NormalizeVarName(s string) string {
	return strings.ToLower(strings.TrimLeft(s, ".$"))
}
