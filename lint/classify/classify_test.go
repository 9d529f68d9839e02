package classify

import "testing"

func TestReadText(t *testing.T) {
	c := Default()
	cases := []struct {
		name, text, code string
		kind             string
		sure             bool
		label, fragment  bool
		minScore         int
		maxScore         int
	}{
		{name: "en delay", text: "Hi Anna, your parcel is delayed. We are sorry. The Acme team", code: "en", kind: "delay", sure: true, minScore: 5, maxScore: 9},
		{name: "de delay", text: "Hallo Anna, Ihre Lieferung wird sich verspäten. Viele Grüße, Ihr Acme-Team", code: "de", kind: "delay", sure: true, minScore: 5, maxScore: 9},
		{name: "fr delay", text: "Bonjour, votre colis arrivera plus tard que prévu. Cordialement", code: "fr", kind: "delay", sure: true, minScore: 4, maxScore: 9},
		{name: "en outage", text: "Power outage in your street.", code: "en", kind: "outage", sure: true, minScore: 1, maxScore: 3},
		{name: "otp", text: "Your verification code is 123456.", code: "en", kind: "otp", sure: true, minScore: 1, maxScore: 3},
		{name: "weak kind", text: "Your booking is confirmed.", code: "en", kind: "appointment", sure: false, minScore: 1, maxScore: 3},
		{name: "label", text: "Customer name", code: "en", label: true, minScore: -3, maxScore: -3},
		{name: "de label", text: "Kundenname speichern", code: "de", label: true, minScore: -3, maxScore: -3},
		{name: "fragment", text: "The event is scheduled for:", code: "en", fragment: true, minScore: -9, maxScore: 9},
		{name: "ui help", text: "Enter the address of your mail server. Leave empty to use the default.", code: "en", minScore: -9, maxScore: 0},
		{name: "fr ui help", text: "Saisissez l'adresse du serveur. Ce champ est obligatoire.", code: "fr", minScore: -9, maxScore: 0},
		{name: "en reminder with link below", text: "This is a reminder that you have 3 items checked out to you. Please click the link below to confirm your decision.", code: "en", kind: "reminder", sure: false, minScore: 2, maxScore: 9},
		{name: "de reminder with link below", text: "Dies ist eine Erinnerung, dass Sie 3 Artikel ausgeliehen haben. Klicken Sie auf den untenstehenden Link, um sie anzunehmen.", code: "de", kind: "reminder", sure: false, minScore: 2, maxScore: 9},
		{name: "fr reminder with link below", text: "Ceci est un rappel : vous avez 3 articles empruntés. Cliquez sur le lien ci-dessous pour les accepter.", code: "fr", kind: "reminder", sure: false, minScore: 2, maxScore: 9},
		{name: "en ui click", text: "Click the Save button to keep your changes. Click on Cancel to leave.", code: "en", minScore: -9, maxScore: 0},
		{name: "en event ticket", text: "We received your payment for {event}. Thank you! You will be able to download your ticket at: {url}", code: "en", minScore: -9, maxScore: 9},
		{name: "de event ticket", text: "Vielen Dank für Ihre Zahlung. Ihr Ticket für die Veranstaltung finden Sie im Anhang.", code: "de", minScore: -9, maxScore: 9},
		{name: "fr event ticket", text: "Merci pour votre paiement. Votre ticket pour l'événement est en pièce jointe.", code: "fr", minScore: -9, maxScore: 9},
		{name: "en support ticket", text: "We have received your ticket and will reply within 2 days.", code: "en", kind: "ticket", sure: true, minScore: 1, maxScore: 9},
		{name: "sms marker", text: "Acme: sale today. Reply STOP to opt out", code: "en", kind: "marketing", sure: true, minScore: 3, maxScore: 9},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := c.ReadText(tc.text, tc.code)
			if got.Kind != tc.kind || (tc.kind != "" && got.KindSure != tc.sure) {
				t.Errorf("kind %q sure %v, want %q sure %v", got.Kind, got.KindSure, tc.kind, tc.sure)
			}
			if got.Label != tc.label || got.Fragment != tc.fragment {
				t.Errorf("label %v fragment %v, want %v %v", got.Label, got.Fragment, tc.label, tc.fragment)
			}
			if s := got.Score(); s < tc.minScore || s > tc.maxScore {
				t.Errorf("score %d, want %d..%d (%+v)", s, tc.minScore, tc.maxScore, got)
			}
		})
	}
}

