package rules

import (
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// suppression reports the suppression directives the engine found wrong:
// malformed, naming an unknown rule, or suppressing nothing.
func suppression() *lint.Rule {
	return &lint.Rule{
		ID:       "suppression",
		Summary:  "Suppressions must name a known rule and must suppress something",
		Severity: message.Warning,
		Owns:     []message.ProblemKind{message.DirectiveProblem},
		Doc: `A suppression switches a rule off for part of a template:

- front matter: ` + "`disable = [\"sender-id\"]`" + ` for the whole template;
- Markdown and HTML: ` + "`<!-- notelint-disable rule-id -- reason -->`" + ` up to
  ` + "`<!-- notelint-enable rule-id -->`" + ` (or the end of the file), and
  ` + "`<!-- notelint-disable-next-line rule-id -->`" + ` for the next line.

A suppression must name the rule it switches off, and one that suppresses
nothing is reported, so stale suppressions do not hide future problems.

Bad (email.md):

    <!-- notelint-disable -->

Good (email.md):

    <!-- notelint-disable-next-line vague-cta -- the button text is set by the app -->
    [Click here](https://acme.example/t/AB12)`,
	}
}
