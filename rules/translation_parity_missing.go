package rules

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// missingTranslations collects the messages of a run that lack
// translations, so that the keys of one message ("order.shipped.subject",
// "order.shipped.body") missing in the same locales are one finding.
type missingTranslations struct {
	gaps  []missingGap
	index map[string]int // family → position in gaps
}

// missingGap is one finding: keys of one family missing in locales.
type missingGap struct {
	g      *parityGroup      // the first key's group
	at     *message.Template // the source template it is reported at
	src    string            // the source locale
	locs   string            // the missing locales, "de, fr"
	family string            // the keys' parent ("order.shipped"), "" for none
	keys   []string          // the last segments of the keys
}

// add records that g, whose source template is s in locale src, has no
// translation in missing.
func (m *missingTranslations) add(g *parityGroup, s *message.Template, src string, missing []string) {
	locs := strings.Join(missing, ", ")
	parent, last := "", g.key
	if g.bundle {
		if i := strings.LastIndexByte(g.key, '.'); i > 0 {
			parent, last = g.key[:i], g.key[i+1:]
		}
	}
	if parent != "" {
		id := g.set + "\x00" + s.Source.Path + "\x00" + parent + "\x00" + locs
		if i, ok := m.index[id]; ok {
			m.gaps[i].keys = append(m.gaps[i].keys, last)
			return
		}
		if m.index == nil {
			m.index = map[string]int{}
		}
		m.index[id] = len(m.gaps)
	}
	m.gaps = append(m.gaps, missingGap{g: g, at: s, src: src, locs: locs, family: parent, keys: []string{last}})
}

// report reports each gap once, at its first key.
func (m *missingTranslations) report(p *lint.RunPass) {
	for _, gap := range m.gaps {
		s := gap.at
		what := fmt.Sprintf("%q has", gap.g.shownKey())
		if len(gap.keys) > 1 {
			what = fmt.Sprintf("%q (%d keys: %s) have", gap.family+".*", len(gap.keys), strings.Join(gap.keys, ", "))
		}
		p.Report(s, lint.Diagnostic{Start: s.Start, End: max(s.Start, min(s.End, s.Start+1)),
			Message: fmt.Sprintf("%s no %s translation, though other messages of this set have one: %s readers get nothing, or the %s fallback", what, gap.locs, gap.locs, gap.src),
			Hint:    fmt.Sprintf("add the %s translation", gap.locs)})
	}
}
