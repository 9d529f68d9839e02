package lint

import (
	"errors"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// bundleTemplates loads content as a bundle at path and indexes the
// templates by id.
func bundleTemplates(t *testing.T, path, content string) map[string]*message.Template {
	t.Helper()
	ts, err := load.Load(path, []byte(content), load.DefaultConfig())
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	out := map[string]*message.Template{}
	for _, tp := range ts {
		out[tp.ID] = tp
	}
	return out
}

// wantText checks a message's text and that needle maps to line:col.
func wantText(t *testing.T, ts map[string]*message.Template, id, text, needle, pos string) {
	t.Helper()
	tp := ts[id]
	if tp == nil {
		t.Fatalf("no message %q (have %v)", id, keys(ts))
	}
	if got := tp.Body().Text.String(); got != text {
		t.Errorf("%s: text %q, want %q", id, got, text)
	}
	if needle != "" {
		wantAt(t, tp, message.PartBody, needle, pos)
	}
}

func keys(ts map[string]*message.Template) []string {
	var out []string
	for k := range ts {
		out = append(out, k)
	}
	return out
}

func TestJSONBundle(t *testing.T) {
	src := "{\n  \"parcel\": {\n    \"sms\": {\"delay\": \"Caf\\u00e9 \\\"x\\\" {{eta}} – late\"},\n    \"list\": [\"a\", \"b\"],\n    \"n\": 3, \"ok\": true, \"nil\": null\n  },\n" +
		"  \"welcome\": {\"defaultMessage\": \"Hi {name}\", \"description\": \"home\"},\n  \"flat.key\": \"Flat\"\n}\n"
	ts := bundleTemplates(t, "locales/de.json", src)
	wantText(t, ts, "parcel.sms.delay", `Café "x" {{eta}} – late`, "–", "3:47")
	wantText(t, ts, "parcel.list.1", "b", "b", "4:20")
	wantText(t, ts, "welcome", "Hi {name}", "name", "7:38")
	wantText(t, ts, "flat.key", "Flat", "Flat", "8:16")
	if len(ts) != 5 {
		t.Errorf("got %d messages: %v", len(ts), keys(ts))
	}
	d := ts["parcel.sms.delay"]
	if d.Locale != "de" || d.Channel != "sms" || d.Key != "parcel.sms.delay" || d.Set != "locales/.json" {
		t.Errorf("delay: locale %q channel %q key %q set %q", d.Locale, d.Channel, d.Key, d.Set)
	}
	if ph := d.Body().Placeholders; len(ph) != 1 || ph[0].Name != "eta" {
		t.Errorf("placeholders %+v", ph)
	}
}

func TestJSONBundleTopLocalesAndPlurals(t *testing.T) {
	ts, err := load.Load("i18n/all.json", []byte(`{"de": {"items_one": "Ein Artikel", "items_other": "{{count}} Artikel"}, "fr": {"items_one": "Un article"}}`), load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range ts {
		got = append(got, tp.Locale+":"+tp.ID+":"+tp.Key+":"+tp.Plural)
	}
	want := "de:items_one:items:one de:items_other:items:other fr:items_one:items:one"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q", got)
	}
}

func TestBundleSyntaxErrors(t *testing.T) {
	cases := []struct{ path, src, want string }{
		{"de.json", "{\n  \"a\": \"x\",\n  \"b\": \"unclosed\n}", "de.json:3: column 17: invalid json bundle: line break"},
		{"de.json", "[1]", "de.json:1: column 1: invalid json bundle: a JSON bundle must be an object"},
		{"de.yml", "de:\n  a: x: y\n", "de.yml:2: column 1: invalid yaml bundle: mapping values are not allowed"},
		{"de.po", "msgid \"a\"\nmsgstr \"b\nfoo\n", "de.po:2: column 8: invalid po bundle: expected a string"},
		{"de.po", "msgid \"a\"\nmsgstr[x] \"b\"\n", "de.po:2: column 1: invalid po bundle: invalid plural index"},
	}
	for _, c := range cases {
		_, err := load.Load(c.path, []byte(c.src), load.DefaultConfig())
		var ie *load.InputError
		if !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want prefix %q", c.path, c.src, err, c.want)
		}
	}
}

