package load

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestOneMessageFile reads a YAML or JSON file whose keys are one
// message's parts (and notes about it) as that one message, named after
// the file, an e-mail when it has a subject; a small bundle of interface
// strings, or a file with keys that are no parts, stays a bundle.
func TestOneMessageFile(t *testing.T) {
	for _, c := range []struct {
		name, path, text string
		ids              []string // the templates' ids, in order
		parts            string   // the parts of the first template
		channel, notif   string
	}{
		{"osTicket-style e-mail file",
			"i18n/en_US/templates/email/ticket.autoresp.yaml",
			"%YAML 1.0\n---\nnotes: |\n    Sent to a user when a new ticket is created\n\nsubject: |\n    Support Ticket Opened [#%{ticket.number}]\nbody: |\n    <p>Dear %{recipient.name},</p>\n    <p>A request for support has been created and assigned #%{ticket.number}.</p>\n",
			[]string{"ticket.autoresp"}, "subject body", "email", message.Yes},
		{"German file, locale in the path",
			"mails/de_DE/bestellung_versandt.yml",
			"betreff: x\nsubject: Ihre Bestellung ist unterwegs\nbody: Guten Tag {{name}}, Ihre Bestellung ist unterwegs.\n",
			[]string{"betreff", "subject", "body"}, "body", "", ""},
		{"French JSON with title and body under push/",
			"notifications/push/fr/colis_retard.json",
			`{"title": "Colis en retard", "body": "Votre colis arrivera demain entre 10h et 12h."}`,
			[]string{"colis_retard"}, "title body", "push", message.Yes},
		{"two interface strings stay a bundle",
			"config/locales/flash.en.yml",
			"title: Settings\nmessage: Your settings were saved.\n",
			[]string{"title", "message"}, "body", "inapp", ""},
		{"a nested key is a bundle",
			"templates/email/en/order.yaml",
			"subject: Your order\nbody:\n  intro: Thanks for your order.\n",
			[]string{"subject", "body.intro"}, "body", "", ""},
	} {
		ts, err := LoadText(c.path, []byte(c.text), DefaultConfig())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		var ids []string
		for _, tm := range ts {
			ids = append(ids, tm.ID)
		}
		if strings.Join(ids, " ") != strings.Join(c.ids, " ") {
			t.Errorf("%s: templates %q, want %q", c.name, ids, c.ids)
			continue
		}
		var parts []string
		for _, p := range ts[0].Parts {
			parts = append(parts, p.Name)
		}
		if got := strings.Join(parts, " "); got != c.parts {
			t.Errorf("%s: parts %q, want %q", c.name, got, c.parts)
		}
		if c.channel != "" && ts[0].Channel != c.channel {
			t.Errorf("%s: channel %q (%s), want %q", c.name, ts[0].Channel, ts[0].Scope.Channel.Detail, c.channel)
		}
		if c.notif != "" && ts[0].Scope.Notification.Value != c.notif {
			t.Errorf("%s: notification %q (%s), want %q", c.name, ts[0].Scope.Notification.Value, ts[0].Scope.Notification.Detail, c.notif)
		}
	}
}

// TestSubjectAndBodyKeysAreAnEmail: bundle keys that group into a subject
// and a body are an e-mail notification, even when its body reads like an
// instruction ("click the link below"), in en, de and fr; a lone string
// beside them stays an interface text, and a key naming an interface area
// keeps the pair one.
func TestSubjectAndBodyKeysAreAnEmail(t *testing.T) {
	for _, c := range []struct{ path, text string }{
		{"email/en.json", `{"verify_email_subject": "Verify your email address for {hostname}", "verify_email_body": "Please click the link below to verify your email address. <a href=\"{verify_link}\">Verify your email</a>", "save": "Save"}`},
		{"email/de.json", `{"verify_email_subject": "Bestätigen Sie Ihre E-Mail-Adresse", "verify_email_body": "Bitte klicken Sie auf den Link unten, um Ihre E-Mail-Adresse zu bestätigen. <a href=\"{verify_link}\">E-Mail bestätigen</a>", "save": "Speichern"}`},
		{"email/fr.json", `{"verify_email_subject": "Confirmez votre adresse e-mail", "verify_email_body": "Cliquez sur le lien ci-dessous pour confirmer votre adresse e-mail. <a href=\"{verify_link}\">Confirmer</a>", "save": "Enregistrer"}`},
	} {
		ts, err := LoadText(c.path, []byte(c.text), DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, tm := range ts {
			got[tm.ID] = tm.Scope.Notification.Value
		}
		if got["verify_email"] != message.Yes || got["save"] != message.No {
			t.Errorf("%s: notification %v, want verify_email yes, save no", c.path, got)
		}
	}
	ts, err := LoadText("locales/en.json", []byte(`{"settings": {"form_subject": "Subject", "form_body": "Write your message here"}}`), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if v := ts[0].Scope.Notification.Value; v != message.No {
		t.Errorf("a form's subject and body fields: notification %q (%s), want no", v, ts[0].Scope.Notification.Detail)
	}
}
