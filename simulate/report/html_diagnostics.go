package report

import (
	"fmt"
	"html/template"
)

// The silences explained and the statuses that flap in the input, on the
// HTML page.

// htmlFigures marks every figure up with its JSON field.
var htmlFigures = figures{
	num: func(path string, n int64) string { return string(hInt(path, n)) },
	dur: func(path, s string) string { return string(hDur(path, s)) },
}

// sourceFlapView is the input's flapping statuses with their examples.
type sourceFlapView struct {
	Sentence template.HTML
	Examples []exampleView
}

// diagnostics fills the explanation of the silences (silences section and
// "what the policy does not fix") and the source-flapping article.
func (v *htmlView) diagnostics() {
	r := v.R
	for _, s := range silenceSentences(r, htmlFigures) {
		// The sentences' static text has no mark-up characters; the
		// figures are escaped by hInt and hDur.
		v.SilenceWhy = append(v.SilenceWhy, template.HTML(s))
	}
	if len(v.SilenceWhy) > 0 {
		// Under "what the policy does not fix" only while silences remain.
		if _, sg := flagIndex(r, "silent_gap"); sg.Policy.Count > 0 {
			v.Cannot = append(v.Cannot, joinHTML(v.SilenceWhy, " "))
		}
	}
	sf := r.SourceFlapping
	if sf == nil {
		return
	}
	s := template.HTML(sourceFlappingSentence(r, htmlFigures))
	v.SourceFlap = &sourceFlapView{Sentence: s}
	if sf.Entities > 0 {
		v.Cannot = append(v.Cannot, s)
	}
	for j, x := range sf.Examples {
		v.SourceFlap.Examples = append(v.SourceFlap.Examples,
			v.example(fmt.Sprintf("source_flapping.examples[%d]", j), "input", "as-is", x, fmt.Sprintf("source_flapping-%d", j)))
	}
}
