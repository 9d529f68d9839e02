package rules

import "testing"

func TestLeftoverText(t *testing.T) {
	checkSafetyCases(t, "leftover-text", []safetyCase{
		// English: true positives.
		{name: "en product name", path: "en/email/a.txt", text: "Thanks for using [Product Name]. Your invoice is attached.", want: []string{"[Product Name]"}},
		{name: "en your name", path: "en/email/a.txt", text: "Hi Anna,\n\nyour order has shipped.\n\n[Your Name]\nAcme Support", want: []string{"[Your Name]"}},
		{name: "en lower-case stand-in", path: "en/email/a.txt", text: "Questions? Write to [email address] any time.", want: []string{"[email address]"}},
		{name: "en company with comma", path: "en/email/a.txt", text: "Acme: your order has shipped.\n\n[Company Name, LLC]", want: []string{"[Company Name, LLC]"}},
		{name: "en xxx", path: "en/sms/a.txt", text: "Acme: your code is XXXX. It expires in 10 minutes.", want: []string{"XXXX"}},
		{name: "en amount", path: "en/sms/a.txt", text: "Acme: we charged EUR XX.XX to your card.", want: []string{"XX.XX"}},
		{name: "en lorem", path: "en/email/a.html", text: "<p>Lorem ipsum dolor sit amet.</p>", want: []string{"Lorem ipsum"}},
		{name: "en todo", path: "en/sms/a.txt", text: "Acme: your parcel is late. TODO add new time.", want: []string{"TODO"}},
		{name: "en repeated stand-in once", path: "en/email/a.txt", text: "[Product Name] ( https://example.com )\n\nThanks for using [Product Name].\n\nThe [Product Name] team", want: []string{"[Product Name]"}},
		// English: false positives that must stay quiet.
		{name: "en markdown link", path: "en/email/a.md", text: "Track it: [your order number](https://acme.example/o/1)\n", want: nil},
		{name: "en reference link", path: "en/email/a.md", text: "See [your order][1].\n\n[1]: https://acme.example/o/1\n", want: nil},
		{name: "en checkbox", path: "en/email/a.md", text: "- [x] Paid\n- [ ] Shipped\n", want: nil},
		{name: "en brand prefix", path: "en/sms/a.txt", text: "[Acme] Your parcel arrives tomorrow 10:00-12:00.", want: nil},
		{name: "en bracketed placeholder", path: "en/sms/a.txt", text: "Acme: your order [{{order_name}}] has shipped.", want: nil},
		{name: "en citation and note", path: "en/email/a.txt", text: "Delivery takes 2 days [1]. [Note: holidays excluded.]", want: nil},
		{name: "en lower-case todo", path: "en/sms/a.txt", text: "Acme: nothing to do today, your parcel is on its way.", want: nil},
		{name: "en x in words", path: "en/sms/a.txt", text: "Acme: your Xbox order XL-20 ships today.", want: nil},
		// German.
		{name: "de ihr name", path: "de/email/a.txt", text: "Guten Tag,\n\nIhre Bestellung ist unterwegs.\n\n[Ihr Name]", want: []string{"[Ihr Name]"}},
		{name: "de produktname", path: "de/email/a.txt", text: "Danke, dass Sie [Produktname] nutzen.", want: []string{"[Produktname]"}},
		{name: "de english stand-in", path: "de/email/a.txt", text: "Danke, dass Sie [Product Name] nutzen.", want: []string{"[Product Name]"}},
		{name: "de markdown link", path: "de/email/a.md", text: "Sendung verfolgen: [Ihre Sendungsnummer](https://acme.example/s/1)\n", want: nil},
		{name: "de brand prefix", path: "de/sms/a.txt", text: "[Acme] Ihr Paket kommt morgen zwischen 10 und 12 Uhr.", want: nil},
		// French.
		{name: "fr nom du produit", path: "fr/email/a.txt", text: "Merci d'utiliser [Nom du produit].", want: []string{"[Nom du produit]"}},
		{name: "fr votre nom", path: "fr/email/a.txt", text: "Bonjour,\n\nvotre commande est en route.\n\n[Votre prénom]", want: []string{"[Votre prénom]"}},
		{name: "fr montant", path: "fr/sms/a.txt", text: "Acme : nous avons débité XXX € de votre carte.", want: []string{"XXX"}},
		{name: "fr lien markdown", path: "fr/email/a.md", text: "Suivez votre colis : [votre numéro de suivi](https://acme.example/s/1)\n", want: nil},
		{name: "fr préfixe de marque", path: "fr/sms/a.txt", text: "[Acme] Votre colis arrive demain entre 10h et 12h.", want: nil},
	})
}
