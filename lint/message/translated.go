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

// keyCallRe matches a call of any function whose first argument is a
// message key: a quoted word with separators or inner capitals
// (l10n('cancel-mail-heading', …), msg("passwordResetBody"),
// getMessage("email.reset.subject")). Such a call prints copy kept
// elsewhere (Fluent, .properties), whatever the function is named.
var keyCallRe = regexp.MustCompile(`^[A-Za-z_$][\w.$]*\s*\(\s*['"](?:[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)+|[a-z]+[A-Z][A-Za-z0-9]*)['"]`)

// partialCopyRe matches a Handlebars partial given copy as an argument:
// {{> InfoBlock info="You will be notified when …"}}.
var partialCopyRe = regexp.MustCompile(`^>\s*[\w./-]+.*=\s*(?:"[^"]*\s[^"]*"|'[^']*\s[^']*')`)

// IsTranslationCall reports whether the code of a template tag (without its
// delimiters) prints copy that is not in the template's text: a
// translation call or filter, a call with a message key, or a partial
// given a sentence as an argument.
func IsTranslationCall(code string) bool {
	code = strings.TrimSpace(strings.Trim(strings.TrimSpace(code), "=-~"))
	code = strings.TrimSpace(code)
	return translationCallRe.MatchString(code) || translationFilterRe.MatchString(code) ||
		keyCallRe.MatchString(code) || partialCopyRe.MatchString(code)
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
		if words < minOwnWords {
			words += ownWords(p, minOwnWords-words)
		}
	}
	return values > 0 && words < minOwnWords
}

// insidePlaceholder reports whether text offset i lies in one of phs
// (nested ICU placeholders are not in start order).
func insidePlaceholder(phs []Placeholder, i int) bool {
	for _, ph := range phs {
		if ph.Start <= i && i < ph.End {
			return true
		}
	}
	return false
}

// ownWords counts the words of p's text outside its placeholders, up to
// limit, without copying the text.
func ownWords(p *Part, limit int) int {
	n, in := 0, false
	for i, r := range p.Text.String() {
		letter := unicode.IsLetter(r) && !insidePlaceholder(p.Placeholders, i)
		if letter && !in {
			if n++; n >= limit {
				return n
			}
		}
		in = letter
	}
	return n
}

// minOwnWords is how many words of its own a template with values needs
// for its text to count as its copy.
const minOwnWords = 3
