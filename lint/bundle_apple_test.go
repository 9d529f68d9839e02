package lint

import (
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

const appleStringsSample = `/* Greeting */
"greeting" = "Hallo \"Welt\"\n – %@";
// line comment
"unicode" = "Caf\U00E9 \UD83D\UDE00 ok";
bare_key = "Bare";
"items" = "%lld Artikel";
"same";
`

const xcstringsSample = `{
  "sourceLanguage" : "en",
  "strings" : {
    "Hello %@" : {
      "localizations" : {
        "de" : { "stringUnit" : { "state" : "translated", "value" : "Hallo %@ – da" } }
      }
    },
    "items" : {
      "localizations" : {
        "en" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld item" } },
          "other" : { "stringUnit" : { "state" : "translated", "value" : "%lld items" } } } } },
        "de" : { "variations" : { "plural" : {
          "one" : { "stringUnit" : { "state" : "translated", "value" : "%lld Artikel" } } } } }
      }
    },
    "skip" : { "shouldTranslate" : false, "localizations" : { "de" : { "stringUnit" : { "state" : "translated", "value" : "X" } } } }
  },
  "version" : "1.0"
}
`

func TestAppleStrings(t *testing.T) {
	ts := bundleTemplates(t, "App/de.lproj/Localizable.strings", appleStringsSample)
	cases := []struct{ id, text, needle, pos string }{
		{"greeting", "Hallo \"Welt\"\n – %@", "–", "2:32"},
		{"unicode", "Café \U0001F600 ok", "ok", "4:37"},
		{"bare_key", "Bare", "Bare", "5:13"},
		{"items", "%lld Artikel", "%lld", "6:12"},
		{"same", "same", "same", "7:2"},
	}
	for _, c := range cases {
		wantText(t, ts, c.id, c.text, c.needle, c.pos)
	}
	if len(ts) != len(cases) {
		t.Errorf("got %d messages: %v", len(ts), keys(ts))
	}
	g := ts["greeting"]
	if g.Locale != "de" || g.Set != "App/lproj/Localizable.strings" {
		t.Errorf("greeting: locale %q set %q", g.Locale, g.Set)
	}
	if ph := g.Body().Placeholders; len(ph) != 1 || ph[0].Name != "%1$@" {
		t.Errorf("%%@ placeholder: %+v", ph)
	}
	base := bundleTemplates(t, "App/Base.lproj/Localizable.strings", `"a" = "b";`)
	if a := base["a"]; a == nil || a.Locale != "en" {
		t.Errorf("Base.lproj: %+v", a)
	}
}

func TestXCStrings(t *testing.T) {
	ts, err := load.Load("App/Localizable.xcstrings", []byte(xcstringsSample), load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	byLoc := map[string]*message.Template{}
	for _, tp := range ts {
		byLoc[tp.Locale+":"+tp.ID] = tp
	}
	cases := []struct{ id, text, needle, pos string }{
		{"de:Hello %@", "Hallo %@ – da", "–", "6:79"},
		{"en:Hello %@", "Hello %@", "Hello", "4:6"},
		{"en:items.one", "%lld item", "%lld", "12:73"},
		{"en:items.other", "%lld items", "items", "13:80"},
		{"de:items.one", "%lld Artikel", "%lld Artikel", "15:73"},
	}
	for _, c := range cases {
		wantText(t, byLoc, c.id, c.text, c.needle, c.pos)
		if tp := byLoc[c.id]; tp.SourceLocale != "en" {
			t.Errorf("%s: source locale %q", c.id, tp.SourceLocale)
		}
	}
	if len(ts) != len(cases) {
		t.Errorf("got %d messages: %v", len(ts), keys(byLoc))
	}
	if tp := byLoc["de:items.one"]; tp.Key != "items" || tp.Plural != "one" || tp.Set != "App/Localizable.xcstrings" {
		t.Errorf("de items.one: key %q plural %q set %q", tp.Key, tp.Plural, tp.Set)
	}
}
