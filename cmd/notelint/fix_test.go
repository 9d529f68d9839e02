package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFixJSONBundle is the example of issue 12: --fix wrote a bare " into
// a JSON string, and the next run could not read the file.
func TestFixJSONBundle(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locales", "en.json")
	writeFile(t, path, `{"sms": {"delay": "Acme: your parcel “AB12” arrives at 14:00."}}`+"\n")
	_, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", path)
	if code != 0 || !strings.Contains(errOut, "fixed 2 characters") {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(path)
	var got map[string]map[string]string
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatalf("fixed file is not JSON: %v\n%s", err, data)
	}
	if len(got) != 1 || len(got["sms"]) != 1 || got["sms"]["delay"] != `Acme: your parcel "AB12" arrives at 14:00.` {
		t.Errorf("after --fix: %v", got)
	}
	// A second run reads the file and has nothing left to fix.
	_, errOut, code = runCLI(t, "", "check", "--fix", "--fail-on", "never", path)
	if code != 0 || strings.Contains(errOut, "fixed") {
		t.Errorf("second run: exit %d: %s", code, errOut)
	}
	if again, _ := os.ReadFile(path); string(again) != string(data) {
		t.Errorf("second --fix changed the file:\n%s", again)
	}
}

// TestFixHostSyntax: fixes in quoted strings of every bundle and catalog
// format are escaped, or skipped with a note where no escape exists, and
// the file still loads afterwards.
func TestFixHostSyntax(t *testing.T) {
	cases := []struct {
		name, file, in, want, note string
	}{
		{"yaml double-quoted", "locales/en.yml",
			"en:\n  sms:\n    a: \"Acme: your “parcel” isn’t here\"\n",
			"en:\n  sms:\n    a: \"Acme: your \\\"parcel\\\" isn't here\"\n", ""},
		{"yaml single-quoted", "locales/en.yml",
			"en:\n  sms:\n    a: 'Acme: your “parcel” isn’t here'\n",
			"en:\n  sms:\n    a: 'Acme: your \"parcel\" isn''t here'\n", ""},
		{"yaml plain, quote at the start", "locales/en.yml",
			"en:\n  sms:\n    a: “Acme” parcel AB12 is late – new time 14:00\n",
			"en:\n  sms:\n    a: “Acme\" parcel AB12 is late - new time 14:00\n", "unquoted YAML value"},
		{"toml basic string", "sms/catalog.toml",
			"[[message]]\nchannel = \"sms\"\nbody = \"Acme: your “parcel” isn’t here\"\n",
			"[[message]]\nchannel = \"sms\"\nbody = \"Acme: your \\\"parcel\\\" isn't here\"\n", ""},
		{"toml literal string", "sms/catalog.toml",
			"[[message]]\nchannel = \"sms\"\nbody = 'Acme: your “parcel” isn’t here'\n",
			"[[message]]\nchannel = \"sms\"\nbody = 'Acme: your \"parcel\" isn’t here'\n", "TOML literal string"},
		{"toml front matter", "sms/x.txt",
			"+++\nsubject = \"“Hi”\"\n+++\nAcme: ok.\n",
			"+++\nsubject = \"\\\"Hi\\\"\"\n+++\nAcme: ok.\n", ""},
		{"po string", "locales/de.po",
			"#: sms/delay.txt\nmsgctxt \"sms\"\nmsgid \"delay\"\nmsgstr \"Acme: Ihr Paket „AB12“ kommt heute um 14:00.\"\n",
			"#: sms/delay.txt\nmsgctxt \"sms\"\nmsgid \"delay\"\nmsgstr \"Acme: Ihr Paket \\\"AB12\\\" kommt heute um 14:00.\"\n", ""},
		{"properties value", "locales/en.properties",
			"sms.late=\u00a0Acme: your “parcel”\\\\ is late\n",
			"sms.late=\\ Acme: your \"parcel\"\\\\ is late\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, filepath.FromSlash(c.file))
			writeFile(t, path, c.in)
			_, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got, _ := os.ReadFile(path); string(got) != c.want {
				t.Errorf("after --fix:\n%s\nwant\n%s", got, c.want)
			}
			if c.note != "" && !strings.Contains(errOut, c.note) {
				t.Errorf("no note about %q on stderr: %s", c.note, errOut)
			}
			if _, errOut, code := runCLI(t, "", "check", "--fail-on", "never", path); code != 0 {
				t.Errorf("fixed file does not load: exit %d: %s", code, errOut)
			}
		})
	}
}

