package output

import (
	"bytes"
	"encoding/json"
	"io"
	"sort"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// JSONVersion is the version of the JSON output schema; it changes only
// when a field is removed or changes meaning.
const JSONVersion = 1

// JSON prints one indented JSON object:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {
//	      "rule": "sms-unicode",     // rule id
//	      "severity": "warning",     // "error", "warning" or "info"
//	      "file": "sms/delay.txt",   // path as found (not made relative to the root)
//	      "line": 3, "column": 12,   // 1-based; columns count characters (runes)
//	      "end_line": 3, "end_column": 13, // end_column is exclusive
//	      "message": "...",
//	      "hint": "...",             // "" when there is none
//	      "template": "...",         // id of the message in a catalog, or ""
//	      "fix": null | {"description": "...",
//	                     "edits": [{"start": 40, "end": 43, "new": "'"}]}
//	    }
//	  ],
//	  "templates": [                 // every template checked, by file and position
//	    {
//	      "file": "sms/delay.txt", "line": 1, "column": 1, "id": "delay",
//	      "scope": {                 // what notelint took the template for (notelint inspect)
//	        "notification": {"value": "yes", "source": "path", "confidence": "medium", "detail": "…"},
//	        "channel": {…}, "kind": {…}, "locale": {…}
//	      }
//	    }
//	  ],
//	  "summary": {"files": 9, "templates": 12, "error": 3, "warning": 2, "info": 1, "fixable": 2}
//	}
//
// Every key is always present, in this order; findings and templates are
// [] when empty. A scope fact's source is one of none, default, config
// default, text, path, key, config, front-matter; its confidence one of
// unknown, low, medium, high.
// Fix edits replace the file bytes [start, end) (byte offsets) with new.
func JSON(w io.Writer, fs []lint.Finding, opt Options) error {
	doc := jsonDoc{Version: JSONVersion, Findings: make([]jsonFinding, 0, len(fs))}
	for _, f := range fs {
		jf := jsonFinding{
			Rule: f.Rule, Severity: f.Severity.String(), File: f.File,
			Line: f.Line, Column: f.Column, EndLine: f.EndLine, EndColumn: f.EndColumn,
			Message: f.Message, Hint: f.Hint, Template: f.Template,
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Description: f.Fix.Description, Edits: make([]jsonEdit, 0, len(f.Fix.Edits))}
			for _, e := range f.Fix.Edits {
				jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit(e))
			}
		}
		doc.Findings = append(doc.Findings, jf)
	}
	doc.Templates = jsonTemplates(opt.TemplateList)
	c := count(fs)
	doc.Summary = jsonSummary{
		Files: opt.Files, Templates: opt.Templates,
		Error: c.errors, Warning: c.warnings, Info: c.infos, Fixable: c.fixable,
	}
	return encodeJSON(w, doc)
}

type jsonDoc struct {
	Version   int            `json:"version"`
	Findings  []jsonFinding  `json:"findings"`
	Templates []jsonTemplate `json:"templates"`
	Summary   jsonSummary    `json:"summary"`
}

type jsonTemplate struct {
	File   string        `json:"file"`
	Line   int           `json:"line"`
	Column int           `json:"column"`
	ID     string        `json:"id"`
	Scope  message.Scope `json:"scope"`
}

// jsonTemplates lists the templates by file and position.
func jsonTemplates(ts []*message.Template) []jsonTemplate {
	out := make([]jsonTemplate, 0, len(ts))
	for _, t := range ts {
		pos := t.Source.Position(t.Start)
		out = append(out, jsonTemplate{File: t.Source.Path, Line: pos.Line, Column: pos.Column, ID: t.ID, Scope: t.Scope})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
	return out
}

type jsonFinding struct {
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"end_line"`
	EndColumn int      `json:"end_column"`
	Message   string   `json:"message"`
	Hint      string   `json:"hint"`
	Template  string   `json:"template"`
	Fix       *jsonFix `json:"fix"`
}

type jsonFix struct {
	Description string     `json:"description"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

type jsonSummary struct {
	Files     int `json:"files"`
	Templates int `json:"templates"`
	Error     int `json:"error"`
	Warning   int `json:"warning"`
	Info      int `json:"info"`
	Fixable   int `json:"fixable"`
}

// encodeJSON writes v indented by two spaces, without HTML escaping, and
// with a trailing newline.
func encodeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	return write(w, &buf)
}
