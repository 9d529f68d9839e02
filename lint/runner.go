package lint

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// Runner checks template files with a set of rules under one config.
type Runner struct {
	Rules  []*Rule
	Config *Config
	// Jobs is the number of files loaded and checked at once (default: the
	// number of CPUs).
	Jobs int
	// Context is passed to rules that do I/O; nil means background.
	Context context.Context
}

// Result is the outcome of one run.
type Result struct {
	Files     int
	Templates []*Template
	Findings  []Finding
	// Errors are files that could not be read as templates (exit code 2).
	Errors []error
}

// Run discovers, loads and checks the files under paths. The pipeline is:
// discover → load (in parallel) → run rules → suppressions → severities →
// sort. It returns an error only when paths cannot be expanded.
func (r *Runner) Run(paths []string) (*Result, error) {
	files, err := Discover(paths, r.Config)
	if err != nil {
		return nil, err
	}
	return r.RunFiles(files), nil
}

type fileResult struct {
	templates []*Template
	findings  []Finding
	err       error
}

// RunFiles loads and checks the given files.
func (r *Runner) RunFiles(files []string) *Result {
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	state := NewRunState()
	results := make([]fileResult, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = r.checkFile(files[i], state)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	res := &Result{Files: len(files)}
	for _, fr := range results {
		if fr.err != nil {
			res.Errors = append(res.Errors, fr.err)
			continue
		}
		res.Templates = append(res.Templates, fr.templates...)
		res.Findings = append(res.Findings, fr.findings...)
	}
	SortFindings(res.Findings)
	return res
}

func (r *Runner) checkFile(path string, state *RunState) (fr fileResult) {
	defer func() {
		if p := recover(); p != nil {
			fr = fileResult{err: fmt.Errorf("%s: internal error: %v", path, p)}
			fr.err = errors.Join(ErrInternal, fr.err)
		}
	}()
	ts, err := LoadFile(path, r.Config)
	if err != nil {
		return fileResult{err: err}
	}
	fr.templates = ts
	for _, t := range ts {
		fr.findings = append(fr.findings, r.CheckTemplate(t, state)...)
	}
	return fr
}

// ErrInternal marks a failure inside notelint itself (exit code 3).
var ErrInternal = errors.New("internal error")

// CheckTemplate runs every enabled rule on t and applies suppressions and
// configured severities.
func (r *Runner) CheckTemplate(t *Template, state *RunState) []Finding {
	if state == nil {
		state = NewRunState()
	}
	known := make(map[string]bool, len(r.Rules))
	var raw []Finding
	for _, rule := range r.Rules {
		known[rule.ID] = true
		sev := r.Config.Severity(rule)
		if sev == Off || rule.Check == nil {
			continue
		}
		p := &Pass{Template: t, Config: r.Config, Options: r.Config.RuleOptions(rule), rule: rule, shared: state}
		rule.Check(p)
		for _, f := range p.out {
			if r.Config.SeverityExplicit(rule) || f.Severity == Off {
				f.Severity = sev
			}
			raw = append(raw, f)
		}
	}
	// Problems of the suppression directives themselves.
	supp := &Pass{Template: t, Config: r.Config, rule: SuppressionRule(), shared: state}
	for _, pr := range t.suppress.problems {
		supp.Report(Diagnostic{Start: pr.Start, End: pr.End, Message: pr.Message, Hint: pr.Hint})
	}
	for _, d := range t.suppress.all {
		if !known[d.Rule] {
			supp.Report(Diagnostic{Start: d.Start, End: d.End,
				Message: fmt.Sprintf("suppression names unknown rule %q", d.Rule),
				Hint:    "see `notelint rules` for the rule ids"})
		}
	}
	out := raw[:0]
	for i := range raw {
		if !t.suppress.suppressed(&raw[i]) {
			out = append(out, raw[i])
		}
	}
	for _, d := range t.suppress.all {
		if known[d.Rule] && !d.used && r.Config.Severity(ruleByID(r.Rules, d.Rule)) != Off {
			supp.Report(Diagnostic{Start: d.Start, End: d.End,
				Message: fmt.Sprintf("suppression of %s is unused: the rule reports nothing here", d.Rule),
				Hint:    "remove the suppression"})
		}
	}
	sev := r.Config.Severity(SuppressionRule())
	if sev != Off {
		for _, f := range supp.out {
			f.Severity = sev
			out = append(out, f)
		}
	}
	return out
}

func ruleByID(rules []*Rule, id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return &Rule{ID: id}
}
