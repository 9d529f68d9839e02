package lint

import (
	"strings"

	"github.com/notelint/notelint/lint/sms"
)

// SMSEstimate is the SMS size of a template's body in its best and worst
// case.
type SMSEstimate struct {
	// Best fills placeholders with their sample (or nothing).
	Best sms.Result
	// Worst fills placeholders at their declared max, or the configured
	// default_var_length, with any character their charset allows:
	// charset = "unicode" makes the worst case UCS-2.
	Worst sms.Result
	// Assumed lists placeholders whose length was not declared.
	Assumed []string
	// Budget is the allowed number of segments.
	Budget int
}

// SplitMode returns the configured SMS split model.
func (c *Config) SplitMode() sms.SplitMode {
	if c.SMS.Split == "minimal" {
		return sms.Minimal
	}
	return sms.Graphemes
}

// EstimateSMS evaluates the body of t as an SMS.
func EstimateSMS(t *Template, cfg *Config) SMSEstimate {
	est := SMSEstimate{Budget: cfg.SMS.MaxSegments}
	if t.MaxSegments > 0 {
		est.Budget = t.MaxSegments
	}
	body := t.Body()
	if body == nil {
		return est
	}
	opt := sms.Options{Split: cfg.SplitMode()}
	seen := map[string]bool{}
	best := body.Render(func(ph Placeholder) string {
		if v := t.VarFor(ph); v != nil {
			return v.Sample
		}
		return ""
	})
	worst := body.Render(func(ph Placeholder) string {
		n := cfg.SMS.DefaultVarLength
		v := t.VarFor(ph)
		if v != nil && v.Max > 0 {
			n = v.Max
		} else if !seen[ph.Name] {
			seen[ph.Name] = true
			est.Assumed = append(est.Assumed, ph.Name)
		}
		if v != nil && v.Charset == "unicode" {
			return strings.Repeat("ж", n) // any non-GSM character: forces UCS-2
		}
		return strings.Repeat("x", n)
	})
	est.Best = sms.Analyze(best, opt)
	est.Worst = sms.Analyze(worst, opt)
	return est
}
