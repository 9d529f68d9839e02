package simulate

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header of the per-customer CSV report.
const CSVHeader = "customer_id,as_is,sent,suppressed,deferred,flags"

// writeCSV renders one row per customer, sorted by customer id; flags are
// the policy stream's, joined by ";".
func writeCSV(w io.Writer, r *Report) error {
	if r.Rows == nil && r.Customers > 0 {
		return errors.New("csv format: the report was built without per-customer rows (Options.Customers)")
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(strings.Split(CSVHeader, ",")); err != nil {
		return fmt.Errorf("writing csv: %w", err)
	}
	for _, c := range r.Rows {
		rec := []string{c.ID, strconv.Itoa(c.AsIs), strconv.Itoa(c.Sent), strconv.Itoa(c.Suppressed), strconv.Itoa(c.Deferred), strings.Join(c.Flags, ";")}
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
