package rules

import "github.com/notelint/notelint/lint"

// i18nRules are the rules about translations and languages, and file
// hygiene: translation-parity, mixed-language, formality, formality-mix,
// encoding.
func i18nRules() []*lint.Rule {
	return []*lint.Rule{
		translationParity(),
		mixedLanguage(),
		formality(),
		formalityMix(),
		encoding(),
	}
}
