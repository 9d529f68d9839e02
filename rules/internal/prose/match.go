package prose

import (
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint/lang"
)

// FindPattern runs re over s and calls fn with each match that sits on
// Unicode word boundaries: r is the range of group 1 when the pattern has
// one and it matched, else the whole match; whole is the whole match.
func FindPattern(re *regexp.Regexp, s string, fn func(r, whole Span)) {
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if !lang.AtWordBoundary(s, m[0], m[1]) || m[1] <= m[0] {
			continue
		}
		whole := Span{m[0], m[1]}
		r := whole
		if len(m) >= 4 && m[2] >= 0 && m[3] > m[2] {
			r = Span{m[2], m[3]}
		}
		fn(r, whole)
	}
}

// PhraseMatches finds the phrases of m in f, the folded form of a text,
// and returns their ranges in the original text.
func PhraseMatches(m *lang.Matcher, f *lang.Folded) []Span {
	if m == nil || m.Len() == 0 {
		return nil
	}
	var out []Span
	for _, mt := range m.FindAll(f) {
		a, b := f.OrigRange(mt.Start, mt.End)
		out = append(out, Span{a, b})
	}
	return out
}

// Triggered reports whether folded text holds any of the trigger words of
// the language's named list (plain substrings): a cheap filter run before
// regular expressions that cannot match without one of them. A list the
// language does not define triggers always.
func Triggered(l *lang.Language, list string, f *lang.Folded) bool {
	words := l.Phrases(list)
	if words == nil {
		return true
	}
	for _, w := range words {
		if strings.Contains(f.S, w) {
			return true
		}
	}
	return false
}

// ContainsFold reports whether list holds s, ignoring case.
func ContainsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// HasWord reports whether words holds any of want.
func HasWord(words []string, want ...string) bool {
	for _, t := range words {
		for _, w := range want {
			if t == w {
				return true
			}
		}
	}
	return false
}
