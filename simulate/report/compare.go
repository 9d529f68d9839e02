package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// WriteComparison renders the reports of several policies over the same
// input side by side: as-is, then one column per policy (names[i] is the
// name of rs[i]). json is a list of the per-policy reports, each exactly as
// Write renders it alone.
func WriteComparison(w io.Writer, rs []*simulate.Report, names []string, format string) error {
	if len(rs) == 0 || len(rs) != len(names) {
		return fmt.Errorf("comparison: %d reports, %d names", len(rs), len(names))
	}
	switch format {
	case "", "text":
		return writeCompareTable(w, rs, names, false)
	case "md", "markdown":
		return writeCompareTable(w, rs, names, true)
	case "json":
		return writeCompareJSON(w, rs)
	case "csv":
		return writeCompareCSV(w, rs, names)
	case "html":
		return writeCompareHTML(w, rs, names)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// compareRow is one figure of the comparison: as-is, then per policy.
type compareRow struct {
	label string
	cells []string
}

// compareRows lists the figures compared: messages per customer, controls,
// keep-alives, templates, SMS and flags. "" is a figure that does not exist
// for a stream (suppressed as-is).
func compareRows(rs []*simulate.Report) []compareRow {
	first := rs[0]
	var rows []compareRow
	add := func(label string, asIs string, pol func(r *simulate.Report) string) {
		row := compareRow{label: label, cells: []string{asIs}}
		for _, r := range rs {
			row.cells = append(row.cells, pol(r))
		}
		rows = append(rows, row)
	}
	i64 := func(n int64) string { return strconv.FormatInt(n, 10) }
	add("messages", i64(first.AsIs.Messages), func(r *simulate.Report) string { return i64(r.Policy.Messages) })
	add("mean per customer", fmt.Sprintf("%.2f", first.AsIs.Mean), func(r *simulate.Report) string { return fmt.Sprintf("%.2f", r.Policy.Mean) })
	add("p50", strconv.Itoa(first.AsIs.P50), func(r *simulate.Report) string { return strconv.Itoa(r.Policy.P50) })
	add("p90", strconv.Itoa(first.AsIs.P90), func(r *simulate.Report) string { return strconv.Itoa(r.Policy.P90) })
	add("p99", strconv.Itoa(first.AsIs.P99), func(r *simulate.Report) string { return strconv.Itoa(r.Policy.P99) })
	add("max", strconv.Itoa(first.AsIs.Max), func(r *simulate.Report) string { return strconv.Itoa(r.Policy.Max) })
	add("suppressed", "", func(r *simulate.Report) string { return i64(r.Suppressed.Total) })
	for i, rc := range first.Suppressed.ByReason {
		add("  by "+rc.Reason, "", func(r *simulate.Report) string { return i64(r.Suppressed.ByReason[i].Messages) })
	}
	add("deferred", "", func(r *simulate.Report) string { return i64(r.Deferred) })
	add("keepalive", "", func(r *simulate.Report) string {
		if r.Keepalive == nil {
			return "-"
		}
		return i64(r.Keepalive.Sent)
	})
	// Templates: the union, in first-seen order.
	var ids []string
	seen := map[string]bool{}
	for _, r := range rs {
		for _, t := range r.Templates {
			if !seen[t.ID] {
				seen[t.ID] = true
				ids = append(ids, t.ID)
			}
		}
	}
	for _, id := range ids {
		asIs := "0"
		for _, t := range first.Templates {
			if t.ID == id {
				asIs = i64(t.AsIs)
			}
		}
		add("template "+id, asIs, func(r *simulate.Report) string {
			for _, t := range r.Templates {
				if t.ID == id {
					return i64(t.Policy)
				}
			}
			return "-"
		})
	}
	if first.SMS != nil {
		add("SMS segments", i64(first.SMS.AsIsSegments), func(r *simulate.Report) string { return smsCell(r, false) })
		if first.SMS.SegmentPrice > 0 {
			add("SMS cost ("+first.SMS.Currency+")", fmt.Sprintf("%.2f", first.SMS.AsIsCost), func(r *simulate.Report) string { return smsCell(r, true) })
		}
	}
	for i, f := range first.Flags {
		add(f.Name+" ("+f.Unit+")", i64(f.AsIs.Count), func(r *simulate.Report) string { return i64(r.Flags[i].Policy.Count) })
	}
	return rows
}

func smsCell(r *simulate.Report, cost bool) string {
	switch {
	case r.SMS == nil:
		return "-"
	case cost:
		return fmt.Sprintf("%.2f", r.SMS.PolicyCost)
	}
	return strconv.FormatInt(r.SMS.PolicySegments, 10)
}

// writeCompareTable renders the comparison as a text or markdown table.
func writeCompareTable(out io.Writer, rs []*simulate.Report, names []string, md bool) error {
	ew := &errWriter{w: out}
	first := rs[0]
	head := append([]string{"", "as-is"}, names...)
	rows := compareRows(rs)
	if md {
		fmt.Fprintf(ew, "## notelint simulate: %d policies compared\n\n%d events, %d customers, %d entities (%s).\n\n",
			len(rs), first.Events, first.Customers, first.Entities, mdEscape(strings.Join(first.Inputs, ", ")))
		fmt.Fprintf(ew, "| %s |\n|---%s|\n", strings.Join(mdAll(head), " | "), strings.Repeat("|--:", len(head)-1))
		for _, r := range rows {
			fmt.Fprintf(ew, "| %s | %s |\n", mdEscape(strings.TrimSpace(r.label)), strings.Join(mdAll(r.cells), " | "))
		}
		fmt.Fprintln(ew)
		for i, r := range rs {
			fmt.Fprintf(ew, "* **%s** (`%s`): %s\n", mdEscape(names[i]), mdEscape(r.Settings.Source), mdEscape(policyLine(r)))
		}
		return ew.err
	}
	fmt.Fprintf(ew, "notelint simulate: %d events, %d customers, %d entities (%s); %d policies compared\n\n",
		first.Events, first.Customers, first.Entities, strings.Join(first.Inputs, ", "), len(rs))
	t := newTable(head...)
	for _, r := range rows {
		cells := []any{r.label}
		for _, c := range r.cells {
			cells = append(cells, c)
		}
		t.add(cells...)
	}
	t.write(ew)
	fmt.Fprintln(ew)
	for i, r := range rs {
		fmt.Fprintf(ew, "%s: %s: %s\n", names[i], r.Settings.Source, policyLine(r))
	}
	return ew.err
}

// policyLine describes a policy's controls and keep-alives in one line.
func policyLine(r *simulate.Report) string {
	s := r.Settings.Controls()
	for _, k := range r.Settings.Keepalive {
		s += fmt.Sprintf(" · keepalive %s after %s", k.Template, k.After)
		if k.Repeat {
			s += " (repeat)"
		}
	}
	return s
}

func mdAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = mdEscape(s)
	}
	return out
}

