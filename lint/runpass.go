package lint

import (
	"context"

	"github.com/notelint/notelint/lint/message"
)

// RunPass is what a rule's CheckRun sees: every template of the run (after
// grouping), so it can compare messages, such as the translations of one
// key. Findings are reported against one template each, and that
// template's suppressions and the configured severity apply to them.
type RunPass struct {
	Templates []*message.Template
	Config    *Config
	// Options is the rule's decoded options.
	Options any
	rule    *Rule
	out     map[*message.Template][]Finding
	shared  *RunState
	ctx     context.Context
	passes  []*Pass
}

// Pass returns a pass for template t whose findings count as this run
// pass's, so a run-level check can reuse per-template code.
func (p *RunPass) Pass(t *message.Template) *Pass {
	tp := &Pass{Template: t, Config: p.Config, Options: p.Options, rule: p.rule, shared: p.shared, ctx: p.ctx}
	p.passes = append(p.passes, tp)
	return tp
}

// Report records a finding about template t.
func (p *RunPass) Report(t *message.Template, d Diagnostic) {
	tp := &Pass{Template: t, Config: p.Config, Options: p.Options, rule: p.rule}
	tp.Report(d)
	p.out[t] = append(p.out[t], tp.out...)
}

// checkRun runs the CheckRun of every enabled rule once over all
// templates and returns the findings per template.
func (r *Runner) checkRun(ts []*message.Template, state *RunState) (out map[*message.Template][]Finding, errs []error) {
	out = map[*message.Template][]Finding{}
	var checked []*message.Template // documentation and web pages are not compared
	for _, t := range ts {
		if t.Scope.NotTemplate == "" {
			checked = append(checked, t)
		}
	}
	ts = checked
	for _, rule := range r.Rules {
		if rule.CheckRun == nil || r.Config.Severity(rule) == message.Off {
			continue
		}
		p := &RunPass{Templates: ts, Config: r.Config, Options: r.Config.RuleOptions(rule), rule: rule, out: out, shared: state, ctx: r.Context}
		if err := runSafely(rule, p); err != nil {
			errs = append(errs, err)
		}
		for _, tp := range p.passes {
			out[tp.Template] = append(out[tp.Template], tp.out...)
		}
	}
	return out, errs
}

func runSafely(rule *Rule, p *RunPass) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = PanicError("rule "+rule.ID, v)
		}
	}()
	rule.CheckRun(p)
	return nil
}
