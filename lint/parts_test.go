package lint

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestWhatsAppParts(t *testing.T) {
	src := "+++\nchannel = \"whatsapp\"\nheader = \"Delivery update\"\nfooter = 'Acme'\nbuttons = [\"Track parcel\", \"Change \\\"date\\\"\"]\n+++\nYour parcel is late."
	tpl := load1(t, "x.txt", src)
	var buttons []string
	for _, p := range tpl.Parts {
		if p.Name == message.PartButton {
			buttons = append(buttons, p.Text.String())
		}
	}
	if len(buttons) != 2 || buttons[1] != `Change "date"` {
		t.Fatalf("buttons %q", buttons)
	}
	wantAt(t, tpl, message.PartHeader, "update", "3:20")
	wantAt(t, tpl, message.PartFooter, "Acme", "4:11")
	p := tpl.Parts[len(tpl.Parts)-3]
	fs, _ := p.Text.FileRange(0, 5)
	if got := posOf(t, tpl.Source, fs); got != "5:13" {
		t.Errorf("button at %s", got)
	}
}
