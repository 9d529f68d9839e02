package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/notelint/notelint/simulate"
)

// writeJSON renders the report as indented JSON (schema SchemaVersion).
func writeJSON(w io.Writer, r *simulate.Report) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encoding report: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing report: %w", err)
	}
	return nil
}
