package lint

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestCheckRun checks the cross-template mechanism: CheckRun sees every
// template once, its findings go through the template's suppressions and
// the configured severity, and a panic is an internal error.
func TestCheckRun(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"en/a.md": "Hello {{name}}",
		"de/a.md": "<!-- notelint-disable count-keys -->\nHallo",
		"fr/a.md": "Bonjour",
	})
	calls := 0
	rule := &Rule{ID: "count-keys", Severity: message.Warning, CheckRun: func(p *RunPass) {
		calls++
		for _, tp := range p.Templates {
			p.Report(tp, Diagnostic{Part: tp.Body(), Start: 0, End: 1, Message: "seen " + tp.Locale + " " + tp.Key[strings.LastIndex(tp.Key, "/")+1:]})
		}
	}}
	cfg := DefaultConfig([]*Rule{rule})
	res, err := (&Runner{Rules: []*Rule{rule}, Config: cfg}).Run([]string{dir})
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.Message+" "+f.Severity.String())
	}
	if calls != 1 || strings.Join(got, "|") != "seen en a warning|seen fr a warning" {
		t.Errorf("calls %d findings %q", calls, got)
	}
	boom := &Rule{ID: "boom", Severity: message.Warning, CheckRun: func(p *RunPass) { panic("x") }}
	res, _ = (&Runner{Rules: []*Rule{boom}, Config: DefaultConfig([]*Rule{boom})}).Run([]string{dir})
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "internal error") {
		t.Errorf("panic: %v", res.Errors)
	}
}
