package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// FuzzSyllables runs the word and syllable counts of every language over
// arbitrary text: no panics, and at least one syllable a word.
func FuzzSyllables(f *testing.F) {
	for _, s := range []string{
		"Arrives today between 3 and 5 pm, since 8:00",
		"Neue Zustellung: heute 14–16 Uhr, am 24.11., seit heute Morgen, in Kürze",
		"Livraison aujourd’hui entre 9h30 et 11h, d'ici 2 heures, plus tard",
		"\xff\xfe İ ß ﬁ 24/7 z. B. 1. 2. 3.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for code, d := range contentLangs.All() {
			for _, w := range strings.Fields(s) {
				if n := syllableCount(w, &d.read); n < 1 {
					t.Fatalf("%s: %d syllables in %q", code, n, w)
				}
			}
			_ = countSentence(s, &d.read)
		}
	})
}

// FuzzContentRules loads a template whose body is the fuzzed text in every
// format, language and kind, and runs the content rules on it.
func FuzzContentRules(f *testing.F) {
	for _, s := range []string{
		"Your parcel is late. [Click here](https://a.example/t). Reply YES",
		"Ihre Lieferung verspätet sich. {{link}} Infos: https://a.example/x STOPP",
		"<p>Panne depuis 8h. <a href='https://a.example'>ici</a></p> {{eta}}",
		"{{", "%{x} {y} {{.Z}} {% if %}", "\x00\u2028\u00a0’",
	} {
		f.Add(s, uint8(0))
	}
	all := All()
	mine := timeAndActionRules()
	cfg := lint.DefaultConfig(all)
	runner := &lint.Runner{Rules: mine, Config: cfg}
	kinds := []string{"delay", "outage", "appointment", "ticket", "process-update", "marketing", "otp", "info"}
	exts := []string{"txt", "md", "html"}
	channels := []string{"sms", "push", "email", "whatsapp"}
	langs := []string{"en", "de", "fr", "it"}
	f.Fuzz(func(t *testing.T, body string, sel uint8) {
		n := int(sel)
		kind := kinds[n%len(kinds)]
		ext := exts[n/len(kinds)%len(exts)]
		path := fmt.Sprintf("%s/%s/%s-x.%s", channels[n%len(channels)], langs[n/2%len(langs)], kind, ext)
		text := "+++\nbuttons = [\"More\"]\n[vars]\nlink = { type = \"url\" }\n+++\n" + body
		ts, err := lint.LoadTemplates(path, []byte(text), cfg)
		if err != nil {
			return // invalid UTF-8 is an input error, not a rule's business
		}
		for _, tpl := range ts {
			for _, fd := range runner.CheckTemplate(tpl, nil) {
				if fd.Offset < 0 || fd.EndOffset > len(text) || fd.Offset > fd.EndOffset {
					t.Fatalf("%s: %s: range %d..%d of %d", path, fd.Rule, fd.Offset, fd.EndOffset, len(text))
				}
			}
		}
	})
}
