package output

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// TestJUnitFailOn checks that only findings at or above --fail-on are
// failures; the others are skipped test cases with the finding in
// <system-out>, and the counts agree.
func TestJUnitFailOn(t *testing.T) {
	fs := []lint.Finding{
		{Rule: "placeholder", Severity: message.Error, File: "a.txt", Line: 1, Column: 1, Message: "an error"},
		{Rule: "vague-eta", Severity: message.Warning, File: "a.txt", Line: 2, Column: 1, Message: "a warning", Hint: "a hint"},
		{Rule: "sms-unicode", Severity: message.Info, File: "a.txt", Line: 3, Column: 1, Message: "an info"},
	}
	cases := []struct {
		name              string
		failOn            message.Severity
		failures, skipped int
	}{
		{"unset: every finding fails", message.Off, 3, 0},
		{"info", message.Info, 3, 0},
		{"warning", message.Warning, 2, 1},
		{"error", message.Error, 1, 2},
		{"never", message.Error + 1, 0, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := JUnit(&buf, fs, Options{FailOn: c.failOn}); err != nil {
				t.Fatal(err)
			}
			var doc struct {
				Failures int `xml:"failures,attr"`
				Skipped  int `xml:"skipped,attr"`
				Suites   []struct {
					Failures int `xml:"failures,attr"`
					Skipped  int `xml:"skipped,attr"`
					Cases    []struct {
						Failure *struct{} `xml:"failure"`
						Skipped *struct {
							Message string `xml:"message,attr"`
						} `xml:"skipped"`
						SystemOut string `xml:"system-out"`
					} `xml:"testcase"`
				} `xml:"testsuite"`
			}
			if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
				t.Fatalf("%v\n%s", err, buf.Bytes())
			}
			if doc.Failures != c.failures || doc.Skipped != c.skipped || len(doc.Suites) != 1 ||
				doc.Suites[0].Failures != c.failures || doc.Suites[0].Skipped != c.skipped {
				t.Fatalf("failures %d, skipped %d, want %d and %d:\n%s", doc.Failures, doc.Skipped, c.failures, c.skipped, buf.Bytes())
			}
			failures, skipped := 0, 0
			for _, tc := range doc.Suites[0].Cases {
				switch {
				case tc.Failure != nil && tc.Skipped == nil:
					failures++
				case tc.Skipped != nil && tc.Failure == nil:
					skipped++
					if !strings.Contains(tc.Skipped.Message, "below --fail-on") || !strings.Contains(tc.SystemOut, "a.txt:") {
						t.Errorf("skipped case without the finding: %+v", tc)
					}
				default:
					t.Errorf("test case neither failing nor skipped: %+v", tc)
				}
			}
			if failures != c.failures || skipped != c.skipped {
				t.Errorf("cases: %d failing, %d skipped; want %d and %d", failures, skipped, c.failures, c.skipped)
			}
		})
	}
}
