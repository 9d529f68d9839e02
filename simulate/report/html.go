package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"

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
// examples and noisiest customers open on their timelines (r.Trails).
func writeHTML(w io.Writer, r *simulate.Report) error {
	v := newHTMLView(r)
	ew := &errWriter{w: w}
	if err := htmlTmpl.Execute(ew, v); err != nil {
		return fmt.Errorf("rendering HTML report: %w", err)
	}
	return ew.err
}

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
	SilenceWhy []template.HTML // why the silent_gap counts differ
	SourceFlap *sourceFlapView // nil when flapping_window is off
	Top        []topRow
	Settings   []settingRow
	Triggers   []triggerRow
	Notes      []string
	BadRows    []badRowView
	BadCount   template.HTML
	Contacts   *contactsView // nil without --contacts
	HaveTrails bool
	NoTrails   string // why the replays are not shown (the input was too long)
	AsIsColor  string
	PolColor   string
	Schema     string
}

func newHTMLView(r *simulate.Report) *htmlView {
	v := &htmlView{R: r, AsIsColor: colorAsIs, PolColor: colorPolicy, Schema: r.Schema, Notes: r.Notes, HaveTrails: len(r.Trails) > 0, NoTrails: r.TrailsMissing}
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
	v.diagnostics()
	v.top()
	v.settings()
	v.contacts()
	if r.BadRows.Count > 0 {
		v.BadCount = hInt("bad_rows.count", r.BadRows.Count)
		for i, b := range r.BadRows.First {
			p := fmt.Sprintf("bad_rows.first[%d]", i)
			v.BadRows = append(v.BadRows, badRowView{File: hStr(p+".file", b.File), Line: hInt(p+".line", b.Line), Reason: hStr(p+".reason", b.Reason)})
		}
	}
	return v
}
