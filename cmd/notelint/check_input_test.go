package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestInputProblemsInEveryFormat checks that files that cannot be checked
// (a missing path, invalid UTF-8, a broken bundle, an unreadable
// directory) are findings of rule input in every output format, that the
// other files are still checked, and that the exit code is 2.
func TestInputProblemsInEveryFormat(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".git", "HEAD"), "")
	writeFile(t, filepath.Join(dir, ".notelint.toml"), "[lint]\ndefault_locale = \"en\"\n")
	writeFile(t, filepath.Join(dir, "t", "good.txt"), "+++\nchannel = \"sms\"\nkind = \"info\"\nsender = \"Acme\"\n+++\nAcme: we’re on our way today at 14:00. No action needed.\n")
	writeFile(t, filepath.Join(dir, "t", "latin1.txt"), "Acme: Ihre Lieferung kommt sp\xe4ter.\n")
	writeFile(t, filepath.Join(dir, "t", "locales", "de.json"), "{\"a\": \"x\" \"b\": \"y\"}\n")
	wantFiles := []string{"latin1.txt", "de.json", "missing-dir"}
	locked := filepath.Join(dir, "t", "locked")
	if os.Geteuid() != 0 {
		writeFile(t, filepath.Join(locked, "x.txt"), "hidden\n")
		if err := os.Chmod(locked, 0o000); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(locked, 0o755) })
		wantFiles = append(wantFiles, "locked")
	}
	t.Chdir(dir)
	formats := []string{"text", "json", "sarif", "github", "md", "html", "codequality", "junit"}
	var specs []string
	for _, f := range formats {
		specs = append(specs, f+":out."+f)
	}
	_, stderr, code := runCLI(t, "", "check", "--format", strings.Join(specs, ","), "t", "missing-dir")
	if code != exitUsage {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	for _, f := range formats {
		out := string(readFile(t, filepath.Join(dir, "out."+f)))
		for _, name := range wantFiles {
			if !strings.Contains(out, name) {
				t.Errorf("%s output does not name %s", f, name)
			}
		}
		if !strings.Contains(out, "input") {
			t.Errorf("%s output has no rule input", f)
		}
		if !strings.Contains(out, "sms-unicode") {
			t.Errorf("%s output lost the finding of the readable file", f)
		}
	}
	// The JSON finding carries the position and the byte offset.
	var doc struct {
		Findings []struct {
			Rule, File, Message string
			Line, Column        int
		}
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "out.json")), &doc); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range doc.Findings {
		if f.Rule == "input" && strings.HasSuffix(f.File, "latin1.txt") {
			found = true
			if f.Line != 1 || f.Column != 30 || !strings.Contains(f.Message, "byte offset 29") {
				t.Errorf("invalid UTF-8 finding %+v", f)
			}
		}
	}
	if !found {
		t.Error("no input finding for latin1.txt in JSON")
	}
	// SARIF lists them as tool execution notifications too.
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool `json:"executionSuccessful"`
				ToolExecutionNotifications []struct {
					Message struct{ Text string }
				} `json:"toolExecutionNotifications"`
			}
		}
	}
	if err := json.Unmarshal(readFile(t, filepath.Join(dir, "out.sarif")), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Invocations) != 1 || len(log.Runs[0].Invocations[0].ToolExecutionNotifications) != len(wantFiles) {
		t.Errorf("SARIF invocations %+v, want %d notifications", log.Runs, len(wantFiles))
	}
}
