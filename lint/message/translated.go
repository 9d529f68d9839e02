package message

import (
	"regexp"
	"strings"
	"unicode"
)

// translationCallRe matches a template expression that calls a translation
// function: Rails t "…" / t(:key, "…") / I18n.t(…), gettext _("…"),
// __("…"), gettext(…), Magento trans "…", Handlebars/Ember t "…".
var translationCallRe = regexp.MustCompile(`^(?:I18n\.t|I18n\.translate|t|translate|_|__|gettext|ngettext|pgettext|npgettext|trans|i18n|\$t|lang)(?:\s*\(|\s+[:"'@A-Za-z_$])`)

// translationFilterRe matches a translation filter: Twig/Jinja 'key'|trans,
// Liquid 'key' | t, Angular 'key' | translate.
var translationFilterRe = regexp.MustCompile(`\|\s*(?:trans|t|translate|transchoice|trans_choice)\b`)

// IsTranslationCall reports whether the code of a template tag (without its
// delimiters) is a translation call or filter.
func IsTranslationCall(code string) bool {
	code = strings.TrimSpace(strings.Trim(strings.TrimSpace(code), "=-~"))
	code = strings.TrimSpace(code)
	return translationCallRe.MatchString(code) || translationFilterRe.MatchString(code)
}

// CopyHidden reports whether the template's copy is not in its text: part
// of it sits in translation calls, or the text is a shell around values
// (<%= message %>) with hardly a word of its own. What such a text lacks
// proves nothing.
func (t *Template) CopyHidden() bool {
	words, values := 0, 0
	for _, p := range t.Parts {
		for _, ph := range p.Placeholders {
			if ph.Translated {
				return true
			}
			if !ph.Control {
				values++
			}
		}
		words += len(strings.FieldsFunc(p.Masked(), func(r rune) bool { return !unicode.IsLetter(r) }))
	}
	return values > 0 && words < minOwnWords
}

// minOwnWords is how many words of its own a template with values needs
// for its text to count as its copy.
const minOwnWords = 3
