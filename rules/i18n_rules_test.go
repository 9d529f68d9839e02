package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// findingsOf loads text as the file at path and returns "line:col text"
// of the findings of rule id.
func findingsOf(t *testing.T, id, path, text string) []string {
	t.Helper()
	all := All()
	cfg := lint.DefaultConfig(all)
	ts, err := lint.LoadTemplates(path, []byte(text), cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := &lint.Runner{Rules: all, Config: cfg}
	var out []string
	for _, tp := range ts {
		for _, f := range r.CheckTemplate(tp, nil) {
			if f.Rule == id {
				out = append(out, text[f.Offset:f.EndOffset]+" "+f.Severity.String())
			}
		}
	}
	return out
}

func TestMixedLanguage(t *testing.T) {
	cases := []struct {
		path, text string
		want       []string // reported phrases
	}{
		// true positives
		{"de/a.txt", "Der Status Ihrer Bestellung (Number: {{ n }}) hat sich geändert.", []string{"Number"}},
		{"de/a.txt", "Vielen Dank! Your order has shipped.", []string{"Your order has shipped"}},
		{"en/a.txt", "Your parcel is late. Vielen Dank für Ihre Geduld.", []string{"Vielen Dank für Ihre"}},
		{"en/a.txt", "Thanks for waiting. Merci pour votre patience.", []string{"Merci pour votre"}},
		{"fr/a.txt", "Votre colis est arrivé. Thank you for your order!", []string{"Thank you for your order"}},
		{"fr/a.txt", "Votre colis est arrivé. Vielen Dank!", []string{"Vielen Dank"}},
		// false positives: loanwords, names, quotes, acronyms, addresses
		{"de/a.txt", "Ihr Online-Ticket liegt im Account. Per E-Mail kommt der Code vom Service-Team, Update per Link zum Login.", nil},
		{"de/a.txt", "Besuchen Sie The North Face im Zentrum. Lizenz: MIT.", nil},
		{"de/a.txt", "Klicken Sie auf „Your Orders“ oder schreiben Sie an your.name@example.com, https://example.com/your-order/the-status", nil},
		{"en/a.txt", "Meet us at Café de la Paix near the Ludwig von Mises Institute, a la carte menu, rendez-vous at 10:00. Die Hard is on TV.", nil},
		{"fr/a.txt", "Votre code par SMS et votre e-mail arrivent ce week-end. Le ton de votre enceinte vous plaira. Cliquez sur « My Account ».", nil},
		{"it/a.txt", "Your parcel is late.", nil}, // no language data for it
	}
	for _, c := range cases {
		got := findingsOf(t, "mixed-language", c.path, c.text)
		var phrases []string
		for _, g := range got {
			phrases = append(phrases, strings.TrimSuffix(g, " warning"))
		}
		if strings.Join(phrases, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q:\n got %q\nwant %q", c.path, c.text, phrases, c.want)
		}
	}
}

func TestFormality(t *testing.T) {
	cases := []struct {
		path, text string
		want       []string
	}{
		{"de/a.txt", "Sie erhalten Ihre Bestellung morgen. Hast du Fragen? Schreib uns.", []string{"du warning"}},
		{"de/a.txt", "Du bekommst deine Bestellung morgen, bitte halten Sie den Ausweis bereit.", []string{"Sie warning"}},
		{"de/a.txt", "Hallo,\nihr Händlerkonto wurde freigeschaltet. Wir berechnen Ihnen den Netto-Preis.", []string{"ihr info"}},
		{"de/a.txt", "Sie erhalten Ihre Bestellung morgen. Wir liefern sie bis 12 Uhr.", nil},
		{"de/a.txt", "Hallo! Hast du Zeit? Dein Paket kommt morgen.", nil},
		{"de/a.txt", "Sie haben Post. Sie liegt im Briefkasten.", nil},
		{"fr/a.txt", "Vous recevrez votre commande demain. Tu peux la suivre en ligne.", []string{"Tu warning"}},
		{"fr/a.txt", "Vous aimerez le ton de votre nouvelle enceinte.", nil},
		{"fr/a.txt", "Tu as reçu ton colis, bravo !", nil},
		{"en/a.txt", "You and thou.", nil},
		// Lower-case "ihr" about someone else; "Ihr" after a sender prefix (issue 11).
		{"de/a.txt", "Sie erhalten morgen Besuch: die Techniker und ihre Termine finden Sie im Portal.", nil},
		{"de/a.txt", "Wir informieren Sie, sobald Kunden und ihr Paket zugeordnet sind.", nil},
		{"de/a.txt", "Wir schreiben Ihnen eine Gutschrift gut. Die Fahrer kennen ihre Route genau.", nil},
		{"de/a.txt", "Wir schreiben Ihnen eine Gutschrift gut. Vielen Dank für ihre Geduld.", []string{"ihre info"}},
		{"de/a.txt", "Wir schreiben Ihnen eine Gutschrift gut. Die Lieferung erfolgt an ihre Adresse.", []string{"ihre info"}},
		{"de/a.txt", "Acme: Ihr Paket kommt morgen. Kannst du zu Hause sein?", []string{"du warning"}},
		{"de/a.txt", "Acme Energie: Ihre Rechnung ist da. Hast du Fragen?", []string{"du warning"}},
		{"de/a.txt", "Acme: Ihr Paket kommt morgen. Sie müssen nichts tun.", nil},
		{"de/a.txt", "Ihr Paket kommt morgen. Kannst du zu Hause sein?", nil},
		{"de/a.txt", "Hallo Anna,\nIhr Paket kommt morgen. Kannst du zu Hause sein?", []string{"du warning"}},
		{"de/a.txt", "Hallo Anna,\n\nIhr Paket kommt morgen. Kannst du zu Hause sein?", []string{"du warning"}},
		{"de/a.txt", "Hallo Anna.\nIhr Paket kommt morgen. Kannst du zu Hause sein?", nil},
		{"fr/a.txt", "Acme : vous recevrez votre colis demain. Tu peux le suivre en ligne.", []string{"Tu warning"}},
		{"fr/a.txt", "Acme : tu recevras ton colis demain. Merci pour ta confiance.", nil},
		// The full stop after an e-mail address or a URL ends the sentence:
		// "Sie" after it is "they" at a sentence start, not the reader.
		{"de/a.txt", "Hast du Fragen? Infos unter https://acme.de. Sie antworten schnell.", nil},
		{"de/a.txt", "Hast du Fragen? Schreib uns an hilfe@acme.de. Sie antworten schnell.", nil},
		{"de/a.txt", "Hast du Fragen? Schreib uns an hilfe@acme.de, Sie antworten schnell.", []string{"du warning"}},
	}
	for _, c := range cases {
		if got := findingsOf(t, "formality", c.path, c.text); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s %q:\n got %q\nwant %q", c.path, c.text, got, c.want)
		}
	}
}

