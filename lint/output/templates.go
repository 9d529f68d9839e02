package output

import (
	"cmp"
	"slices"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// fileGroup is one file of a run with its templates and the findings that
// belong to each, for the formats that show templates (HTML, JUnit).
type fileGroup struct {
	file      string // path as in the findings
	path      string // relative to the root, slash-separated
	templates []*templateGroup
	// loose are findings not tied to a template of the list (a file that
	// did not load, or no template list given), in the given order.
	loose []lint.Finding
}

// templateGroup is one template with its findings in the given order.
type templateGroup struct {
	t        *message.Template
	findings []lint.Finding
}

// groupByFile sorts the templates by file and position and assigns each
// finding to its template: same file and template id and, when several
// templates share them, the one whose byte range holds the finding. Files
// come in path order; a file with findings but no template still gets a
// group.
func groupByFile(ts []*message.Template, fs []lint.Finding, p paths) []*fileGroup {
	byFile := map[string]*fileGroup{}
	var files []*fileGroup
	group := func(file string) *fileGroup {
		g := byFile[file]
		if g == nil {
			path, _ := p.rel(file)
			g = &fileGroup{file: file, path: path}
			byFile[file] = g
			files = append(files, g)
		}
		return g
	}
	type key struct{ file, id string }
	byID := map[key][]*templateGroup{}
	sorted := slices.Clone(ts)
	sorted = slices.DeleteFunc(sorted, func(t *message.Template) bool { return t == nil || t.Source == nil })
	slices.SortStableFunc(sorted, func(a, b *message.Template) int {
		return cmp.Or(cmp.Compare(a.Source.Path, b.Source.Path), cmp.Compare(a.Start, b.Start))
	})
	for _, t := range sorted {
		g := group(t.Source.Path)
		tg := &templateGroup{t: t}
		g.templates = append(g.templates, tg)
		byID[key{t.Source.Path, t.ID}] = append(byID[key{t.Source.Path, t.ID}], tg)
	}
	for _, f := range fs {
		g := group(f.File)
		cands := byID[key{f.File, f.Template}]
		if len(cands) == 0 && f.Template == "" {
			cands = g.templates
		}
		var tg *templateGroup
		for _, c := range cands {
			if f.Offset >= c.t.Start && f.Offset < max(c.t.End, c.t.Start+1) {
				tg = c
				break
			}
		}
		if tg == nil && len(cands) > 0 && f.Template != "" {
			tg = cands[0]
		}
		if tg == nil {
			g.loose = append(g.loose, f)
			continue
		}
		tg.findings = append(tg.findings, f)
	}
	slices.SortStableFunc(files, func(a, b *fileGroup) int { return cmp.Compare(a.file, b.file) })
	return files
}

// ruleApplies reports whether rule r checks template t: it is not switched
// off in the config or by the template's front matter, it reports more than
// files that could not be loaded, and a rule whose id names a channel
// (sms-, email-, push-) only checks that channel.
func ruleApplies(r *lint.Rule, t *message.Template, cfg *lint.Config) bool {
	if r == nil {
		return false
	}
	if cfg != nil && cfg.Severity(r) == message.Off {
		return false
	}
	if onlyInput(r) {
		return false // it reports only files that could not be loaded
	}
	for _, d := range t.Disable {
		if d.Rule == r.ID {
			return false
		}
	}
	if ch, _, ok := strings.Cut(r.ID, "-"); ok {
		switch ch {
		case "sms", "email", "push":
			return ch == t.Channel
		}
	}
	return true
}

// templateLine is the 1-based line where t starts.
func templateLine(t *message.Template) int {
	return t.Source.Position(t.Start).Line
}

// ruleCount is how many findings one rule has at each severity.
type ruleCount struct {
	rule                   string
	errors, warnings, info int
}

// countByRule counts findings per rule and severity, the rules with the
// most errors first, then warnings, then info, then by id.
func countByRule(fs []lint.Finding) []ruleCount {
	idx := map[string]int{}
	var out []ruleCount
	for _, f := range fs {
		i, ok := idx[f.Rule]
		if !ok {
			i = len(out)
			idx[f.Rule] = i
			out = append(out, ruleCount{rule: f.Rule})
		}
		switch f.Severity {
		case message.Error:
			out[i].errors++
		case message.Warning:
			out[i].warnings++
		default:
			out[i].info++
		}
	}
	slices.SortFunc(out, func(a, b ruleCount) int {
		return cmp.Or(cmp.Compare(b.errors, a.errors), cmp.Compare(b.warnings, a.warnings),
			cmp.Compare(b.info, a.info), cmp.Compare(a.rule, b.rule))
	})
	return out
}

// onlyInput reports whether r reports nothing but files that could not be
// loaded (lint.InputProblem).
func onlyInput(r *lint.Rule) bool {
	return r.Check == nil && r.CheckRun == nil && len(r.Owns) == 1 && r.Owns[0] == message.InputProblem
}

// inputRuleIDs returns the ids of the rules that report files that could
// not be loaded.
func inputRuleIDs(rules []*lint.Rule) map[string]bool {
	ids := map[string]bool{}
	for _, r := range rules {
		if r == nil {
			continue
		}
		for _, k := range r.Owns {
			if k == message.InputProblem {
				ids[r.ID] = true
			}
		}
	}
	return ids
}
