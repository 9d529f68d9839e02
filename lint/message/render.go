package message

import "strings"

// Render returns the part's text with every value placeholder replaced by
// fill(placeholder) and every control tag removed.
func (p *Part) Render(fill func(Placeholder) string) string {
	text := p.Text.String()
	if len(p.Placeholders) == 0 {
		return text
	}
	var sb strings.Builder
	sb.Grow(len(text))
	last := 0
	for _, ph := range p.Placeholders {
		sb.WriteString(text[last:ph.Start])
		if !ph.Control {
			sb.WriteString(fill(ph))
		}
		last = ph.End
	}
	sb.WriteString(text[last:])
	return sb.String()
}

// Masked returns the text with each placeholder replaced by spaces of the
// same byte length, so word matching treats placeholders as opaque gaps
// while offsets stay valid.
func (p *Part) Masked() string {
	text := p.Text.String()
	if len(p.Placeholders) == 0 {
		return text
	}
	b := []byte(text)
	for _, ph := range p.Placeholders {
		for i := ph.Start; i < ph.End && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// VarFor returns the declaration of a placeholder, or nil.
func (t *Template) VarFor(ph Placeholder) *Var {
	if ph.Control || ph.Name == "" {
		return nil
	}
	return t.Vars[NormalizeVarName(ph.Name)]
}
