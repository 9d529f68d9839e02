package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"math"
	"time"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// The charts and their tables: messages per customer, per day, per
// template and per channel.

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
	if c := r.Contacts; c != nil {
		for _, t := range c.Templates {
			if t.Lift != nil && *t.Lift > 0 {
				out["contact-lift"]++
			}
		}
	}
	bs, _ := dailyBuckets(r.Daily)
	out["timeline"] = len(bs)
	return out
}
