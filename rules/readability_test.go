package rules

import (
	"strings"
	"testing"
)

const (
	enLong = "We would like to inform you that due to unforeseen operational circumstances at our regional distribution centre your parcel could not be dispatched as originally scheduled and will arrive later."
	enHard = "We regret to inform you that, consequently, organisational reconfiguration necessitates temporary suspension of administrative functionality. Additional documentation regarding compensation eligibility is available. Operational continuity considerations unfortunately necessitate postponement. Authorisation verification is mandatory."
	deLong = "Wir möchten Sie darüber informieren, dass sich aufgrund unvorhergesehener Umstände in unserem regionalen Verteilzentrum die Zustellung Ihrer Sendung leider um einige Tage verzögern wird."
	deHard = "Aufgrund unvorhergesehener betrieblicher Umstände konnte die Sendung nicht fristgerecht versandt werden. Informationen bezüglich etwaiger Entschädigungsansprüche entnehmen Sie bitte den beigefügten Vertragsunterlagen. Verbindliche Zustellungsinformationen übermittelt Ihnen unsere Kundenbetreuungsabteilung. Diesbezügliche Rückfragen beantwortet ausschließlich die Versicherungsverwaltung."
	frLong = "Nous souhaitons vous informer qu'en raison de circonstances imprévues dans notre centre régional de distribution votre colis n'a malheureusement pas pu être expédié comme prévu et arrivera avec quelques jours de retard."
	frHard = "Conformément aux dispositions contractuelles, l'indemnisation éventuelle nécessite obligatoirement l'authentification préalable. Les informations relatives aux indemnisations contractuelles particulièrement avantageuses sont disponibles. L'administration centralisée communiquera ultérieurement les modalités opérationnelles définitives. Toute réclamation supplémentaire nécessitera l'autorisation préalable."
)

func TestReadability(t *testing.T) {
	testContentRule(t, "readability", []contentCase{
		{name: "en long sentence", path: "sms/en/delay.txt", text: enLong, want: []string{enLong}},
		{name: "en hard text", path: "email/en/info.md", text: enHard + "\n",
			want: []string{"We regret to inform you that, consequently, organisational reconfiguration necessitates temporary suspension of administrative functionality."}},
		{name: "en plain", path: "email/en/delay.md",
			text: "Your parcel is late because our van broke down. It will now arrive tomorrow between 10:00 and 12:00. You don't need to do anything. If that time does not suit you, choose another day in the app.\n",
			want: nil},
		{name: "en short sms not judged for ease", path: "sms/en/info.txt",
			text: "Authorisation verification is mandatory.", want: nil},
		{name: "en placeholders and urls are words but not scored", path: "sms/en/delay.txt",
			text: "Hi {{name}}, your parcel {{id}} is late: track it at https://acme.example/t/AB12 or call 0800 123 456 today.",
			want: nil},
		{name: "de long sentence", path: "sms/de/delay.txt", text: deLong, want: []string{deLong}},
		{name: "de hard text", path: "email/de/info.html", text: "<p>" + deHard + "</p>",
			want: []string{"Aufgrund unvorhergesehener betrieblicher Umstände konnte die Sendung nicht fristgerecht versandt werden."}},
		{name: "de ordinal dates keep one sentence", path: "sms/de/appointment.txt",
			text: "Ihr Termin am 24. November ist bestätigt. Bis dann!", want: nil},
		{name: "fr long sentence", path: "sms/fr/delay.txt", text: frLong, want: []string{frLong}},
		{name: "fr hard text", path: "email/fr/info.md", text: frHard + "\n",
			want: []string{"Conformément aux dispositions contractuelles, l'indemnisation éventuelle nécessite obligatoirement l'authentification préalable."}},
		{name: "fr plain", path: "email/fr/delay.md",
			text: "Votre colis a du retard car notre camion est tombé en panne. Il arrivera demain entre 10h et 12h. Vous n'avez rien à faire. Si ce créneau ne vous convient pas, choisissez un autre jour dans l'application.\n",
			want: nil},
		{name: "option raises the sentence limit", path: "sms/en/delay.txt", text: enLong,
			config: "[rules.readability]\nmax_sentence_words = { en = 40 }\n", want: []string{enLong}}, // now the ease score
		{name: "option switches both off", path: "sms/en/delay.txt", text: enLong,
			config: "[rules.readability]\nmax_sentence_words = { en = 0 }\nmin_ease = { en = 0 }\n", want: nil},
		{name: "option switches ease off", path: "email/en/info.md", text: enHard + "\n",
			config: "[rules.readability]\nmin_ease = { en = 0 }\n", want: nil},
	})
}

func TestReadabilityMessages(t *testing.T) {
	fs := runContent(t, "readability", contentCase{name: "msg", path: "email/de/info.md", text: deHard + "\n"})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "Flesch–Amstad") {
		t.Fatalf("got %+v", fs)
	}
	fs = runContent(t, "readability", contentCase{name: "msg", path: "sms/fr/delay.txt", text: frLong})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "sentence of 32 words (limit 27 for fr)") {
		t.Fatalf("got %+v", fs)
	}
}

func TestSyllables(t *testing.T) {
	cases := []struct {
		lang, word string
		want       int
	}{
		{"en", "engineers", 3}, {"en", "service", 2}, {"en", "people", 2}, {"en", "booked", 1},
		{"en", "needed", 2}, {"en", "the", 1}, {"en", "makes", 1}, {"en", "quick", 1},
		{"de", "Lieferung", 3}, {"de", "neue", 2}, {"de", "Quelle", 2}, {"de", "Zeit", 1},
		{"de", "Entschädigungsansprüche", 7},
		{"fr", "votre", 1}, {"fr", "heures", 1}, {"fr", "aujourd'hui", 3}, {"fr", "informent", 2},
		{"fr", "moment", 2}, {"fr", "été", 2}, {"fr", "livraison", 3},
	}
	for _, c := range cases {
		if got := syllableCount(c.word, &contentLangs.All()[c.lang].read); got != c.want {
			t.Errorf("%s %q: %d syllables, want %d", c.lang, c.word, got, c.want)
		}
	}
}

func TestReadabilityOptionsValidate(t *testing.T) {
	if err := (&readabilityOptions{MinWords: 0}).Validate(); err == nil {
		t.Error("min_words 0 accepted")
	}
	if err := (&readabilityOptions{MinWords: 5, MaxSentenceWords: map[string]int{"en": -1}}).Validate(); err == nil {
		t.Error("negative limit accepted")
	}
	if err := (&readabilityOptions{MinWords: 5, MinEase: map[string]float64{"de": 200}}).Validate(); err == nil {
		t.Error("ease 200 accepted")
	}
}

// TestScoreText: a score just under the limit never prints as the limit.
func TestScoreText(t *testing.T) {
	for _, c := range []struct {
		score, limit float64
		want         string
	}{
		{42.3, 50, "42"},
		{39.6, 40, "39.6"},
		{39.95, 40, "39.95"},
		{49.5, 50, "49.5"},
		{-3.2, 40, "-3"},
	} {
		if got := scoreText(c.score, c.limit); got != c.want {
			t.Errorf("scoreText(%v, %v) = %q, want %q", c.score, c.limit, got, c.want)
		}
	}
}
