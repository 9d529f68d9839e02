package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// Formats returns the report formats Write accepts.
func Formats() []string { return []string{"text", "json", "csv", "md", "html"} }

// Write renders r in format ("text", "json", "csv", "md" or "html"; "markdown"
// is md). Every format renders the same report value: the csv format its
// per-customer rows, the html format also the timelines in r.Trails.
func Write(w io.Writer, r *simulate.Report, format string) error {
	switch format {
	case "", "text":
		return writeText(w, r)
	case "json":
		return writeJSON(w, r)
	case "csv":
		return writeCSV(w, r)
	case "md", "markdown":
		return writeMarkdown(w, r)
	case "html":
		return writeHTML(w, r)
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats(), ", "))
}

// change renders the relative change from a to b ("-58.8%", "±0%"; "" when a is 0).
func change(a, b float64) string {
	if a == 0 {
		return ""
	}
	c := (b - a) / a * 100
	if c > -0.05 && c < 0.05 {
		return "±0%"
	}
	return fmt.Sprintf("%+.1f%%", c)
}

// histRows groups a histogram for display: exact counts up to 10, then
// ranges, so that a long tail stays readable. The JSON report has every bin.
// histBounds are the lower bounds of the display rows of a histogram.
var histBounds = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 21, 31, 51, 101, 201, 501, 1001}

func histRows(a, b []simulate.HistBin) (labels []string, as, ps []int64) {
	bounds := histBounds
	idx := func(n int) int {
		i := 0
		for i+1 < len(bounds) && n >= bounds[i+1] {
			i++
		}
		return i
	}
	maxN := 0
	for _, h := range append(append([]simulate.HistBin{}, a...), b...) {
		maxN = max(maxN, h.Messages)
	}
	last := idx(maxN)
	as = make([]int64, last+1)
	ps = make([]int64, last+1)
	for _, h := range a {
		as[idx(h.Messages)] += h.Customers
	}
	for _, h := range b {
		ps[idx(h.Messages)] += h.Customers
	}
	for i := 0; i <= last; i++ {
		lo := bounds[i]
		switch {
		case i+1 < len(bounds) && bounds[i+1]-1 == lo:
			labels = append(labels, fmt.Sprint(lo))
		case i+1 < len(bounds):
			labels = append(labels, fmt.Sprintf("%d-%d", lo, bounds[i+1]-1))
		default:
			labels = append(labels, fmt.Sprintf("%d+", lo))
		}
	}
	return labels, as, ps
}

// exampleLine renders an example in one line.
func exampleLine(x simulate.Example) string {
	who := x.Customer
	if x.Entity != "" {
		who += " / " + x.Entity
	}
	var b strings.Builder
	b.WriteString(who)
	b.WriteString(": ")
	b.WriteString(x.Note)
	if len(x.Statuses) > 0 {
		b.WriteString(" [" + strings.Join(x.Statuses, " → ") + "]")
	}
	if len(x.Times) > 0 {
		b.WriteString(" at " + strings.Join(x.Times, ", "))
	}
	return b.String()
}

func money(x float64, currency string) string {
	s := fmt.Sprintf("%.2f", x)
	if currency != "" {
		s += " " + currency
	}
	return s
}
