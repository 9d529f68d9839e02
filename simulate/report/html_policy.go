package report

import (
	_ "embed"
	"fmt"
	"html/template"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// What the policy holds back and why, and the policy that was replayed.

type reasonRow struct {
	Label string
	Name  string
	Help  template.HTML
	N     template.HTML
}

// reasonLabels name the controls in plain words.
var reasonLabels = map[string]string{
	"dedupe":      "same status again",
	"collapse":    "replaced by a newer status",
	"quiet_hours": "dropped in quiet hours",
	"quiet_merge": "merged after quiet hours",
	"min_gap":     "too soon after the last one",
	"max_per_day": "daily limit reached",
}

// reasonHelp explains each control in words.
func reasonHelp(reason string, s simulate.PolicySummary) template.HTML {
	switch reason {
	case "dedupe":
		return "the same status twice in a row for the same entity: no news"
	case "collapse":
		return "a newer status of the same entity came within " + orOffDur("settings.collapse", s.Collapse) + " and replaced it"
	case "quiet_hours":
		if s.QuietAction != "drop" {
			return `only with quiet_action = "drop": this policy defers messages due in quiet hours ` + orOff("settings.quiet_hours", s.QuietHours) + " instead"
		}
		return "it would have gone out in quiet hours " + orOff("settings.quiet_hours", s.QuietHours) + ", which drop messages"
	case "quiet_merge":
		return "held back during quiet hours " + orOff("settings.quiet_hours", s.QuietHours) + " with a newer status of the same entity; only the newest goes out at the end of the quiet hours"
	case "min_gap":
		return "less than " + orOffDur("settings.min_gap", s.MinGap) + " after the customer's previous message"
	case "max_per_day":
		if s.MaxPerDay == 0 {
			return "the customer already had the most messages allowed that day (off)"
		}
		return "the customer already had " + hInt("settings.max_per_day", int64(s.MaxPerDay)) + " messages that day"
	}
	return template.HTML(template.HTMLEscapeString(reason))
}

func (v *htmlView) reasons() {
	r := v.R
	v.SupTotal = hInt("suppressed.total", r.Suppressed.Total)
	v.Deferred = hInt("deferred", r.Deferred)
	labels := make([]string, len(r.Suppressed.ByReason))
	vals := make([]float64, len(r.Suppressed.ByReason))
	paths := make([]string, len(r.Suppressed.ByReason))
	for i, rc := range r.Suppressed.ByReason {
		p := fmt.Sprintf("suppressed.by_reason[%d]", i)
		v.Reasons = append(v.Reasons, reasonRow{Name: rc.Reason, Help: reasonHelp(rc.Reason, r.Settings),
			N: hInt(p+".messages", rc.Messages)})
		labels[i], vals[i], paths[i] = reasonLabels[rc.Reason], float64(rc.Messages), p+".messages"
		if labels[i] == "" {
			labels[i] = rc.Reason
		}
		v.Reasons[len(v.Reasons)-1].Label = labels[i]
	}
	b := svg.Bars{ID: "reasons", Title: "Messages the policy holds back, by control",
		Desc:   "One bar per control: how many as-is messages it suppressed.",
		Labels: labels, Horizontal: true, Values: true, Unit: "messages",
		Series: []svg.Series{{Key: "suppressed", Name: "messages held back", Color: colorPolicy, Values: vals, JSON: paths}}}
	v.ReasonSVG = template.HTML(b.SVG())
}

type settingRow struct {
	Name  string
	Value template.HTML
	Help  template.HTML
}

type triggerRow struct {
	Statuses []template.HTML
	Template template.HTML
}

type badRowView struct {
	File, Line, Reason template.HTML
}

func (v *htmlView) settings() {
	s := v.R.Settings
	add := func(name, path, val string, help template.HTML) {
		if val == "" {
			v.Settings = append(v.Settings, settingRow{Name: name, Value: template.HTML(`<span class="off">off</span>`), Help: help})
			return
		}
		v.Settings = append(v.Settings, settingRow{Name: name, Value: hStr(path, val), Help: help})
	}
	add("policy file", "settings.source", s.Source, "")
	add("time zone", "settings.timezone", s.Timezone, "for rows without their own zone")
	dedupe := ""
	if s.Dedupe {
		dedupe = "on"
	}
	if dedupe == "" {
		v.Settings = append(v.Settings, settingRow{Name: "dedupe", Value: template.HTML(`<span class="off">off</span>`)})
	} else {
		v.Settings = append(v.Settings, settingRow{Name: "dedupe", Value: template.HTML(`<span>on</span>`), Help: reasonHelp("dedupe", s)})
	}
	addDur := func(name, path, val string, help template.HTML) {
		if val == "" {
			v.Settings = append(v.Settings, settingRow{Name: name, Value: template.HTML(`<span class="off">off</span>`), Help: help})
			return
		}
		v.Settings = append(v.Settings, settingRow{Name: name, Value: hDur(path, val), Help: help})
	}
	addDur("collapse", "settings.collapse", s.Collapse, "wait this long for a newer status before sending")
	add("quiet hours", "settings.quiet_hours", s.QuietHours, "local time of the customer")
	if s.QuietHours != "" {
		add("in quiet hours", "settings.quiet_action", s.QuietAction, "defer: send at the end of the quiet hours; drop: do not send")
	}
	addDur("min_gap", "settings.min_gap", s.MinGap, "least time between two messages to a customer")
	if s.MaxPerDay > 0 {
		v.Settings = append(v.Settings, settingRow{Name: "max_per_day", Value: hInt("settings.max_per_day", int64(s.MaxPerDay)), Help: "most messages per customer and local day"})
	} else {
		v.Settings = append(v.Settings, settingRow{Name: "max_per_day", Value: template.HTML(`<span class="off">off</span>`)})
	}
	if len(s.Final) > 0 {
		var fs []template.HTML
		for i, f := range s.Final {
			fs = append(fs, hStr(fmt.Sprintf("settings.final[%d]", i), f))
		}
		v.Settings = append(v.Settings, settingRow{Name: "final statuses", Value: joinHTML(fs, ", "), Help: "end of the span checked for silences"})
	}
	if sms := v.R.SMS; sms != nil && sms.SegmentPrice > 0 {
		v.Settings = append(v.Settings, settingRow{Name: "SMS segment price",
			Value: hDec("sms.segment_price", sms.SegmentPrice, priceDecimals(sms.SegmentPrice)) + " " + hStr("sms.currency", sms.Currency),
			Help:  "what one SMS segment costs"})
	}
	for i, t := range s.Triggers {
		tr := triggerRow{Template: hID(fmt.Sprintf("settings.triggers[%d].template", i), t.Template)}
		for j, st := range t.Statuses {
			tr.Statuses = append(tr.Statuses, hStr(fmt.Sprintf("settings.triggers[%d].statuses[%d]", i, j), st))
		}
		v.Triggers = append(v.Triggers, tr)
	}
}
