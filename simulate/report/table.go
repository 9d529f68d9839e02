package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/simulate"
)

// table renders rows as aligned columns: the first column left-aligned,
// the others right-aligned unless listed in left.
type table struct {
	rows [][]string
	left map[int]bool
}

func newTable(header ...string) *table {
	return &table{rows: [][]string{header}, left: map[int]bool{0: true}}
}

func (t *table) leftAlign(cols ...int) *table {
	for _, c := range cols {
		t.left[c] = true
	}
	return t
}

func (t *table) add(cells ...any) {
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = fmt.Sprint(c)
	}
	t.rows = append(t.rows, row)
}

func (t *table) write(w io.Writer) {
	var width []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if t.left[i] {
				b.WriteString(c)
				if i < len(r)-1 {
					b.WriteString(pad)
				}
			} else {
				b.WriteString(pad + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// templateLabel names a template in the tables, marking keep-alives.
func templateLabel(tp simulate.TemplateStats) string {
	if tp.Keepalive {
		return tp.ID + " (keepalive)"
	}
	return tp.ID
}
