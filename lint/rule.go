package lint

import (
	"context"

	"github.com/notelint/notelint/lint/message"
)

// Rule is one check: a value with an id, documentation, a default severity,
// typed options and a check function. The engine knows no rule by name.
type Rule struct {
	ID       string           // stable kebab-case id
	Summary  string           // one line
	Doc      string           // Markdown: why it matters, a bad and a good example
	Severity message.Severity // default severity
	// Options returns a pointer to a new options struct holding the defaults;
	// nil when the rule has no options. [rules.ID] in the config is decoded
	// into it strictly.
	Options func() any
	// ConfigAlias names a top-level config table read as more of this
	// rule's options, for configs written before the options moved to
	// [rules.ID]; "" when none. A key set in both tables is an error.
	ConfigAlias string
	// Check inspects one template and reports through the pass.
	Check func(p *Pass)
	// CheckRun, when set, inspects all templates of a run at once (for
	// checks across messages, such as translations of one key); it runs
	// before the per-template checks.
	CheckRun func(p *RunPass)
	// Fixable is true when the rule offers fixes that --fix applies.
	Fixable bool
	// Applies declares the templates Check runs on (notifications only,
	// channels, kinds); the zero value runs on every template. Options
	// that implement ScopeOptions narrow it.
	Applies Applies
	// Owns lists the kinds of loader problems the rule reports (see
	// ProblemKind): the engine reports each problem of these kinds in a
	// template, also in an empty one, through Problem.
	Owns []message.ProblemKind
	// Problem turns one owned problem into the rule's finding; nil reports
	// the problem's message and hint as they are.
	Problem func(pr message.Problem) Diagnostic
}

// Pass is what a rule sees while checking one template.
type Pass struct {
	Template *message.Template
	Config   *Config
	// Options is the rule's decoded options (the value Options returned).
	Options any
	rule    *Rule
	out     []Finding
	shared  *RunState
	ctx     context.Context
}

// Context returns the run's context, for rules that do I/O.
func (p *Pass) Context() context.Context {
	if p.ctx == nil {
		return context.Background()
	}
	return p.ctx
}

// Diagnostic is what a rule reports: a range in a part's text.
type Diagnostic struct {
	Part       *message.Part // nil: Start and End are file byte offsets
	Start, End int
	Message    string // what is wrong and why it matters to the customer
	Hint       string // how to fix it
	// Fix is a change that resolves the finding; its edits' New is the
	// text to show, which the engine escapes for the file (see Fix).
	Fix *Fix
	// Severity overrides the rule's severity for this finding when not Off
	// (for rules whose severity depends on the case); config severity still
	// wins when set.
	Severity message.Severity
	// Source is the file of Start and End when Part is nil and the file is
	// not the template's; nil otherwise.
	Source *message.Source
	// Whole says the finding is about the message as a whole (something
	// it lacks, such as a time or a sender): Start and End only anchor it,
	// and the text there is not what is wrong.
	Whole bool
}

// Report records a finding.
func (p *Pass) Report(d Diagnostic) {
	start, end := d.Start, d.End
	src := p.Template.Source
	if d.Part != nil {
		start, end = d.Part.Text.FileRange(d.Start, d.End)
		if d.Part.Source != nil {
			src = d.Part.Source
		}
	} else if d.Source != nil {
		src = d.Source
	} else {
		src = p.Template.FileOf(start, end)
	}
	a, b := src.Position(start), src.Position(end)
	if end <= start {
		b = a
		b.Column++
	}
	sev := d.Severity
	if sev == message.Off {
		sev = p.rule.Severity
	}
	fix, skipped := vetFix(p.Template, src, d.Part, d.Fix)
	p.out = append(p.out, Finding{
		Rule: p.rule.ID, Severity: sev, File: src.Path,
		Line: a.Line, Column: a.Column, EndLine: b.Line, EndColumn: b.Column,
		Message: d.Message, Hint: d.Hint, Fix: fix, FixSkipped: skipped,
		Offset: start, EndOffset: end, Template: p.Template.ID, Whole: d.Whole,
	})
}

// Shared returns the run-wide state, for rules that cache work across
// templates (such as fetched landing pages).
func (p *Pass) Shared() *RunState { return p.shared }