func TestYAMLBundle(t *testing.T) {
	src := "en:\n  sms:\n    plain: Your parcel %{id} is late\n    double: \"Caf\\u00e9\\nline – two\"\n" +
		"    single: 'it''s %{eta}'\n    folded_plain: first\n      second\n    literal: |\n      Hello %{name},\n\n      bye – now\n" +
		"    folded: >\n      one\n      two\n    alias: &a Shared – text\n    again: *a\n    number: 3\n    empty:\n"
	ts := bundleTemplates(t, "config/locales/en.yml", src)
	wantText(t, ts, "sms.plain", "Your parcel %{id} is late", "late", "3:33")
	wantText(t, ts, "sms.double", "Café\nline – two", "–", "4:30")
	wantText(t, ts, "sms.single", "it's %{eta}", "%{eta}", "5:20")
	wantText(t, ts, "sms.folded_plain", "first second", "second", "7:7")
	wantText(t, ts, "sms.literal", "Hello %{name},\n\nbye – now", "–", "11:11")
	wantText(t, ts, "sms.folded", "one two", "two", "14:7")
	wantText(t, ts, "sms.again", "Shared – text", "–", "15:22")
	if _, ok := ts["sms.number"]; ok {
		t.Error("a number is no message")
	}
	if e := ts["sms.empty"]; e == nil || !e.Empty {
		t.Errorf("empty value: %+v", e)
	}
	if p := ts["sms.plain"]; p.Locale != "en" || p.Channel != "sms" || len(p.Body().Placeholders) != 1 {
		t.Errorf("plain: %s %s %+v", p.Locale, p.Channel, p.Body().Placeholders)
	}
}

func TestPOBundle(t *testing.T) {
	src := "msgid \"\"\nmsgstr \"\"\n\"Language: fr_CA\\n\"\n\n#, fuzzy, c-format\nmsgctxt \"sms\"\nmsgid \"Hi %s\"\nmsgstr \"Salut \"\n\"%s – toi\"\n\n" +
		"msgid \"One\"\nmsgid_plural \"%d items\"\nmsgstr[0] \"Un\"\nmsgstr[1] \"%d articles\"\n\n#~ msgid \"old\"\n#~ msgstr \"vieux\"\n"
	ts := bundleTemplates(t, "po/messages.po", src)
	wantText(t, ts, "sms::Hi %s", "Salut %s – toi", "–", "9:5")
	wantText(t, ts, "One[1]", "%d articles", "articles", "14:15")
	m := ts["sms::Hi %s"]
	if m.Locale != "fr-CA" || m.Original == nil || m.Original.Text.String() != "Hi %s" || len(m.Problems) != 1 || m.Problems[0].Kind != message.TranslationProblem {
		t.Errorf("entry: locale %q original %v problems %+v", m.Locale, m.Original, m.Problems)
	}
	if p := ts["One[1]"]; p.Plural != "1" || p.Original.Text.String() != "%d items" || p.Syntax&message.SyntaxPrintf == 0 {
		t.Errorf("plural: %q %q %v", p.Plural, p.Original.Text.String(), p.Syntax)
	}
	if len(ts) != 3 {
		t.Errorf("got %v", keys(ts))
	}
}

func TestPropertiesBundle(t *testing.T) {
	src := "# comment\n! other comment\nsms.delay = Versp\\u00e4tung {0}\\n\\\n    zweite – Zeile\nsms.colon:Doppel\\:punkt\nkey\\ with\\ space  value  \n\n  sms.last   \n"
	ts := bundleTemplates(t, "res/messages_de_CH.properties", src)
	wantText(t, ts, "sms.delay", "Verspätung {0}\nzweite – Zeile", "–", "4:12")
	wantText(t, ts, "sms.colon", "Doppel:punkt", "punkt", "5:19")
	wantText(t, ts, "key with space", "value  ", "value", "6:19")
	if l := ts["sms.last"]; l == nil || !l.Empty {
		t.Errorf("sms.last: %+v", l)
	}
	if d := ts["sms.delay"]; d.Locale != "de-CH" || len(d.Body().Placeholders) != 1 || d.Body().Placeholders[0].Name != "0" {
		t.Errorf("delay: %s %+v", d.Locale, d.Body().Placeholders)
	}
}

