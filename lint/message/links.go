package message

import (
	"regexp"
	"sort"
	"strings"
)

// urlRe matches bare http(s) and www. links in text.
var urlRe = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"'“”‘’()\[\]{}]*(?:\{\{[^}]*\}\}[^\s<>"'“”‘’()\[\]]*)*`)

// BareLinks finds URLs written out in the part's text and URL-typed
// placeholders standing alone.
func BareLinks(p *Part, t *Template) []Link {
	text := p.Text.String()
	var out []Link
	covered := func(s, e int) bool {
		for _, l := range p.Links {
			if s < l.End && e > l.Start {
				return true
			}
		}
		return false
	}
	for _, m := range urlRe.FindAllStringIndex(text, -1) {
		s, e := m[0], m[1]
		// Trailing punctuation ends the sentence, not the URL.
		for e > s && strings.ContainsRune(".,;:!?", rune(text[e-1])) {
			e--
		}
		if covered(s, e) {
			continue
		}
		fs, fe := p.Text.FileRange(s, e)
		out = append(out, Link{URL: text[s:e], Start: s, End: e, Bare: true, FileStart: fs, FileEnd: fe})
	}
	for _, ph := range p.Placeholders {
		if ph.Control || ph.Name == "" {
			continue
		}
		v, ok := t.Vars[NormalizeVarName(ph.Name)]
		if !ok || v.Type != "url" || covered(ph.Start, ph.End) || insideAny(out, ph.Start, ph.End) {
			continue
		}
		fs, fe := p.Text.FileRange(ph.Start, ph.End)
		out = append(out, Link{URL: v.Sample, Start: ph.Start, End: ph.End, Bare: true, FileStart: fs, FileEnd: fe, Var: v})
	}
	return out
}

func insideAny(ls []Link, s, e int) bool {
	for _, l := range ls {
		if s >= l.Start && e <= l.End {
			return true
		}
	}
	return false
}

// SortLinks orders links by their start in the text.
func SortLinks(ls []Link) {
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].Start < ls[j].Start })
}
