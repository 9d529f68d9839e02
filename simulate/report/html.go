package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// The HTML report is one self-contained page: inline CSS and SVG, a few
// lines of inline script that only make tables sortable, no request to the
// network. Every figure taken from the report is marked up with the JSON
// field it shows (data-json="as_is.messages") or, for a figure computed
// from fields (a change in percent, a saving), the operation and its
// fields (data-op="pct" data-args="as_is.messages policy.messages"), so a
// test can check that the page says exactly what the JSON says.

//go:embed report.html.tmpl
var htmlTemplate string

// Colours of the two streams (Okabe–Ito vermillion and blue).
const (
	colorAsIs   = svg.Vermillion
	colorPolicy = svg.Blue
)

var htmlTmpl = template.Must(template.New("report").Funcs(template.FuncMap{
	"hInt": hInt,
	"hStr": hStr,
	"hDur": hDur,
}).Parse(htmlTemplate))

// writeHTML renders the report as a self-contained HTML page. The flag
// examples and noisiest customers link to their timelines when r.Trails is
// set (TraceCustomers).
func writeHTML(w io.Writer, r *simulate.Report) error {
	v := newHTMLView(r)
	ew := &errWriter{w: w}
	if err := htmlTmpl.Execute(ew, v); err != nil {
		return fmt.Errorf("rendering HTML report: %w", err)
	}
	return ew.err
}

// --- number mark-up ---

// fmtInt renders an integer with thousands separators and a true minus sign.
func fmtInt(n int64) string { return svg.Thousands(float64(n)) }

func fmtDec(x float64, d int) string {
	s := strconv.FormatFloat(x, 'f', d, 64)
	return strings.Replace(s, "-", "−", 1)
}

func dataTag(path, value, text string) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%s" data-json="%s">%s</data>`,
		template.HTMLEscapeString(value), template.HTMLEscapeString(path), template.HTMLEscapeString(text)))
}

// hInt shows an integer field.
func hInt(path string, n int64) template.HTML {
	return dataTag(path, strconv.FormatInt(n, 10), fmtInt(n))
}

// hDec shows a float field rounded to d decimals.
func hDec(path string, x float64, d int) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%s" data-json="%s" data-decimals="%d">%s</data>`,
		strconv.FormatFloat(x, 'g', -1, 64), template.HTMLEscapeString(path), d, fmtDec(x, d)))
}

// hStr shows a string field.
func hStr(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<span data-json="%s">%s</span>`, template.HTMLEscapeString(path), template.HTMLEscapeString(s)))
}

// hID shows an id (customer, entity) as code.
func hID(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<code class="id" data-json="%s">%s</code>`, template.HTMLEscapeString(path), template.HTMLEscapeString(s)))
}

// hDate shows an RFC 3339 field as a date ("2 Mar 2026").
func hDate(path, s string) template.HTML {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return hStr(path, s)
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s" data-json="%s" data-fmt="date">%s</time>`,
		template.HTMLEscapeString(s), template.HTMLEscapeString(path), t.Format(htmlDateFmt)))
}

// hTime shows an RFC 3339 field as a local date and clock time.
func hTime(path, s string) template.HTML {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return hStr(path, s)
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s" data-json="%s" data-fmt="datetime">%s</time>`,
		template.HTMLEscapeString(s), template.HTMLEscapeString(path), t.Format(htmlDateTimeFmt)))
}

// Date formats of the page (the test formats the same way).
const (
	htmlDateFmt     = "2 Jan 2006"
	htmlDateTimeFmt = "Mon 2 Jan 15:04"
	htmlDayFmt      = "Monday 2 January 2006"
)

// priceDecimals is the number of decimals that shows a price exactly
// (at least 2, at most 6).
func priceDecimals(x float64) int {
	for d := 2; d < 6; d++ {
		if strconv.FormatFloat(x, 'f', d, 64) == strconv.FormatFloat(x, 'f', -1, 64) {
			return d
		}
	}
	return 6
}

// pctChange is the relative change from a to b in percent, one decimal;
// ok is false when a is 0.
func pctChange(a, b float64) (float64, bool) {
	if a == 0 {
		return 0, false
	}
	return math.Round((b-a)/a*1000) / 10, true
}

