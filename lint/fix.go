package lint

import (
	"fmt"
	"path/filepath"
	"sort"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// FixReport is what ApplyFixes did.
type FixReport struct {
	// Applied counts the edits written to each file, by the path the
	// findings name.
	Applied map[string]int
	// Skipped are the fixes left out, each with its finding and why.
	Skipped []SkippedFix
	// Errors are files that were not written: changed on disk since they
	// were read, or not writable.
	Errors []error
}

// SkippedFix is a fix --fix did not apply.
type SkippedFix struct {
	Finding Finding
	Reason  string
}

// ApplyFixes writes the fixes of findings into their files. Each file is
// edited from sources[path].Content, the bytes it was checked from, and
// only when the file on disk still holds those bytes. Before a file is
// written, the edited bytes are loaded again: the file must hold the same
// messages (same keys, same count), each reading as the fixes intend; a
// fix that would do otherwise is skipped. Overlapping fixes are skipped
// (the first wins). A symbolic link is resolved and its target rewritten;
// writes are atomic and keep the file's mode. Findings whose fix the
// engine dropped (Finding.FixSkipped) are reported as skipped.
func ApplyFixes(findings []Finding, sources map[string]*message.Source, cfg *Config) *FixReport {
	rep := &FixReport{Applied: map[string]int{}}
	byFile := map[string][]int{}
	for i, f := range findings {
		switch {
		case f.FixSkipped != "":
			rep.Skipped = append(rep.Skipped, SkippedFix{Finding: f, Reason: f.FixSkipped})
		case f.Fix == nil:
		case len(f.Fix.text) != len(f.Fix.Edits):
			rep.Skipped = append(rep.Skipped, SkippedFix{Finding: f, Reason: "the fix was not checked against the file"})
		default:
			byFile[f.File] = append(byFile[f.File], i)
		}
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	written := map[string]string{} // target → path it was fixed through
	for _, file := range files {
		src := sources[file]
		if src == nil {
			rep.Errors = append(rep.Errors, fmt.Errorf("%s: not fixed: the file was not read in this run", file))
			continue
		}
		target, err := filepath.EvalSymlinks(file)
		if err != nil {
			rep.Errors = append(rep.Errors, fmt.Errorf("%s: not fixed: %w", file, load.UnwrapPathError(err)))
			continue
		}
		if via, ok := written[target]; ok {
			for _, i := range byFile[file] {
				rep.Skipped = append(rep.Skipped, SkippedFix{Finding: findings[i], Reason: "the file was just fixed as " + via + "; run --fix again"})
			}
			continue
		}
		fx := &fileFixer{src: src, cfg: cfg}
		for _, i := range byFile[file] {
			fx.fixes = append(fx.fixes, pendingFix{finding: findings[i]})
		}
		out, n := fx.run(rep)
		if n == 0 {
			continue
		}
		written[target] = file
		if err := writeFixed(file, target, src.Content, out); err != nil {
			rep.Errors = append(rep.Errors, err)
			continue
		}
		rep.Applied[file] = n
	}
	return rep
}

// SourcesOf returns the files templates were read from, by path: the
// bytes ApplyFixes edits.
func SourcesOf(ts []*message.Template) map[string]*message.Source {
	out := map[string]*message.Source{}
	for _, t := range ts {
		if t.Source != nil {
			out[t.Source.Path] = t.Source
		}
		for _, p := range t.Parts {
			if p.Source != nil {
				out[p.Source.Path] = p.Source
			}
		}
	}
	return out
}

// pendingFix is one finding's fix on its way into a file.
type pendingFix struct {
	finding Finding
}

func (p pendingFix) edits() []textEdit {
	fix := p.finding.Fix
	out := make([]textEdit, len(fix.Edits))
	for i, e := range fix.Edits {
		out[i] = textEdit{Edit: e, text: fix.text[i]}
	}
	return out
}

// span is the file range from the first to the last byte the fix edits.
func (p pendingFix) span() (int, int) {
	s, e := -1, -1
	for _, ed := range p.finding.Fix.Edits {
		if s < 0 || ed.Start < s {
			s = ed.Start
		}
		e = max(e, ed.End)
	}
	return s, e
}

// textEdit is a file edit with the text it makes the reader see.
type textEdit struct {
	Edit
	text string
}

// fileFixer applies the fixes of one file.
type fileFixer struct {
	src    *message.Source
	cfg    *Config
	fixes  []pendingFix
	before []*message.Template
}

// run returns the fixed bytes and the number of edits in them; fixes it
// leaves out are added to rep.Skipped.
func (fx *fileFixer) run(rep *FixReport) ([]byte, int) {
	skip := func(p pendingFix, reason string) {
		rep.Skipped = append(rep.Skipped, SkippedFix{Finding: p.finding, Reason: reason})
	}
	before, err := load.Load(fx.src.Path, fx.src.Content, &fx.cfg.Config)
	if err != nil {
		for _, p := range fx.fixes {
			skip(p, "the file does not load: "+err.Error())
		}
		return nil, 0
	}
	fx.before = before
	// Drop fixes that overlap an earlier one; of fixes starting at one
	// place the widest goes first, so a fix that covers another (a
	// letter with its combining mark) wins over it.
	sort.SliceStable(fx.fixes, func(i, j int) bool {
		si, ei := fx.fixes[i].span()
		sj, ej := fx.fixes[j].span()
		return si < sj || si == sj && ei > ej
	})
	var kept []pendingFix
	var taken []textEdit
	for _, p := range fx.fixes {
		es := p.edits()
		if overlapsAny(es, taken) {
			skip(p, "another fix edits the same text")
			continue
		}
		taken = append(taken, es...)
		kept = append(kept, p)
	}
	if out, _, ok := fx.try(taken); ok {
		return out, len(taken)
	}
	// Some fix changes how the file reads: find it by halves, keeping the
	// rest.
	good := fx.add(nil, kept, skip)
	if len(good) == 0 {
		return nil, 0
	}
	return applyEdits(fx.src.Content, good), len(good)
}

// add returns good with the edits of as many of fixes as still leave the
// file reading as intended, trying them in halves; the others are
// skipped.
func (fx *fileFixer) add(good []textEdit, fixes []pendingFix, skip func(pendingFix, string)) []textEdit {
	if len(fixes) == 0 {
		return good
	}
	cand := append([]textEdit(nil), good...)
	for _, p := range fixes {
		cand = append(cand, p.edits()...)
	}
	_, reason, ok := fx.try(cand)
	switch {
	case ok:
		return cand
	case len(fixes) == 1:
		skip(fixes[0], reason)
		return good
	}
	mid := len(fixes) / 2
	good = fx.add(good, fixes[:mid], skip)
	return fx.add(good, fixes[mid:], skip)
}

func overlapsAny(es, taken []textEdit) bool {
	for _, e := range es {
		for _, t := range taken {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
				return true
			}
		}
	}
	return false
}

// applyEdits applies non-overlapping edits to a copy of data.
func applyEdits(data []byte, edits []textEdit) []byte {
	sorted := append([]textEdit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	out := make([]byte, 0, len(data)+16)
	last := 0
	for _, e := range sorted {
		if e.Start < last || e.End < e.Start || e.End > len(data) {
			continue
		}
		out = append(out, data[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	return append(out, data[last:]...)
}
