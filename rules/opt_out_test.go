package rules

import "testing"

func TestOptOut(t *testing.T) {
	testContentRule(t, "opt-out", []contentCase{
		{name: "en none", path: "sms/en/marketing.txt",
			text: "Acme: 20% off all heaters until Sunday. Shop now: https://a.example/w",
			want: []string{"Acme: 20% off all heaters until Sunday."}},
		{name: "en lowercase stop is not an instruction", path: "sms/en/promo.txt",
			text: "Don't stop now: 2 for 1 at Acme this week!",
			want: []string{"Don't stop now: 2 for 1 at Acme this week!"}},
		{name: "de none", path: "sms/de/marketing.txt",
			text: "Acme: Nur heute 20 % auf alle Heizungen!",
			want: []string{"Acme: Nur heute 20 % auf alle Heizungen!"}},
		{name: "fr none", path: "sms/fr/marketing.txt",
			text: "Acme : -20 % sur tous les radiateurs jusqu'à dimanche !",
			want: []string{"Acme : -20 % sur tous les radiateurs jusqu'à dimanche !"}},
		{name: "en reply STOP", path: "sms/en/marketing.txt",
			text: "Acme: 20% off. Reply STOP to opt out", want: nil},
		{name: "en unsubscribe", path: "sms/en/marketing.txt",
			text: "Acme: 20% off. To unsubscribe visit a.example/u", want: nil},
		{name: "de STOPP an", path: "sms/de/marketing.txt",
			text: "Acme: 20 % Rabatt. Abmelden: STOPP an 12345", want: nil},
		{name: "de Abbestellen", path: "sms/de/marketing.txt",
			text: "Acme: 20 % Rabatt. SMS abbestellen: a.example/x", want: nil},
		{name: "fr STOP au", path: "sms/fr/marketing.txt",
			text: "Acme : -20 % ce week-end. STOP au 36180", want: nil},
		{name: "fr stop lower-case au", path: "sms/fr/marketing.txt",
			text: "Acme : -20 % ce week-end. Stop au 36180", want: nil},
		{name: "placeholder for opt-out text", path: "sms/en/marketing.txt",
			text: "Acme: 20% off. {{ optOutText }}", want: nil},
		{name: "email marketing is not checked", path: "email/en/marketing.md",
			text: "Big sale this week.\n", want: nil},
		{name: "service sms is not checked", path: "sms/en/delay.txt",
			text: "Your parcel is late.", want: nil},
		{name: "channels option", path: "push/en/marketing.txt",
			text: "Big sale this week.", config: "[rules.opt-out]\nchannels = [\"sms\", \"push\"]\n",
			want: []string{"Big sale this week."}},
	})
}

func TestOptOutOptionsValidate(t *testing.T) {
	if err := (&optOutOptions{Channels: []string{"pigeon"}}).Validate(); err == nil {
		t.Error("unknown channel accepted")
	}
	if err := (&optOutOptions{Kinds: []string{"spam"}}).Validate(); err == nil {
		t.Error("unknown kind accepted")
	}
	if err := (&optOutOptions{Vars: []string{""}}).Validate(); err == nil {
		t.Error("empty var accepted")
	}
}