// hPct shows the change from field a to field b in percent.
func hPct(pa, pb string, a, b float64) template.HTML {
	c, ok := pctChange(a, b)
	if !ok {
		return ""
	}
	sign := ""
	switch {
	case c > 0:
		sign = "+"
	case c == 0:
		sign = "±"
	}
	return template.HTML(fmt.Sprintf(`<data class="change" value="%s" data-op="pct" data-args="%s %s">%s%s %%</data>`,
		strconv.FormatFloat(c, 'f', -1, 64), template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), sign, fmtDec(c, 1)))
}

// hDiff shows a − b (an integer saving) of two fields.
func hDiff(pa, pb string, a, b int64) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%d" data-op="diff" data-args="%s %s">%s</data>`,
		a-b, template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), fmtInt(a-b)))
}

// hMoneyDiff shows a − b of two money fields, two decimals.
func hMoneyDiff(pa, pb string, a, b float64) template.HTML {
	d := simulate.RoundMoney(a - b)
	return template.HTML(fmt.Sprintf(`<data value="%s" data-op="diff" data-decimals="2" data-args="%s %s">%s</data>`,
		strconv.FormatFloat(d, 'g', -1, 64), template.HTMLEscapeString(pa), template.HTMLEscapeString(pb), fmtDec(d, 2)))
}

// hHist shows the customers of stream k with lo..hi messages (a sum of
// histogram bins).
func hHist(stream string, lo, hi int, n int64) template.HTML {
	return template.HTML(fmt.Sprintf(`<data value="%d" data-op="hist" data-args="%s %d %d">%s</data>`, n, stream, lo, hi, fmtInt(n)))
}

// --- view ---

type htmlView struct {
	R          *simulate.Report
	Title      string
	Inputs     []template.HTML
	Period     template.HTML
	Lead       []template.HTML
	Noise      []template.HTML
	Cannot     []template.HTML
	KPIs       []kpiRow
	Reasons    []reasonRow
	Deferred   template.HTML
	SupTotal   template.HTML
	ReasonSVG  template.HTML
	HistSVG    template.HTML
	HistRows   []histRowView
	DailySVG   template.HTML
	DailyUnit  string
	Busiest    template.HTML
	DailyRows  []dailyRow
	TplSVG     template.HTML
	TplRows    []tplRow
	ChanSVG    template.HTML
	ChanRows   []chanRow
	SMS        []kpiRow
	Flags      []flagView
	Silence    *flagView
	Top        []topRow
	Settings   []settingRow
	Triggers   []triggerRow
	Notes      []string
	BadRows    []badRowView
	BadCount   template.HTML
	HaveTrails bool
	AsIsColor  string
	PolColor   string
	Schema     string
}

type kpiRow struct {
	Label  string
	Help   string
	AsIs   template.HTML
	Policy template.HTML
	Change template.HTML
}

type reasonRow struct {
	Label string
	Name  string
	Help  template.HTML
	N     template.HTML
}

type histRowView struct {
	Label        string
	AsIs, Policy template.HTML
}

type dailyRow struct {
	Date         template.HTML
	AsIs, Policy template.HTML
	Sort         string
}

type tplRow struct {
	ID, Channel, Segments template.HTML
	AsIs, Policy, Change  template.HTML
}

type chanRow struct {
	Channel              template.HTML
	AsIs, Policy, Change template.HTML
}

type flagView struct {
	Name     string
	Title    string
	Help     template.HTML
	Unit     string
	AsIs     template.HTML
	Policy   template.HTML
	CustAsIs template.HTML
	CustPol  template.HTML
	Examples []exampleView
	Better   bool // fewer with the policy
	Worse    bool
	ZeroAsIs bool
	ZeroBoth bool
}

type exampleView struct {
	Stream string // "as-is" or "with the policy"
	Class  string // "as-is" or "policy"
	Who    template.HTML
	Note   template.HTML
	Detail template.HTML
	Trail  *trailView
}

type trailView struct {
	Omitted  string
	ID       string
	Head     string
	Summary  string
	Flags    string
	Days     []trailDay
	Customer string
}

type trailDay struct {
	Date  string
	Steps []trailStep
}

type trailStep struct {
	Time     string
	Kind     string
	Entity   string
	What     string
	Template string
	AsIs     string
	Policy   string
	Class    string // ok, drop, send, flag
	Why      string
	Stream   string
}

