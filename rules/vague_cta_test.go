package rules

import (
	"strings"
	"testing"
)

func TestVagueCTA(t *testing.T) {
	testContentRule(t, "vague-cta", []contentCase{
		// Link texts.
		{name: "en markdown click here", path: "email/en/delay.md",
			text: "Your order is late. [Click here](https://acme.example/t) to track it.\n",
			want: []string{"Click here"}},
		{name: "en html here and learn more", path: "email/en/ticket.html",
			text: "<p>Your request is open. Details <a href=\"https://a.example/r\">here</a>.</p><p><a href=\"https://a.example/faq\"> Learn more </a></p>",
			want: []string{"here", "Learn more"}},
		{name: "en here inside a descriptive text", path: "email/en/delay.md",
			text: "[Here is your new delivery window](https://acme.example/w)\n", want: nil},
		{name: "de hier klicken", path: "email/de/outage.html",
			text: "<p>Störung. Infos: <a href=\"https://a.example/s\">hier klicken</a></p>",
			want: []string{"hier klicken"}},
		{name: "de mehr erfahren markdown", path: "email/de/marketing.md",
			text: "Neue Tarife! [Mehr erfahren »](https://a.example/t)\n",
			want: []string{"Mehr erfahren »"}},
		{name: "de descriptive link", path: "email/de/delay.md",
			text: "[Sendung verfolgen](https://a.example/t)\n", want: nil},
		{name: "fr cliquez ici and en savoir plus", path: "email/fr/ticket.md",
			text: "Pour suivre votre demande, [cliquez ici](https://a.example/d). [En savoir plus](https://a.example/faq)\n",
			want: []string{"cliquez ici", "En savoir plus"}},
		{name: "fr descriptive link with ici inside", path: "email/fr/delay.md",
			text: "[Choisissez ici un nouveau créneau](https://a.example/c)\n", want: nil},
		{name: "whatsapp button", path: "whatsapp/en/delay.txt",
			text: "+++\nbuttons = [\"Track parcel\", \"More\"]\n+++\nYour parcel is late. New delivery: Monday.",
			want: []string{"More"}},
		// Bare links in SMS and push.
		{name: "en bare link alone", path: "sms/en/appointment.txt",
			text: "Acme: your appointment has been moved. https://acme.example/a/1",
			want: []string{"https://acme.example/a/1"}},
		{name: "en bare link after generic label", path: "sms/en/ticket.txt",
			text: "Acme: your request was updated. More info: https://acme.example/r/1",
			want: []string{"https://acme.example/r/1"}},
		{name: "en bare link with instruction", path: "sms/en/delay.txt",
			text: "Acme: your parcel is late. Track it here: https://acme.example/t/1", want: nil},
		{name: "en bare link after instruction sentence", path: "sms/en/appointment.txt",
			text: "Acme: please confirm your new slot. https://acme.example/a/1", want: nil},
		{name: "en link with no verb but a topic", path: "sms/en/delay.txt",
			text: "Acme: your parcel is late. Your order: https://acme.example/o/1", want: nil},
		{name: "de url placeholder alone", path: "sms/de/appointment.txt",
			text: "+++\n[vars]\nlink = { type = \"url\", max = 30 }\n+++\nIhr Termin wurde verschoben. {{link}}",
			want: []string{"{{link}}"}},
		{name: "de Infos unter", path: "push/de/outage.txt",
			text: "Störung in Ihrem Gebiet. Mehr Infos unter https://a.example/s",
			want: []string{"https://a.example/s"}},
		{name: "de verb at the end", path: "sms/de/delay.txt",
			text: "Paket verspätet. Sendung verfolgen: https://a.example/t", want: nil},
		{name: "fr plus d'infos", path: "sms/fr/ticket.txt",
			text: "Acme : demande mise à jour. Plus d’infos : https://a.example/d",
			want: []string{"https://a.example/d"}},
		{name: "fr suivez", path: "sms/fr/delay.txt",
			text: "Acme : colis en retard. Suivez-le ici : https://a.example/t", want: nil},
		{name: "bare link in email is not checked", path: "email/en/delay.txt",
			text: "Your parcel is late.\n\nhttps://acme.example/t", want: nil},
		// Competing calls to action in one SMS.
		{name: "en two links", path: "sms/en/delay.txt",
			text: "Late parcel. Track: https://a.example/t Change day: https://a.example/c",
			want: []string{"https://a.example/c"}},
		{name: "en link and reply keyword", path: "sms/en/appointment.txt",
			text: "Visit Mon 9am. Reply YES to confirm or reschedule at https://a.example/r",
			want: []string{"https://a.example/r"}},
		{name: "en same link twice and STOP", path: "sms/en/marketing.txt",
			text: "Sale! Shop: https://a.example/s (https://a.example/s) Reply STOP to opt out", want: nil},
		{name: "en shop link and unsubscribe link", path: "sms/en/marketing.txt",
			text: "Sale! Shop: https://a.example/s Unsubscribe: https://a.example/u/1", want: nil},
		{name: "de Abmelde-Link in der URL", path: "sms/de/marketing.txt",
			text: "Sale! Jetzt sichern: https://a.example/s https://a.example/abmelden/1", want: nil},
		{name: "de reply keyword with mit", path: "sms/de/appointment.txt",
			text: "Termin Mo 9 Uhr. Antworten Sie mit JA zum Bestätigen. Termin ändern: https://a.example/t",
			want: []string{"https://a.example/t"}},
		{name: "de keyword before verb", path: "sms/de/appointment.txt",
			text: "Termin ändern: https://a.example/t oder zur Bestätigung mit „JA“ antworten.",
			want: []string{"mit „JA“ antworten"}},
		{name: "fr répondez OUI plus STOP", path: "sms/fr/appointment.txt",
			text: "RDV lundi 9h. Répondez OUI pour confirmer. STOP au 36180", want: nil},
		// A scheme named in prose is no link (issue 11).
		{name: "en https:// in prose", path: "sms/en/info.txt",
			text: "Acme: enter the address without https:// in the app. Track: https://a.example/t", want: nil},
		{name: "de https:// im Text", path: "sms/de/info.txt",
			text: "Acme: Adresse ohne https:// eingeben. Sendung verfolgen: https://a.example/t", want: nil},
		{name: "fr https:// dans le texte", path: "sms/fr/info.txt",
			text: "Acme : saisissez l'adresse sans https:// devant. Suivez votre colis : https://a.example/t", want: nil},
		// A request before a link is its instruction (issue 11).
		{name: "en please attach then link", path: "sms/en/process-update.txt",
			text: "Acme: your claim lacks a receipt, due 12 May. Please attach it. https://a.example/u", want: nil},
		{name: "de Bitte reichen Sie ein, dann Link", path: "sms/de/process-update.txt",
			text: "Acme: Ihrem Antrag fehlt ein Nachweis bis 12.05. Bitte reichen Sie ihn ein. https://a.example/u", want: nil},
		{name: "de Senden Sie uns bitte, dann Link", path: "sms/de/process-update.txt",
			text: "Acme: Ihrem Antrag fehlt ein Nachweis bis 12.05. Senden Sie uns bitte eine Kopie. https://a.example/u", want: nil},
		{name: "de Bitte beachten Sie ist keine Anweisung", path: "sms/de/process-update.txt",
			text: "Acme: Ihr Antrag ist eingegangen. Bitte beachten Sie die Fristen. https://a.example/u",
			want: []string{"https://a.example/u"}},
		{name: "fr merci de nous envoyer puis lien", path: "sms/fr/process-update.txt",
			text: "Acme : il manque un justificatif avant le 12 mai. Merci de nous l'envoyer. https://a.example/u", want: nil},
		{name: "fr merci de votre patience n'est pas une instruction", path: "sms/fr/process-update.txt",
			text: "Acme : votre dossier est en cours. Merci de votre patience. https://a.example/u",
			want: []string{"https://a.example/u"}},
		{name: "max_sms_actions option", path: "sms/en/delay.txt",
			text:   "Late parcel. Track: https://a.example/t Change day: https://a.example/c",
			config: "[rules.vague-cta]\nmax_sms_actions = 2\n", want: nil},
		{name: "allow option", path: "email/en/ticket.md",
			text:   "[Details](https://a.example/d)\n",
			config: "[rules.vague-cta]\nallow = [\"details\"]\n", want: nil},
		{name: "bare_link_channels option", path: "push/en/delay.txt",
			text:   "Parcel late. https://a.example/t",
			config: "[rules.vague-cta]\nbare_link_channels = [\"sms\"]\n", want: nil},
	})
}

func TestVagueCTAMessageNamesActions(t *testing.T) {
	fs := runContent(t, "vague-cta", contentCase{name: "msg", path: "sms/en/delay.txt",
		text: "Track: https://a.example/t Change: https://a.example/c"})
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "2 different actions") {
		t.Fatalf("got %+v", fs)
	}
}

func TestVagueCTAOptionsValidate(t *testing.T) {
	if err := (&vagueCTAOptions{MaxSMSActions: -1}).Validate(); err == nil {
		t.Error("negative max accepted")
	}
	if err := (&vagueCTAOptions{BareLinkChannels: []string{"fax"}}).Validate(); err == nil {
		t.Error("unknown channel accepted")
	}
}
