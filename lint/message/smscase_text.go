package message

import (
	"strings"

	"github.com/notelint/notelint/lint/sms"
)

// SMSCaseTexts returns the texts EstimateSMS measures under settings s: the
// body of t with placeholders filled for the best case (samples) and the
// worst case (declared max, else default_var_length; charset "unicode" as
// a non-GSM character), keeping the shortest or longest ICU branch. Both
// are "" when t has no body.
func SMSCaseTexts(t *Template, s sms.Settings) (best, worst string) {
	body := t.Body()
	if body == nil {
		return "", ""
	}
	best, worst, _ = smsCaseTexts(t, body, s)
	return best, worst
}

// smsCaseTexts fills body for the best and the worst case and lists the
// placeholders whose length was assumed (no declared max).
func smsCaseTexts(t *Template, body *Part, s sms.Settings) (best, worst string, assumed []string) {
	opt := s.Options()
	seen := map[string]bool{}
	bestFill := func(ph Placeholder) string {
		if v := t.VarFor(ph); v != nil {
			return v.Sample
		}
		return ""
	}
	worstFill := func(ph Placeholder) string {
		n := s.DefaultVarLength
		v := t.VarFor(ph)
		if v != nil && v.Max > 0 {
			n = v.Max
		} else if !seen[ph.Name] {
			seen[ph.Name] = true
			assumed = append(assumed, ph.Name)
		}
		n = max(0, min(n, MaxVarLength)) // bounded where declared; kept bounded here
		if v != nil && v.Charset == "unicode" {
			return strings.Repeat("ж", n) // any non-GSM character: forces UCS-2
		}
		return strings.Repeat("x", n)
	}
	// An ICU plural or select sends one of its branches: the best case
	// takes the shortest branch of each, the worst case the longest.
	groups := icuGroups(body)
	return renderBranches(body, groups, bestFill, false, opt), renderBranches(body, groups, worstFill, true, opt), assumed
}
