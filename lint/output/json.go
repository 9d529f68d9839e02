package output

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/notelint/notelint/lint"
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
//	  "summary": {"files": 9, "templates": 12, "error": 3, "warning": 2, "info": 1, "fixable": 2}
//	}
//
// Every key is always present, in this order; findings is [] when empty.
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
	c := count(fs)
	doc.Summary = jsonSummary{
		Files: opt.Files, Templates: opt.Templates,
		Error: c.errors, Warning: c.warnings, Info: c.infos, Fixable: c.fixable,
	}
	return encodeJSON(w, doc)
}

type jsonDoc struct {
	Version  int           `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
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
