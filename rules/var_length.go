package rules

import (
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// varLength is the length a placeholder is counted at, and why.
type varLength struct {
	n   int
	how string // "max", "sample" or "assumed"
}

// placeholderLength returns the length to count a placeholder at: its
// declared max, else its sample's length in grapheme clusters, else the
// configured default variable length.
func placeholderLength(t *message.Template, cfg *lint.Config, ph message.Placeholder, graphemes func(string) int) varLength {
	if v := t.VarFor(ph); v != nil {
		if v.Max > 0 {
			return varLength{v.Max, "max"}
		}
		if v.Sample != "" {
			return varLength{graphemes(v.Sample), "sample"}
		}
	}
	n := 20
	if cfg != nil {
		n = SMSSettings(cfg).DefaultVarLength
	}
	return varLength{n, "assumed"}
}
