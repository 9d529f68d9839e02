package output

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Line-based formats (text, github, and the text inside JUnit failures)
// print file names, rule ids and messages from user input. A control
// character there could start a line of its own (a file name holding
// "\n::error ::" would be a workflow command), move the cursor or recolor
// the terminal. These helpers make every such character visible instead.

// visible escapes every control character of s, line breaks and tabs
// included, for a field that must stay on one line (a path, a rule id):
// C0 and C1 controls, DEL, U+2028 and U+2029 as \n, \r, \t, \xHH or \uHHHH;
// a byte of invalid UTF-8 as \xHH.
func visible(s string) string {
	return escapeControls(s, false)
}

// Visible escapes the control characters of a name (a path, a key) for a
// line-based output outside this package, as the printers here do.
func Visible(s string) string { return visible(s) }

// visibleText is visible for message text: line breaks and tabs stay for
// the caller to lay out.
func visibleText(s string) string {
	return escapeControls(s, true)
}

func escapeControls(s string, keepBreaks bool) string {
	if !needsEscape(s, keepBreaks) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case keepBreaks && (r == '\n' || r == '\r' || r == '\t'):
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case isWideControl(r):
			b.WriteString(`\u`)
			b.WriteString(hex4(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// needsEscape reports whether escapeControls would change s.
func needsEscape(s string, keepBreaks bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && !(keepBreaks && (c == '\n' || c == '\r' || c == '\t')) {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 || isWideControl(r) {
			return true
		}
		i += n
	}
	return false
}

// isWideControl reports the non-ASCII characters that act as controls or
// line breaks: C1 controls (U+0085 is NEXT LINE), U+2028 and U+2029.
func isWideControl(r rune) bool {
	return r >= 0x80 && r <= 0x9f || r == 0x2028 || r == 0x2029
}

func hex2(c byte) string {
	s := strconv.FormatUint(uint64(c), 16)
	if len(s) < 2 {
		s = "0" + s
	}
	return s
}

func hex4(r rune) string {
	s := strconv.FormatUint(uint64(r), 16)
	return strings.Repeat("0", max(0, 4-len(s))) + s
}
