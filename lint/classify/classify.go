// Package classify reads a message's words to tell whether it is a
// customer notification, what kind of message it is and which language it
// is written in. It works on plain strings (message text, keys, paths);
// the loaders weigh its answers against front matter, config and paths.
//
// The words live in the language data (lint/lang/data/<lang>/scope.toml
// and core.toml): adding a language is adding data.
package classify

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

// Kinds in the order a text match decides between them: the most specific
// event first, the broad "process update" last.
var kindOrder = []string{"otp", "outage", "delay", "appointment", "reminder", "ticket", "marketing", "process-update", "info"}

// listName returns the data list of a kind ("process-update" →
// "kind_process_update").
func listName(prefix, kind string) string {
	return prefix + strings.ReplaceAll(kind, "-", "_")
}

// Classifier holds the language data the answers come from. It is safe
// for concurrent use.
type Classifier struct {
	data  *lang.Set
	codes []string
	keys  keyWords
}

// New returns a classifier over the language data set.
func New(data *lang.Set) *Classifier {
	c := &Classifier{data: data, codes: data.Codes()}
	c.keys = newKeyWords(data, c.codes)
	return c
}

// Default returns the classifier over the built-in language data, built
// once and shared (a Classifier is read-only).
func Default() *Classifier { return builtin() }

var builtin = sync.OnceValue(func() *Classifier { return New(lang.Builtin()) })

// GuessLanguage names the language of text from the language data's stop
// words: "" when the text is too short to tell or no language clearly
// leads.
func GuessLanguage(text string) string {
	if l := Default().Language(text); l.Sure {
		return l.Code
	}
	return ""
}

// Text is what a message's own words say.
type Text struct {
	Words     int    // words, placeholders not counted
	Sentences int    // sentences ended by . ! ? or a line break
	Greeting  string // the greeting it opens with, "" when none
	SignOff   string // the closing words, "" when none
	Address   int    // words addressing the reader or naming "we"
	UI        string // a phrase of an interface instruction, "" when none
	Label     bool   // a short label: a few words and no sentence
	// Fragment is true for a piece of a message that ends where the
	// program inserts the rest ("The event is scheduled for:").
	Fragment   bool
	SMS        string // a phrase only an SMS holds ("reply STOP"), "" when none
	Kind       string // the kind its phrases name, "" when none
	KindPhrase string // the phrase that named the kind
	// KindSure is true when the kind's phrases are specific enough to act
	// on: one kind only, and a delay, outage or code phrase, or two
	// phrases of the kind.
	KindSure bool
}

// specificKinds are the kinds one phrase is enough for: "delayed",
// "outage", "verification code", "20% off" say what the message is about;
// "booking" or "your request" alone do not.
var specificKinds = map[string]bool{"delay": true, "outage": true, "otp": true, "marketing": true}

// SpecificKind reports whether kind names an event by itself ("delayed",
// "outage"), rather than a domain that also has screens ("booking").
func SpecificKind(kind string) bool { return specificKinds[kind] }

// Score is the weight of the evidence that the text is a message to a
// person: a greeting or sign-off, addressing the reader, several
// sentences, an event; interface instructions and labels count against.
func (t Text) Score() int {
	if t.Label {
		return -3
	}
	s := 0
	if t.Greeting != "" {
		s += 2
	}
	if t.SignOff != "" {
		s += 2
	}
	if t.Address > 0 {
		s++
	}
	if t.Sentences >= 2 {
		s++
	}
	if t.Kind != "" {
		s++
	}
	if t.SMS != "" {
		s += 2
	}
	if t.UI != "" {
		s -= 2
	}
	return s
}

