package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// writeText renders the report as compact aligned tables.
func writeText(out io.Writer, r *simulate.Report) error {
	ew := &errWriter{w: out}
	w := ew
	fmt.Fprintf(w, "notelint simulate: %d events, %d customers, %d entities (%s", r.Events, r.Customers, r.Entities, strings.Join(r.Inputs, ", "))
	if r.BadRows.Count > 0 {
		fmt.Fprintf(w, "; %d bad rows skipped", r.BadRows.Count)
	}
	if r.TimeSpan.From == "" {
		fmt.Fprintf(w, ")\nno events, replay %s\n", r.Replay)
	} else {
		fmt.Fprintf(w, ")\nspan %s → %s, replay %s\n", r.TimeSpan.From, r.TimeSpan.To, r.Replay)
	}
	fmt.Fprintf(w, "policy %s: %s; zone %s\n\n", r.Settings.Source, r.Settings.Controls(), r.Settings.Timezone)

	t := newTable("messages per customer", "as-is", "policy", "change")
	t.add("total", r.AsIs.Messages, r.Policy.Messages, change(float64(r.AsIs.Messages), float64(r.Policy.Messages)))
	t.add("mean", fmt.Sprintf("%.2f", r.AsIs.Mean), fmt.Sprintf("%.2f", r.Policy.Mean), change(r.AsIs.Mean, r.Policy.Mean))
	t.add("p50", r.AsIs.P50, r.Policy.P50, "")
	t.add("p90", r.AsIs.P90, r.Policy.P90, "")
	t.add("p99", r.AsIs.P99, r.Policy.P99, "")
	t.add("max", r.AsIs.Max, r.Policy.Max, "")
	t.write(w)

	fmt.Fprintf(w, "\nsuppressed %d:", r.Suppressed.Total)
	for _, rc := range r.Suppressed.ByReason {
		fmt.Fprintf(w, " %s %d", rc.Reason, rc.Messages)
	}
	fmt.Fprintf(w, "\ndeferred by quiet hours and sent: %d\n", r.Deferred)
	if k := r.Keepalive; k != nil {
		fmt.Fprintf(w, "keepalive: %d sent to %d customers (%d after quiet hours); attempts dropped:", k.Sent, k.Customers, k.Deferred)
		for _, d := range k.Dropped {
			fmt.Fprintf(w, " %s %d", d.Reason, d.Messages)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)

	labels, as, ps := histRows(r.AsIs.Histogram, r.Policy.Histogram)
	t = newTable("customers with N messages", "as-is", "policy")
	for i, l := range labels {
		t.add(l, as[i], ps[i])
	}
	t.write(w)

	fmt.Fprintln(w)
	t = newTable("template", "channel", "segments", "as-is", "policy", "change").leftAlign(1)
	for _, tp := range r.Templates {
		t.add(templateLabel(tp), dash(tp.Channel), dashInt(tp.Segments), tp.AsIs, tp.Policy, change(float64(tp.AsIs), float64(tp.Policy)))
	}
	t.write(w)
	if len(r.Channels) > 1 || (len(r.Channels) == 1 && r.Channels[0].Channel != "") {
		fmt.Fprintln(w)
		t = newTable("channel", "as-is", "policy", "change")
		for _, c := range r.Channels {
			t.add(dash(c.Channel), c.AsIs, c.Policy, change(float64(c.AsIs), float64(c.Policy)))
		}
		t.write(w)
	}
	if s := r.SMS; s != nil {
		fmt.Fprintf(w, "\nSMS segments: as-is %d, policy %d", s.AsIsSegments, s.PolicySegments)
		if s.SegmentPrice > 0 {
			fmt.Fprintf(w, "; cost at %g per segment: as-is %s, policy %s", s.SegmentPrice, money(s.AsIsCost, s.Currency), money(s.PolicyCost, s.Currency))
		}
		fmt.Fprintln(w)
	} else {
		fmt.Fprintln(w, "\n(no templates linked: pass --templates DIR for channels, SMS segments and cost)")
	}

	fmt.Fprintln(w)
	t = newTable("flag", "counts", "as-is", "policy", "customers as-is", "customers policy").leftAlign(1)
	for _, f := range r.Flags {
		t.add(f.Name, f.Unit, f.AsIs.Count, f.Policy.Count, f.AsIs.Customers, f.Policy.Customers)
	}
	t.write(w)
	writeDiagnosticsText(w, r)
	printed := false
	for _, f := range r.Flags {
		for _, ex := range []struct {
			stream string
			xs     []simulate.Example
		}{{"as-is", f.AsIs.Examples}, {"policy", f.Policy.Examples}} {
			for _, x := range ex.xs {
				if !printed {
					fmt.Fprintln(w, "\nexamples (smallest customer ids):")
					printed = true
				}
				fmt.Fprintf(w, "  %s, %s: %s\n", f.Name, ex.stream, exampleLine(x))
			}
		}
	}
	if sf := r.SourceFlapping; sf != nil {
		for _, x := range sf.Examples {
			if !printed {
				fmt.Fprintln(w, "\nexamples (smallest customer ids):")
				printed = true
			}
			fmt.Fprintf(w, "  source_flapping, input: %s\n", exampleLine(x))
		}
	}

	if len(r.TopCustomers) > 0 {
		fmt.Fprintln(w)
		t = newTable("noisiest customers", "as-is", "policy", "flags (as-is)", "flags (policy)").leftAlign(3, 4)
		for _, c := range r.TopCustomers {
			t.add(c.ID, c.AsIs, c.Sent, dash(strings.Join(c.AsIsFlags, ",")), dash(strings.Join(c.Flags, ",")))
		}
		t.write(w)
	}
	if r.Contacts != nil {
		writeContactsText(w, r.Contacts)
	}
	if r.BadRows.Count > 0 {
		fmt.Fprintf(w, "\nbad rows skipped: %d; first:\n", r.BadRows.Count)
		for _, b := range r.BadRows.First {
			fmt.Fprintf(w, "  %s\n", b)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "\nnote: %s\n", n)
	}
	return ew.err
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func dashInt(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

// errWriter remembers the first write error so printers can write freely.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
	return len(p), nil
}
