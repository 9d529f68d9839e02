package lsp

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// analysis is one check of a document.
type analysis struct {
	cfg       *lint.Config
	templates []*message.Template
	findings  []lint.Finding // of this file only
	// problem is why the document could not be checked (config error,
	// not UTF-8); it is shown as one diagnostic at the top.
	problem string
	line    int // 1-based line of problem, 0 for the top
}

// lintable reports whether notelint reads the file at path as templates.
func lintable(path string, cfg *lint.Config) bool {
	return load.IsTemplateFile(path) || cfg.IsBundleFile(path)
}

// MaxDocumentBytes is the largest document the server checks.
const MaxDocumentBytes = 4 << 20

// analyze checks a document's current text; with rules false it only loads
// the templates (for hovers).
func (s *Server) analyze(d *document, rules bool) *analysis {
	cfg, all, err := s.opt.LoadConfig(d.path)
	if err != nil {
		return &analysis{problem: "notelint config: " + err.Error()}
	}
	a := &analysis{cfg: cfg}
	if !lintable(d.path, cfg) {
		return a
	}
	if len(d.text) > MaxDocumentBytes {
		a.problem = fmt.Sprintf("notelint: the file is %d KB; notelint lsp checks files up to %d KB", len(d.text)>>10, MaxDocumentBytes>>10)
		return a
	}
	ts, err := lint.LoadTemplates(d.path, []byte(d.text), cfg)
	if err != nil {
		var ie *load.InputError
		if errors.As(err, &ie) {
			a.problem, a.line = ie.Err.Error(), ie.Line
			return a
		}
		a.problem = err.Error()
		return a
	}
	a.templates = ts
	if !rules {
		return a
	}
	fs, errs := (&lint.Runner{Rules: all, Config: cfg, Context: context.Background()}).CheckTemplates(ts)
	for _, e := range errs {
		fmt.Fprintf(s.opt.Log, "notelint lsp: %s: %v\n", d.path, e)
	}
	for _, f := range fs {
		if f.File == d.path {
			a.findings = append(a.findings, f)
		}
	}
	return a
}

func severity(s message.Severity) int {
	switch s {
	case message.Error:
		return 1
	case message.Warning:
		return 2
	}
	return 3
}

func diagnostic(li *lineIndex, f lint.Finding) Diagnostic {
	msg := f.Message
	if f.Hint != "" {
		msg += "\n" + f.Hint
	}
	return Diagnostic{
		Range: li.rangeOf(f.Offset, f.EndOffset), Severity: severity(f.Severity), Code: f.Rule,
		CodeDescription: &codeDescription{Href: RuleDocURL}, Source: "notelint", Message: msg,
	}
}

func (s *Server) diagnostics(d *document) []Diagnostic {
	a := s.analyze(d, true)
	li := newLineIndex(d.text)
	out := []Diagnostic{}
	if a.problem != "" {
		r := Range{}
		if a.line > 0 {
			r = Range{Start: Position{Line: a.line - 1}, End: li.position(li.lineEnd(min(a.line-1, len(li.starts)-1)))}
		}
		out = append(out, Diagnostic{Range: r, Severity: 1, Code: "input", Source: "notelint", Message: a.problem})
	}
	for _, f := range a.findings {
		out = append(out, diagnostic(li, f))
	}
	return out
}

func (s *Server) publish(d *document) error {
	v := d.version
	return s.c.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: d.uri, Version: &v, Diagnostics: s.diagnostics(d)})
}

// codeActions offers the fix of every fixable finding that touches the
// requested range, and one action applying all fixes of the file.
func (s *Server) codeActions(p codeActionParams) []codeAction {
	out := []codeAction{}
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return out
	}
	a := s.analyze(d, true)
	li := newLineIndex(d.text)
	start, end := li.offset(p.Range.Start), li.offset(p.Range.End)
	wantQuick, wantAll := wants(p.Context.Only, "quickfix"), wants(p.Context.Only, "source.fixAll.notelint")
	var all []textEdit
	fixable := 0
	for _, f := range a.findings {
		if f.Fix == nil {
			continue
		}
		edits := make([]textEdit, 0, len(f.Fix.Edits))
		for _, e := range f.Fix.Edits {
			edits = append(edits, textEdit{Range: li.rangeOf(e.Start, e.End), NewText: e.New})
		}
		all = append(all, edits...)
		fixable++
		if wantQuick && f.Offset <= end && f.EndOffset >= start {
			out = append(out, codeAction{Title: "notelint: " + f.Fix.Description, Kind: "quickfix", IsPreferred: true,
				Diagnostics: []Diagnostic{diagnostic(li, f)}, Edit: workspaceEdit{Changes: map[string][]textEdit{d.uri: edits}}})
		}
	}
	if wantAll && fixable > 1 {
		out = append(out, codeAction{Title: fmt.Sprintf("notelint: apply all %d fixes in this file", fixable), Kind: "source.fixAll.notelint",
			Edit: workspaceEdit{Changes: map[string][]textEdit{d.uri: nonOverlapping(all, li)}}})
	}
	return out
}

// wants reports whether a code action kind is requested by only (empty:
// every kind); "source" asks for every source action.
func wants(only []string, kind string) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if o == kind || strings.HasPrefix(kind, o+".") {
			return true
		}
	}
	return false
}

// nonOverlapping keeps the first of overlapping edits, as --fix does.
func nonOverlapping(edits []textEdit, li *lineIndex) []textEdit {
	type span struct{ s, e int }
	var taken []span
	out := make([]textEdit, 0, len(edits))
	for _, e := range edits {
		s, en := li.offset(e.Range.Start), li.offset(e.Range.End)
		clash := false
		for _, t := range taken {
			if s < t.e && en > t.s || s == t.s {
				clash = true
				break
			}
		}
		if !clash {
			taken = append(taken, span{s, en})
			out = append(out, e)
		}
	}
	return out
}
