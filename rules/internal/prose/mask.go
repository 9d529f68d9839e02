package prose

import (
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// A part's text is masked for two purposes, each keeping every offset:
//
//   - Text: what is prose, for phrases, patterns and words. A value
//     placeholder is an opaque word (ObjectMark), a control tag a gap,
//     bare URLs and e-mail addresses are gaps: they are words of no
//     language.
//   - Filled: what a reader counts as words, for sentences and their
//     length. A value placeholder is a word (underscores), a control tag
//     a gap.
//
// message.Part.Masked, where every placeholder is a gap, serves the rules
// that match labels and reply keywords.

// ObjectMark stands for a placeholder in prose text: U+FFFC OBJECT
// REPLACEMENT CHARACTER is neither a letter nor a space, so a placeholder
// stays an opaque word: phrases do not match across it ("pending {{x}}
// customer") and word boundaries hold on both sides.
const ObjectMark = "\uFFFC"

// emailRe finds e-mail addresses.
var emailRe = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)

// Emails returns the ranges of the e-mail addresses in s.
func Emails(s string) []Span {
	if strings.IndexByte(s, '@') < 0 {
		return nil
	}
	var out []Span
	for _, m := range emailRe.FindAllStringIndex(s, -1) {
		out = append(out, Span{m[0], m[1]})
	}
	return out
}

// urlPrefixes start a web address written out in text.
var urlPrefixes = []string{"http://", "https://", "www."}

// URLs returns the ranges of the web addresses written out in s: from
// "http://", "https://" or "www." (in any case) to the next space, tab or
// line break. A URL that starts with "https://www." is found twice.
func URLs(s string) []Span {
	var out []Span
	for _, pre := range urlPrefixes {
		for from := 0; ; {
			i := indexFoldASCII(s[from:], pre)
			if i < 0 {
				break
			}
			st := from + i
			e := st
			for e < len(s) && s[e] != ' ' && s[e] != '\n' && s[e] != '\t' {
				e++
			}
			out = append(out, Span{st, e})
			from = e
		}
	}
	return out
}

// Text returns the part's text as prose: each value placeholder becomes
// ObjectMark padded with spaces (a placeholder shorter than the mark,
// and a control tag, become spaces), and bare URLs (not URL placeholders)
// and e-mail addresses become spaces, all of the same byte length.
func Text(part *message.Part) string {
	text := part.Text.String()
	b := blanker{src: text}
	for _, ph := range part.Placeholders {
		b.blank(ph.Start, ph.End)
		if !ph.Control && ph.End-ph.Start >= len(ObjectMark) && ph.End <= len(b.buf) {
			copy(b.buf[ph.Start:], ObjectMark)
		}
	}
	for _, l := range part.Links {
		if l.Bare && l.Var == nil {
			b.blank(l.Start, l.End)
		}
	}
	for _, e := range Emails(text) {
		b.blank(e.Start, e.End)
	}
	return b.String()
}

// Filled returns the part's text with every value placeholder replaced by
// underscores and every control tag by spaces, offsets unchanged: a
// placeholder counts as a word, so "Details: {{link}}" is one sentence.
func Filled(part *message.Part) string {
	text := part.Text.String()
	b := blanker{src: text}
	for _, ph := range part.Placeholders {
		c := byte('_')
		if ph.Control {
			c = ' '
		}
		b.fill(ph.Start, ph.End, c)
	}
	return b.String()
}

// blanker overwrites ranges of a text, copying it on the first write.
type blanker struct {
	src string
	buf []byte
}

func (b *blanker) blank(s, e int) { b.fill(s, e, ' ') }

func (b *blanker) fill(s, e int, c byte) {
	if b.buf == nil {
		b.buf = []byte(b.src)
	}
	for i := max(s, 0); i < e && i < len(b.buf); i++ {
		b.buf[i] = c
	}
}

// String returns the text with its writes.
func (b *blanker) String() string {
	if b.buf == nil {
		return b.src
	}
	return string(b.buf)
}

// indexFoldASCII returns the index of the first instance of the lower-case
// ASCII word w in s, in any case, or -1.
func indexFoldASCII(s, w string) int {
	for i := 0; i+len(w) <= len(s); i++ {
		j := 0
		for j < len(w) {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != w[j] {
				break
			}
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

// ContainsFoldASCII reports whether s contains the lower-case ASCII word w
// in any case, without allocating.
func ContainsFoldASCII(s, w string) bool { return indexFoldASCII(s, w) >= 0 }
