package rules

import "testing"

func TestMissingNextStep(t *testing.T) {
	testContentRule(t, "missing-next-step", []contentCase{
		// True positives, pointing at the first sentence.
		{name: "en outage with nothing next", path: "sms/en/outage.txt",
			text: "Acme: there is a power cut in your street. Our engineers are working on it.",
			want: []string{"Acme: there is a power cut in your street."}},
		{name: "en ticket status only", path: "push/en/ticket.txt",
			text: "Your request 4711 has been updated.",
			want: []string{"Your request 4711 has been updated."}},
		{name: "de Störung", path: "sms/de/outage.txt",
			text: "Acme: Störung der Stromversorgung in Ihrem Gebiet. Wir arbeiten daran.",
			want: []string{"Acme: Störung der Stromversorgung in Ihrem Gebiet."}},
		{name: "fr dossier", path: "sms/fr/process-update.txt",
			text: "Acme : votre dossier est en cours de traitement.",
			want: []string{"Acme : votre dossier est en cours de traitement."}},
		{name: "fr merci de votre patience is no action", path: "sms/fr/delay.txt",
			text: "Votre colis a du retard. Merci de votre patience.",
			want: []string{"Votre colis a du retard."}},
		// Silent: an action, nothing to do, what happens next.
		{name: "en no action needed", path: "sms/en/outage.txt",
			text: "Power cut in your street. No action is needed on your side.", want: nil},
		{name: "en we'll text you", path: "sms/en/outage.txt",
			text: "Power cut in your street. We’ll text you when it’s fixed.", want: nil},
		{name: "en link", path: "sms/en/delay.txt",
			text: "Your parcel is late. Track it: https://a.example/t", want: nil},
		{name: "en call us", path: "sms/en/ticket.txt",
			text: "We need one more document. Please call us.", want: nil},
		{name: "en concrete time", path: "sms/en/delay.txt",
			text: "Your parcel is late. It now comes tomorrow 10-12am.", want: nil},
		{name: "en phone number", path: "sms/en/ticket.txt",
			text: "Questions about request 4711? 0800 123 4567", want: nil},
		{name: "de Sie müssen nichts tun", path: "sms/de/outage.txt",
			text: "Störung in Ihrem Gebiet. Sie müssen nichts tun.", want: nil},
		{name: "de wir melden uns", path: "sms/de/ticket.txt",
			text: "Ihre Anfrage ist bei uns. Wir melden uns, sobald sie bearbeitet ist.", want: nil},
		{name: "fr aucune action", path: "sms/fr/outage.txt",
			text: "Panne dans votre quartier. Aucune action n’est requise.", want: nil},
		{name: "fr nous vous informerons", path: "sms/fr/ticket.txt",
			text: "Demande reçue. Nous vous informerons dès qu'elle sera traitée.", want: nil},
		{name: "otp is not checked", path: "sms/en/otp.txt",
			text: "Your Acme code is 123456.", want: nil},
		{name: "marketing is not checked", path: "sms/en/marketing.txt",
			text: "Acme winter sale. Reply STOP to opt out", want: nil},
		{name: "kinds option", path: "sms/en/info.txt",
			text:   "We changed our opening hours.",
			config: "[rules.missing-next-step]\nkinds = [\"info\"]\n",
			want:   []string{"We changed our opening hours."}},
	})
}
