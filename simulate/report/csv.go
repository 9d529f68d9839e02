package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// CSVHeader is the header of the per-customer CSV report.
const CSVHeader = "customer_id,as_is,sent,suppressed,deferred,flags"

// writeCSV renders one row per customer, sorted by customer id; flags are
// the policy stream's, joined by ";".
func writeCSV(w io.Writer, r *simulate.Report) error {
	cw := csv.NewWriter(w)
	header := strings.Split(CSVHeader, ",")
	if r.Keepalive != nil {
		// A policy with keep-alives: how many of sent were keep-alives.
		header = append(header, "keepalive")
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	for _, c := range r.CustomerRows() {
		rec := []string{cell(c.ID), strconv.Itoa(c.AsIs), strconv.Itoa(c.Sent), strconv.Itoa(c.Suppressed), strconv.Itoa(c.Deferred), cell(strings.Join(c.Flags, ";"))}
		if r.Keepalive != nil {
			rec = append(rec, strconv.Itoa(c.Keepalive))
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

// cell makes a text cell safe to open in a spreadsheet: a value that
// starts like a formula (=, +, -, @, tab, carriage return) gets a leading
// apostrophe, so the program shows it as text instead of evaluating it.
func cell(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}
