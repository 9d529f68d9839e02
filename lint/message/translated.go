package message

import (
	"regexp"
	"strings"
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

// CopyHidden reports whether part of the template's copy is inside
// translation calls, so its text is not what the customer reads: what
// the text lacks proves nothing.
func (t *Template) CopyHidden() bool {
	for _, p := range t.Parts {
		for _, ph := range p.Placeholders {
			if ph.Translated {
				return true
			}
		}
	}
	return false
}