type topRow struct {
	ID                          template.HTML
	AsIs, Sent, Sup, Def        template.HTML
	AsIsFlags, Flags            []template.HTML
	TrailID                     string
	AsIsN, SentN, SupN, DefN    int
	IDText                      string
	AsIsFlagsText, FlagsText    string
	HasTrail                    bool
	AsIsFlagsNone, FlagsNone    bool
	AsIsFlagsSort, FlagsSortKey string
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

// flag texts for people.
var flagTitles = map[string]string{
	"burst":      "Bursts",
	"flapping":   "Flip-flopping statuses",
	"quiet_send": "Messages at night (quiet hours)",
	"silent_gap": "Silences",
	"repeat":     "Repeats",
}

func newHTMLView(r *simulate.Report) *htmlView {
	v := &htmlView{R: r, AsIsColor: colorAsIs, PolColor: colorPolicy, Schema: r.Schema, Notes: r.Notes, HaveTrails: len(r.Trails) > 0}
	v.Title = "What the notification policy changes"
	for i, in := range r.Inputs {
		v.Inputs = append(v.Inputs, hStr(fmt.Sprintf("inputs[%d]", i), in))
	}
	if r.TimeSpan.From != "" {
		v.Period = hDate("time_span.from", r.TimeSpan.From) + " – " + hDate("time_span.to", r.TimeSpan.To)
	}
	v.lead()
	v.kpis()
	v.reasons()
	v.histogram()
	v.daily()
	v.templates()
	v.flags()
	v.top()
	v.settings()
	if r.BadRows.Count > 0 {
		v.BadCount = hInt("bad_rows.count", r.BadRows.Count)
		for i, b := range r.BadRows.First {
			p := fmt.Sprintf("bad_rows.first[%d]", i)
			v.BadRows = append(v.BadRows, badRowView{File: hStr(p+".file", b.File), Line: hInt(p+".line", b.Line), Reason: hStr(p+".reason", b.Reason)})
		}
	}
	return v
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
			if f.Policy.Count > 0 {
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

// orOffDur shows a duration setting in words, or "(off)".
func orOffDur(path, s string) template.HTML {
	if s == "" {
		return `<span class="off">(off)</span>`
	}
	return hDur(path, s)
}

// hDur shows a duration field ("1d12h") in words ("1 day 12 hours").
func hDur(path, s string) template.HTML {
	return template.HTML(fmt.Sprintf(`<span data-json="%s" data-value="%s" data-fmt="duration">%s</span>`,
		template.HTMLEscapeString(path), template.HTMLEscapeString(s), template.HTMLEscapeString(durationWords(s))))
}

// durationWords spells out a duration of the report ("1d12h30m" -> "1 day
// 12 hours 30 minutes"); anything else is returned as it is.
func durationWords(s string) string {
	units := map[byte]string{'d': "day", 'h': "hour", 'm': "minute", 's': "second"}
	var parts []string
	num := ""
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9' || c == '.':
			num += string(c)
		case units[c] != "" && num != "" && !(c == 'm' && i+1 < len(s) && s[i+1] == 's'):
			w := units[c]
			if num != "1" {
				w += "s"
			}
			parts = append(parts, num+" "+w)
			num = ""
		default:
			return s
		}
	}
	if num != "" || len(parts) == 0 {
		return s
	}
	return strings.Join(parts, " ")
}

// orOff shows a setting, or "(off)".
func orOff(path, s string) template.HTML {
	if s == "" {
		return `<span class="off">(off)</span>`
	}
	return hStr(path, s)
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

// HistogramRows groups the messages-per-customer histograms of both
// streams for display: one row per count up to 10, then ranges (11-15,
// 16-20, ...). lo and hi are the counts each row covers.
func HistogramRows(a, b []simulate.HistBin) (labels []string, lo, hi []int, as, ps []int64) {
	labels, as, ps = histRows(a, b)
	bounds := histBounds
	for i := range labels {
		lo = append(lo, bounds[i])
		if i+1 < len(bounds) {
			hi = append(hi, bounds[i+1]-1)
		} else {
			hi = append(hi, math.MaxInt32)
		}
	}
	return labels, lo, hi, as, ps
}

func (v *htmlView) histogram() {
	r := v.R
	labels, lo, hi, as, ps := HistogramRows(r.AsIs.Histogram, r.Policy.Histogram)
	va, vp := make([]float64, len(labels)), make([]float64, len(labels))
	for i := range labels {
		va[i], vp[i] = float64(as[i]), float64(ps[i])
		v.HistRows = append(v.HistRows, histRowView{Label: labels[i], AsIs: hHist("as_is", lo[i], hi[i], as[i]), Policy: hHist("policy", lo[i], hi[i], ps[i])})
	}
	b := svg.Bars{ID: "histogram", Title: "How many messages each customer gets",
		Desc:   "For each number of messages, how many customers get that many: as-is and with the policy.",
		Labels: labels, Unit: "customers", XTitle: "messages", YTitle: "customers",
		Series: []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: va}, {Key: "policy", Name: "with the policy", Color: colorPolicy, Values: vp}}}
	v.HistSVG = template.HTML(b.SVG())
}

