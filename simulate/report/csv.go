package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/notelint/notelint/simulate"
)

// CSVHeader is the header of the per-customer CSV report: the flags of
// each stream (joined by ";") and whether an entity of the customer flaps
// in the input (1 or 0; empty when flapping_window is off). A policy with
// keep-alives adds a last column, keepalive: how many of sent were
// keep-alives.
const CSVHeader = "customer_id,as_is,sent,suppressed,deferred,as_is_flags,policy_flags,source_flapping"

// writeCSV renders one row per customer, sorted by customer id.
func writeCSV(w io.Writer, r *simulate.Report) error {
	cw := csv.NewWriter(w)
	header := strings.Split(CSVHeader, ",")
	if r.Keepalive != nil {
		header = append(header, "keepalive")
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	for _, c := range r.CustomerRows() {
		src := ""
		if r.SourceFlapping != nil {
			src = "0"
			if c.SourceFlapping {
				src = "1"
			}
		}
		rec := []string{cell(c.ID), strconv.Itoa(c.AsIs), strconv.Itoa(c.Sent), strconv.Itoa(c.Suppressed), strconv.Itoa(c.Deferred),
			cell(strings.Join(c.AsIsFlags, ";")), cell(strings.Join(c.Flags, ";")), src}
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
