package lint

import (
	"errors"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestPanicIsOneLine: a panic in a rule, per template or across them, is
// an internal error of one line naming the file or rule and the code line;
// it used to be two lines ("internal error\n…").
func TestPanicIsOneLine(t *testing.T) {
	dir := writeTree(t, map[string]string{"en/a.md": "Hello"})
	var empty []int
	cases := []*Rule{
		{ID: "index", Severity: message.Warning, Check: func(p *Pass) { _ = empty[len(p.Template.ID)] }},
		{ID: "multi", Severity: message.Warning, CheckRun: func(p *RunPass) { panic("first\nsecond") }},
	}
	for _, rule := range cases {
		res, err := (&Runner{Rules: []*Rule{rule}, Config: DefaultConfig([]*Rule{rule})}).Run([]string{dir})
		if err != nil || len(res.Errors) != 1 {
			t.Fatalf("%s: %v %v", rule.ID, err, res.Errors)
		}
		e := res.Errors[0]
		msg := e.Error()
		if !errors.Is(e, ErrInternal) || strings.Contains(msg, "\n") || !strings.Contains(msg, "internal error: ") ||
			!strings.Contains(msg, "(at panic_test.go:") {
			t.Errorf("%s: %q", rule.ID, msg)
		}
	}
}
