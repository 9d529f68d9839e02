package rules

// Helpers shared by the rules internal-jargon, sensitive-data, sender-id,
// link-safety and channel-length.

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// languageOf returns the language data for the template's locale, or nil
// when notelint has none (the language rule reports that once).
func languageOf(t *message.Template) *lang.Language {
	l, ok := lang.Builtin().Get(t.Locale)
	if !ok {
		return nil
	}
	return l
}

// emailRe finds e-mail addresses, which are not prose.
var emailRe = regexp.MustCompile(`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`)

// objectMark stands for a placeholder in prose text: U+FFFC OBJECT
// REPLACEMENT CHARACTER is neither a letter nor a space, so a placeholder
// stays an opaque word: phrases do not match across it ("pending {{x}}
// customer") and word boundaries hold on both sides.
const objectMark = "\uFFFC"

// proseText returns the part's text as prose: each placeholder becomes
// objectMark padded with spaces, and bare URLs and e-mail addresses become
// spaces, all of the same byte length, so offsets stay those of the part
// text.
func proseText(part *message.Part) string {
	text := part.Text.String()
	var b []byte
	blank := func(s, e int) {
		if b == nil {
			b = []byte(text)
		}
		for i := max(s, 0); i < e && i < len(b); i++ {
			b[i] = ' '
		}
	}
	for _, ph := range part.Placeholders {
		blank(ph.Start, ph.End)
		if !ph.Control && ph.End-ph.Start >= len(objectMark) && ph.End <= len(b) {
			copy(b[ph.Start:], objectMark)
		}
	}
	for _, l := range part.Links {
		if l.Bare && l.Var == nil {
			blank(l.Start, l.End)
		}
	}
	if strings.IndexByte(text, '@') >= 0 {
		for _, m := range emailRe.FindAllStringIndex(text, -1) {
			blank(m[0], m[1])
		}
	}
	if b == nil {
		return text
	}
	return string(b)
}

// findPattern runs re over s and calls fn with each match that sits on
// Unicode word boundaries: the range of group 1 when the pattern has one and
// it matched, else the whole match. whole is the whole match.
func findPattern(re *regexp.Regexp, s string, fn func(r, whole span)) {
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		if !lang.AtWordBoundary(s, m[0], m[1]) || m[1] <= m[0] {
			continue
		}
		whole := span{m[0], m[1]}
		r := whole
		if len(m) >= 4 && m[2] >= 0 && m[3] > m[2] {
			r = span{m[2], m[3]}
		}
		fn(r, whole)
	}
}

// phraseMatches finds the phrases of m in f, the folded form of a text,
// and returns their ranges in the original text.
func phraseMatches(m *lang.Matcher, f *lang.Folded) []span {
	if m == nil || m.Len() == 0 {
		return nil
	}
	var out []span
	for _, mt := range m.FindAll(f) {
		a, b := f.OrigRange(mt.Start, mt.End)
		out = append(out, span{a, b})
	}
	return out
}

// triggered reports whether folded text holds any of the trigger words of
// the named list (plain substrings): a cheap filter run before regular
// expressions that cannot match without one of them. A list that is not
// defined triggers always.
func triggered(language *lang.Language, list string, f *lang.Folded) bool {
	words := language.Phrases(list)
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

// containsFoldASCII reports whether s contains the lower-case ASCII word w
// in any case, without allocating.
func containsFoldASCII(s, w string) bool {
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
			return true
		}
	}
	return false
}

// sentenceAround returns the range of the sentence holding [start, end):
// from after the previous . ! ? or line break to the next one.
func sentenceAround(s string, start, end int) (int, int) {
	a := strings.LastIndexAny(s[:start], ".!?\n")
	a++
	b := strings.IndexAny(s[end:], ".!?\n")
	if b < 0 {
		b = len(s)
	} else {
		b += end
	}
	return a, b
}

// nameTokens splits a placeholder name into lower-case words:
// "cardNumber", "card_number" and "card-number" all give [card number].
func nameTokens(name string) []string {
	return classify.Tokens(strings.TrimLeft(name, ".$"))
}

// hasToken reports whether toks holds any of words.
func hasToken(toks []string, words ...string) bool {
	for _, t := range toks {
		for _, w := range words {
			if t == w {
				return true
			}
		}
	}
	return false
}

// varLength is the length a placeholder is counted at, and why.
type varLength struct {
	n   int
	how string // "max", "sample" or "assumed"
}

// placeholderLength returns the length to count a placeholder at: its
// declared max, else its sample's length in grapheme clusters, else the
// configured default variable length.
func placeholderLength(t *message.Template, cfg *lint.Config, ph message.Placeholder, graphemes func(string) int) varLength {
	if v := t.VarFor(ph); v != nil {
		if v.Max > 0 {
			return varLength{v.Max, "max"}
		}
		if v.Sample != "" {
			return varLength{graphemes(v.Sample), "sample"}
		}
	}
	n := 20
	if cfg != nil {
		n = SMSSettings(cfg).DefaultVarLength
	}
	return varLength{n, "assumed"}
}

// firstWordRange returns the range of the first word of s (at least one
// character), for findings that point at the start of a text.
func firstWordRange(s string) (int, int) {
	start := 0
	for start < len(s) {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	end := start
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += n
	}
	if end == start && start < len(s) {
		_, n := utf8.DecodeRuneInString(s[start:])
		end = start + n
	}
	if start >= len(s) {
		return 0, 0
	}
	return start, end
}

// dropOverlaps sorts findings by start and drops any that overlaps an
// earlier (or, at the same start, longer) one.
func dropOverlaps[T any](items []T, rng func(T) span) []T {
	for i := 1; i < len(items); i++ {
		for j := i; j > 0; j-- {
			a, b := rng(items[j]), rng(items[j-1])
			if a.start < b.start || (a.start == b.start && a.end-a.start > b.end-b.start) {
				items[j], items[j-1] = items[j-1], items[j]
				continue
			}
			break
		}
	}
	out := items[:0]
	lastEnd := -1
	for _, it := range items {
		r := rng(it)
		if r.start < lastEnd {
			continue
		}
		out = append(out, it)
		lastEnd = r.end
	}
	return out
}

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// noEmptyStrings rejects a list option holding an empty or blank entry,
// which would match everywhere.
func noEmptyStrings(option string, list []string) error {
	for _, v := range list {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s must not contain empty strings", option)
		}
	}
	return nil
}

// mentionOnly reports whether a bare link is only a scheme or "www." named
// in prose ("enter the address without https://"): no address, so no link
// to judge or to tap. A bare IPv6 link ("http://[::1]"), which the loader
// stops at "[", is a link.
func mentionOnly(l message.Link, text string) bool {
	if !l.Bare || l.Var != nil {
		return false
	}
	u := strings.ToLower(strings.TrimSpace(l.URL))
	switch u {
	case "http://", "https://", "www", "www.", "http:", "https:":
		return l.End >= len(text) || text[l.End] != '['
	}
	return false
}

// hasRealLink reports whether a part has a link that is more than a
// scheme named in prose.
func hasRealLink(part *message.Part) bool {
	text := part.Text.String()
	for _, l := range part.Links {
		if !mentionOnly(l, text) {
			return true
		}
	}
	return false
}
