package prose

import (
	"sort"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// View is a part's text prepared for phrase matching: placeholders blanked
// (so they are opaque gaps, never words) and folded (lower case, plain
// apostrophes and dashes, single spaces). Folded offsets map back to the
// part's text. A View is not safe for concurrent use.
type View struct {
	Part   *message.Part
	Masked string       // the part's text, placeholders as spaces
	Folded *lang.Folded // Masked, folded

	memo map[any][]Span
}

// NewView prepares a part's text.
func NewView(part *message.Part) *View {
	m := part.Masked()
	return &View{Part: part, Masked: m, Folded: lang.Fold(m)}
}

// Views returns a view of every part of the template that has text,
// computed once per template and shared by the rules (treat as read-only
// apart from Spans). Call it from a rule's Check, not from CheckRun (see
// message.Template.Memo).
func Views(t *message.Template) []*View {
	return t.Memo("prose.views", func() any {
		out := make([]*View, 0, len(t.Parts))
		for _, part := range t.Parts {
			if part.Text.Len() == 0 {
				continue
			}
			out = append(out, NewView(part))
		}
		return out
	}).([]*View)
}

// Spans returns find(v.Folded), computed once per key: several rules ask
// for the same spans (the times of a part, say).
func (v *View) Spans(key any, find func(*lang.Folded) []Span) []Span {
	if s, ok := v.memo[key]; ok {
		return s
	}
	if v.memo == nil {
		v.memo = map[any][]Span{}
	}
	s := find(v.Folded)
	v.memo[key] = s
	return s
}

// PartRange maps a folded range back to the part's text.
func (v *View) PartRange(s Span) Span {
	a, b := v.Folded.OrigRange(s.Start, s.End)
	return Span{a, b}
}

// FoldedOffset maps a part text offset to the first folded offset at or
// after it.
func (v *View) FoldedOffset(off int) int {
	return sort.Search(len(v.Folded.S), func(i int) bool { return v.Folded.Orig(i) >= off })
}

// FoldedSlice returns the folded text of the part range [s, e).
func (v *View) FoldedSlice(s, e int) string {
	fs, fe := v.FoldedOffset(s), v.FoldedOffset(e)
	if fe < fs {
		return ""
	}
	return v.Folded.S[fs:fe]
}

// Sentences returns the sentences of the part (part text offsets), with a
// placeholder counted as a word (see Filled).
func (v *View) Sentences(rules *SentenceRules) []Span {
	return Sentences(Filled(v.Part), rules)
}
