package report

import (
	_ "embed"
	"fmt"
	"html/template"

	"github.com/notelint/notelint/simulate"
)

// The top of the page: what the policy changes, in sentences and in the
// side-by-side key figures.

type kpiRow struct {
	Label  string
	Help   string
	AsIs   template.HTML
	Policy template.HTML
	Change template.HTML
}

func (v *htmlView) lead() {
	r := v.R
	a, p := r.AsIs, r.Policy
	switch {
	case p.Messages < a.Messages:
		v.Lead = append(v.Lead, template.HTML("The policy sends ")+hInt("policy.messages", p.Messages)+" messages instead of "+
			hInt("as_is.messages", a.Messages)+" ("+hPct("as_is.messages", "policy.messages", float64(a.Messages), float64(p.Messages))+", "+
			hDiff("as_is.messages", "policy.messages", a.Messages, p.Messages)+" fewer) to "+hInt("customers", r.Customers)+" customers.")
	default:
		v.Lead = append(v.Lead, template.HTML("The policy sends ")+hInt("policy.messages", p.Messages)+" messages, as many as or more than the "+
			hInt("as_is.messages", a.Messages)+" of today's setup, to "+hInt("customers", r.Customers)+" customers.")
	}
	v.Lead = append(v.Lead, template.HTML("Half of the customers get at most ")+hInt("policy.p50", int64(p.P50))+" messages instead of "+
		hInt("as_is.p50", int64(a.P50))+"; the busiest customer gets "+hInt("policy.max", int64(p.Max))+" instead of "+hInt("as_is.max", int64(a.Max))+".")
	if s := r.SMS; s != nil && s.SegmentPrice > 0 {
		v.Lead = append(v.Lead, template.HTML("SMS cost: ")+hDec("sms.policy_cost", s.PolicyCost, 2)+" "+hStr("sms.currency", s.Currency)+
			" instead of "+hDec("sms.as_is_cost", s.AsIsCost, 2)+" "+hStr("sms.currency", s.Currency)+" ("+
			hMoneyDiff("sms.as_is_cost", "sms.policy_cost", s.AsIsCost, s.PolicyCost)+" "+hStr("sms.currency", s.Currency)+" saved).")
	}
	for i, f := range r.Flags {
		if f.AsIs.Count == 0 && f.Policy.Count == 0 {
			continue
		}
		pa, pp := fmt.Sprintf("flags[%d].as_is.count", i), fmt.Sprintf("flags[%d].policy.count", i)
		what := flagSentence(f.Name, r.Settings)
		line := what + ": " + hInt(pa, f.AsIs.Count) + " " + template.HTML(template.HTMLEscapeString(f.Unit)) + " with today's setup, " + hInt(pp, f.Policy.Count) + " with the policy."
		if f.Name == "silent_gap" {
			switch {
			case f.Policy.Count > 0 && r.Keepalive != nil:
				v.Cannot = append(v.Cannot, what+": "+hInt(pp, f.Policy.Count)+" "+template.HTML(f.Unit)+
					" with the policy ("+hInt(pa, f.AsIs.Count)+" with today's setup), after its "+hInt("keepalive.sent", r.Keepalive.Sent)+" keep-alives: those not covered by a keep-alive rule, or whose keep-alive came too late or was dropped.")
			case f.Policy.Count > 0:
				v.Cannot = append(v.Cannot, what+": "+hInt(pp, f.Policy.Count)+" "+template.HTML(f.Unit)+
					" with the policy ("+hInt(pa, f.AsIs.Count)+" with today's setup). A policy can only hold messages back, so it cannot fill a silence: that needs a new trigger (for example a “still on its way” message).")
			}
			continue
		}
		if f.Policy.Count > 0 && f.Policy.Count >= f.AsIs.Count {
			v.Cannot = append(v.Cannot, line)
			continue
		}
		v.Noise = append(v.Noise, line)
	}
}

// flagSentence describes a flag with its thresholds in words: "Bursts (3
// or more messages ...)".
func flagSentence(name string, s simulate.PolicySummary) template.HTML {
	short := map[string]string{"burst": "Bursts", "flapping": "Flip-flopping", "quiet_send": "Messages sent at night",
		"silent_gap": "Silences", "repeat": "Repeats"}[name]
	if short == "" {
		return template.HTML(template.HTMLEscapeString(name))
	}
	return template.HTML(short) + " (" + flagDetail(name, s) + ")"
}

// flagDetail says when a flag is raised, with its thresholds.
func flagDetail(name string, s simulate.PolicySummary) template.HTML {
	switch name {
	case "burst":
		return hInt("settings.flags.burst_count", int64(s.Flags.BurstCount)) + " or more messages to a customer within " +
			hDur("settings.flags.burst_window", s.Flags.BurstWindow)
	case "flapping":
		return "a status comes back within " + hDur("settings.flags.flapping_window", s.Flags.FlappingWindow) +
			", e.g. delayed → on its way → delayed"
	case "quiet_send":
		return "quiet hours " + hStr("settings.quiet_hours", s.QuietHours)
	case "silent_gap":
		return "more than " + hDur("settings.flags.silent_gap_after", s.Flags.SilentGapAfter) + " without a message before the final status"
	case "repeat":
		return "the same message twice in a row about the same thing"
	}
	return ""
}

func (v *htmlView) kpis() {
	r := v.R
	a, p := r.AsIs, r.Policy
	row := func(label, help, field string, x, y int64) kpiRow {
		return kpiRow{Label: label, Help: help, AsIs: hInt("as_is."+field, x), Policy: hInt("policy."+field, y),
			Change: hPct("as_is."+field, "policy."+field, float64(x), float64(y))}
	}
	v.KPIs = []kpiRow{
		row("Messages", "all messages sent", "messages", a.Messages, p.Messages),
		{Label: "Per customer, mean", Help: "average", AsIs: hDec("as_is.mean", a.Mean, 2), Policy: hDec("policy.mean", p.Mean, 2),
			Change: hPct("as_is.mean", "policy.mean", a.Mean, p.Mean)},
		row("Per customer, median", "half of the customers get at most this many", "p50", int64(a.P50), int64(p.P50)),
		row("Per customer, 90th percentile", "9 in 10 customers get at most this many", "p90", int64(a.P90), int64(p.P90)),
		row("Per customer, 99th percentile", "99 in 100 customers get at most this many", "p99", int64(a.P99), int64(p.P99)),
		row("Per customer, most", "the busiest customer", "max", int64(a.Max), int64(p.Max)),
	}
	if s := r.SMS; s != nil {
		v.SMS = append(v.SMS, kpiRow{Label: "SMS segments", Help: "an SMS longer than one segment is billed per segment",
			AsIs: hInt("sms.as_is_segments", s.AsIsSegments), Policy: hInt("sms.policy_segments", s.PolicySegments),
			Change: hPct("sms.as_is_segments", "sms.policy_segments", float64(s.AsIsSegments), float64(s.PolicySegments))})
		if s.SegmentPrice > 0 {
			cur := hStr("sms.currency", s.Currency)
			v.SMS = append(v.SMS, kpiRow{Label: "SMS cost", Help: "at the segment price of the policy",
				AsIs: hDec("sms.as_is_cost", s.AsIsCost, 2) + " " + cur, Policy: hDec("sms.policy_cost", s.PolicyCost, 2) + " " + cur,
				Change: hPct("sms.as_is_cost", "sms.policy_cost", s.AsIsCost, s.PolicyCost)})
		}
	}
}
