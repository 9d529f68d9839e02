package load

import (
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// sameAsEnglish gives the translations of a bundle key the English text's
// answer to "is this a notification?", where only their own words or the
// key answered otherwise: one key is one message. A French text read as "a
// fragment" or left in English is still the e-mail the English one is; a
// German settings text that reads as a message because of a key word
// ("customize_notification_summary") is still the interface text its
// English source reads as. Answers from the config, front matter or a
// path stay. Keys that hold a list position ("25.content") name no
// message: two locales' lists need not be in the same order.
func sameAsEnglish(ts []*message.Template) {
	english := map[[2]string]*message.Template{}
	for _, t := range ts {
		if t.FromBundle && t.Key != "" && !positional(t.Key) && message.BaseLanguage(t.Locale) == "en" && !t.Empty &&
			t.Scope.Notification.Confidence >= message.Medium && t.Scope.Notification.Source <= message.FromKey {
			english[[2]string{t.Set, t.Key}] = t
		}
	}
	if len(english) == 0 {
		return
	}
	for _, t := range ts {
		en := english[[2]string{t.Set, t.Key}]
		if en == nil || en == t || message.BaseLanguage(t.Locale) == "en" || t.Empty {
			continue
		}
		switch {
		case en.IsNotification() && !t.IsNotification() && t.Scope.Notification.Source <= message.FromText:
			t.SetNotification(true, message.FromKey, message.Medium, "its English text ("+en.Locale+") is a notification")
		case !en.IsNotification() && t.IsNotification() && t.Scope.Notification.Source <= message.FromKey && en.Scope.PartOf == "":
			// Set outright: the translation's own key evidence is as
			// strong, and the same key.
			t.Scope.Notification = message.Fact{Value: message.No, Source: message.FromKey, Confidence: message.Medium,
				Detail: "its English text (" + en.Locale + ") is not a notification: " + en.Scope.Notification.Detail}
		}
	}
}

// positional reports whether a key has a list position among its segments
// ("25.content", "faq[3]").
func positional(key string) bool {
	for _, seg := range strings.FieldsFunc(key, func(r rune) bool { return r == '.' || r == '[' || r == ']' || r == '/' }) {
		if seg != "" && strings.Trim(seg, "0123456789") == "" {
			return true
		}
	}
	return false
}
