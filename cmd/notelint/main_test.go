package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs notelint with args and returns stdout, stderr and the code.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestSMSJSON(t *testing.T) {
	// Reference values agree with Twilio's segment calculator and the
	// 3GPP TS 23.040 rules: escape pairs and grapheme clusters never split.
	cases := []struct {
		name     string
		text     string
		encoding string
		units    int
		segments int
		chars    int
	}{
		{"empty", "", "GSM-7", 0, 1, 0},
		{"160 GSM", strings.Repeat("a", 160), "GSM-7", 160, 1, 160},
		{"161 GSM", strings.Repeat("a", 161), "GSM-7", 161, 2, 161},
		{"escape pairs at the boundary", strings.Repeat("]", 153), "GSM-7", 306, 3, 153},
		{"euro at the boundary", strings.Repeat("a", 152) + "€" + strings.Repeat("a", 152), "GSM-7", 306, 3, 305},
		{"emoji at the UCS-2 boundary", strings.Repeat("a", 66) + "😀" + strings.Repeat("a", 66), "UCS-2", 134, 3, 133},
		{"70 UCS-2", strings.Repeat("д", 70), "UCS-2", 70, 1, 70},
		{"71 UCS-2", strings.Repeat("д", 71), "UCS-2", 71, 2, 71},
		{"form feeds are GSM-7", strings.Repeat("\f", 80), "GSM-7", 160, 1, 80},
		{"ZWJ family is one character", "👩‍👩‍👧‍👦", "UCS-2", 11, 1, 1},
		{"curly apostrophe", "We’re late", "UCS-2", 10, 1, 10},
		{"mixed scripts", "Привет, Anna! 你好", "UCS-2", 16, 1, 16},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", "sms", "--json", c.text)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var got struct {
				Encoding   string `json:"encoding"`
				Units      int    `json:"units"`
				Segments   int    `json:"segments"`
				Characters int    `json:"characters"`
				NonGSM     []struct {
					Char        string `json:"char"`
					Offset      int    `json:"offset"`
					Replacement string `json:"replacement"`
				} `json:"non_gsm"`
			}
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v: %s", err, out)
			}
			if strings.Count(strings.TrimSpace(out), "\n") != 0 {
				t.Errorf("want exactly one JSON line, got %q", out)
			}
			if got.Encoding != c.encoding || got.Units != c.units || got.Segments != c.segments || got.Characters != c.chars {
				t.Errorf("got %s %d units %d segments %d chars, want %s %d %d %d", got.Encoding, got.Units, got.Segments, got.Characters, c.encoding, c.units, c.segments, c.chars)
			}
			if c.name == "curly apostrophe" && (len(got.NonGSM) != 1 || got.NonGSM[0].Offset != 2 || got.NonGSM[0].Replacement != "'") {
				t.Errorf("non_gsm %+v", got.NonGSM)
			}
		})
	}
}