// timeBucket is a stretch of days the timeline shows as one point.
type timeBucket struct {
	label, from, to string
	asIs, policy    int64
}

// dailyBuckets groups the daily counts for the timeline: days for up to
// three months, weeks (Monday to Sunday) up to two years, else months;
// days without messages count as zero.
func dailyBuckets(days []simulate.DayCount) ([]timeBucket, string) {
	if len(days) == 0 {
		return nil, "day"
	}
	first, _ := time.Parse(time.DateOnly, days[0].Date)
	last, _ := time.Parse(time.DateOnly, days[len(days)-1].Date)
	span := int(last.Sub(first).Hours()/24) + 1
	unit := "day"
	switch {
	case span > 731:
		unit = "month"
	case span > 92:
		unit = "week"
	}
	start := func(t time.Time) time.Time {
		switch unit {
		case "week":
			return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		case "month":
			return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		return t
	}
	next := func(t time.Time) time.Time {
		switch unit {
		case "week":
			return t.AddDate(0, 0, 7)
		case "month":
			return t.AddDate(0, 1, 0)
		}
		return t.AddDate(0, 0, 1)
	}
	var out []timeBucket
	di := 0
	for b := start(first); !b.After(last); b = next(b) {
		e := next(b).AddDate(0, 0, -1)
		tb := timeBucket{from: b.Format(time.DateOnly), to: e.Format(time.DateOnly)}
		switch unit {
		case "day":
			tb.label = b.Format("Mon 2 Jan")
		case "week":
			tb.label = "week of " + b.Format("2 Jan 2006")
		case "month":
			tb.label = b.Format("Jan 2006")
		}
		for di < len(days) && days[di].Date <= tb.to {
			tb.asIs += days[di].AsIs
			tb.policy += days[di].Policy
			di++
		}
		out = append(out, tb)
	}
	return out, unit
}

func (v *htmlView) daily() {
	r := v.R
	bs, unit := dailyBuckets(r.Daily)
	v.DailyUnit = unit
	l := svg.Line{ID: "timeline", Title: "Messages per " + unit, Unit: "messages", YTitle: "messages per " + unit,
		Desc: "Messages sent per " + unit + " in the customers' local time: as-is (shaded) and with the policy (line)."}
	va, vp := make([]float64, len(bs)), make([]float64, len(bs))
	for i, b := range bs {
		l.Buckets = append(l.Buckets, svg.Bucket{Label: b.label, From: b.from, To: b.to})
		va[i], vp[i] = float64(b.asIs), float64(b.policy)
	}
	l.Series = []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: va}, {Key: "policy", Name: "with the policy", Color: colorPolicy, Values: vp}}
	v.DailySVG = template.HTML(l.SVG())
	busiest := -1
	for i, d := range r.Daily {
		if busiest < 0 || d.AsIs > r.Daily[busiest].AsIs {
			busiest = i
		}
	}
	if busiest >= 0 {
		d := r.Daily[busiest]
		p := fmt.Sprintf("daily[%d]", busiest)
		day, _ := time.Parse(time.DateOnly, d.Date)
		v.Busiest = "The busiest day with today's setup was " + template.HTML(fmt.Sprintf(`<time datetime="%s" data-json="%s.date" data-fmt="day">%s</time>`, d.Date, p, day.Format(htmlDayFmt))) +
			": " + hInt(p+".as_is", d.AsIs) + " messages; the policy sends " + hInt(p+".policy", d.Policy) + " on that day."
	}
	for i, d := range r.Daily {
		p := fmt.Sprintf("daily[%d]", i)
		v.DailyRows = append(v.DailyRows, dailyRow{Date: hStr(p+".date", d.Date), AsIs: hInt(p+".as_is", d.AsIs), Policy: hInt(p+".policy", d.Policy), Sort: d.Date})
	}
}

