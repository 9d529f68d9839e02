package lint

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
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
	Templates []*message.Template
	Findings  []Finding
	// Contents holds the bytes of every file as it was loaded, by path:
	// what the findings' positions and fixes refer to, even when the file
	// has changed since (after --fix).
	Contents map[string][]byte
	// Errors are paths that could not be read as templates (*InputError,
	// also reported as findings; exit code 2) and internal errors
	// (ErrInternal; exit code 3).
	Errors []error
	// Unread counts, by extension, the files of directory walks that look
	// like message templates notelint does not read (FreeMarker .ftl,
	// .php in an emails/ folder, …).
	Unread map[string]int
}

// Run discovers, loads and checks the files under paths. The pipeline is:
// discover → load (in parallel) → run rules → suppressions → severities →
// sort. A path that cannot be read is an input error and a finding (see
// InputProblem); the other paths are checked all the same. The error is
// always nil; it is kept for callers that check it.
func (r *Runner) Run(paths []string) (*Result, error) {
	files, problems, unread := load.DiscoverUnread(paths, &r.Config.Config)
	res := r.RunFiles(files)
	res.Unread = unread
	if len(problems) > 0 {
		errs := make([]error, len(problems))
		for i, p := range problems {
			errs[i] = p
		}
		res.Errors = append(errs, res.Errors...)
		res.Findings = append(res.Findings, r.inputFindings(errs)...)
		SortFindings(res.Findings)
	}
	return res, nil
}

type fileResult struct {
	templates []*message.Template
	err       error
}

// RunFiles loads and checks the given files: load (in parallel) → group
// the parts of multi-part notifications → run-level rules (across
// templates) → per-template rules (in parallel) → sort.
func (r *Runner) RunFiles(files []string) *Result {
	ts, loadErrs := r.LoadFiles(files)
	res := &Result{Files: len(files), Errors: loadErrs}
	checked, findings, errs := r.checkAll(ts, r.jobs())
	res.Templates, res.Findings = checked, append(findings, r.inputFindings(loadErrs)...)
	res.Contents = contentsOf(ts)
	res.Errors = append(res.Errors, errs...)
	SortFindings(res.Findings)
	return res
}

// LoadFiles loads the given files (in parallel), groups the parts of
// multi-part notifications and infers each template's scope; it checks
// nothing. Files that cannot be read as templates are returned as errors.
func (r *Runner) LoadFiles(files []string) ([]*message.Template, []error) {
	loaded := make([]fileResult, len(files))
	parallel(len(files), r.jobs(), func(i int) { loaded[i] = r.loadFile(files[i]) })
	var ts []*message.Template
	var errs []error
	for _, fr := range loaded {
		if fr.err != nil {
			errs = append(errs, fr.err)
			continue
		}
		ts = append(ts, fr.templates...)
	}
	ts = load.GroupTemplates(ts, &r.Config.Config)
	load.InferScope(ts, &r.Config.Config)
	return ts, errs
}

