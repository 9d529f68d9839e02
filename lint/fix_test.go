package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// runFixRule checks files with gsmFixRule and applies the fixes to disk.
func runFixRule(t *testing.T, files ...string) *FixReport {
	t.Helper()
	rule := gsmFixRule()
	cfg := DefaultConfig([]*Rule{rule})
	r := &Runner{Rules: []*Rule{rule}, Config: cfg, Jobs: 1}
	res := r.RunFiles(files)
	if len(res.Errors) > 0 {
		t.Fatalf("run: %v", res.Errors)
	}
	return ApplyFixes(res.Findings, SourcesOf(res.Templates), cfg)
}

// TestApplyFixesFileChanged: a file edited on disk after it was read is
// left alone, with an error naming it (the old code applied offsets from
// the first read to the new bytes).
func TestApplyFixesFileChanged(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(path, []byte("Acme: we’re late.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rule := gsmFixRule()
	cfg := DefaultConfig([]*Rule{rule})
	res := (&Runner{Rules: []*Rule{rule}, Config: cfg, Jobs: 1}).RunFiles([]string{path})
	edited := "Hi! Acme: we’re very late.\n"
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	rep := ApplyFixes(res.Findings, SourcesOf(res.Templates), cfg)
	if len(rep.Errors) != 1 || !strings.Contains(rep.Errors[0].Error(), path) || !strings.Contains(rep.Errors[0].Error(), "changed on disk") {
		t.Errorf("errors %v, want one naming %s as changed", rep.Errors, path)
	}
	if len(rep.Applied) != 0 {
		t.Errorf("applied %v", rep.Applied)
	}
	if got, _ := os.ReadFile(path); string(got) != edited {
		t.Errorf("file written: %q", got)
	}
}

// TestApplyFixesTwoLinksOneFile: a file reached through two links is
// fixed once; the second path's fixes are skipped with a note instead of
// failing as changed on disk.
func TestApplyFixesTwoLinksOneFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(target, []byte("Acme: we’re late.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	for _, l := range []string{a, b} {
		if err := os.Symlink("x.txt", l); err != nil {
			t.Skip("no symlinks:", err)
		}
	}
	rep := runFixRule(t, a, b)
	if len(rep.Errors) != 0 || rep.Applied[a] != 1 || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "just fixed") {
		t.Errorf("applied %v, skipped %v, errors %v", rep.Applied, rep.Skipped, rep.Errors)
	}
	if got, _ := os.ReadFile(target); string(got) != "Acme: we're late.\n" {
		t.Errorf("target: %q", got)
	}
}

// TestApplyFixesUnvetted: a fix that did not go through the engine is
// never written.
func TestApplyFixesUnvetted(t *testing.T) {
	src := message.NewSource("x.txt", []byte("a’b"))
	f := Finding{Rule: "r", File: "x.txt", Fix: &Fix{Edits: []Edit{{Start: 0, End: 5, New: "\""}}}}
	rep := ApplyFixes([]Finding{f}, map[string]*message.Source{"x.txt": src}, DefaultConfig(nil))
	if len(rep.Applied) != 0 || len(rep.Skipped) != 1 {
		t.Errorf("applied %v, skipped %v", rep.Applied, rep.Skipped)
	}
}

// TestFixYAMLLineSeparators: the YAML parser counts U+2028, U+2029, NEL
// and a lone CR as line breaks; scalars after one must keep their
// positions, or a second --fix finds what the first could not reach.
func TestFixYAMLLineSeparators(t *testing.T) {
	for _, sep := range []string{"\u2028", "\u2029", "\u0085", "\r"} {
		data := []byte("en:\n  a: \"x" + sep + "y\"\n  b: \"Acme: it’s\"\n")
		out, n, _, ok := fixInMemory("locales/en.yml", data)
		if !ok || n == 0 || !strings.Contains(string(out), `b: "Acme: it's"`) {
			t.Errorf("%q: %d edits: %q", sep, n, out)
		}
		checkFixRoundTrip(t, "locales/en.yml", data)
	}
}

// TestFixSkipsWhatReadsDifferently: a fix that would change the file's
// messages in a way no escape rule foresees (here, joining a letter to a
// link so that it is no longer one) is found by loading the fixed bytes
// again, and skipped alone while the other fixes are kept.
func TestFixSkipsWhatReadsDifferently(t *testing.T) {
	data := []byte("Acme: it’s late – ｏhttps://x.com/a – ok…\n")
	out, n, rep, _ := fixInMemory("sms/x.txt", data)
	if string(out) != "Acme: it's late - ｏhttps://x.com/a - ok...\n" || n != 4 {
		t.Errorf("%d edits: %q", n, out)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "links") {
		t.Errorf("skipped %+v", rep.Skipped)
	}
}

// TestFixOverlapWidestFirst: where one fix covers another (a letter and
// the combining mark after it), the wider one is applied, so a second
// --fix has nothing left to do.
func TestFixOverlapWidestFirst(t *testing.T) {
	combining := &Rule{ID: "test-mark", Severity: message.Warning, Check: func(p *Pass) {
		part := p.Template.Body()
		text := part.Text.String()
		if i := strings.Index(text, "\u0301"); i > 0 {
			fs, fe := part.Text.FileRange(i-2, i+2)
			p.Report(Diagnostic{Part: part, Start: i, End: i + 2, Message: "mark",
				Fix: &Fix{Edits: []Edit{{Start: fs, End: fe, New: "é"}}}})
		}
	}}
	rules := []*Rule{gsmFixRule(), combining}
	cfg := DefaultConfig(rules)
	path := filepath.Join(t.TempDir(), "x.txt")
	if err := os.WriteFile(path, []byte("Acme: ê\u0301.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := (&Runner{Rules: rules, Config: cfg, Jobs: 1}).RunFiles([]string{path})
	rep := ApplyFixes(res.Findings, SourcesOf(res.Templates), cfg)
	if got, _ := os.ReadFile(path); string(got) != "Acme: é.\n" || rep.Applied[path] != 1 {
		t.Errorf("after fix: %q, applied %v, skipped %+v", got, rep.Applied, rep.Skipped)
	}
}