func TestTranslationParityOptions(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"locales/en.json": `{"a": "Your parcel {{id}} is late", "b": "Acme Parcel Service Online", "c": "Hi"}`,
		"locales/de.json": `{"a": "Ihr Paket ist spät", "b": "Acme Parcel Service Online"}`,
	}
	var paths []string
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, full)
	}
	sort.Strings(paths)
	run := func(cfgText string) []string {
		all := All()
		cfgPath := filepath.Join(dir, ".notelint.toml")
		if err := os.WriteFile(cfgPath, []byte(cfgText), 0o644); err != nil {
			t.Fatal(err)
		}
		cfg, err := lint.LoadConfig(cfgPath, all)
		if err != nil {
			t.Fatal(err)
		}
		res := (&lint.Runner{Rules: all, Config: cfg}).RunFiles(paths)
		var out []string
		for _, f := range res.Findings {
			if f.Rule == translationParityID {
				out = append(out, filepath.Base(f.File)+":"+f.Severity.String())
			}
		}
		sort.Strings(out)
		return out
	}
	// Nothing says these keys are notifications: by default they are not
	// compared; all_keys compares every key.
	if got := strings.Join(run(""), " "); got != "" {
		t.Errorf("defaults (interface strings): %q", got)
	}
	if got := strings.Join(run("[rules.translation-parity]\nall_keys = true\n"), " "); got != "de.json:error en.json:warning" {
		t.Errorf("all_keys: %q", got)
	}
	if got := strings.Join(run("[rules.translation-parity]\nall_keys = true\nignore_keys = [\"b\", \"c\"]\n"), " "); got != "de.json:error" {
		t.Errorf("ignore_keys: %q", got)
	}
	// With de as the source, en has an extra placeholder and an extra key.
	if got := strings.Join(run("[rules.translation-parity]\nall_keys = true\nsource_locale = \"de\"\nuntranslated_min_words = 9\n"), " "); got != "en.json:error" {
		t.Errorf("source_locale de: %q", got)
	}
}

