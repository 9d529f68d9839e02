package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// writeMarkdown renders the report for a pull-request comment.
func writeMarkdown(out io.Writer, r *simulate.Report) error {
	ew := &errWriter{w: out}
	w := ew
	fmt.Fprintf(w, "### notelint simulate\n\n")
	fmt.Fprintf(w, "%d events · %d customers · %d entities", r.Events, r.Customers, r.Entities)
	if r.TimeSpan.From != "" {
		fmt.Fprintf(w, " · %s → %s", r.TimeSpan.From, r.TimeSpan.To)
	}
	if r.BadRows.Count > 0 {
		fmt.Fprintf(w, " · %d bad rows skipped", r.BadRows.Count)
	}
	fmt.Fprintf(w, "\n\nPolicy `%s`: %s (zone %s)\n\n", mdEscape(r.Settings.Source), r.Settings.Controls(), r.Settings.Timezone)

	fmt.Fprintln(w, "| messages per customer | as-is | policy | change |")
	fmt.Fprintln(w, "|---|--:|--:|--:|")
	fmt.Fprintf(w, "| total | %d | %d | %s |\n", r.AsIs.Messages, r.Policy.Messages, change(float64(r.AsIs.Messages), float64(r.Policy.Messages)))
	fmt.Fprintf(w, "| mean | %.2f | %.2f | %s |\n", r.AsIs.Mean, r.Policy.Mean, change(r.AsIs.Mean, r.Policy.Mean))
	fmt.Fprintf(w, "| p50 | %d | %d | |\n| p90 | %d | %d | |\n| p99 | %d | %d | |\n| max | %d | %d | |\n\n",
		r.AsIs.P50, r.Policy.P50, r.AsIs.P90, r.Policy.P90, r.AsIs.P99, r.Policy.P99, r.AsIs.Max, r.Policy.Max)

	var parts []string
	for _, rc := range r.Suppressed.ByReason {
		if rc.Messages > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", rc.Reason, rc.Messages))
		}
	}
	fmt.Fprintf(w, "Suppressed %d (%s); deferred by quiet hours and sent: %d.\n\n", r.Suppressed.Total, dash(strings.Join(parts, ", ")), r.Deferred)
	if k := r.Keepalive; k != nil {
		var drops []string
		for _, d := range k.Dropped {
			drops = append(drops, fmt.Sprintf("%s %d", d.Reason, d.Messages))
		}
		fmt.Fprintf(w, "Keepalive: %d sent to %d customers (%d after quiet hours); attempts dropped: %s.\n\n", k.Sent, k.Customers, k.Deferred, strings.Join(drops, ", "))
	}

	fmt.Fprintln(w, "| flag | counts | as-is | policy |")
	fmt.Fprintln(w, "|---|---|--:|--:|")
	for _, f := range r.Flags {
		fmt.Fprintf(w, "| %s | %s | %d | %d |\n", f.Name, f.Unit, f.AsIs.Count, f.Policy.Count)
	}
	fmt.Fprintln(w)
	for _, s := range append(silenceSentences(r, plainFigures), sourceFlappingSentence(r, plainFigures)) {
		if s != "" {
			fmt.Fprintf(w, "- %s\n", mdEscape(s))
		}
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| template | channel | as-is | policy | change |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|")
	for _, t := range r.Templates {
		fmt.Fprintf(w, "| `%s`%s | %s | %d | %d | %s |\n", mdEscape(t.ID), kaMark(t), dash(t.Channel), t.AsIs, t.Policy, change(float64(t.AsIs), float64(t.Policy)))
	}
	if s := r.SMS; s != nil {
		fmt.Fprintf(w, "\nSMS segments: as-is %d, policy %d", s.AsIsSegments, s.PolicySegments)
		if s.SegmentPrice > 0 {
			fmt.Fprintf(w, " (cost: as-is %s, policy %s)", money(s.AsIsCost, s.Currency), money(s.PolicyCost, s.Currency))
		}
		fmt.Fprintln(w)
	}

	if r.Contacts != nil {
		writeContactsMarkdown(w, r.Contacts)
	}
	fmt.Fprintln(w, "\n<details><summary>Histogram, examples and noisiest customers</summary>")
	fmt.Fprintln(w)
	labels, as, ps := histRows(r.AsIs.Histogram, r.Policy.Histogram)
	fmt.Fprintln(w, "| messages | customers as-is | customers policy |")
	fmt.Fprintln(w, "|--:|--:|--:|")
	for i, l := range labels {
		fmt.Fprintf(w, "| %s | %d | %d |\n", l, as[i], ps[i])
	}
	fmt.Fprintln(w)
	for _, f := range r.Flags {
		for _, ex := range []struct {
			stream string
			xs     []simulate.Example
		}{{"as-is", f.AsIs.Examples}, {"policy", f.Policy.Examples}} {
			for _, x := range ex.xs {
				fmt.Fprintf(w, "- **%s** (%s): %s\n", f.Name, ex.stream, mdEscape(exampleLine(x)))
			}
		}
	}
	if sf := r.SourceFlapping; sf != nil {
		for _, x := range sf.Examples {
			fmt.Fprintf(w, "- **source_flapping** (input): %s\n", mdEscape(exampleLine(x)))
		}
	}
	if len(r.TopCustomers) > 0 {
		fmt.Fprintln(w, "\n| noisiest customer | as-is | policy | flags (policy) |")
		fmt.Fprintln(w, "|---|--:|--:|---|")
		for _, c := range r.TopCustomers {
			fmt.Fprintf(w, "| %s | %d | %d | %s |\n", mdEscape(c.ID), c.AsIs, c.Sent, dash(strings.Join(c.Flags, ", ")))
		}
	}
	for _, b := range r.BadRows.First {
		fmt.Fprintf(w, "\n- bad row: %s", mdEscape(b.String()))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\n- note: %s", mdEscape(n))
	}
	fmt.Fprintln(w, "\n\n</details>")
	return ew.err
}

// mdEscape keeps table cells and inline text intact.
func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "`", "'", "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

// kaMark marks a keep-alive template in the markdown tables.
func kaMark(t simulate.TemplateStats) string {
	if t.Keepalive {
		return " (keepalive)"
	}
	return ""
}
