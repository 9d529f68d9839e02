package rules

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestMissingETA(t *testing.T) {
	testContentRule(t, "missing-eta", []contentCase{
		// True positives.
		{name: "en delay without time", path: "sms/en/delay-parcel.txt",
			text: "Acme: your parcel is delayed. Sorry for the trouble.",
			want: []string{"Acme: your parcel is delayed."}},
		{name: "en outage with vague soon only", path: "sms/en/outage.txt",
			text: "Power outage in your area. It will be fixed soon.",
			want: []string{"Power outage in your area."}},
		{name: "en asap is not a time", path: "sms/en/ticket.txt",
			text: "We got your request and will answer ASAP.",
			want: []string{"We got your request and will answer ASAP."}},
		{name: "en since is past", path: "sms/en/outage.txt",
			text: "Internet is down in your street since 8:00 this morning. We are on it.",
			want: []string{"Internet is down in your street since 8:00 this morning."}},
		{name: "de delay in Kürze", path: "sms/de/delay.txt",
			text: "Ihre Lieferung verspätet sich. Wir melden uns in Kürze.",
			want: []string{"Ihre Lieferung verspätet sich."}},
		{name: "de Guten Morgen is no time", path: "sms/de/outage.txt",
			text: "Guten Morgen! In Ihrer Straße ist der Strom ausgefallen.",
			want: []string{"In Ihrer Straße ist der Strom ausgefallen."}},
		{name: "fr plus tard", path: "sms/fr/appointment.txt",
			text: "Votre rendez-vous est annulé. Nous vous recontacterons plus tard.",
			want: []string{"Votre rendez-vous est annulé."}},
		{name: "fr body after front matter", path: "email/fr/process-update.md",
			text: "+++\nsubject = \"Votre dossier\"\n+++\n# Votre dossier avance\n\nNous étudions vos documents.\n",
			want: []string{"Votre dossier avance"}},
		{name: "salutation is skipped", path: "email/de/delay.html",
			text: "<p>Guten Tag,</p><p>Ihre Bestellung verspätet sich.</p>",
			want: []string{"Ihre Bestellung verspätet sich."}},
		{name: "regional variant falls back", path: "sms/de-CH/delay.txt",
			text: "Ihre Lieferung verspätet sich leider.",
			want: []string{"Ihre Lieferung verspätet sich leider."}},
		// False positives that must stay silent.
		{name: "en typed placeholder", path: "sms/en/delay.txt",
			text: "+++\n[vars]\nnew = { type = \"datetime\", max = 20 }\n+++\nYour parcel is late. New delivery: {{new}}.",
			want: nil},
		{name: "en placeholder named like a time", path: "sms/en/delay.txt",
			text: "Your parcel is late. New delivery: {{ deliveryWindow }}.",
			want: nil},
		{name: "en within 2 hours", path: "sms/en/outage.txt",
			text: "Power outage in your area. We expect it fixed within 2 hours.",
			want: nil},
		{name: "en weekday in subject", path: "email/en/appointment.md",
			text: "+++\nsubject = \"Your visit on Monday\"\n+++\nYour technician is booked.\n",
			want: nil},
		{name: "de bis 11 Uhr", path: "sms/de/outage.txt",
			text: "Störung in Ihrem Gebiet. Voraussichtlich behoben bis 11 Uhr.", want: nil},
		{name: "de übermorgen", path: "sms/de/delay.txt",
			text: "Ihre Lieferung kommt übermorgen.", want: nil},
		{name: "fr vers 15h", path: "sms/fr/appointment.txt",
			text: "Votre technicien passera vers 15h.", want: nil},
		{name: "fr dans 24 heures", path: "sms/fr/ticket.txt",
			text: "Nous répondrons à votre demande dans 24 heures.", want: nil},
		{name: "kind not owed a time", path: "sms/en/marketing.txt",
			text: "Big sale at Acme! Reply STOP to opt out", want: nil},
		{name: "kind from the text", path: "sms/en/hello.txt",
			text: "Your parcel is late.", want: []string{"Your parcel is late."}},
		{name: "kind from the text, de", path: "sms/de/hallo.txt",
			text: "Ihr Paket wird sich verspäten.", want: []string{"Ihr Paket wird sich verspäten."}},
		{name: "kind from the text, fr", path: "sms/fr/bonjour.txt",
			text: "Votre colis arrivera plus tard que prévu.", want: []string{"Votre colis arrivera plus tard que prévu."}},
		{name: "unknown kind", path: "sms/en/hello.txt",
			text: "Your parcel is on its way.", want: nil},
		{name: "kind from the text, with a time", path: "sms/de/hallo.txt",
			text: "Ihr Paket verspätet sich. Neue Zustellung: morgen 14–16 Uhr.", want: nil},
		{name: "no language data", path: "sms/it/delay.txt",
			text: "Il suo pacco è in ritardo.", want: nil},
		// Options.
		{name: "kinds option adds reminder", path: "sms/en/reminder.txt",
			text:   "Reminder: your appointment is coming up.",
			config: "[rules.missing-eta]\nkinds = [\"reminder\"]\n",
			want:   []string{"Reminder: your appointment is coming up."}},
		{name: "kinds option removes delay", path: "sms/en/delay.txt",
			text: "Your parcel is late.", config: "[rules.missing-eta]\nkinds = [\"outage\"]\n", want: nil},
		{name: "time_vars option", path: "sms/en/delay.txt",
			text:   "Your parcel is late. New delivery: {{ neu }}.",
			config: "[rules.missing-eta]\ntime_vars = [\"NEU\"]\n", want: nil},
		// Time placeholders named in German and French, or by name parts (issue 11).
		{name: "de zustelltermin", path: "sms/de/delay.txt",
			text: "Acme: Ihr Paket verspätet sich. Neuer Termin: {{zustelltermin}}.", want: nil},
		{name: "de liefertermin", path: "sms/de/delay.txt",
			text: "Acme: Ihr Paket verspätet sich. Neu: {{liefertermin}}.", want: nil},
		{name: "de datum und uhrzeit", path: "sms/de/appointment.txt",
			text: "Acme: Ihr Termin wurde verlegt: {{datum}}, {{uhrzeit}}.", want: nil},
		{name: "de unrelated placeholder", path: "sms/de/delay.txt",
			text: "Acme: Ihr Paket {{sendungsnummer}} verspätet sich.",
			want: []string{"Acme: Ihr Paket {{sendungsnummer}} verspätet sich."}},
		{name: "fr date_prevue", path: "sms/fr/delay.txt",
			text: "Acme : votre colis est retardé. Nouvelle livraison : {date_prevue}.", want: nil},
		{name: "fr heure", path: "sms/fr/delay.txt",
			text: "Acme : votre colis est retardé. Nouvelle livraison : {{heure}}.", want: nil},
		{name: "fr date_livraison", path: "sms/fr/delay.txt",
			text: "Acme : votre colis est retardé. Livraison : {{date_livraison}}.", want: nil},
		{name: "fr unrelated placeholder", path: "sms/fr/delay.txt",
			text: "Acme : votre colis {{numero}} est retardé.",
			want: []string{"Acme : votre colis {{numero}} est retardé."}},
		{name: "en CamelCase StartDate", path: "sms/en/appointment.txt",
			text: "Acme: your visit moved to {{StartDate}}.", want: nil},
		{name: "en snake start_time", path: "sms/en/appointment.txt",
			text: "Acme: your visit moved to {{start_time}}.", want: nil},
		{name: "en numbered time2", path: "sms/en/appointment.txt",
			text: "Acme: your visit moved to {time2}.", want: nil},
		{name: "en suffix startdate", path: "sms/en/appointment.txt",
			text: "Acme: your visit moved to {{startdate}}.", want: nil},
		{name: "en update is not a date", path: "sms/en/delay.txt",
			text: "Acme: your parcel is delayed. See {{last_update}}.",
			want: []string{"Acme: your parcel is delayed."}},
		// A ticket waiting for the customer owes no handling time (issue 11).
		{name: "en ticket asks for a screenshot", path: "sms/en/ticket.txt",
			text: "Acme: about request 123, please reply with a screenshot of the error.", want: nil},
		{name: "en ticket needs more information", path: "email/en/ticket.md",
			text: "Thanks for your message. We need more information from you: which browser do you use?\n", want: nil},
		{name: "en ticket only acknowledged", path: "sms/en/ticket.txt",
			text: "Acme: we have received your request 123 and are looking into it.",
			want: []string{"Acme: we have received your request 123 and are looking into it."}},
		{name: "en delay asking is still owed a time", path: "sms/en/delay.txt",
			text: "Acme: your parcel is delayed. Please send us your door code.",
			want: []string{"Acme: your parcel is delayed."}},
		{name: "de Ticket bittet um Screenshot", path: "sms/de/ticket.txt",
			text: "Acme: Zu Ihrer Anfrage 123: Bitte senden Sie uns einen Screenshot der Fehlermeldung.", want: nil},
		{name: "de Ticket nur bestätigt", path: "sms/de/ticket.txt",
			text: "Acme: Wir haben Ihre Anfrage 123 erhalten und kümmern uns darum.",
			want: []string{"Acme: Wir haben Ihre Anfrage 123 erhalten und kümmern uns darum."}},
		{name: "fr ticket demande une capture", path: "sms/fr/ticket.txt",
			text: "Acme : concernant votre demande 123, merci de nous envoyer une capture d'écran de l'erreur.", want: nil},
		{name: "fr ticket seulement reçu", path: "sms/fr/ticket.txt",
			text: "Acme : nous avons bien reçu votre demande 123 et nous la traitons.",
			want: []string{"Acme : nous avons bien reçu votre demande 123 et nous la traitons."}},
		// A declined request is settled (issue 11, Shopware).
		{name: "en request declined", path: "sms/en/ticket.txt",
			text: "Acme: your request for trade prices has been declined. Questions? Call us.", want: nil},
		{name: "de Anfrage abgelehnt", path: "email/de/ticket.md",
			text: "Hallo,\n\nleider können wir Ihre Anfrage nicht bestätigen. Bei Fragen kontaktieren Sie uns.\n", want: nil},
		{name: "fr demande refusée", path: "sms/fr/ticket.txt",
			text: "Acme : votre demande de tarif professionnel a été refusée. Des questions ? Appelez-nous.", want: nil},
		{name: "fr ticket a besoin d'une photo", path: "email/fr/ticket.md",
			text: "Bonjour,\n\npour traiter votre réclamation, nous avons besoin d'une photo du produit endommagé. Il vous suffit de répondre à cet e-mail.\n", want: nil},
		{name: "de Ticket benötigt noch ein Foto", path: "email/de/ticket.md",
			text: "Guten Tag,\n\ndamit wir Ihre Reklamation bearbeiten können, benötigen wir noch ein Foto des Artikels.\n", want: nil},
		{name: "en ticket needs your receipt", path: "email/en/ticket.md",
			text: "Hi,\n\nto process your refund we need your receipt. Reply to this email with a photo of it.\n", want: nil},
		// An unnamed placeholder after a time word is a time (LibreBooking's "on %s").
		{name: "en on {0}", path: "sms/en/appointment.txt",
			text: "Acme: {1} has accepted your invitation for Room 2 on {0}.", want: nil},
		{name: "en for {0} is no time", path: "sms/en/appointment.txt",
			text: "Acme: your visit for {0} is moved.",
			want: []string{"Acme: your visit for {0} is moved."}},
		{name: "en on a named placeholder is no time", path: "sms/en/appointment.txt",
			text: "Acme: your booking is on {resource}.",
			want: []string{"Acme: your booking is on {resource}."}},
		{name: "de am {0}", path: "sms/de/appointment.txt",
			text: "Acme: Ihr Termin ist am {0} um {1}.", want: nil},
		{name: "fr prévu le {0}", path: "sms/fr/appointment.txt",
			text: "Acme : votre rendez-vous est décalé, prévu le {0}.", want: nil},
	})
}

