package message

// Placeholder names: identifiers as templates write them, and their
// normalised form for comparing translations.

import "strings"

// firstIdent returns the leading identifier of s with Go's leading "." or
// "$" removed, or "" when s does not start with one.
func firstIdent(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimLeft(s, ".$")
	end := 0
	for end < len(s) && (IsIdentByte(s[end]) || (s[end] == '.' && end > 0)) {
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

// IsIdent reports whether s is a dotted identifier: ASCII letters, digits,
// underscores and dots, not starting with a digit.
func IsIdent(s string) bool {
	if s == "" || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !IsIdentByte(s[i]) && s[i] != '.' {
			return false
		}
	}
	return true
}

// IsIdentByte reports whether c may appear in an identifier.
func IsIdentByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordByte(c byte) bool { return IsIdentByte(c) || c >= 0x80 }

// NormalizeVarName folds a placeholder or variable name for matching:
// {{.Name}} matches a [vars] entry "name".
func NormalizeVarName(s string) string {
	return strings.ToLower(strings.TrimLeft(s, ".$"))
}
