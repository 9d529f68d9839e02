package rules

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
	"github.com/rivo/uniseg"
)

func TestChannelLength(t *testing.T) {
	long := strings.Repeat("a", 100)
	checkSafetyCases(t, "channel-length", []safetyCase{
		{name: "push title ok", path: "en/push/a.txt", text: "+++\ntitle = \"Parcel delayed\"\n+++\nNew delivery: Tue 10-12.", want: nil},
		{name: "push title long", path: "en/push/a.txt", text: "+++\ntitle = \"Your parcel from Acme is delayed by one day, sorry\"\n+++\nBody.", want: []string{"day, sorry"}},
		{name: "push body long", path: "de/push/a.txt", text: "Wir bedauern sehr, Ihnen mitteilen zu müssen, dass sich Ihre Lieferung aufgrund unvorhergesehener Umstände verzögert.", want: []string{"zögert."}},
		{name: "emoji counts once", path: "en/push/a.txt", text: "+++\ntitle = \"" + strings.Repeat("👍🏽", 40) + "\"\n+++\nBody.", want: nil},
		{name: "emoji over", path: "en/push/a.txt", text: "+++\ntitle = \"" + strings.Repeat("👨‍👩‍👧", 41) + "\"\n+++\nBody.", want: []string{"👨‍👩‍👧"}},
		{name: "placeholder at max crosses", path: "en/push/a.txt", text: "+++\ntitle = \"Hi {{name}}, parcel delayed\"\n[vars]\nname = { max = 40 }\n+++\nBody.", want: []string{"{{name}}, parcel delayed"}},
		{name: "placeholder at sample", path: "en/push/a.txt", text: "+++\ntitle = \"Hi {{name}}, parcel delayed\"\n[vars]\nname = { sample = \"Anna\" }\n+++\nBody.", want: nil},
		{name: "over only at the assumed length", path: "en/push/a.txt", text: "+++\ntitle = \"Hi {{name}}, your parcel is delayed\"\n+++\nBody.", want: nil},
		{name: "over at the declared max", path: "en/push/a.txt", text: "+++\ntitle = \"Hi {{name}}, your parcel is delayed\"\n[vars]\nname = { max = 20 }\n+++\nBody.", want: []string{"delayed"}},
		{name: "over without the assumed length", path: "de/push/a.txt", text: "+++\ntitle = \"Hallo {{name}}, Ihre Lieferung verspätet sich leider um einen Tag\"\n+++\nText.", want: []string{"ng verspätet sich leider um einen Tag"}},
		{name: "whatsapp parts", path: "fr/whatsapp/a.txt", text: "+++\nheader = \"" + long[:61] + "\"\nfooter = \"ok\"\nbuttons = [\"Suivre mon colis en temps réel\", \"Aide\"]\n+++\nBonjour.", want: []string{"a", "temps réel"}},
		{name: "whatsapp body ok", path: "en/whatsapp/a.txt", text: long + long, want: nil},
		{name: "email subject", path: "en/email/a.md", text: "+++\nsubject = \"Planned maintenance in your area: your supply will be interrupted\"\npreheader = \"Short.\"\n+++\nHi.\n", want: []string{" be interrupted"}},
		{name: "email subject option", path: "en/email/a.md", text: "+++\nsubject = \"Your parcel is delayed: new delivery Tuesday\"\n+++\nHi.\n", config: "[rules.channel-length.limits]\nemail = { subject = 35 }", want: []string{"y Tuesday"}},
		{name: "limit off", path: "en/push/a.txt", text: long + long, config: "[rules.channel-length.limits]\npush = { body = 0 }", want: nil},
		{name: "sms not checked", path: "en/sms/a.txt", text: long + long, want: nil},
		{name: "inapp no defaults", path: "en/inapp/a.txt", text: long + long, want: nil},
	})
}

func TestChannelLengthOptionsValidate(t *testing.T) {
	for _, o := range []channelLengthOptions{
		{Limits: map[string]map[string]int{"sms": {"body": 10}}},
		{Limits: map[string]map[string]int{"fax": {"body": 10}}},
		{Limits: map[string]map[string]int{"push": {"subtitle": 10}}},
		{Limits: map[string]map[string]int{"push": {"body": -1}}},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("Validate(%v) = nil, want an error", o.Limits)
		}
	}
	ok := channelLengthOptions{Limits: map[string]map[string]int{"email": {"subject": 35}}}
	if err := ok.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	if ok.limit("email", "preheader") != 100 || ok.limit("email", "subject") != 35 {
		t.Errorf("limits do not overlay the defaults")
	}
}

// FuzzChannelLength measures arbitrary text: no panics, the cut is on a
// grapheme boundary inside the text, and the count is uniseg's.
func FuzzChannelLength(f *testing.F) {
	for _, s := range []string{"Hello", "👨‍👩‍👧👨‍👩‍👧", "e\u0301e\u0301", "🇩🇪🇫🇷", "\r\n\r\n", "{{ name }} x {{"} {
		f.Add(s, 3)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 || limit > 1000 {
			return
		}
		part := &message.Part{Name: message.PartBody, Text: message.VerbatimText(s, 0)}
		tpl := &message.Template{Channel: "push", Parts: []*message.Part{part}}
		m := measurePart(tpl, nil, part, limit)
		if m.cut < 0 || m.cut > len(s) {
			t.Fatalf("cut %d outside %q", m.cut, s)
		}
		if want := uniseg.GraphemeClusterCount(s); m.count != want {
			t.Fatalf("count %d, uniseg %d for %q", m.count, want, s)
		}
		if m.count > limit && uniseg.GraphemeClusterCount(s[:m.cut]) != limit {
			t.Fatalf("cut %d leaves %d clusters, want %d in %q", m.cut, uniseg.GraphemeClusterCount(s[:m.cut]), limit, s)
		}
	})
}