// writeCompareJSON writes a list of the per-policy reports, each exactly as
// writeJSON renders it alone.
func writeCompareJSON(w io.Writer, rs []*simulate.Report) error {
	var b bytes.Buffer
	b.WriteString("[\n")
	for i, r := range rs {
		if i > 0 {
			b.WriteString(",\n")
		}
		var one bytes.Buffer
		if err := writeJSON(&one, r); err != nil {
			return err
		}
		b.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	b.WriteString("\n]\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}

// writeCompareCSV writes one row per customer: its as-is messages, then a
// column group per policy (sent, suppressed, deferred, keepalive, flags).
func writeCompareCSV(w io.Writer, rs []*simulate.Report, names []string) error {
	cw := csv.NewWriter(w)
	header := []string{"customer_id", "as_is"}
	for _, n := range names {
		for _, c := range []string{"sent", "suppressed", "deferred", "keepalive", "flags"} {
			header = append(header, cell(n+"."+c))
		}
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	rows := make([][]simulate.CustomerRow, len(rs))
	for i, r := range rs {
		rows[i] = r.CustomerRows()
		if len(rows[i]) != len(rows[0]) {
			return fmt.Errorf("comparison: %d customers in %s, %d in %s", len(rows[i]), names[i], len(rows[0]), names[0])
		}
	}
	for j, c := range rows[0] {
		rec := []string{cell(c.ID), strconv.Itoa(c.AsIs)}
		for i := range rs {
			x := rows[i][j]
			if x.ID != c.ID {
				return fmt.Errorf("comparison: customer %q in %s, %q in %s", x.ID, names[i], c.ID, names[0])
			}
			rec = append(rec, strconv.Itoa(x.Sent), strconv.Itoa(x.Suppressed), strconv.Itoa(x.Deferred), strconv.Itoa(x.Keepalive), cell(strings.Join(x.Flags, ";")))
		}
		if err := cw.Write(rec); err != nil {
			return fmt.Errorf("writing csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	return nil
}
