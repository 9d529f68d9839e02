package report

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// policyColors are the Okabe–Ito colours of the compared policies (as-is
// is vermillion, as in the single report).
var policyColors = []string{svg.Blue, svg.Orange, svg.Green, svg.SkyBlue, svg.Purple, svg.Black, svg.Yellow}

func policyColor(i int) string { return policyColors[i%len(policyColors)] }

// pageShell is the self-contained page of a comparison or a sweep: inline
// CSS, inline SVG, no script and no request.
var pageShell = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="notelint simulate">
<title>{{.Title}}</title>
<style>
body { margin: 0 auto; max-width: 1080px; padding: 0 24px 40px; color: #1b1b1b; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 1.4rem 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-top: .5rem; border-top: 1px solid #d0d4da; }
p { max-width: 80ch; }
.meta { color: #4d4d4d; }
code { font: .92em ui-monospace, Menlo, Consolas, monospace; background: #f4f6f8; padding: 0 .25em; }
pre { background: #f4f6f8; padding: .6rem .8rem; overflow-x: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .6rem 0 1rem; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid #d0d4da; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
th { background: #f4f6f8; font-weight: 600; white-space: normal; max-width: 14em; vertical-align: bottom; }
tr.frontier td { font-weight: 600; }
tr.current td { background: #fff6d6; }
.chart { display: block; width: 100%; max-width: 900px; height: auto; margin: .4rem 0; }
.chart .grid { stroke: #e3e6ea; } .chart .axis { stroke: #6b6b6b; }
.chart .tick, .chart .label, .chart .value, .chart .legend-text, .chart .axis-title { font-size: 12px; fill: #333; }
.chart-wrap { max-width: 100%; overflow-x: auto; }
@media (max-width: 720px) {
  body { padding: 0 14px 32px; }
  h1 { font-size: 1.5rem; }
  /* Wide tables scroll inside their own box; the page stays as wide as the screen. */
  table { display: block; max-width: 100%; overflow-x: auto; }
  /* Charts keep labels of at least 11 px (12 px at 720 user units) and scroll sideways. */
  .chart { min-width: 680px; }
  code { overflow-wrap: anywhere; }
}
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{.Body}}
</body>
</html>
`))

// chartWrap puts a chart in a box that scrolls sideways on a narrow
// screen, so the chart keeps readable labels.
func chartWrap(chart string) string { return `<div class="chart-wrap">` + chart + `</div>` }

// writePage renders the page shell around body.
func writePage(w io.Writer, title string, body template.HTML) error {
	if err := pageShell.Execute(w, struct {
		Title string
		Body  template.HTML
	}{title, body}); err != nil {
		return fmt.Errorf("writing html: %w", err)
	}
	return nil
}

// writeCompareHTML renders the comparison as one self-contained page: the
// figures side by side and charts with every policy.
func writeCompareHTML(w io.Writer, rs []*simulate.Report, names []string) error {
	first := rs[0]
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<p class="meta">%d events, %d customers, %d entities (%s), %s to %s. As-is: every triggering status sends its template at once.</p>`,
		first.Events, first.Customers, first.Entities, esc(strings.Join(first.Inputs, ", ")), esc(first.TimeSpan.From), esc(first.TimeSpan.To))
	b.WriteString("<h2>The policies</h2><ul>")
	for i, r := range rs {
		fmt.Fprintf(&b, `<li><span style="color:%s">■</span> <strong>%s</strong> (<code>%s</code>): %s</li>`, policyColor(i), esc(names[i]), esc(r.Settings.Source), esc(policyLine(r)))
	}
	b.WriteString("</ul><h2>Side by side</h2><div class=\"scroll\"><table><thead><tr><th></th><th>as-is</th>")
	for _, n := range names {
		fmt.Fprintf(&b, "<th>%s</th>", esc(n))
	}
	b.WriteString("</tr></thead><tbody>")
	for _, row := range compareRows(rs) {
		fmt.Fprintf(&b, "<tr><td>%s</td>", esc(strings.TrimSpace(row.label)))
		for _, c := range row.cells {
			fmt.Fprintf(&b, "<td>%s</td>", esc(c))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table></div>")

	// Messages per customer: the histogram of every stream.
	hists := [][]simulate.HistBin{first.AsIs.Histogram}
	for _, r := range rs {
		hists = append(hists, r.Policy.Histogram)
	}
	labels, counts := histGroups(hists)
	series := []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: counts[0]}}
	for i := range rs {
		series = append(series, svg.Series{Key: fmt.Sprintf("p%d", i), Name: shortName(names[i]), Color: policyColor(i), Values: counts[i+1]})
	}
	hist := svg.Bars{ID: "per-customer", Title: "How many messages each customer gets", Desc: "Customers by their number of messages, as-is and with each policy.",
		Labels: labels, Series: series, Unit: "customers", XTitle: "messages", YTitle: "customers"}
	b.WriteString("<h2>How many messages each customer gets</h2>")
	b.WriteString(chartWrap(hist.SVG()))

	// Flags of every stream.
	flagLabels := make([]string, len(first.Flags))
	fs := []svg.Series{{Key: "as_is", Name: "as-is", Color: colorAsIs, Values: make([]float64, len(first.Flags))}}
	for i, f := range first.Flags {
		flagLabels[i] = f.Name + " (" + f.Unit + ")"
		fs[0].Values[i] = float64(f.AsIs.Count)
	}
	for i, r := range rs {
		s := svg.Series{Key: fmt.Sprintf("p%d", i), Name: shortName(names[i]), Color: policyColor(i), Values: make([]float64, len(r.Flags))}
		for j, f := range r.Flags {
			s.Values[j] = float64(f.Policy.Count)
		}
		fs = append(fs, s)
	}
	flags := svg.Bars{ID: "flags", Title: "Noise and silences", Desc: "Each flag's count, as-is and with each policy.",
		Labels: flagLabels, Series: fs, Horizontal: true, Values: true}
	b.WriteString("<h2>Noise and silences</h2>")
	b.WriteString(chartWrap(flags.SVG()))
	return writePage(w, fmt.Sprintf("notelint simulate: %d policies compared", len(rs)), template.HTML(b.String())) //nolint:gosec // built from escaped text and our SVG
}

// histGroups groups several histograms into the display rows of histRows.
func histGroups(hs [][]simulate.HistBin) ([]string, [][]float64) {
	var all []simulate.HistBin
	for _, h := range hs {
		all = append(all, h...)
	}
	labels, _, _ := histRows(all, nil)
	out := make([][]float64, len(hs))
	for i, h := range hs {
		_, c, _ := histRows(h, nil)
		out[i] = make([]float64, len(labels))
		for j := range c {
			out[i][j] = float64(c[j])
		}
	}
	return labels, out
}

// shortName keeps a chart legend readable: at most 20 characters.
func shortName(n string) string {
	r := []rune(n)
	if len(r) <= 20 {
		return n
	}
	return string(r[:19]) + "…"
}