func TestBundleHTMLValue(t *testing.T) {
	ts := bundleTemplates(t, "locales/en.json", `{"mail": {"body": "<p>Hi {{name}},</p><p>see <a href=\"https://x.example/t\">your parcel</a> &ndash; now</p>"}}`)
	b := ts["mail.body"].Body()
	if b.Format != message.HTML || b.Text.String() != "Hi {{name}},\n\nsee your parcel – now" || len(b.Links) != 1 || b.Links[0].Label != "your parcel" {
		t.Fatalf("html value: %q %+v", b.Text.String(), b.Links)
	}
	wantAt(t, ts["mail.body"], message.PartBody, "parcel", "1:83")
	if ts["mail.body"].Channel != "email" {
		t.Errorf("channel %q", ts["mail.body"].Channel)
	}
}

func TestBundleConfig(t *testing.T) {
	cfg := DefaultConfig(nil)
	cfg.Lint.Bundle = []load.BundleConfig{{Path: "texts/*.yml", Locale: "fr", Keys: []string{"*.sms.*", "*.mail.*"}, ExcludeKeys: []string{"*.draft*"},
		Channel: map[string][]string{"push": {"*.mail.*"}}, Kind: map[string][]string{"delay": {"*late*"}}, SourceLocale: "de"}}
	ts, err := load.Load("texts/x.yml", []byte("a:\n  sms:\n    late: x\n    draft_late: y\n  mail:\n    b: z\n  other: w\n"), &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tp := range ts {
		got = append(got, tp.ID+"/"+tp.Locale+"/"+tp.Channel+"/"+tp.Kind+"/"+tp.SourceLocale)
	}
	if strings.Join(got, " ") != "a.sms.late/fr/sms/delay/de a.mail.b/fr/push//de" {
		t.Errorf("got %q", got)
	}
}

func TestBundleLocaleFromPath(t *testing.T) {
	cases := map[string]string{
		"locales/de.json": "de", "po/de_DE.po": "de-DE", "res/messages_fr.properties": "fr", "config/locales/devise.de.yml": "de",
		"locales/pt-BR/common.json": "pt-BR", "res/messages.properties": "", "i18n/app.json": "", "lang/zh-Hant.json": "zh-Hant",
		"res/messages_de_AT.properties": "de-AT",
		"res/values-de/strings.xml":     "de", "res/values-fr-rCA/strings.xml": "fr-CA", "locale/de_Formal/LC_MESSAGES/django.po": "de-x-formal",
		"texts-fr/a.json": "fr", "lang/fr_fr.json": "fr-FR", "it-support/a.json": "", "ui-kit/a.json": "",
	}
	for p, want := range cases {
		if got, _ := load.BundleLocaleFromPath(p); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}

func TestInferLocaleAffixes(t *testing.T) {
	cases := map[string]string{
		"mails/order/de-html.html.twig": "de", "mails/order/en_plain.txt": "en", "mails/welcome-de-CH.txt": "de-CH",
		"sms/appointment-ja.txt": "", "sms/it-support.txt": "", "sms/no-show.txt": "", "x/email.body.html.en_US.gotmpl": "en-US",
		"sms/reply_no.txt": "",
	}
	for p, want := range cases {
		if got := load.InferFromPath(p).Locale; got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
}

func TestStripLocale(t *testing.T) {
	cases := map[string]string{
		"lang/de-DE/notifications/a.mail.txt": "lang/notifications/a.mail.txt",
		"locales/en.json":                     "locales/.json", "res/messages_fr.properties": "res/messages.properties",
		"config/locales/devise.de.yml": "config/locales/devise.yml",
	}
	for p, want := range cases {
		if got := load.StripLocale(p, true); got != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
	for p, want := range map[string]string{"sms/delay.de": "sms/delay", "mails/x/de-html": "mails/x/html", "lang/fr-FR/n/a.b.c": "lang/n/a.b.c"} {
		if got := load.StripLocale(p, false); got != want {
			t.Errorf("id %s: %q, want %q", p, got, want)
		}
	}
}