func TestReadKey(t *testing.T) {
	c := Default()
	cases := []struct {
		key                    string
		notification, ui, kind string
	}{
		{"emails.orderShipped_subject", "emails", "", "process-update"},
		{"notifications.incident.new.sms.content", "notifications", "", "outage"},
		{"settings.form.customerName_label", "", "settings", ""},
		{"mails/versandverzug.html", "mails", "", "delay"},
		{"colis-en-retard", "", "", "delay"},
		{"stock_shortage", "", "", "delay"},
		{"contactSupportEmail", "", "", ""},
		{"guestPollAlertTitle", "", "alert", ""},
		// An action someone did late is no delay of the reader's.
		{"assignment_submitted_late", "", "", ""},
		{"parcel_late", "", "", "delay"},
		{"sms/delivery-late.txt", "sms", "", "delay"},
	}
	for _, tc := range cases {
		got := c.ReadKey(tc.key)
		if got.Notification != tc.notification || got.UI != tc.ui || got.Kind != tc.kind {
			t.Errorf("%s: %+v, want notification %q ui %q kind %q", tc.key, got, tc.notification, tc.ui, tc.kind)
		}
	}
}

func TestLanguage(t *testing.T) {
	c := Default()
	cases := map[string]string{
		"Your parcel is on its way and will be with you today.":          "en",
		"Ihr Paket ist unterwegs und wird heute bei Ihnen sein.":         "de",
		"Votre colis est en route et sera chez vous aujourd'hui, merci.": "fr",
		"OK": "",
		"N'hésitez pas à nous contacter si vous avez des questions sur la commande.": "fr",
	}
	for text, want := range cases {
		got := c.Language(text)
		code := got.Code
		if !got.Sure {
			code = ""
		}
		if code != want {
			t.Errorf("%q: %+v, want %q", text, got, want)
		}
	}
}

func TestTokens(t *testing.T) {
	got := Tokens("emails.orderShipped_subject/de-DE")
	want := []string{"emails", "order", "shipped", "subject", "de", "de"}
	if len(got) != len(want) {
		t.Fatalf("%q, want %q", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q, want %q", got, want)
		}
	}
}

func FuzzReadText(f *testing.F) {
	c := Default()
	for _, s := range []string{"Hi, your parcel is delayed.", "", ":", "É\u0301 ü", "Bonjour,\n\nmerci"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = c.ReadText(s, "de")
		_ = c.ReadKey(s)
		_ = c.Language(s)
	})
}

// TestReadTextHypothetical: a kind phrase a purpose or condition governs
// ("to avoid any interruption", "en cas de panne", "Unterbrechung zu
// vermeiden") names no event; the same phrase stated as fact does.
func TestReadTextHypothetical(t *testing.T) {
	c := Default()
	for _, tc := range []struct {
		text, code, kind string
	}{
		{"Your payment failed. To avoid any interruption in service, please update your card.", "en", ""},
		{"In case of a power cut, call 0800 123 456.", "en", ""},
		{"There is an interruption in service in your area. We expect it back by 18:00.", "en", "outage"},
		{"Ihre Zahlung ist fehlgeschlagen. Um eine Unterbrechung des Dienstes zu vermeiden, aktualisieren Sie bitte Ihre Karte.", "de", ""},
		{"Im Falle einer Störung rufen Sie uns an.", "de", ""},
		{"In Ihrer Straße gibt es eine Störung. Wir rechnen mit einer Behebung bis 18 Uhr.", "de", "outage"},
		{"Votre paiement a échoué. Pour éviter toute interruption de service, mettez à jour votre carte.", "fr", ""},
		{"En cas de panne, appelez le 0800 123 456.", "fr", ""},
		{"Une panne touche votre quartier. Retour prévu à 18h.", "fr", "outage"},
	} {
		if got := c.ReadText(tc.text, tc.code).Kind; got != tc.kind {
			t.Errorf("%q: kind %q, want %q", tc.text, got, tc.kind)
		}
	}
}
