package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Folded is text prepared for matching: lower-cased, typographic
// apostrophes and dashes made plain, runs of white space reduced to one
// space, with a map from every folded byte back to the original text.
type Folded struct {
	S    string
	orig []int // orig[i] is the original byte offset of folded byte i; len(S)+1 entries
}

// Fold prepares text for matching.
func Fold(text string) *Folded {
	var sb strings.Builder
	sb.Grow(len(text))
	orig := make([]int, 0, len(text)+1)
	prevSpace := false
	for i, r := range text {
		switch r {
		case '’', '‘', '`', '´', 'ʼ':
			r = '\''
		case '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r', '\f', '\v':
			r = ' '
		case '–', '—', '‐', '‑':
			r = '-'
		}
		if r == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		r = unicode.ToLower(r)
		n := sb.Len()
		sb.WriteRune(r)
		for j := n; j < sb.Len(); j++ {
			orig = append(orig, i)
		}
	}
	orig = append(orig, len(text))
	return &Folded{S: sb.String(), orig: orig}
}

// Orig maps a folded byte offset back to the original text.
func (f *Folded) Orig(i int) int {
	if i < 0 {
		return 0
	}
	if i >= len(f.orig) {
		return f.orig[len(f.orig)-1]
	}
	return f.orig[i]
}

// OrigRange maps a folded range [start, end) back to the original text.
func (f *Folded) OrigRange(start, end int) (int, int) {
	s := f.Orig(start)
	if end <= start {
		return s, s
	}
	// The end is just past the last folded byte's original rune.
	last := f.Orig(end - 1)
	e := f.Orig(end)
	if e <= last {
		e = last + 1
	}
	return s, e
}

// IsWordRune reports whether r belongs to a word (letters, digits, marks).
func IsWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// AtWordBoundary reports whether s[start:end] is delimited by non-word
// characters (or the ends of s).
func AtWordBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		first, _ := utf8.DecodeRuneInString(s[start:])
		if IsWordRune(r) && IsWordRune(first) {
			return false
		}
	}
	if end < len(s) {
		r, _ := utf8.DecodeRuneInString(s[end:])
		last, _ := utf8.DecodeLastRuneInString(s[:end])
		if IsWordRune(r) && IsWordRune(last) {
			return false
		}
	}
	return true
}
