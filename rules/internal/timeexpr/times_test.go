package timeexpr

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

func TestTimes(t *testing.T) {
	cases := []foundCase{
		{"en", "Arrives today between 3 and 5 pm", []string{"today", "between 3 and 5"}},
		{"en", "New time: 14:00-16:00 on Monday", []string{"14:00", "16:00", "monday"}},
		{"en", "within 2 hours, in 3 working days, by the 25th, on 4/25", []string{"2 hours", "3 working days", "the 25th", "4/25"}},
		{"en", "We are on it since 8:00. Support 24/7. Reported 2 hours ago.", nil},
		{"en", "Good morning! We'll be back later.", nil},
		{"en", "It arrives later today", []string{"today"}},
		{"de", "Neue Zustellung: heute 14–16 Uhr oder übermorgen", []string{"heute", "16 uhr", "übermorgen"}},
		{"de", "bis 11 Uhr, gegen 15.30, am 24.11., am 3. März, binnen 2 Tagen", []string{"11 uhr", "gegen 15.30", "24.11.", "3. märz", "2 tagen"}},
		{"de", "Guten Morgen, seit heute Morgen gestört, vor 2 Stunden gemeldet", nil},
		{"de", "Montagvormittag oder Dienstag", []string{"montagvormittag", "dienstag"}},
		{"fr", "Livraison aujourd'hui entre 9h30 et 11h, ou après-demain", []string{"aujourd'hui", "9h30", "11h", "après-demain"}},
		{"fr", "le 1er novembre, d'ici 2 heures, sous 48h, le 24/11", []string{"1er novembre", "2 heures", "48h", "24/11"}},
		{"fr", "Panne depuis ce matin, signalée il y a 2 heures, plus tard", nil},
		// The number grammar.
		{"en", "at 10 a.m. or 10 o'clock, on 2026-04-25, April 25, Dec. 1st or the 25th of April", []string{"10 a.m.", "10 o'clock", "2026-04-25", "april 25", "dec. 1st", "25th of april", "the 25th"}},
		{"en", "in a couple of days, an hour, 30min", []string{"a couple of days", "an hour", "30min"}},
		{"en", "reported 2 hours ago; code x4711; https://a.example/24/11/t", nil},
		{"de", "um 15.30, 15.30 Uhr, am 24.11.2025, vor 15 Uhr", []string{"um 15.30", "15.30 uhr", "24.11.2025", "15 uhr"}},
		{"de", "in einer halben Stunde, in ein paar Tagen", []string{"einer halben stunde", "ein paar tagen"}},
		{"de", "Preis 14.99 Euro, Version 2.3, Ticket 48213", nil},
		{"fr", "à 15 h 30, dans quelques minutes, 24h/24 et 7j/7", []string{"15 h 30", "quelques minutes"}},
		{"fr", "le 2e jeudi, le 3 mars", []string{"jeudi", "3 mars"}},
	}
	checkFound(t, cases, (*Grammar).Times)
}

func sameStringSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestVague(t *testing.T) {
	cases := []foundCase{
		{"en", "We'll deliver it as soon as possible, shortly.", []string{"as soon as possible", "shortly"}},
		{"en", "No later than 5 pm. See you soon!", nil},
		{"de", "Wir melden uns in Kürze, zeitnah.", []string{"in kürze", "zeitnah"}},
		{"de", "Später als geplant. Bis bald!", nil},
		{"fr", "Livraison bientôt, dans les meilleurs délais.", []string{"bientôt", "dans les meilleurs délais"}},
		{"fr", "Au plus tard à 15h. À bientôt !", nil},
	}
	checkFound(t, cases, (*Grammar).Vague)
}

func TestPartTimes(t *testing.T) {
	cases := []struct {
		lang, text string
		vars       map[string]*message.Var
		want       []string
	}{
		{"en", "New slot: {{slot}} or Monday", nil, []string{"{{slot}}", "Monday"}},
		{"de", "Neuer Termin am %s", nil, []string{"%s"}},
		{"de", "Sendung {{sendungsnummer}} unterwegs", nil, nil},
		{"fr", "Livraison prévue : {{quand}}", map[string]*message.Var{"quand": {Type: "datetime"}}, []string{"{{quand}}"}},
		{"fr", "Votre colis {{id}} arrive jusqu'au {{ville}}", nil, nil},
	}
	for _, c := range cases {
		part := &message.Part{Name: message.PartBody, Text: message.VerbatimText(c.text, 0)}
		part.Placeholders, _ = message.ScanPlaceholders(c.text)
		if i := strings.Index(c.text, "%s"); i >= 0 { // printf syntax is a bundle's
			part.Placeholders = []message.Placeholder{{Name: "%s", Start: i, End: i + 2}}
		}
		tmpl := &message.Template{Locale: c.lang, Vars: c.vars, Parts: []*message.Part{part}}
		var got []string
		for _, s := range grammar(t, c.lang).PartTimes(tmpl, prose.NewView(part)) {
			got = append(got, c.text[s.Start:s.End])
		}
		if !sameStringSet(got, c.want) {
			t.Errorf("%s %q: got %q want %q", c.lang, c.text, got, c.want)
		}
	}
}

// foundCase is a text in a language and the folded texts found in it,
// in any order.
type foundCase struct {
	lang, text string
	want       []string
}

// checkFound runs find with each case's grammar over its folded text.
func checkFound(t *testing.T, cases []foundCase, find func(*Grammar, *lang.Folded) []prose.Span) {
	t.Helper()
	for _, c := range cases {
		f := lang.Fold(c.text)
		var got []string
		for _, s := range find(grammar(t, c.lang), f) {
			got = append(got, f.S[s.Start:s.End])
		}
		if !sameStringSet(got, c.want) {
			t.Errorf("%s %q: got %q want %q", c.lang, c.text, got, c.want)
		}
	}
}

func grammar(t *testing.T, code string) *Grammar {
	t.Helper()
	l, ok := lang.Builtin().Get(code)
	if !ok {
		t.Fatalf("no language %s", code)
	}
	return Of(l)
}

// FuzzTimes runs the time and vague-phrase grammars of every language
// over arbitrary text: no panics, and every range inside the text.
func FuzzTimes(f *testing.F) {
	for _, s := range []string{
		"Arrives today between 3 and 5 pm, since 8:00",
		"Neue Zustellung: heute 14–16 Uhr, am 24.11., seit heute Morgen, in Kürze",
		"Livraison aujourd’hui entre 9h30 et 11h, d'ici 2 heures, plus tard",
		"\xff\xfe İ ß ﬁ 24/7 z. B. 1. 2. 3.",
		"…!?  \n\n- a\n1. b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fd := lang.Fold(s)
		for _, l := range prose.Languages() {
			g := Of(l)
			for what, spans := range map[string][]prose.Span{"time": g.Times(fd), "vague": g.Vague(fd)} {
				for _, x := range spans {
					if x.Start < 0 || x.End > len(fd.S) || x.Start > x.End {
						t.Fatalf("%s %s: range %d..%d of %d", l.Code, what, x.Start, x.End, len(fd.S))
					}
				}
			}
		}
	})
}
