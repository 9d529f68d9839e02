package load

import (
	"strings"

	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// formAreas maps the parent key of each group of sibling keys that holds a
// form's texts (one of them has a word only forms have, such as
// "placeholder" or "submit") to the sibling that shows it ("verification.sms.new" →
// "phone_placeholder").
// A group with a subject is an e-mail, whose "cta_label" is its
// button's text, not a form's.
func formAreas(entries []bundleEntry, topLocale bool) map[string]string {
	c := classify.Default()
	out := map[string]string{}
	for i := range entries {
		p := entries[i].path
		if topLocale {
			p = p[1:]
		}
		if len(p) >= 2 && strings.EqualFold(p[len(p)-1], "subject") {
			out[strings.Join(p[:len(p)-1], ".")] = "" // an e-mail
		}
	}
	for i := range entries {
		p := entries[i].path
		if topLocale {
			p = p[1:]
		}
		if len(p) < 2 {
			continue
		}
		parent := strings.Join(p[:len(p)-1], ".")
		if _, done := out[parent]; done {
			continue
		}
		if c.FormKey(p[len(p)-1]) != "" {
			out[parent] = p[len(p)-1]
		}
	}
	return out
}

// markFormText records that t, the bundle entry of key, is a form's text
// when its parent is a form area.
func markFormText(t *message.Template, areas map[string]string, key string) {
	i := strings.LastIndexByte(key, '.')
	if i < 0 {
		return
	}
	if w := areas[key[:i]]; w != "" {
		t.SetNotification(false, message.FromKey, message.Medium, "a form's text (beside "+w+")")
	}
}
