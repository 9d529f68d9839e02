package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/atomicfile"
)

func TestParseFormats(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []outputSpec
		err  string // substring of the error; "" means no error
	}{
		{"default", nil, []outputSpec{{format: "text"}}, ""},
		{"one name", []string{"sarif"}, []outputSpec{{format: "sarif"}}, ""},
		{"name and path", []string{"sarif:out.sarif"}, []outputSpec{{format: "sarif", path: "out.sarif"}}, ""},
		{"repeated", []string{"github", "sarif:notelint.sarif"},
			[]outputSpec{{format: "github"}, {format: "sarif", path: "notelint.sarif"}}, ""},
		{"comma-separated", []string{"text,sarif:out.sarif, junit:r/junit.xml"},
			[]outputSpec{{format: "text"}, {format: "sarif", path: "out.sarif"}, {format: "junit", path: "r/junit.xml"}}, ""},
		{"dash is stdout", []string{"md:-", "html:page.html"},
			[]outputSpec{{format: "md"}, {format: "html", path: "page.html"}}, ""},
		{"path with a colon", []string{`sarif:C:\out\n.sarif`}, []outputSpec{{format: "sarif", path: `C:\out\n.sarif`}}, ""},
		{"same format twice to files", []string{"json:a.json,json:b.json"},
			[]outputSpec{{format: "json", path: "a.json"}, {format: "json", path: "b.json"}}, ""},
		{"every format", []string{"text:-,json:1,sarif:2,github:3,md:4,html:5,codequality:6,junit:7"}, nil, ""},
		{"unknown name", []string{"xml"}, nil, `unknown --format "xml"`},
		{"unknown name with path", []string{"text,xml:out.xml"}, nil, `unknown --format "xml"`},
		{"case matters", []string{"SARIF"}, nil, `unknown --format "SARIF"`},
		{"empty entry", []string{"text,,sarif:x"}, nil, "empty --format entry"},
		{"empty value", []string{""}, nil, "empty --format entry"},
		{"trailing comma", []string{"text,"}, nil, "empty --format entry"},
		{"missing path", []string{"sarif:"}, nil, "missing path"},
		{"two stdout", []string{"text", "github"}, nil, "both write to standard output"},
		{"two stdout with dash", []string{"text,json:-"}, nil, "both write to standard output"},
		{"same file twice", []string{"json:out.json", "sarif:./out.json"}, nil, "both write to ./out.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFormats(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != nil && !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

// formatsFixture is a repository with one template that has a finding.
func formatsFixture(t *testing.T) (dir, cfg, tpl string) {
	t.Helper()
	dir = t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "")
	cfg = filepath.Join(dir, ".notelint.toml")
	writeFile(t, cfg, "[lint]\ndefault_locale = \"en\"\n[rules.sms-unicode]\nseverity = \"error\"\n")
	tpl = filepath.Join(dir, "sms", "info-bad.txt")
	writeFile(t, tpl, "+++\nkind = \"info\"\nsender = \"Acme\"\n+++\nAcme: we’re on our way today at 14:00. No action needed.\n")
	return dir, cfg, tpl
}

func TestCheckSeveralFormats(t *testing.T) {
	dir, cfg, tpl := formatsFixture(t)
	t.Chdir(dir)
	out := filepath.Join(dir, "reports")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	sarif := filepath.Join(out, "notelint.sarif")
	junit := filepath.Join(out, "junit.xml")
	cq := filepath.Join(out, "gl-code-quality.json")
	page := filepath.Join(out, "report.html")
	md := filepath.Join(out, "comment.md")
	// An old report is replaced, not appended to.
	writeFile(t, sarif, "old contents that are longer than nothing")

	stdout, stderr, code := runCLI(t, "", "check", "--config", cfg,
		"--format", "github",
		"--format", "sarif:"+sarif+",junit:"+junit,
		"--format", "codequality:"+cq+",html:"+page+",md:"+md,
		tpl)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a finding at error):\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "::error file=sms/info-bad.txt,line=5,") {
		t.Errorf("stdout is not the github format:\n%s", stdout)
	}

	var log struct {
		Version string
		Runs    []struct{ Results []json.RawMessage }
	}
	if err := json.Unmarshal(readFile(t, sarif), &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 1 {
		t.Errorf("SARIF file: %v\n%s", err, readFile(t, sarif))
	}
	var suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
	}
	if err := xml.Unmarshal(readFile(t, junit), &suites); err != nil || suites.Failures != 1 || suites.Tests < 5 {
		t.Errorf("JUnit file: %v %+v", err, suites)
	}
	var issues []map[string]any
	if err := json.Unmarshal(readFile(t, cq), &issues); err != nil || len(issues) != 1 || issues[0]["severity"] != "major" {
		t.Errorf("Code Quality file: %v %v", err, issues)
	}
	if h := string(readFile(t, page)); !strings.Contains(h, `class="sms-bubble"`) || !strings.Contains(h, `<mark class="ucs2"`) {
		t.Errorf("HTML file lacks the bubble or the UCS-2 mark")
	}
	if m := string(readFile(t, md)); !strings.HasPrefix(m, "<!-- notelint-report -->\n## notelint: 1 error") {
		t.Errorf("Markdown file:\n%s", m)
	}
	for _, f := range []string{sarif, junit, cq, page, md} {
		if st, err := os.Stat(f); err != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("%s: %v, mode %v", f, err, st.Mode())
		}
	}
	assertNoTempFiles(t, out)

	// One file output and nothing on stdout.
	stdout, _, code = runCLI(t, "", "check", "--config", cfg, "--fail-on", "never", "--format", "json:"+filepath.Join(out, "r.json"), tpl)
	if code != 0 || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	if !json.Valid(readFile(t, filepath.Join(out, "r.json"))) {
		t.Error("JSON file is not JSON")
	}

	// Comma-separated, with text on stdout.
	stdout, _, _ = runCLI(t, "", "check", "--config", cfg, "--format", "text,codequality:"+cq, tpl)
	if !strings.Contains(stdout, "info-bad.txt:5:9: error sms-unicode:") {
		t.Errorf("text on stdout:\n%s", stdout)
	}
}