func (r *Runner) jobs() int {
	if r.Jobs > 0 {
		return r.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// CheckTemplates runs every enabled rule, run-level and per-template, on
// templates that are already loaded (and grouped), and returns the sorted
// findings and any internal errors.
func (r *Runner) CheckTemplates(ts []*message.Template) ([]Finding, []error) {
	jobs := r.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	_, findings, errs := r.checkAll(ts, jobs)
	SortFindings(findings)
	return findings, errs
}

// checkAll runs the run-level rules, then the per-template rules in
// parallel; it returns the templates checked without an internal error.
func (r *Runner) checkAll(ts []*message.Template, jobs int) (checked []*message.Template, findings []Finding, errs []error) {
	state := NewRunState()
	extra, errs := r.checkRun(ts, state)
	found := make([][]Finding, len(ts))
	failed := make([]error, len(ts))
	parallel(len(ts), jobs, func(i int) { found[i], failed[i] = r.safeCheck(ts[i], state, extra[ts[i]]) })
	for i, t := range ts {
		if failed[i] != nil {
			errs = append(errs, failed[i])
			continue
		}
		checked = append(checked, t)
		findings = append(findings, found[i]...)
	}
	return checked, findings, errs
}

// parallel calls f(0) … f(n-1) on up to jobs goroutines.
func parallel(n, jobs int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < min(jobs, max(n, 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func (r *Runner) loadFile(path string) (fr fileResult) {
	defer func() {
		if p := recover(); p != nil {
			fr = fileResult{err: PanicError(path, p)}
		}
	}()
	ts, err := load.LoadFile(path, &r.Config.Config)
	return fileResult{templates: ts, err: err}
}

func (r *Runner) safeCheck(t *message.Template, state *RunState, extra []Finding) (fs []Finding, err error) {
	defer func() {
		if p := recover(); p != nil {
			fs, err = nil, PanicError(t.Source.Path, p)
		}
	}()
	return r.checkTemplate(t, state, extra), nil
}

// ErrInternal marks a failure inside notelint itself (exit code 3).
var ErrInternal = errors.New("internal error")

// CheckTemplate runs the per-template check of every enabled rule on t and
// applies suppressions and configured severities. Run-level checks
// (Rule.CheckRun) need all templates: use CheckTemplates for those.
func (r *Runner) CheckTemplate(t *message.Template, state *RunState) []Finding {
	return r.checkTemplate(t, state, nil)
}

// checkTemplate is CheckTemplate with the findings run-level rules made
// about t, which suppressions and severities apply to as well. An empty
// template gets only its loader problems reported.
func (r *Runner) checkTemplate(t *message.Template, state *RunState, extra []Finding) []Finding {
	if state == nil {
		state = NewRunState()
	}
	if t.Scope.NotTemplate != "" {
		return nil // documentation or a web page: see InferScope
	}
	var raw []Finding
	// One Pass serves every rule in turn; its findings are copied to raw.
	p := &Pass{}
	for _, rule := range r.Rules {
		if r.Config.Severity(rule) == message.Off || (rule.Check == nil && rule.CheckRun == nil && len(rule.Owns) == 0) {
			continue
		}
		*p = Pass{Template: t, Config: r.Config, Options: r.Config.RuleOptions(rule), rule: rule, shared: state, ctx: r.Context, out: p.out[:0]}
		// A rule's scope holds for the problems it owns too: a fuzzy
		// interface string is no translation-parity finding.
		applies := rule.appliesTo(t, p.Options)
		for _, pr := range t.Problems {
			if applies && rule.owns(pr.Kind) {
				p.reportProblem(pr)
			}
		}
		if !t.Empty && rule.Check != nil && applies {
			rule.Check(p)
		}
		for _, f := range extra {
			if f.Rule == rule.ID {
				p.out = append(p.out, f)
			}
		}
		raw = append(raw, p.out...)
	}
	c := &post{r: r, t: t, state: state}
	for _, step := range postProcessors() {
		raw = step(c, raw)
	}
	return raw
}

// ownedFindings reports problems of kind through every enabled rule that
// owns the kind, at the rule's configured severity.
func (r *Runner) ownedFindings(t *message.Template, state *RunState, kind message.ProblemKind, problems []message.Problem) []Finding {
	if len(problems) == 0 {
		return nil
	}
	var out []Finding
	for _, rule := range r.Rules {
		sev := r.Config.Severity(rule)
		if sev == message.Off || !rule.owns(kind) {
			continue
		}
		p := &Pass{Template: t, Config: r.Config, Options: r.Config.RuleOptions(rule), rule: rule, shared: state, ctx: r.Context}
		for _, pr := range problems {
			p.reportProblem(pr)
		}
		for _, f := range p.out {
			f.Severity = sev
			out = append(out, f)
		}
	}
	return out
}

// hasRule reports whether rules holds the rule with the given id.
func hasRule(rules []*Rule, id string) bool {
	for _, r := range rules {
		if r.ID == id {
			return true
		}
	}
	return false
}

func ruleByID(rules []*Rule, id string) *Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return &Rule{ID: id}
}

// contentsOf returns the loaded bytes of the files of ts and of their parts.
func contentsOf(ts []*message.Template) map[string][]byte {
	srcs := SourcesOf(ts)
	out := make(map[string][]byte, len(srcs))
	for path, src := range srcs {
		out[path] = src.Content
	}
	return out
}
