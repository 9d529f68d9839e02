package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/simulate/golden")

// fixtureDir is the fixture directory as seen from simulate/, where
// fixtureReport runs, so the paths in the golden files stay those of the
// engine's own tests.
const fixtureDir = "../testdata/simulate"

// fixtureReport replays the fixture from the directory simulate/ (and
// leaves the test there).
func fixtureReport(t *testing.T) *simulate.Report {
	t.Helper()
	t.Chdir("..")
	p, err := simulate.LoadPolicy(filepath.Join(fixtureDir, "policy.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(simulate.Options{
		Inputs: []string{filepath.Join(fixtureDir, "events.csv")},
		Policy: p,
		Templates: map[string]simulate.TemplateInfo{
			"delivery-shipped": {ID: "delivery-shipped", Channel: "sms", Segments: 1},
			"delivery-delayed": {ID: "delivery-delayed", Channel: "sms", Segments: 2},
			"delivery-today":   {ID: "delivery-today", Channel: "push"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestGolden renders the fixture report in every format and compares it
// with testdata/simulate/golden (go test -run TestGolden -update rewrites).
func TestGolden(t *testing.T) {
	r := fixtureReport(t)
	for _, format := range Formats() {
		var buf bytes.Buffer
		if err := Write(&buf, r, format); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		path := filepath.Join(fixtureDir, "golden", "report."+format)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s output differs from %s (run with -update after checking):\n%s", format, path, buf.String())
		}
	}
}

func TestCSVFormat(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := Write(&buf, r, "csv"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if lines[0] != CSVHeader {
		t.Errorf("header %q", lines[0])
	}
	if len(lines)-1 != int(r.Customers) {
		t.Errorf("%d rows for %d customers", len(lines)-1, r.Customers)
	}
	for i := 2; i < len(lines); i++ {
		if lines[i-1] > lines[i] {
			t.Errorf("rows not sorted: %q before %q", lines[i-1], lines[i])
		}
	}
}

// TestCSVFormulaCells: a cell that a spreadsheet would evaluate as a
// formula is written as text.
func TestCSVFormulaCells(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1":                "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"c1": "c1", "": "", "a=b": "a=b", "'x": "'x",
	} {
		if got := cell(in); got != want {
			t.Errorf("cell(%q) = %q, want %q", in, got, want)
		}
	}
	dir := t.TempDir()
	events := filepath.Join(dir, "e.csv")
	if err := os.WriteFile(events, []byte("customer_id,timestamp,status\n=1+1,2026-03-02 10:00:00,delayed\n@c,2026-03-02 10:00:00,delayed\nc3,2026-03-02 10:00:00,delayed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := simulate.ParsePolicy([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"delayed\"\ntemplate = \"t\"\n"), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(simulate.Options{Inputs: []string{events}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, r, "csv"); err != nil {
		t.Fatal(err)
	}
	want := CSVHeader + "\n'=1+1,1,1,0,0,,,0\n'@c,1,1,0,0,,,0\nc3,1,1,0,0,,,0\n"
	if buf.String() != want {
		t.Errorf("csv:\n%s\nwant\n%s", buf.String(), want)
	}
}

// TestJSONSchemaStable checks the top-level keys of the JSON report, which
// the README documents.
func TestJSONSchemaStable(t *testing.T) {
	r := fixtureReport(t)
	var buf bytes.Buffer
	if err := Write(&buf, r, "json"); err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	want := []string{"schema", "inputs", "settings", "replay", "notes", "events", "customers", "entities", "time_span", "as_is", "policy", "suppressed", "deferred", "templates", "channels", "daily", "sms", "flags", "top_customers", "bad_rows", "source_flapping", "silence_change", "fingerprints"}
	if len(m) != len(want) {
		t.Errorf("JSON has %d keys, want %d", len(m), len(want))
	}
	for _, k := range want {
		if _, ok := m[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if r.Schema != simulate.SchemaVersion || !strings.Contains(buf.String(), `"schema": "notelint.simulate/v1"`) {
		t.Errorf("schema = %q", r.Schema)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write(&bytes.Buffer{}, &simulate.Report{}, "xml"); err == nil || !strings.Contains(err.Error(), `unknown format "xml"`) {
		t.Errorf("error = %v", err)
	}
}