func TestMissingETAMessage(t *testing.T) {
	fs := runContent(t, "missing-eta", contentCase{name: "msg", path: "sms/fr/outage.txt", text: "Panne dans votre quartier."})
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	f := fs[0]
	if f.Severity != message.Error || !strings.Contains(f.Message, "restoration estimate") || !strings.Contains(f.Hint, "18h") {
		t.Errorf("unexpected finding %+v", f)
	}
}

func TestMissingETAOptionsValidate(t *testing.T) {
	o := &missingETAOptions{Kinds: []string{"delay", "nope"}}
	if err := o.Validate(); err == nil {
		t.Error("unknown kind accepted")
	}
	o = &missingETAOptions{Kinds: []string{"delay"}, TimeVars: []string{" "}}
	if err := o.Validate(); err == nil {
		t.Error("empty time var accepted")
	}
}

// TestMissingETAPointsAtTheKindSentence: a finding about what a delay
// message lacks points at the sentence that announces the delay, not at a
// link line or the greeting.
func TestMissingETAPointsAtTheKindSentence(t *testing.T) {
	cases := []struct{ path, text, want string }{
		{"mails/en/outofstock.txt", "[/{shop_url}]\n\nHi {firstname},\n\nThanks for your order {order_name}.\n\nOne item is out of stock. This may cause a slight delay in your delivery. We are sorry.\n",
			"This may cause a slight delay in your delivery."},
		{"mails/de/lieferverzug.txt", "Hallo {firstname},\n\ndanke für Ihre Bestellung {order_name}. Leider verzögert sich die Lieferung Ihrer Bestellung. Wir bitten um Entschuldigung.\n",
			"Leider verzögert sich die Lieferung Ihrer Bestellung."},
		{"mails/fr/rupture.txt", "Bonjour {firstname},\n\nmerci pour votre commande {order_name}. Un article est en rupture : votre livraison aura du retard. Toutes nos excuses.\n",
			"Un article est en rupture : votre livraison aura du retard."},
	}
	for _, c := range cases {
		got := findingsOf(t, "missing-eta", c.path, c.text)
		if len(got) != 1 || got[0] != c.want+" error" {
			t.Errorf("%s: got %q, want the finding on %q", c.path, got, c.want)
		}
	}
}
