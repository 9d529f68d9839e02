package load

import (
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// emailParents returns, per bundle file, the key paths that hold an
// e-mail's subject ("email.payment_request.requested" for
// "email.payment_request.requested.subject", or a subject grouped from
// "text_subject"): the keys beside a subject (greeting, intro,
// paragraphs, the button label) are that e-mail's copy, split over keys
// as Rails, i18next and PHP bundles often do.
func emailParents(ts []*message.Template) map[*message.Source]map[string]bool {
	out := map[*message.Source]map[string]bool{}
	for _, t := range ts {
		if !t.FromBundle || t.MessageFile || t.Key == "" {
			continue
		}
		parent, leaf := splitKey(t.Key)
		if parent == "" || !strings.EqualFold(leaf, "subject") && t.Part(message.PartSubject) == nil {
			continue
		}
		// A subject at the file's root ($_['text_subject'] of a PHP
		// array) makes the whole file one e-mail only in a mail folder
		// (OpenCart's language/en-gb/mail/order_add.php).
		if parent == "_" && InferFromPath(t.Source.Path).Channel != "email" {
			continue
		}
		if out[t.Source] == nil {
			out[t.Source] = map[string]bool{}
		}
		out[t.Source][parent] = true
	}
	return out
}

// splitKey splits a dotted key into its parent path and last segment.
func splitKey(key string) (parent, leaf string) {
	i := strings.LastIndexByte(key, '.')
	if i < 0 {
		return "", key
	}
	return key[:i], key[i+1:]
}

// notificationFromEmailKeys decides a bundle string that sits beside an
// e-mail's subject: it is part of that e-mail, so a notification, unless
// its key names an interface area; a label or fragment ("Invoice number",
// "Hello,") is a part of it, read with it by the rules that do.
func notificationFromEmailKeys(t *message.Template, tx classify.Text, key classify.Key, parent string) {
	if parent == "_" { // the root of a PHP array: the file is the e-mail
		base := filepath.Base(t.Source.Path)
		parent = strings.TrimSuffix(base, filepath.Ext(base))
	}
	if key.UI != "" {
		t.SetNotification(false, message.FromKey, message.Medium, key.UI)
		return
	}
	t.SetChannel("email", message.FromKey, message.Medium, parent+".subject")
	t.Scope.Within = parent
	if _, leaf := splitKey(t.Key); (tx.Label || tx.Fragment) && !strings.EqualFold(leaf, "subject") {
		t.SetNotification(false, message.FromText, message.Medium, "a label of the e-mail "+parent)
		t.Scope.PartOf = parent
		return
	}
	t.SetNotification(true, message.FromKey, message.Medium, "copy of the e-mail "+parent+" (beside its subject)")
}
