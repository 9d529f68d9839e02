package lint

import (
	"cmp"
	"slices"

	"github.com/notelint/notelint/lint/message"
)

// Finding is one problem found in one file, positioned in the original file.
type Finding struct {
	Rule      string           `json:"rule"`
	Severity  message.Severity `json:"-"`
	File      string           `json:"file"`
	Line      int              `json:"line"`
	Column    int              `json:"column"`
	EndLine   int              `json:"end_line"`
	EndColumn int              `json:"end_column"` // exclusive
	Message   string           `json:"message"`
	Hint      string           `json:"hint,omitempty"`
	Fix       *Fix             `json:"fix,omitempty"`

	// Offset and EndOffset are byte offsets in the file (EndOffset exclusive).
	Offset    int `json:"-"`
	EndOffset int `json:"-"`
	// Template is the id of the message the finding belongs to, if any.
	Template string `json:"template,omitempty"`
	// FixSkipped says why the fix the rule offered was dropped (it would
	// have edited a placeholder, a link or a string that cannot hold the
	// new text); "" when there was none to drop.
	FixSkipped string `json:"-"`
	// Whole says the finding is about the whole message, not the text it
	// points at (see Diagnostic.Whole).
	Whole bool `json:"-"`
}

// Fix is a safe, mechanical change that resolves a finding.
//
// A rule writes each edit's New as the text the reader should see; the
// engine (Pass.Report) checks that the edit touches message text only and
// rewrites New in the syntax of the file (escaped for a JSON string, a
// YAML or TOML string, …), or drops the fix and says why in
// Finding.FixSkipped.
type Fix struct {
	Description string `json:"description"`
	Edits       []Edit `json:"edits"`
	// text is the text each edit writes, before escaping; set by the
	// engine, and checked by ApplyFixes when the file is loaded again.
	text []string
}

// Edit replaces the file bytes [Start, End) with New.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// SortFindings orders findings by file, position, rule and message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
}