// ReadText reads text (placeholders kept as they are). Phrases of every
// language are tried, the language code first: a message in a bundle of
// another language is still read.
func (c *Classifier) ReadText(text, code string) Text {
	var t Text
	f := lang.Fold(text)
	t.Words, t.Sentences = countWords(text)
	t.Label = t.Words <= 4 && !endsSentence(text)
	t.Fragment = strings.HasSuffix(strings.TrimSpace(text), ":")
	head := lang.Fold(prefix(f.S, 40))
	tail := lang.Fold(suffix(f.S, 120))
	hits := map[string]int{}
	first := map[string]string{}
	langs := c.langsFor(code)
	// Markers of every language govern every language's kind phrases:
	// "interruption" is an English and a French outage word.
	var before, after []lang.Match
	// Admission words of every language decide what "ticket" means in
	// every language ("Ticket" is a German and a French word too); read
	// only when a ticket phrase is found.
	admission := func() bool {
		for _, l := range langs {
			if l.List("kind_ticket_admission").Contains(f) {
				return true
			}
		}
		return false
	}
	admissionRead, isAdmission := false, false
	for _, l := range langs {
		before = append(before, l.List("scope_hypothetical_before").FindAll(f)...)
		after = append(after, l.List("scope_hypothetical_after").FindAll(f)...)
	}
	for _, l := range langs {
		if t.Greeting == "" {
			t.Greeting = firstAt(l.List("scope_greeting").FindAll(head), 3)
		}
		if t.SignOff == "" && t.Sentences >= 2 {
			if ms := l.List("scope_signoff").FindAll(tail); len(ms) > 0 {
				t.SignOff = ms[len(ms)-1].Phrase
			}
		}
		t.Address += len(l.List("scope_address").FindAll(f))
		for _, re := range l.Patterns("scope_address_cased") {
			t.Address += len(re.FindAllStringIndex(text, -1))
		}
		if t.UI == "" {
			t.UI = firstPhrase(l.List("scope_ui").FindAll(f))
		}
		if t.SMS == "" {
			t.SMS = firstPhrase(l.List("scope_sms").FindAll(f))
		}
		for _, k := range kindOrder {
			ms := actual(f.S, l.List(listName("kind_", k)).FindAll(f), before, after)
			if len(ms) == 0 {
				continue
			}
			if k == "ticket" {
				if !admissionRead {
					admissionRead, isAdmission = true, admission()
				}
				if isAdmission {
					continue // an admission ticket, not a support case
				}
			}
			hits[k] += len(ms)
			if first[k] == "" {
				first[k] = ms[0].Phrase
			}
		}
	}
	if t.UI != "" && messageLink(langs, f) {
		// "Click the link below": an e-mail's instruction, not a
		// screen's.
		t.UI = ""
	}
	for _, k := range kindOrder {
		if hits[k] > 0 {
			t.Kind, t.KindPhrase = k, first[k]
			break
		}
	}
	t.KindSure = t.Kind != "" && len(hits) == 1 && (specificKinds[t.Kind] || hits[t.Kind] >= 2)
	return t
}

// messageLink reports whether f points to a link or button the way a
// message does ("click the link below"), in any of langs.
func messageLink(langs []*lang.Language, f *lang.Folded) bool {
	for _, l := range langs {
		if l.List("scope_message_link").Contains(f) {
			return true
		}
	}
	return false
}

func firstPhrase(ms []lang.Match) string {
	if len(ms) == 0 {
		return ""
	}
	return ms[0].Phrase
}

// prefix returns about the first n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// suffix returns about the last n bytes of s, cut at a rune boundary.
func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// firstAt returns the phrase of the first match starting at or before
// byte limit, "" when none.
func firstAt(ms []lang.Match, limit int) string {
	for _, m := range ms {
		if m.Start <= limit {
			return m.Phrase
		}
	}
	return ""
}

// langsFor returns the data of every language, that of code first.
func (c *Classifier) langsFor(code string) []*lang.Language {
	var out []*lang.Language
	first, ok := c.data.Get(code)
	if ok && code != "" {
		out = append(out, first)
	}
	for _, cd := range c.codes {
		if l, ok := c.data.Get(cd); ok && l != first {
			out = append(out, l)
		}
	}
	return out
}

// countWords counts words of two or more letters and sentences.
func countWords(s string) (words, sentences int) {
	inWord, letters := false, 0
	pending := false // a sentence has words not yet ended
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				inWord, letters = true, 0
			}
			letters++
			if letters == 2 {
				words++
				pending = true
			}
		default:
			inWord = false
			if (r == '.' || r == '!' || r == '?' || r == '\n') && pending {
				sentences++
				pending = false
			}
		}
	}
	if pending {
		sentences++
	}
	return words, sentences
}

// endsSentence reports whether s, trimmed, ends like a sentence or holds
// one that does.
func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if strings.ContainsAny(s, "\n") {
		return true
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':':
		return true
	}
	return strings.Contains(s, ". ")
}
