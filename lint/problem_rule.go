package lint

import "github.com/notelint/notelint/lint/message"

// ProblemDiagnostic returns a loader problem as a diagnostic with the
// loader's message and hint, for rules that report a problem as it is.
func ProblemDiagnostic(pr message.Problem) Diagnostic {
	return Diagnostic{Start: pr.Start, End: pr.End, Message: pr.Message, Hint: pr.Hint, Severity: pr.Severity, Source: pr.Source}
}

// owns reports whether r claims problems of kind k.
func (r *Rule) owns(k message.ProblemKind) bool {
	for _, o := range r.Owns {
		if o == k {
			return true
		}
	}
	return false
}

// reportProblem reports pr through the pass's rule: its Problem function
// when set, else the problem as it is.
func (p *Pass) reportProblem(pr message.Problem) {
	d := ProblemDiagnostic(pr)
	if p.rule.Problem != nil {
		d = p.rule.Problem(pr)
	}
	p.Report(d)
}
