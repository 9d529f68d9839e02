package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

func TestConfigI18n(t *testing.T) {
	cases := []struct{ name, content, wantErr string }{
		{"ok", "[lint]\nsyntax = [\"twig\", \"laravel\"]\n[lint.channel]\ninapp = [\"*.slack.*\"]\n[lint.group]\nenabled = false\nparts = { subject = [\"betreff\"] }\n" +
			"[[lint.bundle]]\npath = \"locales/*.json\"\nsource_locale = \"en\"\nkeys = [\"*.sms.*\"]\nchannel = { sms = [\"*.sms.*\"] }\nkind = { delay = [\"*.delay*\"] }\n", ""},
		{"bad syntax", "[lint]\n\nsyntax = [\"velocity\"]\n", `:3: [lint] syntax: unknown placeholder syntax "velocity"`},
		{"bad channel", "[lint]\n[lint.channel]\nfax = [\"*\"]\n", `unknown channel "fax"`},
		{"bad part", "[lint]\n[lint.group]\nparts = { middle = [\"x\"] }\n", `[lint.group] parts: unknown part "middle"`},
		{"bad token", "[lint]\n[lint.group]\nparts = { subject = [\"a.b\"] }\n", `must be one word`},
		{"no path", "[lint]\n[[lint.bundle]]\nformat = \"json\"\n", `[[lint.bundle]] #1: path is missing`},
		{"bad format", "[lint]\n[[lint.bundle]]\npath = \"x/*\"\nformat = \"resx\"\n", `unknown format "resx"`},
		{"bad kind", "[lint]\n[[lint.bundle]]\npath = \"x/*\"\nkind = { late = [\"*\"] }\n", `unknown kind "late"`},
		{"bad locale", "[lint]\n[[lint.bundle]]\npath = \"x/*\"\nlocale = \"deutsch-land\"\n", `is not a BCP 47 tag`},
		{"unknown key", "[lint]\n[[lint.bundle]]\npath = \"x/*\"\nlocales = \"de\"\n", `unknown key "lint.bundle.locales"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), ".notelint.toml")
			if err := os.WriteFile(p, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := LoadConfig(p, nil)
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if cfg.Lint.Group.On() || len(cfg.Lint.Bundle) != 1 || cfg.BundleFor(filepath.Join(filepath.Dir(p), "locales", "de.json")) == nil {
					t.Errorf("config not applied: %+v", cfg.Lint)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("got %v, want %q", err, c.wantErr)
			}
		})
	}
}

func TestMatchKey(t *testing.T) {
	cases := []struct {
		pat, key string
		want     bool
	}{
		{"*.sms.*", "notifications.sms.delay", true},
		{"*.sms.*", "sms.delay", false},
		{"sms.*", "sms.delay", true},
		{"*.delay*", "parcel.delayed", true},
		{"*.text_message", "a.b.text_message", true},
		{"*/incident.*", "lang/de/notifications/incident.new.mail", true},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
	}
	for _, c := range cases {
		if got := message.MatchKey(c.pat, c.key); got != c.want {
			t.Errorf("MatchKey(%q, %q) = %v", c.pat, c.key, got)
		}
	}
}

func TestDiscoverBundles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"locales/de/app.json":        `{"a": "b"}`,
		"config/locales/en.yml":      "en:\n  a: b\n",
		"res/messages_fr.properties": "a=b\n",
		"po/x.po":                    "msgid \"a\"\nmsgstr \"b\"\n",
		"package.json":               `{"name": "x"}`,
		"config/settings.yml":        "a: b\n",
		"templates/mail.html.twig":   "<p>Hi</p>",
		"templates/sms.gotmpl":       "Hi",
	})
	files, err := load.Discover([]string{dir}, load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, filepath.ToSlash(rel))
	}
	want := "config/locales/en.yml locales/de/app.json po/x.po res/messages_fr.properties templates/mail.html.twig templates/sms.gotmpl"
	if strings.Join(got, " ") != want {
		t.Errorf("got %q\nwant %q", strings.Join(got, " "), want)
	}
}
