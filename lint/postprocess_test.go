package lint

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestPostProcessors checks the steps after the rules ran: a rule that
// reports one span twice with the same message is reported once; the same
// span with another message, or by another rule, stays; a suppressed
// finding goes and its directive counts as used; the configured severity
// wins over the rule's own.
func TestPostProcessors(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"en/a.md":      "Hello there, friend\n",
		"en/b.md":      "<!-- notelint-disable twice -->\nHello again\n",
		ConfigFileName: "[rules.twice]\nseverity = \"error\"\n",
	})
	twice := &Rule{ID: "twice", Severity: message.Info, Check: func(p *Pass) {
		for range 2 {
			p.Report(Diagnostic{Part: p.Template.Body(), Start: 0, End: 5, Message: "greeting"})
		}
		p.Report(Diagnostic{Part: p.Template.Body(), Start: 0, End: 5, Message: "another problem"})
	}}
	other := &Rule{ID: "other", Severity: message.Warning, Check: func(p *Pass) {
		p.Report(Diagnostic{Part: p.Template.Body(), Start: 0, End: 5, Message: "greeting"})
	}}
	rules := []*Rule{twice, other}
	cfg, err := LoadConfig(filepath.Join(dir, ConfigFileName), rules)
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Runner{Rules: rules, Config: cfg}).Run([]string{dir})
	if err != nil || len(res.Errors) > 0 {
		t.Fatal(err, res.Errors)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, f.File[strings.LastIndex(f.File, "/")+1:]+" "+f.Rule+" "+f.Severity.String()+" "+f.Message)
	}
	want := []string{
		"a.md other warning greeting",
		"a.md twice error another problem",
		"a.md twice error greeting",
		"b.md other warning greeting",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
