package rules

import "testing"

func TestSenderID(t *testing.T) {
	brands := "[rules.sender-id]\nbrands = [\"Acme\", \"Acme Bank\"]"
	checkSafetyCases(t, "sender-id", []safetyCase{
		// With configured brands.
		{name: "brand present", path: "en/sms/a.txt", text: "Acme: your parcel is late.", config: brands, want: nil},
		{name: "brand case-insensitive", path: "en/sms/a.txt", text: "Your ACME parcel is late.", config: brands, want: nil},
		{name: "brand possessive", path: "en/sms/a.txt", text: "Your parcel from Acme’s store is late.", config: brands, want: nil},
		{name: "brand missing", path: "en/sms/a.txt", text: "Your parcel is late. New date: Friday.", config: brands, want: []string{"Your"}},
		{name: "brand glued to a word", path: "en/sms/a.txt", text: "AcmeShop: your parcel is late.", config: brands, want: []string{"AcmeShop:"}},
		{name: "brand only in URL", path: "en/sms/a.txt", text: "Your parcel is late: https://acme.example/t/1", config: brands, want: []string{"Your"}},
		{name: "brand only in email address", path: "en/sms/a.txt", text: "Your parcel is late. Write to help@acme.example", config: brands, want: []string{"Your"}},
		{name: "leading space", path: "en/sms/a.txt", text: "  Your parcel is late.", config: brands, want: []string{"Your"}},
		{name: "sender front matter", path: "en/sms/a.txt", text: "+++\nsender = \"Acme\"\n+++\nYour parcel is late.", config: brands, want: nil},
		{name: "brand placeholder", path: "en/sms/a.txt", text: "{{ company_name }}: your parcel is late.", config: brands, want: nil},
		{name: "address placeholder is no brand", path: "en/sms/a.txt", text: "Pick up your parcel at {{store_address}}.", config: brands, want: []string{"Pick"}},
		{name: "german brand", path: "de/sms/a.txt", text: "Ihr Acme-Team: Paket verspätet.", config: brands, want: nil},
		{name: "german missing", path: "de/sms/a.txt", text: "Ihr Paket verspätet sich.", config: brands, want: []string{"Ihr"}},
		{name: "french missing", path: "fr/sms/a.txt", text: "Votre colis a du retard.", config: brands, want: []string{"Votre"}},
		{name: "not sms", path: "en/push/a.txt", text: "Your parcel is late.", config: brands, want: nil},
		// Without configured brands: name-like signals.
		{name: "prefix", path: "en/sms/a.txt", text: "Acme: your parcel is late.", want: nil},
		{name: "bracket prefix", path: "en/sms/a.txt", text: "[Acme] your parcel is late.", want: nil},
		{name: "generic prefix", path: "en/sms/a.txt", text: "Reminder: your appointment is tomorrow at 10:00.", want: []string{"Reminder:"}},
		{name: "time is no prefix", path: "en/sms/a.txt", text: "10:30 tomorrow is your appointment.", want: []string{"10:30"}},
		{name: "sign-off", path: "en/sms/a.txt", text: "Your parcel is late. Your Acme Team", want: nil},
		{name: "dash sign-off", path: "en/sms/a.txt", text: "Your parcel is late. - Acme", want: nil},
		{name: "capitalised mid-sentence", path: "en/sms/a.txt", text: "Your parcel from Acme is late.", want: nil},
		{name: "weekday is no name", path: "en/sms/a.txt", text: "Your parcel arrives on Friday.", want: []string{"Your"}},
		{name: "upper-case brand", path: "en/sms/a.txt", text: "your parcel is with DHL.", want: nil},
		{name: "acronym is no brand", path: "en/sms/a.txt", text: "your code is 1234. Reply STOP to opt out.", want: []string{"your"}},
		{name: "possessive start", path: "en/sms/a.txt", text: "Acme’s parcel arrives tomorrow.", want: nil},
		{name: "today's is no name", path: "en/sms/a.txt", text: "Today's delivery is late.", want: []string{"Today's"}},
		{name: "german nouns are no names", path: "de/sms/a.txt", text: "Ihr Paket kommt am Freitag zwischen 10 und 12 Uhr.", want: []string{"Ihr"}},
		{name: "german sign-off", path: "de/sms/a.txt", text: "Ihr Paket kommt am Freitag. Ihr Acme-Team", want: nil},
		{name: "german stadtwerke", path: "de/sms/a.txt", text: "Strom am Di 9-11 Uhr abgeschaltet. Ihre Stadtwerke Bonn", want: nil},
		{name: "german generic sign-off", path: "de/sms/a.txt", text: "Ihr Paket kommt am Freitag. Ihr Kundenservice", want: []string{"Ihr"}},
		{name: "french sign-off", path: "fr/sms/a.txt", text: "Votre colis arrive vendredi. L’équipe Acme", want: nil},
		{name: "french missing", path: "fr/sms/a.txt", text: "Bonjour Madame, votre colis arrive vendredi.", want: []string{"Bonjour"}},
		{name: "unknown language prefix", path: "it/sms/a.txt", text: "Acme: il pacco è in ritardo.", want: nil},
	})
}
