package rules

import (
	"fmt"
	"sort"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// placeholderOptions are the options of the placeholder rule.
type placeholderOptions struct {
	// RequireVars reports undeclared placeholders even in templates that
	// declare no [vars] at all.
	RequireVars bool `toml:"require_vars"`
}

func placeholder() *lint.Rule {
	return &lint.Rule{
		ID:       "placeholder",
		Summary:  "Placeholders must be balanced and match the declared [vars]",
		Severity: message.Error,
		Options:  func() any { return &placeholderOptions{} },
		Doc: `A placeholder that is never closed, or that has no declaration, is sent to
customers as raw template syntax ("Hello {{ name") or is filled with nothing.
A declared variable that the text never uses usually means the text lost a
detail (the time, the link) during an edit.

notelint reads {{ name }}, {{.Name}}, {{ name | filter }}, {% tag %},
%{name} and {name}. Once a template declares [vars], every placeholder must
be declared there; set require_vars = true to demand declarations everywhere.

Bad:

    +++
    [vars]
    eta = { max = 16, type = "time" }
    +++
    Hi {{ name }, your parcel arrives {{ eta }}.

Good:

    +++
    [vars]
    name = { max = 30, charset = "unicode" }
    eta  = { max = 16, type = "time" }
    +++
    Hi {{ name }}, your parcel arrives {{ eta }}.

Options:

    [rules.placeholder]
    require_vars = false   # report undeclared placeholders without [vars] too`,
		Owns:  []message.ProblemKind{message.PlaceholderProblem},
		Check: checkPlaceholder,
	}
}

func checkPlaceholder(p *lint.Pass) {
	opt := p.Options.(*placeholderOptions)
	t := p.Template
	declared := len(t.Vars) > 0
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if ph.Control || ph.Name == "" {
				continue
			}
			if t.VarFor(ph) != nil || (!declared && !opt.RequireVars) {
				continue
			}
			p.Report(lint.Diagnostic{Part: part, Start: ph.Start, End: ph.End,
				Message: fmt.Sprintf("placeholder %q is not declared in [vars]", ph.Name),
				Hint:    fmt.Sprintf("declare it, e.g. %s = { sample = \"...\", max = 20 }, so length checks use its real size", message.NormalizeVarName(ph.Name))})
		}
	}
	names := make([]string, 0, len(t.Vars))
	for n := range t.Vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		v := t.Vars[n]
		if v.Used {
			continue
		}
		p.Report(lint.Diagnostic{Start: v.Offset, End: v.Offset + len(v.Name),
			Message: fmt.Sprintf("variable %q is declared but the text never uses it", v.Name),
			Hint:    "use it in the text, or remove the declaration"})
	}
}
