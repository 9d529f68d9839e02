package lint

import (
	"os"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestInferScope(t *testing.T) {
	cases := []struct {
		name, path, text string
		id               string // template to look at; "" the first
		notification     string
		channel, kind    string
		locale           string
		channelKnown     bool
	}{
		{name: "sms folder", path: "sms/de/x.txt", text: "Ihr Paket verspätet sich.",
			notification: message.Yes, channel: "sms", channelKnown: true, kind: "delay", locale: "de"},
		{name: "plain text is an SMS only as a guess", path: "templates/x.txt", text: "Your parcel is on its way.",
			notification: message.Yes, channel: "sms", channelKnown: false, locale: "en"},
		{name: "reply STOP makes an SMS", path: "templates/x.txt", text: "Acme: 20% off today. Reply STOP to opt out",
			notification: message.Yes, channel: "sms", channelKnown: true, kind: "marketing", locale: "en"},
		{name: "e-mail read from the text", path: "templates/x.txt", text: "Hello Anna,\n\nyour order is on its way. It arrives on Monday.\n\nBest regards,\nAcme",
			notification: message.Yes, channel: "email", channelKnown: true, locale: "en"},
		{name: "html document", path: "mails/x.html", text: "<p>Bonjour, votre colis arrivera plus tard que prévu. Nous vous prions de nous excuser pour ce retard.</p>",
			notification: message.Yes, channel: "email", channelKnown: true, kind: "delay", locale: "fr"},
		{name: "slack is staff chat", path: "notifications/incident.slack.txt", text: "A new incident was reported.",
			notification: message.No, channel: "chat", channelKnown: true, kind: "outage", locale: "en"},
		{name: "android folder", path: "res/values-de/x.txt", text: "Ihr Termin ist morgen.", notification: message.Yes, locale: "de", channel: "sms"},
		{name: "texts-fr folder", path: "texts-fr/x.txt", text: "Votre rendez-vous est demain.", notification: message.Yes, locale: "fr", channel: "sms"},
		{name: "gettext variant folder", path: "locale/de_Formal/x.txt", text: "Ihr Termin ist morgen.", notification: message.Yes, locale: "de-x-formal", channel: "sms"},
		{name: "locale from the text", path: "x/msg.txt", text: "Votre colis est en route et sera chez vous aujourd'hui.", notification: message.Yes, locale: "fr", channel: "sms"},
		{name: "compound file name", path: "mails/versandverzug.html", text: "<p>Hallo, Ihr Paket kommt.</p>",
			notification: message.Yes, channel: "email", channelKnown: true, kind: "delay", locale: "en"},
		// Whole-application bundles.
		{name: "ui label in a bundle", path: "locales/en/app.json", text: `{"settings": {"customerName": "Customer name"}}`,
			notification: message.No, channel: "inapp", locale: "en"},
		{name: "help text in a bundle", path: "locales/en/app.json", text: `{"mailServerHelp": "Enter the address of your mail server. Leave empty to use the default."}`,
			notification: message.No, channel: "inapp", locale: "en"},
		{name: "mail key and text", path: "locales/de/emails.json", text: `{"orderDelayed_text": "Hallo, Ihre Bestellung verspätet sich leider."}`,
			notification: message.Yes, channel: "email", channelKnown: true, kind: "delay", locale: "de"},
		{name: "sms key", path: "locales/fr.json", text: `{"sms": {"delay": "Acme : votre colis est en retard."}}`,
			notification: message.Yes, channel: "sms", channelKnown: true, kind: "delay", locale: "fr"},
		{name: "sms key on a label", path: "locales/en.json", text: `{"form": {"sms_label": "Registration form (SMS)"}}`,
			notification: message.No, channel: "sms", channelKnown: true, locale: "en"},
		{name: "event key and message text", path: "config/locales/en.yml", text: "en:\n  parcel:\n    delayed: \"Acme: your parcel is running late. New delivery time: %{eta}.\"\n",
			notification: message.Yes, channel: "inapp", kind: "delay", locale: "en"},
		{name: "fragment", path: "locales/en/emails.json", text: `{"event_when": "The event is scheduled for:"}`,
			notification: message.No, channel: "email", channelKnown: true, locale: "en"},
		{name: "a bundle named for a channel", path: "lang/pl/sms.php", text: "<?php\nreturn [\n  'reminder' => 'Przypomnienie: wizyta jutro o 10:00. Odpowiedz TAK, aby potwierdzić.',\n];\n",
			notification: message.Yes, channel: "sms", channelKnown: true, kind: "reminder", locale: "pl"},
		{name: "greeting and sign-off without key words", path: "locales/en.json", text: `{"x": "Dear customer, your claim is being processed. Kind regards, the Acme team"}`,
			notification: message.Yes, channel: "inapp", locale: "en"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cfg := DefaultConfig(nil)
			ts, err := LoadTemplates(tc.path, []byte(tc.text), cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(ts) == 0 {
				t.Fatal("no templates")
			}
			tp := ts[0]
			s := tp.Scope
			if s.Notification.Value != tc.notification {
				t.Errorf("notification %+v, want %s", s.Notification, tc.notification)
			}
			if tp.Channel != tc.channel || s.Channel.Known() != tc.channelKnown {
				t.Errorf("channel %+v, want %s known %v", s.Channel, tc.channel, tc.channelKnown)
			}
			if tc.kind != "" && (tp.Kind != tc.kind || !s.Kind.Known()) {
				t.Errorf("kind %+v, want %s", s.Kind, tc.kind)
			}
			if tc.kind == "" && s.Kind.Known() {
				t.Errorf("kind %+v, want none known", s.Kind)
			}
			if tp.Locale != tc.locale {
				t.Errorf("locale %+v, want %s", s.Locale, tc.locale)
			}
		})
	}
}

func TestFrontMatterWins(t *testing.T) {
	cfg := DefaultConfig(nil)
	src := "+++\nchannel = \"push\"\nkind = \"info\"\nlocale = \"de\"\n+++\nYour parcel is delayed."
	ts, err := LoadTemplates("sms/en/x.txt", []byte(src), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := ts[0].Scope
	if s.Channel.Value != "push" || s.Channel.Source != message.FromFrontMatter || s.Kind.Value != "info" || s.Locale.Value != "de" {
		t.Errorf("front matter lost: %+v", s)
	}
}

func TestAppliesMatch(t *testing.T) {
	tp := &message.Template{}
	tp.SetNotification(true, message.FromPath, message.Medium, "file")
	tp.SetChannel("sms", message.FromDefault, message.Low, "guess")
	tp.SetKind("delay", message.FromText, message.Medium, "delayed")
	if (Applies{Notifications: true, Channels: []string{"sms"}}).Match(tp) {
		t.Error("a guessed channel must not run an SMS rule")
	}
	if !(Applies{Notifications: true, Kinds: []string{"delay"}}).Match(tp) {
		t.Error("a known kind must run a kind rule")
	}
	tp.SetChannel("sms", message.FromPath, message.Medium, "sms/")
	if !(Applies{Channels: []string{"sms"}}).Match(tp) {
		t.Error("a known channel must run")
	}
	ui := &message.Template{}
	ui.SetNotification(false, message.FromText, message.Medium, "label")
	if (Applies{Notifications: true}).Match(ui) {
		t.Error("a UI string must not run a content rule")
	}
	if !(Applies{}).Match(ui) {
		t.Error("the zero Applies runs everywhere")
	}
}

func TestDocumentsAreNoNotifications(t *testing.T) {
	cases := []struct {
		path, text string
		want       string
	}{
		{"docs/guide.md", "Your parcel is on its way.", message.No},
		{"templates/welcome.md", "# Welcome\n\nHello {{name}}, welcome to Acme.", message.Yes},
		{"templates/setup.md", "# Setup\n\n```sh\nmake\n```\n", message.No},
		{"reports/week.md", "Your numbers:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", message.No},
		{"templates/login.html", "<form action=/login><input name=user></form>", message.No},
		{"templates/shipped.html", "<p>Hello, your order has shipped.</p>", message.Yes},
		{"email/login.html", "<p>Your code: <input value=123></p>", message.Yes},
		{"templates/notes.md", "+++\nchannel = \"email\"\n+++\n# A\n# B\n# C\nText.", message.Yes},
	}
	for _, c := range cases {
		ts, err := LoadTemplates(c.path, []byte(c.text), DefaultConfig(nil))
		if err != nil {
			t.Fatal(err)
		}
		if got := ts[0].Scope.Notification; got.Value != c.want {
			t.Errorf("%s: %+v, want %s", c.path, got, c.want)
		}
	}
}

func TestRunnerSkipsDocuments(t *testing.T) {
	dir := t.TempDir()
	p := dir + "/docs/x.md"
	if err := os.MkdirAll(dir+"/docs", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte("Unbalanced }} placeholder, PENDING_STATUS."), 0o644); err != nil {
		t.Fatal(err)
	}
	rule := &Rule{ID: "any", Severity: message.Error, Check: func(p *Pass) { p.Report(Diagnostic{Start: 0, End: 1, Message: "x"}) }}
	cfg := DefaultConfig([]*Rule{rule})
	res := (&Runner{Rules: []*Rule{rule}, Config: cfg}).RunFiles([]string{p})
	if len(res.Findings) != 0 {
		t.Errorf("findings on documentation: %+v", res.Findings)
	}
}
