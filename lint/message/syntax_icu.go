package message

import "strings"

// icu reads an ICU argument at i: {name}, {name, type}, {name, type,
// style}, or a plural/select argument whose branches are scanned as
// messages. Java's {0} and PrestaShop's {x} are simple arguments. When
// the text at i is not an argument it returns i+1.
func (s *phScanner) icu(t string, i int, plural string) int {
	j := i + 1
	end := j
	for end < len(t) && (IsIdentByte(t[end]) || t[end] == '.' && end > j) {
		end++
	}
	name := t[j:end]
	if name == "" || !IsIdent(name) && !AllDigits(name) {
		return i + 1
	}
	k := end
	if k < len(t) && t[k] == '}' {
		s.add(Placeholder{Name: name, Start: i, End: k + 1})
		return k + 1
	}
	k = skipICUSpace(t, k)
	if k >= len(t) || t[k] != ',' {
		return i + 1
	}
	k = skipICUSpace(t, k+1)
	ts := k
	for k < len(t) && IsIdentByte(t[k]) {
		k++
	}
	typ := t[ts:k]
	if typ == "" {
		return i + 1
	}
	k = skipICUSpace(t, k)
	switch {
	case k < len(t) && t[k] == '}':
		s.add(Placeholder{Name: name, Start: i, End: k + 1})
		return k + 1
	case k < len(t) && t[k] == ',' && (typ == "plural" || typ == "selectordinal" || typ == "select"):
		return s.icuBranches(t, i, k+1, name, typ, plural)
	case k < len(t) && t[k] == ',':
		e := matchICUBrace(t, i)
		if e < 0 {
			s.issue(i, i+1, "ICU argument {"+name+", "+typ+", …} is never closed", true)
			return i + 1
		}
		s.add(Placeholder{Name: name, Start: i, End: e + 1})
		return e + 1
	}
	return i + 1
}

// icuBranches reads the selectors and {message} branches of a plural or
// select argument that starts at start; k is just after "type,". The
// skeleton ("{n, plural, one {", "} other {", "}}") becomes control
// placeholders, and each branch is scanned as a message, so text rules
// see every branch's words and none of the syntax.
func (s *phScanner) icuBranches(t string, start, k int, name, typ, plural string) int {
	mark, marki := len(s.phs), len(s.issues)
	fail := func() int {
		s.phs, s.issues = s.phs[:mark], s.issues[:marki]
		s.issue(start, start+1, "ICU "+typ+" argument {"+name+", "+typ+", …} does not parse", true)
		// Skip the whole argument when its braces balance, so nested broken
		// arguments are not rescanned again and again.
		if e := matchICUBrace(t, start); e > start {
			s.add(Placeholder{Start: start, End: e + 1, Control: true, Ref: name})
			return e + 1
		}
		return start + 1
	}
	if s.depth >= maxICUDepth {
		return fail()
	}
	inner := plural
	if typ != "select" {
		inner = name
	}
	ctl := start
	branches := 0
	for {
		k = skipICUSpace(t, k)
		if k >= len(t) {
			return fail()
		}
		if t[k] == '}' {
			if branches == 0 {
				return fail()
			}
			s.add(Placeholder{Start: ctl, End: k + 1, Control: true, Ref: name})
			return k + 1
		}
		se := k
		for se < len(t) && !strings.ContainsRune(" \t\r\n{}", rune(t[se])) {
			se++
		}
		sel := t[k:se]
		if strings.HasPrefix(sel, "offset:") {
			k = se
			continue
		}
		k = skipICUSpace(t, se)
		if sel == "" || k >= len(t) || t[k] != '{' {
			return fail()
		}
		be := matchICUBrace(t, k)
		if be < 0 {
			return fail()
		}
		s.add(Placeholder{Start: ctl, End: k + 1, Control: true, Ref: name})
		s.depth++
		s.scan(k+1, be, inner)
		s.depth--
		branches++
		ctl = be
		k = be + 1
	}
}

// maxArgLen bounds the length of one ICU argument or {{ }} expression, so
// text full of unclosed openers is scanned in near-linear time.
const maxArgLen = 4096

// matchICUBrace returns the index of the "}" matching the "{" at open,
// honouring nested braces and ICU apostrophe quoting (a quoted '{' is a
// literal brace, two apostrophes are one), or -1 (also beyond maxArgLen).
func matchICUBrace(t string, open int) int {
	depth := 0
	for j := open; j < len(t) && j-open < maxArgLen; j++ {
		switch t[j] {
		case '\'':
			if j+1 < len(t) && t[j+1] == '\'' {
				j++
				continue
			}
			if j+1 < len(t) && strings.IndexByte("{}#|", t[j+1]) >= 0 {
				if e := strings.IndexByte(t[j+1:], '\''); e >= 0 {
					j += e + 1
				}
			}
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func skipICUSpace(t string, k int) int {
	for k < len(t) && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n' || t[k] == '\r') {
		k++
	}
	return k
}

// AllDigits reports whether s is one to three ASCII digits.
func AllDigits(s string) bool {
	if s == "" || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
