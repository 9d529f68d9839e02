package load

import (
	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// slugWords are words of running text: a key made of them is a slug of
// its English text ("you_will_stop_receiving_push"), whose channel and
// notification words name its topic, not its role.
var slugWords = map[string]bool{
	"you": true, "your": true, "we": true, "our": true, "will": true, "is": true, "are": true, "was": true,
	"has": true, "have": true, "the": true, "a": true, "an": true, "be": true, "been": true, "can": true,
	"cannot": true, "not": true, "do": true, "does": true, "this": true, "that": true, "it": true,
	"please": true, "would": true, "should": true, "must": true, "there": true, "no": true,
}

// maxRoleTokens is the most words a key's last segment has when it names
// a role ("order_shipped_sms_body"); longer ones describe the text
// ("troubleshoot_notifications_test_current_push_provider_failure").
const maxRoleTokens = 5

// slugLeaf reports whether a key's last segment describes its text rather
// than naming its role: it has words of running text or more than
// maxRoleTokens words.
func slugLeaf(key string) bool {
	_, leaf := splitKey(key)
	toks := classify.Tokens(leaf)
	if len(toks) > maxRoleTokens {
		return true
	}
	for _, tok := range toks {
		if slugWords[tok] {
			return true
		}
	}
	return false
}

// leafOnly reports whether word occurs in key only in its last segment.
func leafOnly(key, word string) bool {
	parent, leaf := splitKey(key)
	return hasToken(leaf, word) && !hasToken(parent, word)
}

// domainWords returns, per bundle file, the notification and kind words
// of its keys' last segments that name the application's domain: a word
// in the last segment of at least 1/domainShare of a file's keys (and
// domainMin keys) says what the app is about ("reminder" in a reminder
// app's settings, dialogs and labels), not that a string is a message. A
// word most keys share ("mailers.notify_mailer.…", "notification_…" in a
// notification module's strings) is no such word: it says what the file
// holds.
func domainWords(c *classify.Classifier, ts []*message.Template) map[*message.Source]map[string]bool {
	count := map[*message.Source]map[string]int{}
	keys := map[*message.Source]int{}
	for _, t := range ts {
		if !t.FromBundle || t.MessageFile || t.Key == "" {
			continue
		}
		keys[t.Source]++
		k := c.ReadKey(keyWords(t))
		if count[t.Source] == nil {
			count[t.Source] = map[string]int{}
		}
		key := keyName(t)
		if k.Notification != "" && leafOnly(key, k.Notification) {
			count[t.Source][k.Notification]++
		}
		if k.KindWord != "" && k.KindWord != k.Notification && leafOnly(key, k.KindWord) {
			count[t.Source][k.KindWord]++
		}
	}
	out := map[*message.Source]map[string]bool{}
	for src, words := range count {
		for w, n := range words {
			if n >= domainMin && n*domainShare >= keys[src] && 2*n <= keys[src] {
				if out[src] == nil {
					out[src] = map[string]bool{}
				}
				out[src][w] = true
			}
		}
	}
	return out
}

// A word in at least 1/domainShare of a file's keys, and at least
// domainMin of them, names the app's domain.
const (
	domainShare = 10
	domainMin   = 10
)

// weighKeyWords drops the key words of a last segment that say nothing
// about one string: words of the application's domain, and any in a slug
// key's last segment ("id_you_will_stop_receiving_push").
func weighKeyWords(k *classify.Key, key string, domain map[string]bool) {
	if k.Notification != "" && leafOnly(key, k.Notification) && (domain[k.Notification] || slugLeaf(key)) {
		k.Notification = ""
	}
	if k.KindWord != "" && leafOnly(key, k.KindWord) && (domain[k.KindWord] || slugLeaf(key)) {
		k.Kind, k.KindWord = "", ""
	}
}