func (v *htmlView) templates() {
	r := v.R
	n := len(r.Templates)
	labels := make([]string, n)
	va, vp := make([]float64, n), make([]float64, n)
	pa, pp := make([]string, n), make([]string, n)
	for i, t := range r.Templates {
		p := fmt.Sprintf("templates[%d]", i)
		row := tplRow{ID: hID(p+".id", t.ID), AsIs: hInt(p+".as_is", t.AsIs), Policy: hInt(p+".policy", t.Policy),
			Change: hPct(p+".as_is", p+".policy", float64(t.AsIs), float64(t.Policy))}
		if t.Channel != "" {
			row.Channel = hStr(p+".channel", t.Channel)
		}
		if t.Segments > 0 {
			row.Segments = hInt(p+".segments", int64(t.Segments))
		}
		v.TplRows = append(v.TplRows, row)
		labels[i], va[i], vp[i], pa[i], pp[i] = t.ID, float64(t.AsIs), float64(t.Policy), p+".as_is", p+".policy"
	}
	b := svg.Bars{ID: "templates", Title: "Messages per template", Desc: "For each template: messages as-is and with the policy.",
		Labels: labels, Horizontal: true, Values: true, Unit: "messages",
		Series: []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: va, JSON: pa}, {Key: "policy", Name: "with the policy", Color: colorPolicy, Values: vp, JSON: pp}}}
	v.TplSVG = template.HTML(b.SVG())

	known := false
	for _, c := range r.Channels {
		known = known || c.Channel != ""
	}
	if !known {
		return // no templates linked: the channels are unknown
	}
	n = len(r.Channels)
	labels = make([]string, n)
	va, vp = make([]float64, n), make([]float64, n)
	pa, pp = make([]string, n), make([]string, n)
	for i, c := range r.Channels {
		p := fmt.Sprintf("channels[%d]", i)
		name := c.Channel
		if name == "" {
			name = "unknown"
		}
		ch := hStr(p+".channel", c.Channel)
		if c.Channel == "" {
			ch = `<span class="off">unknown</span>`
		}
		v.ChanRows = append(v.ChanRows, chanRow{Channel: ch, AsIs: hInt(p+".as_is", c.AsIs), Policy: hInt(p+".policy", c.Policy),
			Change: hPct(p+".as_is", p+".policy", float64(c.AsIs), float64(c.Policy))})
		labels[i], va[i], vp[i], pa[i], pp[i] = name, float64(c.AsIs), float64(c.Policy), p+".as_is", p+".policy"
	}
	if n < 2 {
		return // one channel: the table says it all
	}
	b = svg.Bars{ID: "channels", Title: "Messages per channel", Desc: "For each channel: messages as-is and with the policy.",
		Labels: labels, Horizontal: true, Values: true, Unit: "messages",
		Series: []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: va, JSON: pa}, {Key: "policy", Name: "with the policy", Color: colorPolicy, Values: vp, JSON: pp}}}
	v.ChanSVG = template.HTML(b.SVG())
}

func (v *htmlView) flags() {
	r := v.R
	for i, f := range r.Flags {
		p := fmt.Sprintf("flags[%d]", i)
		fv := flagView{Name: f.Name, Title: flagTitles[f.Name], Unit: f.Unit,
			Help:     flagDetail(f.Name, r.Settings),
			AsIs:     hInt(p+".as_is.count", f.AsIs.Count),
			Policy:   hInt(p+".policy.count", f.Policy.Count),
			CustAsIs: hInt(p+".as_is.customers", f.AsIs.Customers),
			CustPol:  hInt(p+".policy.customers", f.Policy.Customers),
			Better:   f.Policy.Count < f.AsIs.Count, Worse: f.Policy.Count > f.AsIs.Count,
			ZeroAsIs: f.AsIs.Count == 0, ZeroBoth: f.AsIs.Count == 0 && f.Policy.Count == 0,
		}
		if fv.Title == "" {
			fv.Title = f.Name
		}
		for k, set := range []struct {
			stream, class, key string
			xs                 []simulate.Example
		}{{"as-is", "as-is", "as_is", f.AsIs.Examples}, {"with the policy", "policy", "policy", f.Policy.Examples}} {
			for j, x := range set.xs {
				xp := fmt.Sprintf("%s.%s.examples[%d]", p, set.key, j)
				fv.Examples = append(fv.Examples, v.example(xp, set.stream, set.class, x, fmt.Sprintf("%s-%d-%d", f.Name, k, j)))
			}
		}
		if f.Name == "silent_gap" {
			fc := fv
			v.Silence = &fc
			continue
		}
		v.Flags = append(v.Flags, fv)
	}
}