func TestCheckFormatUsageErrors(t *testing.T) {
	dir, cfg, tpl := formatsFixture(t)
	out := filepath.Join(dir, "out.sarif")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown name", []string{"--format", "text,xml:" + out}, `unknown --format "xml"`},
		{"two on stdout", []string{"--format", "text", "--format", "github"}, "both write to standard output"},
		{"missing directory", []string{"--format", "text,sarif:" + filepath.Join(dir, "no", "such", "dir", "x.sarif")}, "does not exist"},
		{"path is a directory", []string{"--format", "sarif:" + dir}, "is a directory"},
		{"missing path", []string{"--format", "sarif:"}, "missing path"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A path that does not exist would be exit 2 as well, but from
			// linting: the format error must come first, before any file
			// is looked at.
			args := append([]string{"check", "--config", cfg}, tt.args...)
			args = append(args, tpl, filepath.Join(dir, "missing.txt"))
			stdout, stderr, code := runCLI(t, "", args...)
			if code != 2 || !strings.Contains(stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, stderr, tt.want)
			}
			if strings.Contains(stderr, "missing.txt") || stdout != "" {
				t.Errorf("linting started: stdout %q, stderr %q", stdout, stderr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Error("an output file was written")
			}
		})
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.xml")
	if err := atomicfile.Write(path, []byte("first")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(path, []byte("second")); err != nil {
		t.Fatal(err)
	}
	if got := string(readFile(t, path)); got != "second" {
		t.Errorf("contents %q", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the existing 0600 kept", st.Mode().Perm())
	}
	if err := atomicfile.Write(filepath.Join(dir, "gone", "x"), []byte("x")); err == nil {
		t.Error("no error for a missing directory")
	}
	assertNoTempFiles(t, dir)
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func assertNoTempFiles(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}
