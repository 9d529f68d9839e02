package lang

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Folded is text prepared for matching: lower-cased, typographic
// apostrophes and dashes made plain, runs of white space reduced to one
// space, with a map from every folded byte back to the original text.
type Folded struct {
	S    string
	src  string    // the original text
	once sync.Once // builds orig on the first Orig call
	orig []int     // orig[i] is the original byte offset of folded byte i; len(S)+1 entries

	gramsOnce sync.Once // builds grams on the first gramSet call
	grams     *gramSet
}

// Fold prepares text for matching. The map back to the original text is
// built only when Orig is first called.
func Fold(text string) *Folded {
	if alreadyFolded(text) {
		return &Folded{S: text, src: text}
	}
	var sb strings.Builder
	sb.Grow(len(text))
	fold(text, func(r rune, _ int) { sb.WriteRune(r) })
	return &Folded{S: sb.String(), src: text}
}

// alreadyFolded reports whether Fold leaves text as it is: ASCII without
// upper-case letters, backquotes, white space other than single spaces.
func alreadyFolded(text string) bool {
	prevSpace := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= utf8.RuneSelf, c >= 'A' && c <= 'Z', c == '`', c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			prevSpace = false
		}
	}
	return true
}

// fold calls emit with every folded rune of text and the byte offset in
// text of the rune it comes from.
func fold(text string, emit func(r rune, at int)) {
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
		emit(unicode.ToLower(r), i)
	}
}

// buildOrig fills f.orig.
func (f *Folded) buildOrig() {
	orig := make([]int, 0, len(f.S)+1)
	fold(f.src, func(r rune, at int) {
		for range utf8.RuneLen(r) {
			orig = append(orig, at)
		}
	})
	f.orig = append(orig, len(f.src))
}

// Orig maps a folded byte offset back to the original text.
func (f *Folded) Orig(i int) int {
	f.once.Do(f.buildOrig)
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
