package lint

import (
	"errors"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// inputFindings turns the input errors among errs (files and directories
// that could not be read as templates) into findings of the rules that
// own InputProblem, at the file, line and column the error names.
func (r *Runner) inputFindings(errs []error) []Finding {
	var out []Finding
	for _, err := range errs {
		var ie *load.InputError
		if !errors.As(err, &ie) {
			continue
		}
		pr := message.Problem{Kind: message.InputProblem, Message: ie.Err.Error()}
		for _, rule := range r.Rules {
			sev := r.Config.Severity(rule)
			if sev == message.Off || !rule.owns(message.InputProblem) {
				continue
			}
			d := ProblemDiagnostic(pr)
			if rule.Problem != nil {
				d = rule.Problem(pr)
			}
			f := Finding{Rule: rule.ID, Severity: sev, File: ie.Path, Line: ie.Line, Column: ie.Column,
				EndLine: ie.Line, Message: d.Message, Hint: d.Hint}
			if ie.Column > 0 {
				f.EndColumn = ie.Column + 1
			}
			out = append(out, f)
		}
	}
	return out
}
