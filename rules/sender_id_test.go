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
		// Brands inside German compounds (issue 11).
		{name: "configured brand in a compound", path: "de/sms/a.txt", text: "Ihre Ablesung ist am Montag. Details im Stadtwerke-Kundenkonto.", config: "[rules.sender-id]\nbrands = [\"Stadtwerke\"]", want: nil},
		{name: "configured brand in a compound mid-sentence", path: "de/sms/a.txt", text: "Im Acme-Konto sehen Sie die neue Zeit.", config: brands, want: nil},
		{name: "configured brand of two words in a compound", path: "de/sms/a.txt", text: "Ihre Ablesung ist am Montag. Details in der Stadtwerke-Bonn-App.", config: "[rules.sender-id]\nbrands = [\"Stadtwerke Bonn\"]", want: nil},
		{name: "hyphenated brand written with a space", path: "de/sms/a.txt", text: "Acme Bank: Ihre Karte kommt am Montag.", config: "[rules.sender-id]\nbrands = [\"Acme-Bank\"]", want: nil},
		{name: "other compound with configured brand", path: "de/sms/a.txt", text: "Im Kunden-Konto sehen Sie die neue Zeit.", config: brands, want: []string{"Im"}},
		{name: "detected brand in a compound", path: "de/sms/a.txt", text: "Im Stadtwerke-Kundenkonto sehen Sie die neue Zeit.", want: nil},
		{name: "detected brand in an app compound", path: "de/sms/a.txt", text: "Ihre Sendung kommt am Montag, Status in der Acme-App.", want: nil},
		{name: "generic compound is no brand", path: "de/sms/a.txt", text: "Ihre Sendung kommt am Montag, Status im Kunden-Konto.", want: []string{"Ihre"}},
		{name: "compound at the end is no dash sign-off", path: "de/sms/a.txt", text: "Ihre Sendung kommt am Montag. Status im Online-Konto.", want: []string{"Ihre"}},
		// Promotional words in capitals are no sender (issue 11).
		{name: "en MEGA DEAL", path: "en/sms/marketing.txt", text: "MEGA DEAL: 50% off everything today. Reply STOP to opt out", want: []string{"MEGA"}},
		{name: "en SALE", path: "en/sms/marketing.txt", text: "Our SALE starts today: 30% off. Reply STOP to opt out", want: []string{"Our"}},
		{name: "en brand and SALE", path: "en/sms/marketing.txt", text: "ACME SALE: 30% off today. Reply STOP to opt out", want: nil},
		{name: "de GRATIS", path: "de/sms/marketing.txt", text: "Nur heute GRATIS Versand auf alles! Abmelden: STOP an 12345", want: []string{"Nur"}},
		{name: "de SALE in German", path: "de/sms/marketing.txt", text: "MEGA SALE: heute 30 % auf alles. Abmelden: STOP an 12345", want: []string{"MEGA"}},
		{name: "de Aktion bei Marke", path: "de/sms/marketing.txt", text: "SOMMER SALE bei Gartenwelt: 25 % auf Gartenmöbel. Abmelden: STOP an 55555", want: nil},
		{name: "de Satz vor Doppelpunkt", path: "de/sms/a.txt", text: "Neue Zustellung am Montag: 8-12 Uhr.", want: []string{"Neue"}},
		{name: "de Marke und GRATIS", path: "de/sms/marketing.txt", text: "ACME: heute GRATIS Versand. Abmelden: STOP an 12345", want: nil},
		{name: "fr PROMO", path: "fr/sms/marketing.txt", text: "PROMO : -30 % sur tout aujourd'hui. STOP au 36111", want: []string{"PROMO"}},
		{name: "fr SOLDES", path: "fr/sms/marketing.txt", text: "Les SOLDES commencent : -30 % sur tout. STOP au 36111", want: []string{"Les"}},
		{name: "fr name with d'", path: "fr/sms/a.txt", text: "Caisse d'Epargne : votre carte arrive lundi.", want: nil},
		{name: "fr sentence before a colon is no name", path: "fr/sms/a.txt", text: "Votre colis arrive : lundi entre 10h et 12h.", want: []string{"Votre"}},
		{name: "fr marque et PROMO", path: "fr/sms/marketing.txt", text: "ACME PROMO : -30 % sur tout. STOP au 36111", want: nil},
	})
}