func TestSMSStdin(t *testing.T) {
	out, _, code := runCLI(t, "We’re late\n", "sms", "--json")
	if code != 0 || !strings.Contains(out, `"units":10`) {
		t.Errorf("exit %d: %s", code, out)
	}
	out, _, code = runCLI(t, "hello\n", "sms", "-")
	if code != 0 || !strings.Contains(out, "GSM-7") || !strings.Contains(out, "segments:   1") {
		t.Errorf("exit %d: %s", code, out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "")
	writeFile(t, filepath.Join(dir, ".notelint.toml"), "[lint]\ndefault_locale = \"en\"\n[rules.sms-unicode]\nseverity = \"error\"\n")
	clean := filepath.Join(dir, "sms", "info-ok.txt")
	writeFile(t, clean, "+++\nkind = \"info\"\nsender = \"Acme\"\n+++\nAcme: no action needed, your parcel arrives today at 14:00.\n")
	bad := filepath.Join(dir, "sms", "info-bad.txt")
	writeFile(t, bad, "+++\nkind = \"info\"\nsender = \"Acme\"\n+++\nAcme: we’re on our way today at 14:00. No action needed.\n")

	if _, errOut, code := runCLI(t, "", "check", "--config", filepath.Join(dir, ".notelint.toml"), clean); code != 0 {
		t.Errorf("clean: exit %d %s", code, errOut)
	}
	out, _, code := runCLI(t, "", "check", "--config", filepath.Join(dir, ".notelint.toml"), bad)
	if code != 1 || !strings.Contains(out, "info-bad.txt:5:9: error sms-unicode:") {
		t.Errorf("bad: exit %d\n%s", code, out)
	}
	if _, _, code := runCLI(t, "", "check", "--config", filepath.Join(dir, ".notelint.toml"), "--fail-on", "never", bad); code != 0 {
		t.Errorf("fail-on never: exit %d", code)
	}
	if _, errOut, code := runCLI(t, "", "check", filepath.Join(dir, "missing")); code != 2 || !strings.Contains(errOut, "no such file or directory") {
		t.Errorf("missing path: exit %d %s", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", "check", "--format", "xml", bad); code != 2 || !strings.Contains(errOut, "unknown --format") {
		t.Errorf("bad format: exit %d %s", code, errOut)
	}
	badCfg := filepath.Join(dir, "bad.toml")
	writeFile(t, badCfg, "[lint]\ninclude = [\"x\"]\n\n[rules.sms-unicode]\nseverity = \"loud\"\n")
	if _, errOut, code := runCLI(t, "", "check", "--config", badCfg, bad); code != 2 || !strings.Contains(errOut, "bad.toml:5:") {
		t.Errorf("bad config: exit %d %s", code, errOut)
	}
	writeFile(t, badCfg, "[lint]\nincluded = [\"x\"]\n")
	if _, errOut, code := runCLI(t, "", "check", "--config", badCfg, bad); code != 2 || !strings.Contains(errOut, `bad.toml:2: unknown key "lint.included"`) {
		t.Errorf("unknown key: exit %d %s", code, errOut)
	}
	invalid := filepath.Join(dir, "sms", "latin1.txt")
	writeFile(t, invalid, "caf\xe9\n")
	if _, errOut, code := runCLI(t, "", "check", "--config", filepath.Join(dir, ".notelint.toml"), invalid); code != 2 || !strings.Contains(errOut, "latin1.txt:1: column 4: invalid UTF-8") {
		t.Errorf("invalid utf-8: exit %d %s", code, errOut)
	}
}

func TestCheckFix(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sms", "x.txt")
	writeFile(t, path, "+++\nkind = \"info\"\n+++\nAcme: we’re on our way – today at 14:00… No action needed.\n")
	if _, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, _ := os.ReadFile(path)
	want := "+++\nkind = \"info\"\n+++\nAcme: we're on our way - today at 14:00... No action needed.\n"
	if string(got) != want {
		t.Errorf("after --fix:\n%q\nwant\n%q", got, want)
	}
	// Without --fix nothing is written.
	writeFile(t, path, "Acme: we’re here.\n")
	runCLI(t, "", "check", "--fail-on", "never", path)
	if got, _ := os.ReadFile(path); string(got) != "Acme: we’re here.\n" {
		t.Errorf("file changed without --fix: %q", got)
	}
}

func TestRulesAndExplain(t *testing.T) {
	out, _, code := runCLI(t, "", "rules")
	if code != 0 || !strings.Contains(out, "sms-segments") || !strings.Contains(out, "error") {
		t.Errorf("rules: %d %s", code, out)
	}
	out, _, code = runCLI(t, "", "rules", "--format", "json")
	var list []map[string]any
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list) < 4 {
		t.Errorf("rules json: %d %s", code, out)
	}
	out, _, code = runCLI(t, "", "explain", "sms-unicode")
	if code != 0 || !strings.Contains(out, "Bad:") || !strings.Contains(out, "Good:") {
		t.Errorf("explain: %d %s", code, out)
	}
	if _, errOut, code := runCLI(t, "", "explain", "nope"); code != 2 || !strings.Contains(errOut, "unknown rule") {
		t.Errorf("explain unknown: %d %s", code, errOut)
	}
}

func TestInitAndConfig(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "")
	if _, errOut, code := runCLI(t, "", "init"); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	if _, _, code := runCLI(t, "", "init"); code != 2 {
		t.Errorf("second init should refuse to overwrite, exit %d", code)
	}
	out, errOut, code := runCLI(t, "", "config")
	if code != 0 || !strings.Contains(out, "# from ") || !strings.Contains(out, "max_segments = 1") || !strings.Contains(out, "max_file_size = 262144") {
		t.Errorf("config: %d %s %s", code, out, errOut)
	}
}

func TestCheckFixCombiningMark(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sms", "x.txt")
	writeFile(t, path, "Acme: cafe\u0301 ouvert.\n")
	if _, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", path); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(path); string(got) != "Acme: café ouvert.\n" {
		t.Errorf("after --fix: %q", got)
	}
}
