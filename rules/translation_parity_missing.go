package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// missingTranslations collects the messages of a run that lack
// translations, so that the messages of one source file missing in the
// same locales are one finding: a translation that lags behind is one
// thing to fix, not one per key.
type missingTranslations struct {
	gaps  []missingGap
	index map[string]int // family → position in gaps
}

// missingGap is one finding: messages of one file missing in locales.
type missingGap struct {
	g    *parityGroup      // the first message's group
	at   *message.Template // the source template it is reported at
	src  string            // the source locale
	locs string            // the missing locales, "de, fr"
	keys []string          // the messages' keys as findings show them
}

// maxListedKeys is how many missing messages a finding names.
const maxListedKeys = 5

// add records that g, whose source template is s in locale src, has no
// translation in missing.
func (m *missingTranslations) add(g *parityGroup, s *message.Template, src string, missing []string) {
	locs := strings.Join(missing, ", ")
	id := g.set + "\x00" + s.Source.Path + "\x00" + locs
	if i, ok := m.index[id]; ok {
		m.gaps[i].keys = append(m.gaps[i].keys, g.shownKey())
		return
	}
	if m.index == nil {
		m.index = map[string]int{}
	}
	m.index[id] = len(m.gaps)
	m.gaps = append(m.gaps, missingGap{g: g, at: s, src: src, locs: locs, keys: []string{g.shownKey()}})
}

// report reports each gap once, at its first message.
func (m *missingTranslations) report(p *lint.RunPass) {
	for _, gap := range m.gaps {
		s := gap.at
		what := fmt.Sprintf("%q has", gap.keys[0])
		if n := len(gap.keys); n > 1 {
			shown := gap.keys[:min(n, maxListedKeys)]
			quoted := make([]string, len(shown))
			for i, k := range shown {
				quoted[i] = strconv.Quote(k)
			}
			list := strings.Join(quoted, ", ")
			if n > maxListedKeys {
				list += fmt.Sprintf(" and %d more", n-maxListedKeys)
			}
			what = fmt.Sprintf("%d messages (%s) have", n, list)
		}
		p.Report(s, lint.Diagnostic{Start: s.Start, End: max(s.Start, min(s.End, s.Start+1)),
			Message: fmt.Sprintf("%s no %s translation, though other messages of this set have one: %s readers get nothing, or the %s fallback", what, gap.locs, gap.locs, gap.src),
			Hint:    fmt.Sprintf("add the %s translation", gap.locs)})
	}
}
