package rules

// The language data mixed-language and formality share (i18n.toml),
// compiled once per language.

import (
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/rules/internal/prose"
)

// i18nData is one language's data for mixed-language and formality.
type i18nData struct {
	code, name   string
	strong, weak map[string]bool // words that mark this language
	own          map[string]bool // words never foreign in this language
	formal       map[string]bool
	informal     map[string]bool
	formalLower  map[string]bool
	notAfter     map[string]bool
	// Words around a lower-case "ihr" that refers to someone else.
	lowerCoord, lowerDet, lowerPrep map[string]bool
	caseFormal                      bool // formal forms count only capitalised mid-sentence
}

// i18nLangs is the i18n data of every built-in language.
var i18nLangs = prose.NewPerLanguage(func(l *lang.Language) *i18nData {
	code := l.Code
	d := &i18nData{code: code, name: code,
		strong: prose.LowerSet(l.Phrases("mixed_strong")), weak: prose.LowerSet(l.Phrases("mixed_weak")),
		own:         prose.LowerSet(l.Phrases("stop_words"), l.Phrases("mixed_strong"), l.Phrases("mixed_weak"), l.Phrases("mixed_words"), l.Phrases("mixed_loanwords")),
		informal:    prose.LowerSet(l.Phrases("informal")),
		formalLower: prose.ExactSet(l.Phrases("formal_lower")),
		notAfter:    prose.LowerSet(l.Phrases("informal_not_after")),
		lowerCoord:  prose.LowerSet(l.Phrases("formal_lower_coordinators")),
		lowerDet:    prose.LowerSet(l.Phrases("formal_lower_determiners")),
		lowerPrep:   prose.LowerSet(l.Phrases("formal_lower_prepositions")),
	}
	if n := l.Phrases("language_name"); len(n) > 0 {
		d.name = n[0]
	}
	if v, ok := l.Number("formality_case_sensitive"); ok && v != 0 {
		d.caseFormal = true
		d.formal = prose.ExactSet(l.Phrases("formal"))
	} else {
		d.formal = prose.LowerSet(l.Phrases("formal"))
	}
	return d
})
