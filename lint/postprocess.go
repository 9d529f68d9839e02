package lint

import (
	"fmt"

	"github.com/notelint/notelint/lint/message"
)

// post is what the post-processors of one template's findings share.
type post struct {
	r     *Runner
	t     *message.Template
	state *RunState
}

// postProcessors are the steps every template's findings go through after
// the rules ran, in this order: configured severities, suppression
// directives, problems of the directives themselves (unknown rule, unused),
// then one finding per span. Sorting is done once for the whole run.
func postProcessors() []func(*post, []Finding) []Finding {
	return []func(*post, []Finding) []Finding{
		(*post).severities,
		(*post).suppress,
		(*post).directiveProblems,
		(*post).dedupeSpans,
	}
}

// severities gives each finding its rule's configured severity: always
// when the config sets one, else when the rule reported none of its own.
func (c *post) severities(fs []Finding) []Finding {
	for i := range fs {
		rule := ruleByID(c.r.Rules, fs[i].Rule)
		if c.r.Config.SeverityExplicit(rule) || fs[i].Severity == message.Off {
			fs[i].Severity = c.r.Config.Severity(rule)
		}
	}
	return fs
}

// suppress drops the findings a notelint-disable directive switches off
// and marks those directives used.
func (c *post) suppress(fs []Finding) []Finding {
	out := fs[:0]
	for i := range fs {
		if f := &fs[i]; !c.t.Suppress.Suppressed(f.Rule, f.File, f.Offset, f.Line) {
			out = append(out, fs[i])
		}
	}
	return out
}

// directiveProblems adds the problems of the directives themselves: syntax
// errors found when loading, a directive naming an unknown rule, and one
// that switched nothing off (while its rule is on), reported through the
// rules that own DirectiveProblem.
func (c *post) directiveProblems(fs []Finding) []Finding {
	dirs := append([]message.Problem(nil), c.t.Suppress.Problems...)
	for _, d := range c.t.Suppress.All {
		switch {
		case !hasRule(c.r.Rules, d.Rule):
			dirs = append(dirs, message.Problem{Kind: message.DirectiveProblem, Start: d.Start, End: d.End, Source: d.Source,
				Message: fmt.Sprintf("suppression names unknown rule %q", d.Rule),
				Hint:    "see `notelint rules` for the rule ids"})
		case !d.Used && c.r.Config.Severity(ruleByID(c.r.Rules, d.Rule)) != message.Off:
			dirs = append(dirs, message.Problem{Kind: message.DirectiveProblem, Start: d.Start, End: d.End, Source: d.Source,
				Message: fmt.Sprintf("suppression of %s is unused: the rule reports nothing here", d.Rule),
				Hint:    "remove the suppression"})
		}
	}
	return append(fs, c.r.ownedFindings(c.t, c.state, message.DirectiveProblem, dirs)...)
}

// dedupeSpans drops a finding that repeats another of the same rule on the
// same span with the same message (a rule that reached one word twice, say
// through a run-level and a per-template check). Findings of different
// rules on one span are different problems (a link too long for the SMS
// and a link that looks unsafe) and both stay.
func (c *post) dedupeSpans(fs []Finding) []Finding {
	type key struct {
		rule, file, msg string
		start, end      int
	}
	if len(fs) < 2 {
		return fs
	}
	seen := make(map[key]bool, len(fs))
	out := fs[:0]
	for _, f := range fs {
		k := key{f.Rule, f.File, f.Message, f.Offset, f.EndOffset}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}
