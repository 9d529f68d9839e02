package lint

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
	opt := s.Options()
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
		}
		n = max(0, min(n, MaxVarLength))
		if v != nil && v.Charset == "unicode" {
			return strings.Repeat("ж", n)
		}
		return strings.Repeat("x", n)
	}
	groups := icuGroups(body)
	return renderBranches(body, groups, bestFill, false, opt), renderBranches(body, groups, worstFill, true, opt)
}
