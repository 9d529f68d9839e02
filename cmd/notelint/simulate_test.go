package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	simExampleDir = "../../examples/simulate"
	simEvents     = simExampleDir + "/events.csv"
	simPolicy     = simExampleDir + "/policy.toml"
	simTemplates  = simExampleDir + "/templates"
	simContacts   = simExampleDir + "/contacts.csv"
)

func simWrite(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSimulateExample(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, simEvents)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"messages per customer", "delivery-delayed", "SMS segments", "burst", "noisiest customers"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
}

func TestSimulateFormats(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "json", simEvents)
	if code != 0 {
		t.Fatalf("json: exit %d: %s", code, errOut)
	}
	var rep struct {
		Schema    string `json:"schema"`
		Customers int    `json:"customers"`
		AsIs      struct {
			Messages int `json:"messages"`
		} `json:"as_is"`
		Policy struct {
			Messages int `json:"messages"`
		} `json:"policy"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("json: %v", err)
	}
	if rep.Schema != "notelint.simulate/v1" || rep.Customers != 300 || rep.Policy.Messages >= rep.AsIs.Messages {
		t.Errorf("json report = %+v", rep)
	}

	out, _, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "csv", simEvents)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "customer_id,as_is,sent,suppressed,deferred,as_is_flags,policy_flags,source_flapping" || len(lines) != 301 || !strings.HasPrefix(lines[1], "C0001,") {
		t.Errorf("csv: exit %d, %d lines, first %q", code, len(lines), lines[:2])
	}

	out, _, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "md", simEvents)
	if code != 0 || !strings.HasPrefix(out, "### notelint simulate") || !strings.Contains(out, "| total |") {
		t.Errorf("md: exit %d: %.200s", code, out)
	}

	_, errOut, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "xml", simEvents)
	if code != 2 || !strings.Contains(errOut, `--format "xml"`) {
		t.Errorf("bad format: exit %d: %s", code, errOut)
	}
}

func TestSimulateOut(t *testing.T) {
	dir := t.TempDir()
	outFile := filepath.Join(dir, "r.csv")
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "csv", "--out", outFile, simEvents)
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q: %s", code, out, errOut)
	}
	b, err := os.ReadFile(outFile)
	if err != nil || !strings.HasPrefix(string(b), "customer_id,as_is,sent,suppressed,deferred,as_is_flags,policy_flags,source_flapping\n") {
		t.Errorf("--out file: %v %.80q", err, b)
	}
}

func TestSimulateFailOn(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--fail-on", "p99>5,burst>0,as_is.burst>0,max>=100", simEvents)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	if !strings.Contains(out, "messages per customer") {
		t.Error("the report is printed before the thresholds")
	}
	if !strings.Contains(errOut, "threshold crossed: p99>5 (actual 7)") || !strings.Contains(errOut, "as_is.burst>0 (actual 80)") ||
		strings.Contains(errOut, "burst>0 (actual 0)") || strings.Contains(errOut, "max>=100") {
		t.Errorf("stderr = %s", errOut)
	}
	_, _, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--fail-on", "p99>50", simEvents)
	if code != 0 {
		t.Errorf("threshold not crossed: exit %d", code)
	}
	_, errOut, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--fail-on", "p42>1", simEvents)
	if code != 2 || !strings.Contains(errOut, `unknown metric "p42"`) {
		t.Errorf("bad metric: exit %d: %s", code, errOut)
	}
}

func TestSimulateConfigDiscovery(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	simWrite(t, dir, "events.csv", "kunde,zeit,zustand\nk1,2026-03-02 10:00:00,versandt\nk1,2026-03-02 10:10:00,versandt\n")
	cfg := `[lint]
default_locale = "de"
[rules.vague-cta]
severity = "error"
[simulate]
dedupe = true
[simulate.columns]
customer_id = "kunde"
timestamp = "zeit"
status = "zustand"
[[simulate.trigger]]
status = "versandt"
template = "versand"
`
	simWrite(t, dir, ".notelint.toml", cfg)
	simWrite(t, dir, "sub/keep", "")
	t.Chdir(filepath.Join(dir, "sub"))
	t.Setenv("NOTELINT_CONFIG", "")
	out, errOut, code := runCLI(t, "", "simulate", "--format", "json", "../events.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Settings struct {
			Source string `json:"source"`
		} `json:"settings"`
		Suppressed struct {
			ByReason []struct {
				Reason   string `json:"reason"`
				Messages int    `json:"messages"`
			} `json:"by_reason"`
		} `json:"suppressed"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(rep.Settings.Source, ".notelint.toml") || rep.Suppressed.ByReason[0].Reason != "dedupe" || rep.Suppressed.ByReason[0].Messages != 1 {
		t.Errorf("the config's policy was not used: %+v", rep)
	}

	// --config names another file; a config without [simulate] is an error.
	other := simWrite(t, dir, "other.toml", "[lint]\ninclude = [\"x/**\"]\n")
	_, errOut, code = runCLI(t, "", "simulate", "--config", other, "../events.csv")
	if code != 2 || !strings.Contains(errOut, "has no [simulate] table") {
		t.Errorf("config without [simulate]: exit %d: %s", code, errOut)
	}
	// An unknown key inside [simulate] names key and line.
	bad := simWrite(t, dir, "bad.toml", "[simulate]\n\ncolapse = \"30m\"\n")
	_, errOut, code = runCLI(t, "", "simulate", "--policy", bad, "../events.csv")
	if code != 2 || !strings.Contains(errOut, `bad.toml:3: unknown key "simulate.colapse"`) {
		t.Errorf("unknown key: exit %d: %s", code, errOut)
	}
}