// TestFixLeavesSyntaxAlone: placeholders and link targets are never
// edited, whatever the rule offers.
func TestFixLeavesSyntaxAlone(t *testing.T) {
	cases := []struct {
		name, file, in, want, note string
	}{
		{"placeholder", "sms/x.txt",
			"Acme: {{ name’s }} parcel isn’t here.\n",
			"Acme: {{ name’s }} parcel isn't here.\n", "inside the placeholder"},
		{"markdown autolink target", "sms/x.md",
			"Acme: see <https://example.com/a–b> – today.\n",
			"Acme: see <https://example.com/a–b> - today.\n", "inside the link"},
		{"bare link", "sms/y.txt",
			"Acme: see https://example.com/a–b – today.\n",
			"Acme: see https://example.com/a–b - today.\n", "inside the link"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, filepath.FromSlash(c.file))
			writeFile(t, path, c.in)
			_, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", path)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if got, _ := os.ReadFile(path); string(got) != c.want {
				t.Errorf("after --fix:\n%q\nwant\n%q", got, c.want)
			}
			if !strings.Contains(errOut, c.note) {
				t.Errorf("no note about %q on stderr: %s", c.note, errOut)
			}
		})
	}
}

// TestFixReportAfterFix: the report and exit code describe the files as
// they are after --fix, not as they were before.
func TestFixReportAfterFix(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sms", "x.txt")
	// 140 GSM-7 characters and one curly apostrophe: 2 UCS-2 segments, an
	// sms-segments error; after the fix, one GSM-7 segment.
	text := "Acme: we’re late. " + strings.Repeat("No action needed. ", 7) + "\n"
	writeFile(t, path, text)
	if out, _, code := runCLI(t, "", "check", path); code != 1 || !strings.Contains(out, "sms-segments") {
		t.Fatalf("before: exit %d, want 1 with sms-segments:\n%s", code, out)
	}
	out, errOut, code := runCLI(t, "", "check", "--fix", path)
	if code != 0 || strings.Contains(out, "sms-segments") || strings.Contains(out, "sms-unicode") {
		t.Errorf("after --fix: exit %d, report from before the fix?\n%s\n%s", code, out, errOut)
	}
}

// TestFixSymlinkModeLineEndings: a symlinked template is fixed in its
// target and stays a link; mode and CRLF line endings are kept.
func TestFixSymlinkModeLineEndings(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "shared", "x.txt")
	writeFile(t, target, "Acme: we’re late.\r\nNo action needed – sorry.\r\n")
	if err := os.Chmod(target, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "sms", "x.txt")
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("..", "shared", "x.txt"), link); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, "", "check", "--fix", "--fail-on", "never", link); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", st.Mode(), err)
	}
	got, _ := os.ReadFile(target)
	if string(got) != "Acme: we're late.\r\nNo action needed - sorry.\r\n" {
		t.Errorf("target after --fix: %q", got)
	}
	if st, _ := os.Stat(target); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "shared", ".notelint-fix-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestFixJSONOutputEscaped: the edits in --format json are the bytes to
// write, escaped for the file, so a tool applying them keeps it valid.
func TestFixJSONOutputEscaped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "locales", "en.json")
	writeFile(t, path, `{"sms": {"delay": "Acme: your parcel “AB12” arrives at 14:00."}}`+"\n")
	out, errOut, code := runCLI(t, "", "check", "--format", "json", "--fail-on", "never", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Findings []struct {
			Fix *struct {
				Edits []struct {
					New string `json:"new"`
				} `json:"edits"`
			} `json:"fix"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range doc.Findings {
		if f.Fix == nil {
			continue
		}
		for _, e := range f.Fix.Edits {
			n++
			if e.New != `\"` {
				t.Errorf("edit writes %q, want \\\"", e.New)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d edits, want 2:\n%s", n, out)
	}
}
