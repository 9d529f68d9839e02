package output

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// sarifSchemaPath is the OASIS SARIF 2.1.0 schema in the shared folder
// next to the repository.
var sarifSchemaPath = filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")

// sarifValidator compiles the SARIF schema as draft-04 (what it declares),
// with format assertions on, or skips the test when the schema is absent.
func sarifValidator(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaPath)
	if os.IsNotExist(err) {
		t.Skipf("SARIF schema not found at %s; skipping schema validation", sarifSchemaPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("reading %s: %v", sarifSchemaPath, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	const url = "https://notelint.invalid/sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compiling %s: %v", sarifSchemaPath, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return sch.Validate(inst)
}

func TestSARIFSchema(t *testing.T) {
	sch := sarifValidator(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	odd := []lint.Finding{
		{Rule: "x", Severity: message.Error, File: filepath.Join(wd, "..", "outside file.txt"), Message: "outside the root, no position"},
		{Rule: "y", Severity: message.Off, File: "a:b #1.txt", Line: 3, Column: 9, EndLine: 3, EndColumn: 9, Message: "zero-length"},
		{Rule: "z", Severity: message.Warning, File: "f.txt", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "bad fix",
			Fix: &lint.Fix{Edits: []lint.Edit{{Start: 5, End: 2}}}},
	}
	cases := []struct {
		name string
		fs   []lint.Finding
		opt  Options
	}{
		{"findings", testFindings(t), testOptions()},
		{"empty", nil, Options{}},
		{"empty with rules", nil, testOptions()},
		{"many", manyFindings(), Options{Rules: testRules()}},
		{"odd", odd, Options{Root: wd, Contents: map[string][]byte{"f.txt": []byte("hello\n")}}},
		{"input problems", inputFindings, Options{Rules: []*lint.Rule{inputRule}}},
	}
	for _, tc := range cases {
		var buf bytes.Buffer
		if err := SARIF(&buf, tc.fs, tc.opt); err != nil {
			t.Fatal(err)
		}
		if err := validate(t, sch, buf.Bytes()); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v\n%s", tc.name, err, buf.String())
		}
		checkGitHubSARIF(t, tc.name, buf.Bytes(), len(tc.fs))
	}
}

// inputRule reports files that could not be loaded, as rule input does.
var inputRule = &lint.Rule{ID: "input", Severity: message.Error, Owns: []message.ProblemKind{message.InputProblem}}

var inputFindings = []lint.Finding{
	{Rule: "input", Severity: message.Error, File: "missing", Message: "not checked: no such file or directory"},
	{Rule: "input", Severity: message.Error, File: "bad.txt", Line: 2, Column: 3, EndLine: 2, EndColumn: 4, Message: "not checked: invalid UTF-8 at byte offset 5 (0xE4)"},
	{Rule: "z", Severity: message.Warning, File: "f.txt", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "other"},
}

// TestSARIFNotifications checks that input findings are results and tool
// execution notifications, and that there is no invocation without them.
func TestSARIFNotifications(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fs    []lint.Finding
		notes int
	}{{"input", inputFindings, 2}, {"none", inputFindings[2:], 0}} {
		var buf bytes.Buffer
		if err := SARIF(&buf, tc.fs, Options{Rules: []*lint.Rule{inputRule}}); err != nil {
			t.Fatal(err)
		}
		var log struct {
			Runs []struct {
				Invocations []struct {
					ToolExecutionNotifications []struct {
						Level          string
						AssociatedRule struct{ ID string }
					}
				}
				Results []struct{ RuleID string }
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if len(run.Results) != len(tc.fs) {
			t.Errorf("%s: %d results, want %d", tc.name, len(run.Results), len(tc.fs))
		}
		got := 0
		for _, inv := range run.Invocations {
			for _, n := range inv.ToolExecutionNotifications {
				got++
				if n.Level != "error" || n.AssociatedRule.ID != "input" {
					t.Errorf("%s: notification %+v", tc.name, n)
				}
			}
		}
		if got != tc.notes || (tc.notes == 0 && len(run.Invocations) != 0) {
			t.Errorf("%s: %d notifications in %d invocations, want %d", tc.name, got, len(run.Invocations), tc.notes)
		}
	}
}

// TestSARIFSchemaRejects makes sure the validator really checks: output
// that breaks the schema must fail.
func TestSARIFSchemaRejects(t *testing.T) {
	sch := sarifValidator(t)
	var buf bytes.Buffer
	if err := SARIF(&buf, testFindings(t), testOptions()); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct{ from, to string }{
		{`"startLine": 6`, `"startLine": 0`},
		{`"level": "warning"`, `"level": "severe"`},
		{`"version": "2.1.0"`, `"version": "2.0.0"`},
		{`"ruleIndex": 2`, `"ruleIndex": -2`},
	} {
		data := strings.Replace(buf.String(), bad.from, bad.to, 1)
		if data == buf.String() {
			t.Fatalf("%q not in output", bad.from)
		}
		if err := validate(t, sch, []byte(data)); err == nil {
			t.Errorf("schema accepted %s", bad.to)
		}
	}
}

// checkGitHubSARIF checks what GitHub code scanning needs beyond the schema.
func checkGitHubSARIF(t *testing.T, name string, data []byte, n int) {
	t.Helper()
	var log struct {
		Schema string `json:"$schema"`
		Runs   []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID               string
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
						Help             struct{ Text, Markdown string }
					}
				}
			}
			Results []struct {
				RuleID              string
				RuleIndex           *int
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || log.Runs[0].Results == nil || len(log.Runs[0].Results) != n {
		t.Fatalf("%s: want one run with %d results (an array even when empty)", name, n)
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "notelint" || log.Schema == "" {
		t.Errorf("%s: driver name %q, $schema %q", name, run.Tool.Driver.Name, log.Schema)
	}
	for _, r := range run.Tool.Driver.Rules {
		for field, s := range map[string]string{"shortDescription": r.ShortDescription.Text,
			"fullDescription": r.FullDescription.Text, "help.text": r.Help.Text, "help.markdown": r.Help.Markdown} {
			if s == "" || (field != "help.markdown" && len(s) > maxHelpText) {
				t.Errorf("%s: rule %s %s is empty or over %d bytes (%d)", name, r.ID, field, maxHelpText, len(s))
			}
		}
	}
	for _, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("%s: result %s has a bad ruleIndex", name, res.RuleID)
		}
		if res.Message.Text == "" || res.PartialFingerprints["primaryLocationLineHash"] == "" || len(res.Locations) != 1 {
			t.Errorf("%s: result %s lacks message, fingerprint or location", name, res.RuleID)
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		reg := loc.Region
		if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 ||
			(reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn) {
			t.Errorf("%s: result %s has region %+v", name, res.RuleID, reg)
		}
		if strings.Contains(loc.ArtifactLocation.URI, `\`) || strings.HasPrefix(loc.ArtifactLocation.URI, "/") {
			t.Errorf("%s: uri %q is not a relative slash path or a file URI", name, loc.ArtifactLocation.URI)
		}
	}
}

func TestSARIFFingerprints(t *testing.T) {
	content := "a\n  same line  \nb\nsame line\n"
	fs := []lint.Finding{
		{Rule: "r", File: "f.txt", Line: 2, Column: 3, EndLine: 2, EndColumn: 4, Message: "one"},
		{Rule: "r", File: "f.txt", Line: 2, Column: 7, EndLine: 2, EndColumn: 8, Message: "two"},
		{Rule: "r", File: "f.txt", Line: 4, Column: 1, EndLine: 4, EndColumn: 2, Message: "three"},
		{Rule: "other", File: "f.txt", Line: 4, Column: 1, EndLine: 4, EndColumn: 2, Message: "four"},
		{Rule: "r", File: "g.txt", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "five"},
		{Rule: "r", File: "missing.txt", Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "six"},
	}
	opt := Options{Contents: map[string][]byte{"f.txt": []byte(content), "g.txt": []byte("same line")}}
	got := fingerprints(t, fs, opt)
	hash := func(i int) string { return strings.Split(got[i], ":")[0] }
	want := []string{hash(0) + ":1", hash(0) + ":2", hash(0) + ":3", "", hash(0) + ":1", ""}
	for i, w := range want {
		if w != "" && got[i] != w {
			t.Errorf("finding %d: fingerprint %q, want %q (all: %q)", i, got[i], w, got)
		}
	}
	if hash(3) == hash(0) {
		t.Error("rule id does not change the fingerprint")
	}
	if hash(5) == hash(0) || !strings.HasSuffix(got[5], ":1") || len(hash(5)) != 16 {
		t.Errorf("fallback fingerprint %q", got[5])
	}

	// Moving the line down keeps the fingerprint.
	moved := slices.Clone(fs[:1])
	moved[0].Line, moved[0].EndLine = 5, 5
	opt.Contents["f.txt"] = []byte("new\nlines\nabove\n\n  same line\n")
	if again := fingerprints(t, moved, opt); again[0] != got[0] {
		t.Errorf("fingerprint changed when the line moved: %q → %q", got[0], again[0])
	}
}

func fingerprints(t *testing.T, fs []lint.Finding, opt Options) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := SARIF(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct{ PartialFingerprints map[string]string }
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range log.Runs[0].Results {
		out = append(out, r.PartialFingerprints["primaryLocationLineHash"])
	}
	return out
}

// TestSARIFFixesFromContents checks that fixes and fingerprints come from
// the contents the run loaded, never from the disk: after --fix the file
// on disk holds other bytes.
func TestSARIFFixesFromContents(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "msg.txt")
	original := "héllo\nwörld “x”\n"
	if err := os.WriteFile(file, []byte("rewritten\n\nwörld \"x\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	start := len("héllo\nwörld ")
	fix := &lint.Fix{Description: "straight quotes", Edits: []lint.Edit{{Start: start, End: start + 3, New: `"`}}}
	fs := []lint.Finding{
		{Rule: "sms-unicode", Severity: message.Warning, File: file, Line: 2, Column: 7, EndLine: 2, EndColumn: 8, Message: "m", Fix: fix},
		{Rule: "sms-unicode", Severity: message.Warning, File: filepath.Join(dir, "gone.txt"), Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: "m", Fix: fix},
	}
	opt := Options{Root: dir, Contents: map[string][]byte{file: []byte(original)}}
	var buf bytes.Buffer
	if err := SARIF(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	withRewritten := fingerprints(t, fs, opt)
	if err := os.WriteFile(file, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	if withOriginal := fingerprints(t, fs, opt); withOriginal[0] != withRewritten[0] {
		t.Errorf("fingerprint depends on the disk: %s with the file rewritten, %s with it as loaded", withRewritten[0], withOriginal[0])
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Fixes []struct {
					ArtifactChanges []struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Replacements     []struct {
							DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	res := log.Runs[0].Results
	if len(res[0].Fixes) != 1 {
		t.Fatalf("no fix for a file with contents:\n%s", buf.String())
	}
	ch := res[0].Fixes[0].ArtifactChanges[0]
	rep := ch.Replacements[0]
	if ch.ArtifactLocation.URI != "msg.txt" || rep.InsertedContent.Text != `"` ||
		rep.DeletedRegion != (struct{ StartLine, StartColumn, EndLine, EndColumn int }{2, 7, 2, 8}) {
		t.Errorf("fix %+v", ch)
	}
	if len(res[1].Fixes) != 0 {
		t.Errorf("fix for a file without contents: %+v", res[1].Fixes)
	}
}