func (v *htmlView) example(p, stream, class string, x simulate.Example, id string) exampleView {
	ev := exampleView{Stream: stream, Class: class}
	who := hID(p+".customer", x.Customer)
	if x.Entity != "" {
		who += " / " + hID(p+".entity", x.Entity)
	}
	ev.Who = who
	ev.Note = hStr(p+".note", x.Note)
	var parts []template.HTML
	if len(x.Statuses) == len(x.Times) && len(x.Statuses) > 0 {
		for i := range x.Times {
			parts = append(parts, hStr(fmt.Sprintf("%s.statuses[%d]", p, i), x.Statuses[i])+" "+hTime(fmt.Sprintf("%s.times[%d]", p, i), x.Times[i]))
		}
		ev.Detail = joinHTML(parts, " → ")
	} else {
		for i, t := range x.Times {
			parts = append(parts, hTime(fmt.Sprintf("%s.times[%d]", p, i), t))
		}
		sep := template.HTML(", ")
		if len(x.Times) == 2 && x.Entity != "" && len(x.Statuses) == 0 {
			sep = " to "
		}
		ev.Detail = joinHTML(parts, sep)
		if len(x.Statuses) > 0 {
			var st []template.HTML
			for i, s := range x.Statuses {
				st = append(st, hStr(fmt.Sprintf("%s.statuses[%d]", p, i), s))
			}
			ev.Detail = joinHTML(st, " → ") + " · " + ev.Detail
		}
	}
	if tr := v.R.Trails[x.Customer]; tr != nil {
		var focus []time.Time
		for _, s := range x.Times {
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				focus = append(focus, t)
			}
		}
		ev.Trail = newTrailView(tr, "trail-"+id, focus)
	}
	return ev
}

func joinHTML(parts []template.HTML, sep template.HTML) template.HTML {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(string(sep))
		}
		b.WriteString(string(p))
	}
	return template.HTML(b.String())
}

// Timelines in the page: a flag example shows the customer's whole replay
// when it has at most trailFull steps, else the days around the flagged
// moment; no timeline shows more than trailMax steps.
const (
	trailFull = 80
	trailMax  = 400
)

func newTrailView(x *simulate.Explanation, id string, focus []time.Time) *trailView {
	ents := x.Entities
	if len(ents) > 12 {
		ents = append(append([]string{}, ents[:12]...), fmt.Sprintf("and %d more", len(x.Entities)-12))
	}
	tv := &trailView{ID: id, Customer: x.Customer, Summary: explanationSummary(x),
		Head:  fmt.Sprintf("%s, %s (%s), zone %s", plural(x.Events, "event"), plural(len(x.Entities), "entity"), strings.Join(ents, ", "), strings.Join(x.Zones, ", ")),
		Flags: fmt.Sprintf("Flags as-is: %s. With the policy: %s.", flagsOrNone(x.FlagsAsIs), flagsOrNone(x.FlagsPol))}
	steps := x.Steps
	before, after := 0, 0
	if len(steps) > trailFull && len(focus) > 0 {
		lo, hi := focus[0], focus[0]
		for _, t := range focus {
			if t.Before(lo) {
				lo = t
			}
			if t.After(hi) {
				hi = t
			}
		}
		loDay := lo.AddDate(0, 0, -1).Format(time.DateOnly)
		hiDay := hi.AddDate(0, 0, 1).Format(time.DateOnly)
		i, j := 0, len(steps)
		for i < j && steps[i].Time.In(lo.Location()).Format(time.DateOnly) < loDay {
			i++
		}
		for j > i && steps[j-1].Time.In(lo.Location()).Format(time.DateOnly) > hiDay {
			j--
		}
		before, after = i, len(steps)-j
		steps = steps[i:j]
	}
	if len(steps) > trailMax {
		after += len(steps) - trailMax
		steps = steps[:trailMax]
	}
	if before+after > 0 {
		tv.Omitted = fmt.Sprintf("%s before and %s after are not shown here; notelint simulate with --customer %s prints the whole replay.",
			plural(before, "step"), plural(after, "step"), x.Customer)
	}
	for _, s := range steps {
		d := s.Time.Format("Mon 2 Jan 2006 (MST)")
		if len(tv.Days) == 0 || tv.Days[len(tv.Days)-1].Date != d {
			tv.Days = append(tv.Days, trailDay{Date: d})
		}
		st := trailStep{Time: stepClock(s.Time), Kind: s.Kind, Entity: s.Entity}
		switch s.Kind {
		case "event":
			st.What = s.Status
			if s.Final {
				st.What += " (final)"
			}
			st.Template = s.Template
			if s.Template == "" {
				st.AsIs, st.Policy, st.Class = "no message", "", "none"
			} else {
				st.AsIs = "✓ sent"
				st.Policy, st.Why = s.Policy, s.Why
				st.Class = "drop"
				if s.Policy == "sent" || s.Policy == "deferred" {
					st.Class = "ok"
				}
			}
		case "send":
			st.Class = "send"
			st.Template = s.Template
			st.What = fmt.Sprintf("policy sends %s", s.Template)
			st.Why = fmt.Sprintf("for %q of %s", s.Status, simulate.Clock(*s.Event, s.Time))
		case "flag":
			st.Class = "flag"
			st.Stream = "as-is"
			if s.Stream == "policy" {
				st.Stream = "with the policy"
			}
			st.What = s.Flag
			st.Why = s.Note
		}
		tv.Days[len(tv.Days)-1].Steps = append(tv.Days[len(tv.Days)-1].Steps, st)
	}
	return tv
}

