// Package smsjson builds the JSON object `notelint sms --json` prints, so
// the command, `notelint serve` and `notelint lsp` describe an SMS the
// same way.
package smsjson

import (
	"github.com/notelint/notelint/lint/sms"
)

// Object is one SMS text as `notelint sms --json` prints it.
type Object struct {
	Encoding   string   `json:"encoding"`
	Units      int      `json:"units"`
	Segments   int      `json:"segments"`
	Characters int      `json:"characters"`
	PerSegment int      `json:"per_segment"`
	TooLong    bool     `json:"too_long"`
	Split      string   `json:"split"`
	NonGSM     []NonGSM `json:"non_gsm"`
	Parts      []Part   `json:"parts"`
}

// NonGSM is a character that forces UCS-2, at a byte offset of the text,
// with its GSM-7 replacement ("" when there is none).
type NonGSM struct {
	Char        string `json:"char"`
	Offset      int    `json:"offset"`
	Replacement string `json:"replacement"`
}

// Part is one segment: its byte range in the text, its units and its text.
type Part struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Units int    `json:"units"`
	Text  string `json:"text"`
}

// SplitName returns the name of a split model as --split spells it.
func SplitName(m sms.SplitMode) string {
	if m == sms.Minimal {
		return "minimal"
	}
	return "graphemes"
}

// New describes text, analysed as res with the split model named split
// ("graphemes" or "minimal"). Lists are never nil, so they encode as [].
func New(text string, res sms.Result, split string) Object {
	out := Object{
		Encoding: res.Encoding.String(), Units: res.Units, Segments: res.Segments,
		Characters: res.Characters, PerSegment: res.PerSegment, TooLong: res.TooLong, Split: split,
		NonGSM: make([]NonGSM, 0, res.NonGSMRunes), Parts: make([]Part, 0, len(res.Parts)),
	}
	for n := range sms.NonGSMOccurrences(text) {
		out.NonGSM = append(out.NonGSM, NonGSM{Char: n.Char, Offset: n.Offset, Replacement: n.Replacement})
	}
	for _, p := range res.Parts {
		out.Parts = append(out.Parts, Part{Start: p.Start, End: p.End, Units: p.Units, Text: text[p.Start:p.End]})
	}
	return out
}
