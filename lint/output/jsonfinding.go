package output

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/notelint/notelint/lint"
)

// JSONFindings returns the findings as the objects of `check --format
// json`, each exactly as that format writes it (same keys, same order), for
// callers that embed findings in their own JSON (notelint serve).
func JSONFindings(fs []lint.Finding) ([]json.RawMessage, error) {
	var buf bytes.Buffer
	if err := JSON(&buf, fs, Options{}); err != nil {
		return nil, fmt.Errorf("encoding findings: %w", err)
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("encoding findings: %w", err)
	}
	out := make([]json.RawMessage, len(doc.Findings))
	for i, f := range doc.Findings {
		var c bytes.Buffer
		if err := json.Compact(&c, f); err != nil {
			return nil, fmt.Errorf("encoding findings: %w", err)
		}
		out[i] = c.Bytes()
	}
	return out, nil
}
