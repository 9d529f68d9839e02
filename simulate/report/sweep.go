package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// SweepSchema names the JSON schema of a sweep.
const SweepSchema = "notelint.simulate.sweep/v1"

// WriteSweep renders a sweep: every combination with its objectives, the
// Pareto frontier, the chosen point and its policy TOML. keys are the
// grid's settings (the columns of the values).
func WriteSweep(w io.Writer, res *simulate.SweepResult, keys []string, format string) error {
	switch format {
	case "", "text":
		return writeSweepTable(w, res, keys, false)
	case "md", "markdown":
		return writeSweepTable(w, res, keys, true)
	case "json":
		return writeSweepJSON(w, res)
	case "csv":
		return writeSweepCSV(w, res, keys)
	case "html":
		return writeSweepHTML(w, res, keys)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// sweepHeader and sweepCells are the columns of the sweep table.
func sweepHeader(res *simulate.SweepResult, keys []string) []string {
	h := append([]string{"#"}, keys...)
	h = append(h, "mean", "p90", "keepalive", "bursts", "night sends", "silent entities")
	if res.Points[0].SMSCost != nil {
		h = append(h, "SMS cost")
	}
	if res.Points[0].ContactsAfter != nil {
		h = append(h, "contacts after msgs", "contacts in silences")
	}
	return append(h, "frontier")
}

func sweepCells(res *simulate.SweepResult, p *simulate.SweepPoint, keys []string) []string {
	c := []string{strconv.Itoa(p.Index)}
	if p.Index == 0 {
		c[0] = "0 current"
		for range keys {
			c = append(c, "")
		}
	} else {
		c = append(c, p.Values...)
	}
	c = append(c, fmt.Sprintf("%.2f", p.Mean), strconv.Itoa(p.P90), strconv.FormatInt(p.Keepalive, 10), strconv.FormatInt(p.Bursts, 10),
		strconv.FormatInt(p.NightSends, 10), strconv.FormatInt(p.SilentEntities, 10))
	if p.SMSCost != nil {
		c = append(c, fmt.Sprintf("%.2f", *p.SMSCost))
	}
	if p.ContactsAfter != nil {
		c = append(c, strconv.FormatInt(*p.ContactsAfter, 10), strconv.FormatInt(*p.ContactsInSilence, 10))
	}
	mark := ""
	switch {
	case p.Frontier && p.Dominates:
		mark = "* beats current"
	case p.Frontier:
		mark = "*"
	}
	if p.Index == res.Pick {
		mark = strings.TrimSpace(mark + " chosen")
	}
	return append(c, mark)
}

func writeSweepTable(out io.Writer, res *simulate.SweepResult, keys []string, md bool) error {
	ew := &errWriter{w: out}
	head := sweepHeader(res, keys)
	n, front := len(res.Points)-1, 0
	for _, p := range res.Points {
		if p.Frontier {
			front++
		}
	}
	if md {
		fmt.Fprintf(ew, "## notelint simulate: sweep of %d combinations\n\nGrid `%s`. %d points on the Pareto frontier (`*`: no other point is at least as good on every objective and better on one). All objectives: lower is better.\n\n", n, mdEscape(res.Grid), front)
		fmt.Fprintf(ew, "| %s |\n|%s\n", strings.Join(mdAll(head), " | "), strings.Repeat("--:|", len(head)))
		for i := range res.Points {
			fmt.Fprintf(ew, "| %s |\n", strings.Join(mdAll(sweepCells(res, &res.Points[i], keys)), " | "))
		}
		fmt.Fprintln(ew)
	} else {
		fmt.Fprintf(ew, "sweep %q: %d combinations and the current policy; * on the Pareto frontier (lower is better on every objective)\n\n", res.Grid, n)
		t := newTable(head...)
		for i := range res.Points {
			cells := sweepCells(res, &res.Points[i], keys)
			row := make([]any, len(cells))
			for j, c := range cells {
				row[j] = c
			}
			t.add(row...)
		}
		t.write(ew)
		fmt.Fprintln(ew)
	}
	p := &res.Points[res.Pick]
	fmt.Fprintf(ew, "chosen: #%d %s (%s)\n%s\n", p.Index, p.Label, res.PickWhy, p.String())
	fmt.Fprintf(ew, "memory: peak RSS %s; %d policies replayed in %s from one read of the input (%s per policy after the first)\n\n", mib(res.PeakRSS), len(res.Points), res.Elapsed, dashStr(res.PerExtra))
	if md {
		fmt.Fprintf(ew, "```toml\n%s```\n", p.Policy.TOML())
	} else {
		fmt.Fprint(ew, p.Policy.TOML())
	}
	return ew.err
}

func mib(b int64) string {
	if b <= 0 {
		return "unknown"
	}
	return fmt.Sprintf("%.0f MB", float64(b)/1e6)
}

func dashStr(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeSweepJSON(w io.Writer, res *simulate.SweepResult) error {
	out := struct {
		Schema string `json:"schema"`
		*simulate.SweepResult
		PolicyTOML string `json:"policy_toml"`
	}{SweepSchema, res, res.Points[res.Pick].Policy.TOML()}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding sweep: %w", err)
	}
	if _, err := w.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("writing sweep: %w", err)
	}
	return nil
}

func writeSweepCSV(w io.Writer, res *simulate.SweepResult, keys []string) error {
	cw := csv.NewWriter(w)
	head := sweepHeader(res, keys)
	for i := range head {
		head[i] = strings.ReplaceAll(head[i], " ", "_")
	}
	if err := cw.Write(head); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	for i := range res.Points {
		cells := sweepCells(res, &res.Points[i], keys)
		for j := range cells {
			cells[j] = cell(cells[j])
		}
		if err := cw.Write(cells); err != nil {
			return fmt.Errorf("writing csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	return nil
}

// FrontierChart is the sweep's scatter chart: messages per customer
// against silent entities, the frontier joined, the current policy marked.
func FrontierChart(res *simulate.SweepResult) string { return frontierChart(res, false) }

// FrontierSVG is FrontierChart as a standalone SVG image.
func FrontierSVG(res *simulate.SweepResult) string { return frontierChart(res, true) }

func frontierChart(res *simulate.SweepResult, standalone bool) string {
	pts := make([]svg.ScatterPoint, len(res.Points))
	for i, p := range res.Points {
		pts[i] = svg.ScatterPoint{X: p.Mean, Y: float64(p.SilentEntities), Label: fmt.Sprintf("#%d %s", p.Index, p.Label),
			Frontier: p.Frontier, Current: p.Index == 0, Chosen: p.Index == res.Pick, Index: p.Index}
	}
	sc := svg.Scatter{ID: "frontier", Title: "Messages per customer against silent entities",
		Desc:   "One point per combination; the Pareto frontier (over every objective) is filled and joined, the current policy is the diamond.",
		Points: pts, XTitle: "messages per customer (mean)", YTitle: "silent entities", Standalone: standalone}
	return sc.SVG()
}

func writeSweepHTML(w io.Writer, res *simulate.SweepResult, keys []string) error {
	var b strings.Builder
	esc := template.HTMLEscapeString
	p := &res.Points[res.Pick]
	fmt.Fprintf(&b, `<p class="meta">Grid <code>%s</code>: %d combinations and the current policy, replayed from one read of the input in %s (%s per policy after the first); peak memory %s.</p>`,
		esc(res.Grid), len(res.Points)-1, esc(res.Elapsed), esc(dashStr(res.PerExtra)), esc(mib(res.PeakRSS)))
	fmt.Fprintf(&b, `<p>Lower is better on every objective. A point is on the <strong>Pareto frontier</strong> when no other point is at least as good on every objective and better on one. Chosen: <strong>#%d %s</strong> (%s): %s.</p>`,
		p.Index, esc(p.Label), esc(res.PickWhy), esc(p.String()))
	b.WriteString("<h2>The frontier</h2>")
	b.WriteString(chartWrap(FrontierChart(res)))
	b.WriteString(`<h2>Every combination</h2><div class="scroll"><table><thead><tr>`)
	for _, h := range sweepHeader(res, keys) {
		fmt.Fprintf(&b, "<th>%s</th>", esc(h))
	}
	b.WriteString("</tr></thead><tbody>")
	for i := range res.Points {
		pt := &res.Points[i]
		var cls []string
		if pt.Frontier {
			cls = append(cls, "frontier")
		}
		if pt.Index == 0 {
			cls = append(cls, "current")
		}
		fmt.Fprintf(&b, `<tr class="%s">`, strings.Join(cls, " "))
		for _, c := range sweepCells(res, pt, keys) {
			fmt.Fprintf(&b, "<td>%s</td>", esc(c))
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table></div>")
	fmt.Fprintf(&b, "<h2>The chosen policy</h2><pre><code>%s</code></pre>", esc(p.Policy.TOML()))
	return writePage(w, "notelint simulate: policy sweep", template.HTML(b.String())) //nolint:gosec // built from escaped text and our SVG
}
