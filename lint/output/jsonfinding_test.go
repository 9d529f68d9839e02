package output

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

func TestJSONFindingsAreTheFindingsOfJSON(t *testing.T) {
	fs := []lint.Finding{
		{Rule: "sms-unicode", Severity: message.Warning, File: "a.txt", Line: 1, Column: 3, EndLine: 1, EndColumn: 4,
			Message: "m <b>", Fix: &lint.Fix{Description: "d", Edits: []lint.Edit{{Start: 2, End: 5, New: "'"}}}},
		{Rule: "missing-eta", Severity: message.Error, File: "a.txt", Line: 2, Column: 1, EndLine: 2, EndColumn: 9, Message: "n"},
	}
	got, err := JSONFindings(fs)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := JSON(&buf, fs, Options{}); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(doc.Findings) {
		t.Fatalf("%d findings, want %d", len(got), len(doc.Findings))
	}
	for i := range got {
		var want bytes.Buffer
		if err := json.Compact(&want, doc.Findings[i]); err != nil {
			t.Fatal(err)
		}
		if string(got[i]) != want.String() {
			t.Errorf("finding %d:\n got %s\nwant %s", i, got[i], want.String())
		}
	}
	if empty, err := JSONFindings(nil); err != nil || empty == nil || len(empty) != 0 {
		t.Errorf("no findings: %v, %v; want an empty, non-nil list", empty, err)
	}
}
