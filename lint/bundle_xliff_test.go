package lint

import (
	"testing"
)

const xliff12Sample = `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="x">
    <body>
      <trans-unit id="1" resname="order.late">
        <source>Your order <x id="1"/> is late &amp; sorry</source>
        <target>Ihre Bestellung <x id="1"/> ist spät &amp; – sorry</target>
      </trans-unit>
      <group id="g">
        <trans-unit id="g1">
          <source>Hi <g id="b">there</g> <ph id="2">%s</ph></source>
          <target>Hallo <g id="b">du</g> <ph id="2">%s</ph></target>
        </trans-unit>
      </group>
      <trans-unit id="missing"><source>Untranslated</source></trans-unit>
      <trans-unit id="no" translate="no"><source>Brand</source><target>Brand</target></trans-unit>
    </body>
  </file>
</xliff>
`

const xliff20Sample = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr-CA">
 <file id="f1">
  <unit id="u1" name="welcome">
   <segment><source>Hello <pc id="1">world</pc>.</source><target>Bonjour <pc id="1">monde</pc>.</target></segment>
   <ignorable><source> </source></ignorable>
   <segment><source>Bye <ph id="2"/></source><target>Salut <ph id="2"/> – fin</target></segment>
  </unit>
 </file>
</xliff>
`

func TestXLIFF(t *testing.T) {
	cases := []struct {
		path, src, id, text, needle, pos, locale, original string
		placeholders                                       []string
	}{
		{"i18n/messages.de.xlf", xliff12Sample, "order.late", "Ihre Bestellung {1} ist spät & – sorry", "–", "7:60", "de",
			"Your order {1} is late & sorry", []string{"1"}},
		{"i18n/messages.de.xlf", xliff12Sample, "order.late", "Ihre Bestellung {1} ist spät & – sorry", "{1}", "7:33", "de",
			"Your order {1} is late & sorry", []string{"1"}},
		{"i18n/messages.de.xlf", xliff12Sample, "g1", "Hallo du {2}", "du", "12:35", "de", "Hi there {2}", []string{"2"}},
		{"i18n/messages.fr.xliff", xliff20Sample, "welcome", "Bonjour monde. Salut {2} – fin", "monde", "4:85", "fr-CA",
			"Hello world. Bye {2}", []string{"2"}},
		{"i18n/messages.fr.xliff", xliff20Sample, "welcome", "Bonjour monde. Salut {2} – fin", "{2}", "6:60", "fr-CA",
			"Hello world. Bye {2}", []string{"2"}},
	}
	for _, c := range cases {
		ts := bundleTemplates(t, c.path, c.src)
		wantText(t, ts, c.id, c.text, c.needle, c.pos)
		tp := ts[c.id]
		if tp.Locale != c.locale || tp.Original == nil || tp.Original.Text.String() != c.original {
			t.Errorf("%s: locale %q original %+v, want %q %q", c.id, tp.Locale, tp.Original, c.locale, c.original)
		}
		var names []string
		for _, ph := range tp.Body().Placeholders {
			names = append(names, ph.Name)
		}
		if len(names) != len(c.placeholders) || len(names) > 0 && names[0] != c.placeholders[0] {
			t.Errorf("%s: placeholders %q, want %q", c.id, names, c.placeholders)
		}
	}
	ts := bundleTemplates(t, "i18n/messages.de.xlf", xliff12Sample)
	if m := ts["missing"]; m == nil || !m.Empty || m.Original == nil || m.Original.Text.String() != "Untranslated" {
		t.Errorf("unit without target: %+v", m)
	}
	if ts["no"] != nil || len(ts) != 3 {
		t.Errorf("got %v", keys(ts))
	}
}

func TestXLIFFSourceOnly(t *testing.T) {
	src := `<xliff version="1.2"><file source-language="en" datatype="plaintext" original="x"><body>
<trans-unit id="a"><source>Your parcel is late</source></trans-unit></body></file></xliff>`
	ts := bundleTemplates(t, "messages.xlf", src)
	wantText(t, ts, "a", "Your parcel is late", "late", "2:43")
	if a := ts["a"]; a.Locale != "en" || a.Original != nil {
		t.Errorf("source-only unit: locale %q original %+v", a.Locale, a.Original)
	}
}
