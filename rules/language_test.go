package rules

import "testing"

func TestLanguageRule(t *testing.T) {
	testContentRule(t, "language", []contentCase{
		{name: "italian", path: "sms/it/delay.txt", text: "Il suo pacco è in ritardo.", want: []string{""}},
		{name: "front matter locale", path: "sms/delay.txt", text: "+++\nlocale = \"pt-BR\"\n+++\nOlá", want: []string{""}},
		{name: "german", path: "sms/de/delay.txt", text: "Ihr Paket ist spät.", want: nil},
		{name: "regional french", path: "sms/fr-CA/delay.txt", text: "Votre colis est en retard.", want: nil},
		{name: "default locale", path: "sms/delay.txt", text: "Your parcel is late.", want: nil},
		{name: "whole-app bundle folder", path: "res/values-it/emails.json", text: `{"mail": {"delay": "Gentile cliente, il suo pacco è in ritardo. Cordiali saluti"}}`, want: nil},
	})
	// A catalog reports once per file, not once per message.
	fs := runContent(t, "language", contentCase{name: "catalog", path: "sms/catalog.toml",
		text: "locale = \"it\"\n[[message]]\nbody = \"Ciao\"\n[[message]]\nbody = \"Grazie\"\n"})
	if len(fs) != 1 {
		t.Errorf("catalog: got %d findings, want 1", len(fs))
	}
}