func (v *htmlView) top() {
	r := v.R
	for i, c := range r.TopCustomers {
		p := fmt.Sprintf("top_customers[%d]", i)
		row := topRow{ID: hID(p+".id", c.ID), AsIs: hInt(p+".as_is", int64(c.AsIs)), Sent: hInt(p+".sent", int64(c.Sent)),
			Sup: hInt(p+".suppressed", int64(c.Suppressed)), Def: hInt(p+".deferred", int64(c.Deferred)),
			AsIsN: c.AsIs, SentN: c.Sent, SupN: c.Suppressed, DefN: c.Deferred, IDText: c.ID,
			AsIsFlagsNone: len(c.AsIsFlags) == 0, FlagsNone: len(c.Flags) == 0,
			AsIsFlagsSort: strings.Join(c.AsIsFlags, ","), FlagsSortKey: strings.Join(c.Flags, ",")}
		for j, f := range c.AsIsFlags {
			row.AsIsFlags = append(row.AsIsFlags, hStr(fmt.Sprintf("%s.as_is_flags[%d]", p, j), f))
		}
		for j, f := range c.Flags {
			row.Flags = append(row.Flags, hStr(fmt.Sprintf("%s.flags[%d]", p, j), f))
		}
		if r.Trails[c.ID] != nil {
			row.HasTrail = true
			row.TrailID = "top-" + strconv.Itoa(i)
		}
		v.Top = append(v.Top, row)
	}
}

// TopTrail returns the timeline view of a noisiest customer (template helper).
func (v *htmlView) TopTrail(i int) *trailView {
	if i >= len(v.R.TopCustomers) {
		return nil
	}
	x := v.R.Trails[v.R.TopCustomers[i].ID]
	if x == nil {
		return nil
	}
	return newTrailView(x, "trail-top-"+strconv.Itoa(i), nil)
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

// ChartBars returns, per chart of the HTML report (data-chart), the number
// of bars it draws (a bar per non-zero value and series), and for the
// timeline the number of points of each line, computed from the report.
func ChartBars(r *simulate.Report) map[string]int {
	out := map[string]int{}
	nz := func(xs ...int64) int {
		n := 0
		for _, x := range xs {
			if x > 0 {
				n++
			}
		}
		return n
	}
	_, as, ps := histRows(r.AsIs.Histogram, r.Policy.Histogram)
	for i := range as {
		out["histogram"] += nz(as[i], ps[i])
	}
	for _, t := range r.Templates {
		out["templates"] += nz(t.AsIs, t.Policy)
	}
	if len(r.Channels) > 1 {
		for _, c := range r.Channels {
			out["channels"] += nz(c.AsIs, c.Policy)
		}
	}
	for _, rc := range r.Suppressed.ByReason {
		out["reasons"] += nz(rc.Messages)
	}
	bs, _ := dailyBuckets(r.Daily)
	out["timeline"] = len(bs)
	return out
}
