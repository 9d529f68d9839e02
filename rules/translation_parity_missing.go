package rules

import (
	"fmt"
	"slices"
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
	// pieces counts, per e-mail split over keys (Scope.Within), its
	// pieces missing here.
	pieces map[string]int
}

// maxListedKeys is how many missing messages a finding names.
const maxListedKeys = 5

// add records that g, whose source template is s in locale src, has no
// translation in missing.
func (m *missingTranslations) add(g *parityGroup, s *message.Template, src string, missing []string) {
	locs := strings.Join(missing, ", ")
	id := g.set + "\x00" + s.Source.Path + "\x00" + locs
	// The pieces of an e-mail split over keys are one message.
	shown := g.shownKey()
	if s.Scope.Within != "" {
		shown = s.Scope.Within
	}
	if i, ok := m.index[id]; ok {
		if !slices.Contains(m.gaps[i].keys, shown) {
			m.gaps[i].keys = append(m.gaps[i].keys, shown)
		}
		if s.Scope.Within != "" {
			m.gaps[i].pieces[shown]++
		}
		return
	}
	if m.index == nil {
		m.index = map[string]int{}
	}
	m.index[id] = len(m.gaps)
	gap := missingGap{g: g, at: s, src: src, locs: locs, keys: []string{shown}, pieces: map[string]int{}}
	if s.Scope.Within != "" {
		gap.pieces[shown]++
	}
	m.gaps = append(m.gaps, gap)
}

// report reports each gap once, at its first message. An e-mail split
// over keys is named by its key path, with how many of its texts lack the
// translation when not all do ("email.invoice.finalized" (1 of 8 texts)).
func (m *missingTranslations) report(p *lint.RunPass) {
	total := map[[2]string]int{} // e-mail key path and locale → its texts
	for _, t := range p.Templates {
		if t.Scope.Within != "" {
			total[[2]string{t.Scope.Within, message.NormalizeLocale(t.Locale)}]++
		}
	}
	for _, gap := range m.gaps {
		s := gap.at
		name := func(k string) string {
			q := strconv.Quote(k)
			if n, all := gap.pieces[k], total[[2]string{k, gap.src}]; n > 0 && n < all {
				q += fmt.Sprintf(" (%d of %d texts)", n, all)
			}
			return q
		}
		what := name(gap.keys[0]) + " has"
		if n := len(gap.keys); n > 1 {
			shown := gap.keys[:min(n, maxListedKeys)]
			quoted := make([]string, len(shown))
			for i, k := range shown {
				quoted[i] = name(k)
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
