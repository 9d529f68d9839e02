package rules

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
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
			want: []string{"Guten Morgen!"}},
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
	})
}

func TestMissingETAMessage(t *testing.T) {
	fs := runContent(t, "missing-eta", contentCase{name: "msg", path: "sms/fr/outage.txt", text: "Panne dans votre quartier."})
	if len(fs) != 1 {
		t.Fatalf("got %d findings", len(fs))
	}
	f := fs[0]
	if f.Severity != lint.Error || !strings.Contains(f.Message, "restoration estimate") || !strings.Contains(f.Hint, "18h") {
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
