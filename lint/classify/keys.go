package classify

import (
	"strings"
	"unicode"

	"github.com/notelint/notelint/lint/lang"
)

// keyWords are the words of keys, file and folder names, of every
// language at once: keys are named in English more often than not, and a
// German file name says as much in an English repository.
type keyWords struct {
	notification map[string]bool
	ui           map[string]bool
	form         map[string]bool // words only a form's keys have
	kinds        map[string]map[string]bool
	long         []longWord // words that also count inside compounds
}

type longWord struct {
	word, what string // what: "notification", "ui" or a kind
}

// minCompound is the length from which a German or French key word
// counts inside a longer token ("lieferstörung" holds "störung"). English
// words count whole only: "termination" holds no appointment.
const minCompound = 7

func newKeyWords(data *lang.Set, codes []string) keyWords {
	k := keyWords{notification: map[string]bool{}, ui: map[string]bool{}, form: map[string]bool{}, kinds: map[string]map[string]bool{}}
	var compounds bool
	add := func(set map[string]bool, what string, words []string) {
		for _, w := range words {
			w = strings.ToLower(w)
			set[w] = true
			if compounds && len([]rune(w)) >= minCompound {
				k.long = append(k.long, longWord{w, what})
			}
		}
	}
	for _, code := range codes {
		l, ok := data.Get(code)
		if !ok {
			continue
		}
		compounds = code != "en"
		add(k.notification, "notification", l.Phrases("key_notification"))
		add(k.ui, "ui", l.Phrases("key_ui"))
		for _, w := range l.Phrases("key_form") {
			k.form[strings.ToLower(w)] = true
		}
		for _, kind := range kindOrder {
			if k.kinds[kind] == nil {
				k.kinds[kind] = map[string]bool{}
			}
			add(k.kinds[kind], kind, l.Phrases(listName("key_", kind)))
		}
	}
	return k
}

// Key is what a key, file name or path says.
type Key struct {
	Notification string // the word that marks a notification, "" when none
	UI           string // the word that marks an interface string, "" when none
	Kind         string // the kind its words name, "" when none
	KindWord     string
}

// ReadKey reads the words of a key or path: "emails.orderShipped_subject",
// "resources/lang/de/notifications.php", "versandverzug".
func (c *Classifier) ReadKey(key string) Key {
	var out Key
	toks := Tokens(key)
	for i, tok := range toks {
		if out.Notification == "" && c.keys.notification[tok] {
			out.Notification = tok
		}
		if out.UI == "" && c.keys.ui[tok] {
			out.UI = tok
		}
		if out.Kind == "" && !doneLate(toks, i) {
			for _, kind := range kindOrder {
				if c.keys.kinds[kind][tok] {
					out.Kind, out.KindWord = kind, tok
					break
				}
			}
		}
		if len([]rune(tok)) <= minCompound {
			continue
		}
		for _, lw := range c.keys.long {
			if lw.word == tok || !strings.Contains(tok, lw.word) {
				continue
			}
			switch lw.what {
			case "notification":
				if out.Notification == "" {
					out.Notification = lw.word
				}
			case "ui":
				if out.UI == "" {
					out.UI = lw.word
				}
			default:
				if out.Kind == "" {
					out.Kind, out.KindWord = lw.what, lw.word
				}
			}
		}
	}
	return out
}

// FormKey returns the word of a key ("phone_placeholder", "submit_button")
// that only a form's keys have, or "": its sibling keys are texts of that
// form, not messages.
func (c *Classifier) FormKey(key string) string {
	for _, tok := range Tokens(key) {
		if c.keys.form[tok] {
			return tok
		}
	}
	return ""
}

// doneLate reports whether toks[i] is "late" after a past participle
// ("submitted_late", "returned_late"): someone else's action done late,
// not a delay of the reader's order.
func doneLate(toks []string, i int) bool {
	return toks[i] == "late" && i > 0 && len(toks[i-1]) > 4 && strings.HasSuffix(toks[i-1], "ed")
}

// Tokens splits a key or path into lower-case words: on punctuation, path
// separators and camelCase humps ("orderShipped_subject" → order, shipped,
// subject).
func Tokens(s string) []string {
	var out []string
	start := -1 // byte offset of the current token, -1 between tokens
	var prev rune
	for i, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start >= 0 && unicode.IsUpper(r) && unicode.IsLower(prev) {
				out = append(out, strings.ToLower(s[start:i]))
				start = -1
			}
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, strings.ToLower(s[start:i]))
			start = -1
		}
		prev = r
	}
	if start >= 0 {
		out = append(out, strings.ToLower(s[start:]))
	}
	return out
}