func TestSimulateNoPolicy(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("NOTELINT_CONFIG", "")
	_, errOut, code := runCLI(t, "", "simulate", "events.csv")
	if code != 2 || !strings.Contains(errOut, "no policy: pass --policy FILE") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestSimulateInputErrors(t *testing.T) {
	dir := t.TempDir()
	bad := simWrite(t, dir, "bad.csv", "customer_id,timestamp,status\nc1,2026-03-02 10:00:00,shipped\nc1,yesterday,shipped\n")
	missing := simWrite(t, dir, "missing.csv", "customer,timestamp,status\nc1,2026-03-02 10:00:00,shipped\n")
	empty := simWrite(t, dir, "empty.csv", "")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"bad row skipped", []string{bad}, 0, "bad rows skipped: 1"},
		{"strict", []string{"--strict", bad}, 2, "bad.csv:3: timestamp: unparsable timestamp \"yesterday\""},
		{"missing column", []string{missing}, 2, `missing column "customer_id"`},
		{"empty file", []string{empty}, 0, "note: " + empty + ": empty file, no events"},
		{"no such file", []string{filepath.Join(dir, "nope.csv")}, 2, "no such file"},
		{"no args", nil, 2, "requires at least 1 arg"},
	}
	for _, c := range cases {
		out, errOut, code := runCLI(t, "", append([]string{"simulate", "--policy", simPolicy}, c.args...)...)
		if code != c.code || !strings.Contains(out+errOut, c.want) {
			t.Errorf("%s: exit %d, want %d and %q:\n%s%s", c.name, code, c.code, c.want, errOut, out)
		}
	}
}

func TestSimulateTemplates(t *testing.T) {
	dir := t.TempDir()
	pol := simWrite(t, dir, "p.toml", "[simulate]\n[[simulate.trigger]]\nstatus = \"shipped\"\ntemplate = \"no-such-template\"\n")
	_, errOut, code := runCLI(t, "", "simulate", "--policy", pol, "--templates", simTemplates, simEvents)
	if code != 2 || !strings.Contains(errOut, `"no-such-template" not found`) {
		t.Errorf("unknown template: exit %d: %s", code, errOut)
	}
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--format", "json", simEvents)
	if code != 0 || !strings.Contains(out, `"channel": "sms"`) || !strings.Contains(out, `"policy_cost"`) {
		t.Errorf("templates: exit %d: %s", code, errOut)
	}
}

func TestSimulateStdin(t *testing.T) {
	events, err := os.ReadFile(simEvents)
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, string(events), "simulate", "--policy", simPolicy, "--format", "csv", "-")
	if code != 0 || len(strings.Split(strings.TrimSpace(out), "\n")) != 301 {
		t.Errorf("stdin: exit %d: %s", code, errOut)
	}
}

// TestSimulateHelpdesk reads the real help-desk log of ../shared/data.
func TestSimulateHelpdesk(t *testing.T) {
	log := "../../../shared/data/helpdesk_tickets.csv.gz"
	if _, err := os.Stat(log); err != nil {
		t.Skipf("the shared help-desk log is not there (%v): skipping", err)
	}
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simExampleDir+"/helpdesk-policy.toml", "--format", "json", log)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Events    int `json:"events"`
		Customers int `json:"customers"`
		BadRows   struct {
			Count int `json:"count"`
		} `json:"bad_rows"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Events != 21348 || rep.Customers != 397 || rep.BadRows.Count != 0 {
		t.Errorf("helpdesk: %+v", rep)
	}
}

// TestSimulateConfigTemplates: a policy from the config links its triggers
// to the templates of the config's [lint] include paths.
func TestSimulateConfigTemplates(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	tpl, err := os.ReadFile(simTemplates + "/sms/en/delivery-delayed.txt")
	if err != nil {
		t.Fatal(err)
	}
	simWrite(t, dir, "tpl/sms/delivery-delayed.txt", string(tpl))
	simWrite(t, dir, "e.csv", "customer_id,timestamp,status\nc1,2026-03-02 10:00:00,delayed\n")
	simWrite(t, dir, ".notelint.toml", "[lint]\ninclude = [\"tpl/**\"]\n[simulate]\n[[simulate.trigger]]\nstatus = \"delayed\"\ntemplate = \"delivery-delayed\"\n")
	t.Chdir(dir)
	t.Setenv("NOTELINT_CONFIG", "")
	out, errOut, code := runCLI(t, "", "simulate", "--format", "json", "e.csv")
	if code != 0 || !strings.Contains(out, `"channel": "sms"`) || !strings.Contains(out, `"segments": 2`) {
		t.Errorf("exit %d: %s\n%.400s", code, errOut, out)
	}
	simWrite(t, dir, ".notelint.toml", "[lint]\ninclude = [\"tpl/**\"]\n[simulate]\n[[simulate.trigger]]\nstatus = \"delayed\"\ntemplate = \"nope\"\n")
	_, errOut, code = runCLI(t, "", "simulate", "e.csv")
	if code != 2 || !strings.Contains(errOut, `trigger template "nope" not found`) {
		t.Errorf("unknown template: exit %d: %s", code, errOut)
	}
}