func TestSMSUnicodeScripts(t *testing.T) {
	cases := []struct {
		name, path, text string
		want             []string
	}{
		{"curly apostrophe in GSM text", "sms/en/a.txt", "Acme: we’re on our way.", []string{"’ warning"}},
		{"Arabic: one finding for the message", "sms/ar/a.txt", "أكمي: طلبك في الطريق، يصل غدا’.", []string{"أ info"}},
		{"Cyrillic: one finding", "sms/ru/a.txt", "Акме: ваш заказ в пути.", []string{"А info"}},
		{"Greek letters in GSM text", "sms/el/a.txt", "ΔΩΣ", nil},
		{"French accents have replacements", "sms/fr/a.txt", "Acme : votre colis arrivera à 14 h, côté jardin.", []string{"ô warning"}},
		{"German umlauts are GSM", "sms/de/a.txt", "Acme: Ihr Paket kommt um 14 Uhr, Grüße.", nil},
		{"emoji in GSM text", "sms/en/b.txt", "Acme: on our way 🚚", []string{"🚚 warning"}},
	}
	for _, c := range cases {
		if got := findingsOf(t, "sms-unicode", c.path, c.text); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// parityBundleFindings runs every rule over locale bundles (name → JSON
// text, under locales/, with all_keys on and the translation-parity
// options given) and returns the
// translation-parity findings as "file: message".
func parityBundleFindings(t *testing.T, bundles map[string]string, options string) []string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{".notelint.toml": "[rules.translation-parity]\nall_keys = true\n" + options + "\n"}
	var paths []string
	for name, text := range bundles {
		files["locales/"+name] = text
		paths = append(paths, filepath.Join(dir, "locales", name))
	}
	sort.Strings(paths)
	writeFiles(t, dir, files)
	all := All()
	cfg, err := lint.LoadConfig(filepath.Join(dir, ".notelint.toml"), all)
	if err != nil {
		t.Fatal(err)
	}
	res := (&lint.Runner{Rules: all, Config: cfg}).RunFiles(paths)
	var got []string
	for _, f := range res.Findings {
		if f.Rule == "translation-parity" {
			got = append(got, filepath.Base(f.File)+": "+f.Message)
		}
	}
	return got
}

// TestParitySourceIsEnglishUnlessStated: with no source locale stated,
// English is the source, so a key only a translation has (stale, or
// renamed in the source) is not reported as missing in English; a
// German-first project states source_locale and gets the key missing in
// English, reported at the German source. With no English, the locale
// that has every key is the source.
func TestParitySourceIsEnglishUnlessStated(t *testing.T) {
	bundles := map[string]string{
		"de.json": `{"a": "Ihr Paket {{id}} kommt spät.", "b": "Ihre Rechnung ist da.", "c": "Danke für Ihre Bestellung."}`,
		"en.json": `{"a": "Your parcel {{id}} is late.", "b": "Your invoice is here."}`,
	}
	if got := parityBundleFindings(t, bundles, ""); len(got) != 0 {
		t.Errorf("no source stated: got %q, want nothing (c is only in the de translation)", got)
	}
	got := parityBundleFindings(t, bundles, `source_locale = "de"`)
	if len(got) != 1 || !strings.HasPrefix(got[0], "de.json: \"c\" has no en translation") {
		t.Errorf("source_locale de: got %q, want one finding: c missing in en, reported at the de source", got)
	}
	got = parityBundleFindings(t, map[string]string{
		"de.json": bundles["de.json"],
		"fr.json": `{"a": "Votre colis {{id}} est en retard.", "b": "Votre facture est là."}`,
	}, "")
	if len(got) != 1 || !strings.HasPrefix(got[0], "de.json: \"c\" has no fr translation") {
		t.Errorf("no English: got %q, want one finding: c missing in fr, reported at the de source", got)
	}
}

// TestParitySourceWhenNoLocaleHasEveryKey: when translations lag behind
// the source and also keep keys it dropped, no locale has every key; the
// source is then English, whatever locale has more keys, and a message
// missing in several locales is one finding naming them.
func TestParitySourceWhenNoLocaleHasEveryKey(t *testing.T) {
	got := parityBundleFindings(t, map[string]string{
		"de.json": `{"a": "Ihr Paket {{id}} kommt spät.", "b": "Ihre Rechnung ist da.", "d": "Alter Text.", "e": "Noch ein alter Text."}`,
		"en.json": `{"a": "Your parcel {{id}} is late.", "b": "Your invoice is here.", "c": "Thanks for your order."}`,
		"fr.json": `{"a": "Votre colis {{id}} est en retard.", "b": "Votre facture est là."}`,
	}, "")
	if len(got) != 1 || !strings.HasPrefix(got[0], `en.json: "c" has no de, fr translation`) {
		t.Errorf("got %q, want one finding: c missing in de and fr, reported at the en source", got)
	}
}

// TestParityMissingIsOneFindingPerFile: the messages of a source file
// missing in the same locales are one finding that names them; a message
// missing in other locales is another.
func TestParityMissingIsOneFindingPerFile(t *testing.T) {
	got := parityBundleFindings(t, map[string]string{
		"en.json": `{"a": "Your parcel {{id}} is late.", "order": {"shipped": {"intro": "Your order is on its way.", "outro": "Track it in the app."}}, "b": "Your invoice is here.", "c": "Your refund is on its way."}`,
		"de.json": `{"a": "Ihr Paket {{id}} kommt spät.", "c": "Ihre Erstattung ist unterwegs."}`,
		"fr.json": `{"a": "Votre colis {{id}} est en retard.", "order": {"shipped": {"intro": "Votre commande est en route.", "outro": "Suivez-la dans l'appli."}}, "b": "Votre facture est là."}`,
	}, "")
	if len(got) != 2 || !strings.HasPrefix(got[0], `en.json: 3 messages ("order.shipped.intro", "order.shipped.outro", "b") have no de translation`) || !strings.HasPrefix(got[1], `en.json: "c" has no fr translation`) {
		t.Errorf("got %q, want the three messages missing in de as one finding and c, missing in fr, as another", got)
	}
}

// TestParityPersonNameSwap: a translation that addresses the reader by
// another of their names (user.fullname for user.firstname) is a
// translator's choice; another field of the same object
// (order.number for order.orderNumber) is still a warning.
func TestParityPersonNameSwap(t *testing.T) {
	got := parityBundleFindings(t, map[string]string{
		"en.json": `{"reset": "Hi {{user.firstname}}, your order {{order.orderNumber}} has shipped."}`,
		"de.json": `{"reset": "Guten Tag {{user.fullname}}, Ihre Bestellung {{order.number}} ist unterwegs."}`,
		"fr.json": `{"reset": "Bonjour {{user.last_name}}, votre commande {{order.orderNumber}} est en route."}`,
	}, "")
	if len(got) != 1 || !strings.Contains(got[0], `de.json: the de translation uses "{{order.number}}"`) {
		t.Errorf("got %q, want one finding: order.number in de", got)
	}
}

// TestParityEmailSplitOverKeys: the texts beside an e-mail's subject are
// that e-mail; a missing translation names the e-mail once, with how many
// of its texts are missing when not all are.
func TestParityEmailSplitOverKeys(t *testing.T) {
	got := parityBundleFindings(t, map[string]string{
		"en.yml": "en:\n  email:\n    invoice:\n      subject: Your invoice from %{org}\n      intro: Your invoice is ready.\n      outro: Pay it by the due date.\n    reset:\n      subject: Reset your password\n      intro: Use the link below to choose a new password.\n",
		"de.yml": "de:\n  email:\n    invoice:\n      subject: Ihre Rechnung von %{org}\n      intro: Ihre Rechnung ist fertig.\n",
		"fr.yml": "fr:\n  email:\n    invoice:\n      subject: Votre facture de %{org}\n      intro: Votre facture est prête.\n",
	}, "")
	want := `en.yml: 2 messages ("email.invoice" (1 of 3 texts), "email.reset") have no de, fr translation`
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("got %q, want one finding starting %q", got, want)
	}
}

// TestParityPlaceholdersInLinksAndVariants: a placeholder in the source's
// link target is in the source; a translation that uses a longer variant
// of a source name (entityType for entityTypeLowerFirst) gets a warning
// that says so, not an error.
func TestParityPlaceholdersInLinksAndVariants(t *testing.T) {
	got := parityBundleFindings(t, map[string]string{
		"assignment/en/body.html": `<p>{{assignerUserName}} has assigned {{entityTypeLowerFirst}} to you.</p><p><a href="{{recordUrl}}">View record</a></p>`,
		"assignment/de/body.html": `<p>{{assignerUserName}} hat Ihnen {{entityType}} zugewiesen.</p><p><a href="{{recordUrl}}">Datensatz ansehen</a></p>`,
		"assignment/fr/body.html": `<p>{{assignerUserName}} vous a assigné {{entityTypeLowerFirst}}.</p><p><a href="{{recordUrl}}">{{recordUrl}}</a></p>`,
	}, "")
	if len(got) != 1 || !strings.Contains(got[0], `uses "{{entityType}}" where the en source uses {{entityTypeLowerFirst}}: fine if the program fills both`) {
		t.Errorf("got %q, want one warning on the de variant name and nothing on fr's {{recordUrl}}", got)
	}
}
