package lint

import (
	"fmt"
	"sort"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// try applies edits and loads the result again; ok is true when it holds
// the same messages, each with the text the edits intend.
func (fx *fileFixer) try(edits []textEdit) (out []byte, reason string, ok bool) {
	if len(edits) == 0 {
		return nil, "", false
	}
	out = applyEdits(fx.src.Content, edits)
	after, err := load.Load(fx.src.Path, out, &fx.cfg.Config)
	if err != nil {
		return nil, "the fixed file would not load: " + err.Error(), false
	}
	if reason := sameMessages(fx.before, after, edits); reason != "" {
		return nil, reason, false
	}
	return out, "", true
}

// sameMessages compares the templates of a file before and after edits:
// same count, ids, keys and parts, and each part's text is the old text
// with the edits' texts in place. It returns what differs, or "".
func sameMessages(before, after []*message.Template, edits []textEdit) string {
	if len(before) != len(after) {
		return fmt.Sprintf("the fixed file would hold %d messages instead of %d", len(after), len(before))
	}
	for i, b := range before {
		a := after[i]
		if a.ID != b.ID || a.Key != b.Key || a.Plural != b.Plural || a.Syntax != b.Syntax || len(a.Parts) != len(b.Parts) {
			return fmt.Sprintf("message %s would change its key or parts", b.ID)
		}
		if (a.Original == nil) != (b.Original == nil) || a.Original != nil && a.Original.Text.String() != b.Original.Text.String() {
			return fmt.Sprintf("the source text of message %s would change", b.ID)
		}
		for j, bp := range b.Parts {
			ap := a.Parts[j]
			if ap.Text.String() != expectedText(bp, edits) {
				return fmt.Sprintf("the fixed text of message %s would read differently than intended", b.ID)
			}
			if !samePlaceholders(ap.Placeholders, bp.Placeholders) || !sameLinks(ap.Links, bp.Links) {
				return fmt.Sprintf("the placeholders or links of message %s would change", b.ID)
			}
		}
	}
	return ""
}

// expectedText is p's text with the edits that fall in it applied.
func expectedText(p *message.Part, edits []textEdit) string {
	type at struct {
		loc  message.TextLoc
		text string
	}
	var in []at
	for _, e := range edits {
		if loc, ok := p.Text.Locate(e.Start, e.End); ok {
			in = append(in, at{loc, e.text})
		}
	}
	s := p.Text.String()
	if len(in) == 0 {
		return s
	}
	sort.Slice(in, func(i, j int) bool { return in[i].loc.Start > in[j].loc.Start })
	for _, x := range in {
		s = s[:x.loc.Start] + x.text + s[x.loc.End:]
	}
	return s
}

func samePlaceholders(a, b []message.Placeholder) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Name != b[i].Name || a[i].Control != b[i].Control || a[i].Ref != b[i].Ref {
			return false
		}
	}
	return true
}

func sameLinks(a, b []message.Link) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].URL != b[i].URL || a[i].Bare != b[i].Bare {
			return false
		}
	}
	return true
}
