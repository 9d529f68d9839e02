package lint

import (
	"errors"
	"fmt"

	"github.com/notelint/notelint/lint/message"
)

// vetFix checks a fix a rule offers for template t, whose edits are in
// file src, and returns it written for the file: every edit must replace
// message text (never a placeholder, a link target, a key or markup) that
// is a plain copy of the file, and its new text is escaped for the syntax
// it lands in (a JSON string, a YAML scalar, …). When an edit is not safe,
// the fix is dropped and the reason returned, so no rule has to get this
// right on its own.
func vetFix(t *message.Template, src *message.Source, part *message.Part, fix *Fix) (*Fix, string) {
	if fix == nil || len(fix.Edits) == 0 {
		return nil, ""
	}
	out := &Fix{Description: fix.Description, Edits: make([]Edit, 0, len(fix.Edits)), text: make([]string, 0, len(fix.Edits))}
	for _, e := range fix.Edits {
		ed, err := vetEdit(t, src, part, e)
		if err != nil {
			return nil, err.Error()
		}
		out.Edits = append(out.Edits, ed)
		out.text = append(out.text, e.New)
	}
	return out, ""
}

// errNotText is the reason given for an edit outside message text.
var errNotText = errors.New("the fix would edit something other than message text")

func vetEdit(t *message.Template, src *message.Source, part *message.Part, e Edit) (Edit, error) {
	if src == nil || e.Start < 0 || e.End < e.Start || e.End > len(src.Content) {
		return Edit{}, errNotText
	}
	parts := t.Parts
	if part != nil {
		parts = append([]*message.Part{part}, parts...)
	}
	for _, p := range parts {
		if partSource(t, p) != src {
			continue
		}
		loc, ok := p.Text.Locate(e.Start, e.End)
		if !ok {
			continue
		}
		if err := outsideSyntax(p, loc, e); err != nil {
			return Edit{}, err
		}
		c := message.NewEscapeContext(src.Content, e.Start, e.End, loc.ValueStart)
		c.ICU = t.Syntax == 0 || t.Syntax&message.SyntaxICU != 0
		written, err := loc.Host.Escape(e.New, c)
		if err != nil {
			return Edit{}, err
		}
		return Edit{Start: e.Start, End: e.End, New: written}, nil
	}
	return Edit{}, errNotText
}

func partSource(t *message.Template, p *message.Part) *message.Source {
	if p.Source != nil {
		return p.Source
	}
	return t.Source
}

// outsideSyntax refuses an edit that touches a placeholder or a link
// target in part p.
func outsideSyntax(p *message.Part, loc message.TextLoc, e Edit) error {
	overlaps := func(s, end int) bool {
		if loc.Start == loc.End {
			return s < loc.Start && loc.Start < end
		}
		return loc.Start < end && loc.End > s
	}
	for _, ph := range p.Placeholders {
		if overlaps(ph.Start, ph.End) {
			return fmt.Errorf("the character is inside the placeholder %s", p.Text.String()[ph.Start:ph.End])
		}
	}
	for _, l := range p.Links {
		if l.Bare && overlaps(l.Start, l.End) {
			return fmt.Errorf("the character is inside the link %s", l.URL)
		}
		if l.FileEnd > l.FileStart && e.Start < l.FileEnd && e.End > l.FileStart {
			return fmt.Errorf("the character is inside the link %s", l.URL)
		}
	}
	return nil
}
