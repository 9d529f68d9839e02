package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// TestRunReportsInputProblems checks that paths that cannot be read do not
// stop the run: they are input errors and findings of the rule that owns
// InputProblem, at the line and column known, and the rest is checked.
func TestRunReportsInputProblems(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.txt", "Hello.\n")
	write("bad.txt", "ok\nsp\xe4t\n")
	ran := 0
	rules := []*Rule{
		{ID: "unreadable", Severity: message.Error, Owns: []message.ProblemKind{message.InputProblem},
			Problem: func(pr message.Problem) Diagnostic { return Diagnostic{Message: "skipped: " + pr.Message} }},
		{ID: "count", Severity: message.Info, Check: func(p *Pass) { ran++ }},
	}
	r := &Runner{Rules: rules, Config: DefaultConfig(rules), Jobs: 1}
	res, err := r.Run([]string{filepath.Join(dir, "missing"), dir})
	if err != nil {
		t.Fatal(err)
	}
	if ran != 1 {
		t.Errorf("%d templates checked, want 1 (good.txt)", ran)
	}
	if len(res.Errors) != 2 {
		t.Fatalf("errors %v, want 2", res.Errors)
	}
	for _, e := range res.Errors {
		var ie *load.InputError
		if !errors.As(e, &ie) {
			t.Errorf("%v is not an *InputError", e)
		}
	}
	var got []string
	for _, f := range res.Findings {
		if f.Rule != "unreadable" || f.Severity != message.Error {
			t.Errorf("finding %+v", f)
			continue
		}
		got = append(got, filepath.Base(f.File)+":"+itoa(f.Line)+":"+itoa(f.Column)+" "+f.Message)
	}
	want := []string{
		"bad.txt:2:3 skipped: invalid UTF-8 at byte offset 5 (0xE4); save the file as UTF-8",
		"missing:0:0 skipped: no such file or directory",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// Switched off, the rule reports nothing; the errors stay (exit 2).
	r.Config = DefaultConfig(rules)
	r.Config.rules["unreadable"].severity = message.Off
	res, _ = r.Run([]string{filepath.Join(dir, "missing")})
	if len(res.Findings) != 0 || len(res.Errors) != 1 {
		t.Errorf("off: findings %+v, errors %v", res.Findings, res.Errors)
	}
}
