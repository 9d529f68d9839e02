package prose

import (
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// testPart builds a part from text the way the loaders do: placeholders,
// then bare links.
func testPart(text string) *message.Part {
	p := &message.Part{Name: message.PartBody, Text: message.VerbatimText(text, 0)}
	p.Placeholders, _ = message.ScanPlaceholders(text)
	p.Links = message.BareLinks(p, &message.Template{})
	return p
}

// covered returns the texts of the spans.
func covered(s string, spans []Span) []string {
	var out []string
	for _, sp := range spans {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestText(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"en placeholder", "Hi {{name}}, you're set.", "Hi " + ObjectMark + "     , you're set."},
		{"de control tag", "{% if x %}Hallo{% endif %}", "          Hallo           "},
		{"fr positional placeholder", "Colis {0} en route", "Colis " + ObjectMark + " en route"},
		{"en url and e-mail", "See https://a.example/x or mail help@acme.com.", "See " + blanks("https://a.example/x") + " or mail " + blanks("help@acme.com") + "."},
		{"de umlaut e-mail", "Schreiben Sie an jürgen@beispiel.de bitte", "Schreiben Sie an " + blanks("jürgen@beispiel.de") + " bitte"},
		{"fr nothing to mask", "Votre colis arrive demain.", "Votre colis arrive demain."},
		{"en at sign without address", "Meet @ 5 or @acme", "Meet @ 5 or @acme"},
	}
	for _, c := range cases {
		got := Text(testPart(c.in))
		if got != c.want {
			t.Errorf("%s: Text(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
		if len(got) != len(c.in) {
			t.Errorf("%s: length %d, want %d", c.name, len(got), len(c.in))
		}
	}
}

func TestTextShortPlaceholder(t *testing.T) {
	// A placeholder shorter than ObjectMark ("%s" in printf syntax) is
	// blanked.
	p := &message.Part{Text: message.VerbatimText("Colis %s en route", 0),
		Placeholders: []message.Placeholder{{Name: "%s", Start: 6, End: 8}}}
	if got := Text(p); got != "Colis    en route" {
		t.Errorf("got %q", got)
	}
}

func TestFilled(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Details: {{link}}", "Details: ________"},
		{"{% if x %}Bonjour{% endif %} {0}", blanks("{% if x %}") + "Bonjour" + blanks("{% endif %}") + " ___"},
		{"Keine Platzhalter.", "Keine Platzhalter."},
	}
	for _, c := range cases {
		if got := Filled(testPart(c.in)); got != c.want {
			t.Errorf("Filled(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestAddresses(t *testing.T) {
	cases := []struct {
		name string
		find func(string) []Span
		in   string
		want []string
	}{
		{"e-mail en", Emails, "Write to help@acme.com.", []string{"help@acme.com"}},
		{"e-mail de", Emails, "Schreiben Sie an jürgen.müller@beispiel.de oder rufen Sie an", []string{"jürgen.müller@beispiel.de"}},
		{"e-mail fr", Emails, "Écrivez à service-client+fr@exemple.fr", []string{"service-client+fr@exemple.fr"}},
		{"no e-mail", Emails, "user@localhost, a@b, @acme, 5 @ 6", nil},
		{"url en", URLs, "Track: HTTPS://a.example/24/11 today", []string{"HTTPS://a.example/24/11"}},
		{"url de", URLs, "Infos unter www.beispiel.de\nDanke", []string{"www.beispiel.de"}},
		{"url fr", URLs, "Voir https://www.exemple.fr", []string{"https://www.exemple.fr", "www.exemple.fr"}},
		{"no url", URLs, "no address, wwwx or http:/ here", nil},
	}
	for _, c := range cases {
		if got := covered(c.in, c.find(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %q gives %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestWords(t *testing.T) {
	type w struct {
		text          string
		sentenceStart bool
		quoted        bool
	}
	cases := []struct {
		in   string
		want []w
	}{
		{"Hi {{name}}, you're late.", []w{{"Hi", true, false}, {"you", false, false}, {"re", false, false}, {"late", false, false}}},
		{"Ihre E-Mail: „Bitte warten“ 24h", []w{{"Ihre", true, false}, {"E-Mail", false, false}, {"Bitte", true, true}, {"warten", false, true}}},
		{"Écrivez à aide@exemple.fr. Merci", []w{{"Écrivez", true, false}, {"à", false, false}, {"Merci", true, false}}},
		{"Go to https://a.example/Start now", []w{{"Go", true, false}, {"to", false, false}, {"now", false, false}}},
		{"", nil},
	}
	for _, c := range cases {
		var got []w
		for _, x := range Words(testPart(c.in)) {
			if c.in[x.Start:x.End] != x.Text {
				t.Errorf("%q: word %q at %d..%d", c.in, x.Text, x.Start, x.End)
			}
			got = append(got, w{x.Text, x.SentenceStart, x.Quoted})
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("Words(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	en := SentenceRulesOf(mustLang(t, "en"))
	de := SentenceRulesOf(mustLang(t, "de"))
	fr := SentenceRulesOf(mustLang(t, "fr"))
	cases := []struct {
		text  string
		rules *SentenceRules
		want  []string
	}{
		{"One. Two! Three? Four", en, []string{"One.", "Two!", "Three?", "Four"}},
		{"Visit https://a.example/x.y today. Next", en, []string{"Visit https://a.example/x.y today.", "Next"}},
		{"Call e.g. Mr. Smith. Then", en, []string{"Call e.g. Mr. Smith.", "Then"}},
		{"Am 24. November um 10 Uhr, z. B. morgen. Danach", de, []string{"Am 24. November um 10 Uhr, z. B. morgen.", "Danach"}},
		{"Lieferung am 24.11. um 9 Uhr. Gut", de, []string{"Lieferung am 24.11. um 9 Uhr.", "Gut"}},
		{"Am 24. November. Ohne Regeln", nil, []string{"Am 24.", "November.", "Ohne Regeln"}},
		{"Bonjour Anne,\nvotre colis arrive. Merci !", fr, []string{"Bonjour Anne,", "votre colis arrive.", "Merci !"}},
		{"Title\n\nBody line one\nstill one.\n- item\n- item two", en, []string{"Title", "Body line one\nstill one.", "- item", "- item two"}},
		{"Say \"hi.\" Then go", en, []string{"Say \"hi.\"", "Then go"}},
		{"The check is down\nProject: Backups\nLast ping: Never\nLast ping: Failure, 2 hours ago", en,
			[]string{"The check is down", "Project: Backups", "Last ping: Never", "Last ping: Failure, 2 hours ago"}},
		{"Hier ist was neu ist\n=== Bewertungen ===\nAnna hat gelesen", de, []string{"Hier ist was neu ist", "=== Bewertungen ===", "Anna hat gelesen"}},
		{"Commande n° 12\nDate : 3 mars\nMontant : 20 €", fr, []string{"Commande n° 12", "Date : 3 mars", "Montant : 20 €"}},
		{"Delivery at\n10:30 today and we will\ncall you first.", en, []string{"Delivery at\n10:30 today and we will\ncall you first."}},
		{"we are sorry that\nyour order is late: it left us today", en, []string{"we are sorry that\nyour order is late: it left us today"}},
		{"", en, nil},
		{"   \n\n  ", en, nil},
	}
	for _, c := range cases {
		if got := covered(c.text, Sentences(c.text, c.rules)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q want %q", c.text, got, c.want)
		}
	}
}

func TestSentenceAround(t *testing.T) {
	s := "Hallo. Ihr Passwort: x1. Danke"
	if got := SentenceAround(s, 11, 19); s[got.Start:got.End] != " Ihr Passwort: x1" {
		t.Errorf("got %q", s[got.Start:got.End])
	}
	if got := SentenceAround(s, 0, 5); s[got.Start:got.End] != "Hallo" {
		t.Errorf("got %q", s[got.Start:got.End])
	}
}

func TestNameWords(t *testing.T) {
	cases := map[string][]string{
		"restoreTime":     {"restore", "time"},
		"delivery_window": {"delivery", "window"},
		".NewETA":         {"new", "eta"},
		"order2Date":      {"order2", "date"},
		"Lieferdatum":     {"lieferdatum"},
		"date-prévue":     {"date", "prévue"},
		"x":               {"x"},
		"":                nil,
	}
	for in, want := range cases {
		if got := NameWords(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}

func TestFirstAndPrevWord(t *testing.T) {
	for in, want := range map[string]string{"  Acme: hi": "Acme:", "Votre": "Votre", " \n ": "", "": ""} {
		w := FirstWord(in)
		if got := in[w.Start:w.End]; got != want {
			t.Errorf("FirstWord(%q) = %q, want %q", in, got, want)
		}
	}
	for _, c := range []struct {
		s       string
		i, want int
	}{
		{"Passwort: x1! Danke", 10, 13}, {"mot de passe", 4, 6}, {"mot de passe", 3, 3}, {"code ", 4, 4}, {"fin", 3, 3},
	} {
		if got := NonSpaceEnd(c.s, c.i); got != c.want {
			t.Errorf("NonSpaceEnd(%q, %d) = %d, want %d", c.s, c.i, got, c.want)
		}
	}
	cases := []struct {
		s    string
		i    int
		want string
	}{
		{"seit heute", 5, "seit"},
		{"depuis l'heure", 7, "depuis"},
		{"it's 8", 5, "it's"},
		{"Done. 8", 6, ""},
		{"", 0, ""},
	}
	for _, c := range cases {
		if got, _ := PrevWord(c.s, c.i); got != c.want {
			t.Errorf("PrevWord(%q, %d) = %q, want %q", c.s, c.i, got, c.want)
		}
	}
}

func TestSpans(t *testing.T) {
	a, b, c := Span{0, 5}, Span{4, 8}, Span{5, 8}
	if !a.Overlaps(b) || a.Overlaps(c) || !a.OverlapsAny([]Span{c, b}) || a.OverlapsAny(nil) {
		t.Error("Overlaps")
	}
	if !c.WithinAny([]Span{b}) || a.WithinAny([]Span{b}) {
		t.Error("WithinAny")
	}
	if got := SpanAt([]Span{a, c}, 5); got != c {
		t.Errorf("SpanAt = %v", got)
	}
	if got := SpanAt([]Span{a}, 9); !got.Empty() {
		t.Errorf("SpanAt outside = %v", got)
	}
	got := DropOverlaps([]Span{c, b, a, {0, 2}}, func(s Span) Span { return s })
	if !reflect.DeepEqual(got, []Span{a, c}) {
		t.Errorf("DropOverlaps = %v", got)
	}
}

func TestLanguage(t *testing.T) {
	cases := []struct {
		locale, code string
		ok           bool
	}{
		{"de-CH", "de", true},
		{"fr_CA", "fr", true},
		{"en", "en", true},
		{"", "en", true},
		{"it", "it", false},
	}
	for _, c := range cases {
		tmpl := &message.Template{Locale: c.locale}
		if got := Code(tmpl); got != c.code {
			t.Errorf("Code(%q) = %q, want %q", c.locale, got, c.code)
		}
		l, ok := Language(tmpl)
		if ok != c.ok || (ok && l.Code != c.code) {
			t.Errorf("Language(%q) = %v, %v", c.locale, l, ok)
		}
	}
	per := NewPerLanguage(func(l *lang.Language) string { return "data of " + l.Code })
	if d, ok := per.For(&message.Template{Locale: "fr-BE"}); !ok || d != "data of fr" {
		t.Errorf("PerLanguage.For(fr-BE) = %q, %v", d, ok)
	}
	if _, ok := per.For(&message.Template{Locale: "it"}); ok {
		t.Error("PerLanguage.For(it) found data")
	}
	if n := len(per.All()); n != len(Languages()) || n < 3 {
		t.Errorf("%d languages", n)
	}
}

func TestMatching(t *testing.T) {
	en := mustLang(t, "en")
	s := "Your parcel is delayed, please contact us"
	f := lang.Fold(s)
	m := lang.NewMatcher([]string{"parcel", "contact us"})
	if got := covered(s, PhraseMatches(m, f)); !reflect.DeepEqual(got, []string{"parcel", "contact us"}) {
		t.Errorf("PhraseMatches = %q", got)
	}
	if PhraseMatches(nil, f) != nil {
		t.Error("nil matcher matched")
	}
	if !Triggered(en, "no_such_list", f) {
		t.Error("an undefined list must always trigger")
	}
	var got []string
	FindPattern(regexpMust(`is (delay)ed`), s, func(r, whole Span) { got = append(got, s[r.Start:r.End], s[whole.Start:whole.End]) })
	if !reflect.DeepEqual(got, []string{"delay", "is delayed"}) {
		t.Errorf("FindPattern = %q", got)
	}
	if !ContainsFoldASCII("Visit HTTP now", "http") || ContainsFoldASCII("htt", "http") {
		t.Error("ContainsFoldASCII")
	}
	if !ContainsFold([]string{"Acme"}, "ACME") || ContainsFold(nil, "x") {
		t.Error("ContainsFold")
	}
	if !HasWord([]string{"card", "number"}, "iban", "number") || HasWord([]string{"card"}, "nummer") {
		t.Error("HasWord")
	}
}

func TestView(t *testing.T) {
	part := testPart("Hallo {{name}}, Ihr Paket kommt HEUTE.")
	v := NewView(part)
	if v.Folded.S != "hallo , ihr paket kommt heute." {
		t.Fatalf("folded %q", v.Folded.S)
	}
	i := len("hallo , ihr paket kommt ")
	r := v.PartRange(Span{i, i + len("heute")})
	if got := part.Text.String()[r.Start:r.End]; got != "HEUTE" {
		t.Errorf("PartRange = %q", got)
	}
	if got := v.FoldedSlice(r.Start, r.End); got != "heute" {
		t.Errorf("FoldedSlice = %q", got)
	}
	calls := 0
	find := func(f *lang.Folded) []Span { calls++; return []Span{{0, 5}} }
	v.Spans("k", find)
	v.Spans("k", find)
	if calls != 1 {
		t.Errorf("Spans computed %d times", calls)
	}
	if got := covered(part.Text.String(), v.Sentences(nil)); !reflect.DeepEqual(got, []string{"Hallo {{name}}, Ihr Paket kommt HEUTE."}) {
		t.Errorf("Sentences = %q", got)
	}
}

// blanks returns as many spaces as s has bytes.
func blanks(s string) string { return strings.Repeat(" ", len(s)) }

func mustLang(t *testing.T, code string) *lang.Language {
	t.Helper()
	l, ok := lang.Builtin().Get(code)
	if !ok {
		t.Fatalf("no language %s", code)
	}
	return l
}
