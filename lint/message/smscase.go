package message

import (
	"strings"

	"github.com/notelint/notelint/lint/sms"
)

// SMSEstimate is the SMS size of a template's body in its best and worst
// case, and the budget it is held to.
type SMSEstimate struct {
	// Best fills placeholders with their sample (or nothing).
	Best sms.Result
	// Worst fills placeholders at their declared max, or the configured
	// default_var_length, with any character their charset allows:
	// charset = "unicode" makes the worst case UCS-2.
	Worst sms.Result
	// Assumed lists placeholders whose length was not declared.
	Assumed []string
	// Budget is the allowed number of segments (sms.Settings.Budget).
	Budget int
	// Settings are the settings the estimate was made with.
	Settings sms.Settings
}

// Over reports whether the worst case needs more segments than the budget
// or more parts than can be sent at all.
func (e SMSEstimate) Over() bool {
	return e.Worst.TooLong || e.Worst.Segments > e.Budget
}

// EstimateSMS evaluates the body of t as an SMS under settings s (the
// options of the rule that checks SMS size).
func EstimateSMS(t *Template, s sms.Settings) SMSEstimate {
	est := SMSEstimate{Budget: s.Budget(t.MaxSegments), Settings: s}
	body := t.Body()
	if body == nil {
		return est
	}
	opt := s.Options()
	best, worst, assumed := smsCaseTexts(t, body, s)
	est.Assumed = assumed
	est.Best = sms.Analyze(best, opt)
	est.Worst = sms.Analyze(worst, opt)
	return est
}

// icuGroup is one top-level ICU plural/select argument of a part: the text
// ranges of its branches.
type icuGroup struct {
	branches [][2]int
}

// icuGroups finds the top-level ICU plural/select arguments of a part from
// their skeleton: control placeholders "{n, plural, one {", "} other {"
// and "}" with the same Ref, the branches lying between them.
func icuGroups(p *Part) []icuGroup {
	text := p.Text.String()
	var out []icuGroup
	phs := p.Placeholders
	for i := 0; i < len(phs); i++ {
		ph := phs[i]
		if !ph.Control || ph.Ref == "" || !isICUOpen(text[ph.Start:ph.End]) {
			continue
		}
		var g icuGroup
		prev := ph
		j := i + 1
		for ; j < len(phs); j++ {
			c := phs[j]
			if !c.Control || c.Ref != ph.Ref || !strings.HasPrefix(text[c.Start:c.End], "}") {
				continue // a value or a nested argument inside the branch
			}
			g.branches = append(g.branches, [2]int{prev.End, c.Start})
			prev = c
			if strings.TrimSpace(text[c.Start:c.End]) == "}" {
				break
			}
		}
		if len(g.branches) > 0 {
			out = append(out, g)
			i = j // skip what the group holds: nested groups stay whole
		}
	}
	return out
}

func isICUOpen(s string) bool {
	for _, kw := range []string{", plural,", ", select,", ", selectordinal,", ",plural,", ",select,", ",selectordinal,"} {
		if strings.HasPrefix(s, "{") && strings.Contains(s, kw) {
			return true
		}
	}
	return false
}

// renderBranches renders the part keeping, of every ICU group, only the
// longest branch (longest) or the shortest one, measured in SMS units.
func renderBranches(p *Part, groups []icuGroup, fill func(Placeholder) string, longest bool, opt sms.Options) string {
	if len(groups) == 0 {
		return p.Render(fill)
	}
	var skip [][2]int
	for _, g := range groups {
		keep, keepUnits := 0, -1
		for bi, b := range g.branches {
			u := sms.Analyze(renderRange(p, b[0], b[1], nil, fill), opt).Units
			if keepUnits < 0 || (longest && u > keepUnits) || (!longest && u < keepUnits) {
				keep, keepUnits = bi, u
			}
		}
		for bi, b := range g.branches {
			if bi != keep {
				skip = append(skip, b)
			}
		}
	}
	return renderRange(p, 0, p.Text.Len(), skip, fill)
}

// renderRange renders text[start:end] of the part like Render, leaving out
// the byte ranges in skip.
func renderRange(p *Part, start, end int, skip [][2]int, fill func(Placeholder) string) string {
	text := p.Text.String()
	skipped := func(i int) (int, bool) {
		for _, r := range skip {
			if i >= r[0] && i < r[1] {
				return r[1], true
			}
		}
		return 0, false
	}
	var sb strings.Builder
	phi := 0
	for i := start; i < end; {
		if to, ok := skipped(i); ok {
			i = to
			continue
		}
		for phi < len(p.Placeholders) && p.Placeholders[phi].Start < i {
			phi++
		}
		if phi < len(p.Placeholders) && p.Placeholders[phi].Start == i {
			ph := p.Placeholders[phi]
			if !ph.Control {
				sb.WriteString(fill(ph))
			}
			i = ph.End
			continue
		}
		next := end
		if phi < len(p.Placeholders) && p.Placeholders[phi].Start < next {
			next = p.Placeholders[phi].Start
		}
		for _, r := range skip {
			if r[0] > i && r[0] < next {
				next = r[0]
			}
		}
		sb.WriteString(text[i:next])
		i = next
	}
	return sb.String()
}
