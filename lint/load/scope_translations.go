package load

import "github.com/notelint/notelint/lint/message"

// sameAsEnglish makes the translations of a bundle key that its English
// text shows to be a notification notifications too, where only their own
// words said otherwise: one key is one message, and a French text read as
// "a fragment" or left in English is still the e-mail the English one is.
// A translation that its key, the config or front matter calls no
// notification keeps that.
func sameAsEnglish(ts []*message.Template) {
	english := map[[2]string]*message.Template{}
	for _, t := range ts {
		if t.FromBundle && t.Key != "" && message.BaseLanguage(t.Locale) == "en" && t.IsNotification() {
			english[[2]string{t.Set, t.Key}] = t
		}
	}
	if len(english) == 0 {
		return
	}
	for _, t := range ts {
		en := english[[2]string{t.Set, t.Key}]
		if en == nil || en == t || t.IsNotification() || t.Scope.Notification.Source > message.FromText {
			continue
		}
		t.SetNotification(true, message.FromKey, message.Medium, "its English text ("+en.Locale+") is a notification")
	}
}
