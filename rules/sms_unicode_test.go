package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// TestSMSUnicodeGrouping: a character outside GSM-7 is one finding per
// line however often it appears there, with a fix for every occurrence;
// three or more different accented letters (a language's own: Polish,
// Czech, French) are one finding for the text; other characters on other
// lines keep their own findings, so that a directive on the line before
// still applies.
func TestSMSUnicodeGrouping(t *testing.T) {
	for _, c := range []struct {
		name, path, text string
		want             []string // "offending-text|message fragment"
		edits            []int    // edits of each finding's fix
	}{
		{"en apostrophes on one line", "sms/en/a.txt", "Acme: we’re sorry, it’s late and we’ll call.",
			[]string{"’|(3 times)"}, []int{3}},
		{"en two lines", "sms/en/a.txt", "Acme: we’re sorry.\nIt’s late.",
			[]string{"’|is not in the GSM-7", "’|is not in the GSM-7"}, []int{1, 1}},
		{"de one stray dash", "sms/de/a.txt", "Acme: Ihr Paket kommt – morgen.",
			[]string{"–|is not in the GSM-7"}, []int{1}},
		{"pl letters", "sms/pl/a.txt", "Przypomnienie: wizyta jutro, prosimy potwierdzić. Dziękujemy, żegnamy.",
			[]string{"ć|3 letters of the text (3 different)"}, []int{3}},
		{"fr accents and a dash", "sms/fr/a.txt", "Acme : votre colis arrivera à la fête – merci, reçu côté garçon.",
			[]string{"ê|4 letters of the text (3 different)", "–|is not in the GSM-7"}, []int{4, 1}},
		{"pl letters over lines", "sms/pl/a.txt", "Przypomnienie: wizyta jutro.\nProsimy potwierdzić.\nDziękujemy, żegnamy – Acme.",
			[]string{"ć|3 letters of the text (3 different)", "–|is not in the GSM-7"}, []int{3, 1}},
		{"fr two accents stay apart", "sms/fr/a.txt", "Acme : votre colis arrivera pour la fête, reçu.",
			[]string{"ê|is not in the GSM-7", "ç|is not in the GSM-7"}, []int{1, 1}},
	} {
		all := All()
		cfg := lint.DefaultConfig(all)
		ts, err := lint.LoadTemplates(c.path, []byte(c.text), cfg)
		if err != nil {
			t.Fatal(err)
		}
		r := &lint.Runner{Rules: all, Config: cfg}
		var got []lint.Finding
		for _, tp := range ts {
			for _, f := range r.CheckTemplate(tp, nil) {
				if f.Rule == "sms-unicode" {
					got = append(got, f)
				}
			}
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: %d findings, want %d: %+v", c.name, len(got), len(c.want), got)
			continue
		}
		for i, f := range got {
			char, frag, _ := strings.Cut(c.want[i], "|")
			if c.text[f.Offset:f.EndOffset] != char || !strings.Contains(f.Message, frag) {
				t.Errorf("%s: finding %d at %q: %s; want %q with %q", c.name, i, c.text[f.Offset:f.EndOffset], f.Message, char, frag)
			}
			if f.Fix == nil || len(f.Fix.Edits) != c.edits[i] {
				t.Errorf("%s: finding %d: fix %+v, want %d edits", c.name, i, f.Fix, c.edits[i])
			}
		}
		if !slices.IsSortedFunc(got, func(a, b lint.Finding) int { return a.Offset - b.Offset }) {
			t.Errorf("%s: findings out of order", c.name)
		}
	}
}
