package lint

import (
	"testing"

	"github.com/notelint/notelint/lint/load"
)

const androidSample = `<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <!-- comment -->
    <string name="quoted">"Hallo  \"Welt\"\nZeile"</string>
    <string name="plain">  It\'s   <b>late</b> &amp; \u00e9 </string>
    <string name="ph">Order <xliff:g id="id" example="42">%1$s</xliff:g> ships</string>
    <string name="ref">@string/quoted</string>
    <string name="fixed" translatable="false">X</string>
    <plurals name="items">
        <item quantity="one">%d Artikel</item>
        <item quantity="other">%d Artikel – mehr</item>
    </plurals>
    <string-array name="days"><item>Mo</item><item>Di</item></string-array>
    <string name="cdata"><![CDATA[Café <y>]]> \@home \?</string>
    <string name="wrap">Zeile eins
        Zeile zwei</string>
    <string name="wrap" product="tablet">Tablet</string>
</resources>
`

func TestAndroidStrings(t *testing.T) {
	ts := bundleTemplates(t, "app/res/values-de-rCH/strings.xml", androidSample)
	cases := []struct{ id, text, needle, pos string }{
		{"quoted", "Hallo  \"Welt\"\nZeile", "Welt", "4:37"},
		{"plain", "It's late & é", "late", "5:39"},
		{"ph", "Order %1$s ships", "ships", "6:74"},
		{"items.one", "%d Artikel", "%d Artikel", "10:30"},
		{"items.other", "%d Artikel – mehr", "–", "11:43"},
		{"days.1", "Di", "Di", "13:52"},
		{"cdata", "Café <y> @home ?", "home", "14:49"},
		{"wrap", "Zeile eins Zeile zwei", "zwei", "16:15"},
		{"wrap[tablet]", "Tablet", "Tablet", "17:42"},
	}
	for _, c := range cases {
		wantText(t, ts, c.id, c.text, c.needle, c.pos)
	}
	for _, id := range []string{"ref", "fixed"} {
		if ts[id] != nil {
			t.Errorf("%s: read, want skipped", id)
		}
	}
	if len(ts) != len(cases)+1 { // + days.0
		t.Errorf("got %d messages: %v", len(ts), keys(ts))
	}
	it := ts["items.one"]
	if it.Locale != "de-CH" || it.Key != "items" || it.Plural != "one" || it.Set != "app/res/values/strings.xml" {
		t.Errorf("items.one: locale %q key %q plural %q set %q", it.Locale, it.Key, it.Plural, it.Set)
	}
	if ph := ts["ph"].Body().Placeholders; len(ph) != 1 || ph[0].Name != "%1$s" {
		t.Errorf("ph placeholders %+v", ph)
	}
}

func TestAndroidDefaultLocaleIsSource(t *testing.T) {
	ts := bundleTemplates(t, "res/values/strings.xml", `<resources><string name="a">Hi</string></resources>`)
	if a := ts["a"]; a == nil || a.Locale != "en" || a.Set != "res/values/strings.xml" {
		t.Fatalf("values/: %+v", a)
	}
}

func TestResourceDirLocale(t *testing.T) {
	cases := []struct {
		path, locale string
		ok           bool
		set          string
	}{
		{"res/values/strings.xml", "", true, "res/values/strings.xml"},
		{"res/values-de/strings.xml", "de", true, "res/values/strings.xml"},
		{"res/values-fr-rCA/strings.xml", "fr-CA", true, "res/values/strings.xml"},
		{"res/values-b+sr+Latn/strings.xml", "sr-Latn", true, "res/values/strings.xml"},
		{"res/values-mcc310-en-rUS/strings.xml", "en-US", true, "res/values-mcc310/strings.xml"},
		{"res/values-es-r419/strings.xml", "es-419", true, "res/values/strings.xml"},
		{"res/values-rm/strings.xml", "rm", true, "res/values/strings.xml"},
		{"res/values-night/strings.xml", "", true, "res/values-night/strings.xml"},
		{"res/values-de-night/strings.xml", "de", true, "res/values-night/strings.xml"},
		{"res/values-car/strings.xml", "", true, "res/values-car/strings.xml"},
		{"ios/de.lproj/Localizable.strings", "de", true, "ios/lproj/Localizable.strings"},
		{"ios/pt-BR.lproj/Localizable.strings", "pt-BR", true, "ios/lproj/Localizable.strings"},
		{"ios/zh-Hans.lproj/Localizable.strings", "zh-Hans", true, "ios/lproj/Localizable.strings"},
		{"ios/Base.lproj/Localizable.strings", "", true, "ios/lproj/Localizable.strings"},
		{"locales/de/app.json", "", false, "locales/de/app.json"},
		{"values-de/app.json", "", false, "values/app.json"},
	}
	for _, c := range cases {
		loc, ok := load.ResourceDirLocale(c.path)
		if loc != c.locale || ok != c.ok {
			t.Errorf("%s: locale %q %v, want %q %v", c.path, loc, ok, c.locale, c.ok)
		}
		if got := load.StripResourceLocale(c.path); got != c.set {
			t.Errorf("%s: set %q, want %q", c.path, got, c.set)
		}
	}
}
