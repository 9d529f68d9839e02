package rules

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// runFormalityMix writes files into a temporary directory, checks it as one
// run and returns the formality-mix findings as "file:line:col word", and
// their messages.
func runFormalityMix(t *testing.T, files map[string]string, config string) (got, msgs []string) {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	all := All()
	cfg := lint.DefaultConfig(all)
	if config != "" {
		cfgPath := filepath.Join(dir, lint.ConfigFileName)
		if err := os.WriteFile(cfgPath, []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		var err error
		if cfg, err = lint.LoadConfig(cfgPath, all); err != nil {
			t.Fatal(err)
		}
	}
	res, err := (&lint.Runner{Rules: all, Config: cfg}).Run([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("run: %v", e)
	}
	for _, f := range res.Findings {
		if f.Rule != formalityMixID {
			continue
		}
		rel, _ := filepath.Rel(dir, f.File)
		src, _ := os.ReadFile(f.File)
		got = append(got, filepath.ToSlash(rel)+" "+string(src[f.Offset:f.EndOffset]))
		msgs = append(msgs, f.Message)
	}
	sort.Strings(got)
	return got, msgs
}

func TestFormalityMix(t *testing.T) {
	cases := []struct {
		name   string
		files  map[string]string
		config string
		want   []string
	}{
		{name: "de formal locale with an informal leftover", files: map[string]string{
			"de_Formal/a.txt": "Acme: Ihre Bestellung ist unterwegs. Wir danken Ihnen.",
			"de_Formal/b.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
			"de_Formal/c.txt": "Acme: Bitte bestätigen Sie Ihren Termin.",
			"de_Formal/d.txt": "Acme: Dein Paket kommt morgen.",
		}, want: []string{"de_Formal/d.txt Dein"}},
		{name: "du and Sie in different locales", files: map[string]string{
			"de/a.txt":        "Acme: Dein Paket kommt morgen.",
			"de/b.txt":        "Acme: Wir haben deine Zahlung.",
			"de_Formal/a.txt": "Acme: Ihr Paket kommt morgen. Wir danken Ihnen.",
			"de_Formal/b.txt": "Acme: Wir haben Ihre Zahlung.",
		}},
		{name: "du locale with a formal leftover", files: map[string]string{
			"de/a.txt": "Acme: Dein Paket kommt morgen.",
			"de/b.txt": "Acme: Wir haben deine Zahlung.",
			"de/c.txt": "Acme: Bitte bestätige deinen Termin.",
			"de/d.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
		}, want: []string{"de/d.txt Ihre"}},
		{name: "fr vous locale with tu", files: map[string]string{
			"fr/a.txt": "Acme : votre colis arrive demain.",
			"fr/b.txt": "Acme : nous avons reçu votre paiement.",
			"fr/c.txt": "Acme : ton colis arrive demain.",
		}, want: []string{"fr/c.txt ton"}},
		{name: "fr consistent", files: map[string]string{
			"fr/a.txt": "Acme : tu recevras ton colis demain.",
			"fr/b.txt": "Acme : merci pour ta commande, tu peux la suivre en ligne.",
		}},
		{name: "two styles, not leftovers: one finding for the locale", files: map[string]string{
			"de/a.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
			"de/b.txt": "Acme: Ihr Paket kommt morgen.",
			"de/c.txt": "Acme: Bitte bestätigen Sie Ihren Termin.",
			"de/d.txt": "Acme: Ihre Rechnung ist da.",
			"de/e.txt": "Acme: Dein Paket kommt morgen.",
			"de/f.txt": "Acme: Wir haben deine Zahlung.",
			"de/g.txt": "Acme: Bitte bestätige deinen Termin.",
			"de/h.txt": "Acme: Deine Rechnung ist da.",
		}, want: []string{"de/e.txt Dein"}},
		{name: "a tie reports the informal side", files: map[string]string{
			"de/a.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
			"de/b.txt": "Acme: Dein Paket kommt morgen.",
		}, want: []string{"de/b.txt Dein"}},
		{name: "a mixed message is the formality rule's", files: map[string]string{
			"de/a.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
			"de/b.txt": "Acme: Wir danken Ihnen.",
			"de/c.txt": "Acme: Wir haben Ihre Bestellung. Hast du Fragen?",
		}},
		{name: "a pronoun named in brackets", files: map[string]string{
			"de/a.txt": "Acme: Dein Paket kommt morgen.",
			"de/b.txt": "Acme: Sprache: Deutsch (Sie)",
		}},
		{name: "two checkouts in one run are judged apart", files: map[string]string{
			"shop/de/a.txt":   "Acme: Wir haben Ihre Zahlung erhalten.",
			"shop/de/b.txt":   "Acme: Ihre Bestellung ist unterwegs.",
			"status/de/c.txt": "Acme: Dein Dienst ist wieder da.",
		}},
		{name: "one checkout with folders per channel", files: map[string]string{
			"repo/.git/HEAD":       "ref: refs/heads/main\n",
			"repo/shop/de/a.txt":   "Acme: Wir haben Ihre Zahlung erhalten.",
			"repo/shop/de/b.txt":   "Acme: Ihre Bestellung ist unterwegs.",
			"repo/status/de/c.txt": "Acme: Dein Dienst ist wieder da.",
		}, want: []string{"repo/status/de/c.txt Dein"}},
		{name: "interface strings count by default", files: map[string]string{
			"locales/de/app.json": `{"signup": {"error": "Mit deinem Account ist eine Anmeldung nicht möglich."},
"mail": {"confirm": "Acme: Wir haben Ihre Zahlung erhalten.", "sent": "Acme: Ihre Bestellung ist unterwegs, wir danken Ihnen."}}`,
		}, want: []string{"locales/de/app.json deinem"}},
		{name: "notifications_only leaves interface strings out", files: map[string]string{
			"locales/de/app.json": `{"signup": {"error": "Mit deinem Account ist eine Anmeldung nicht möglich."},
"mail": {"confirm": "Acme: Wir haben Ihre Zahlung erhalten.", "sent": "Acme: Ihre Bestellung ist unterwegs, wir danken Ihnen."}}`,
		}, config: "[rules.formality-mix]\nnotifications_only = true\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := runFormalityMix(t, c.files, c.config)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestFormalityMixMessage(t *testing.T) {
	_, msgs := runFormalityMix(t, map[string]string{
		"de_Formal/a.txt": "Acme: Ihre Bestellung ist unterwegs.",
		"de_Formal/b.txt": "Acme: Wir haben Ihre Zahlung erhalten.",
		"de_Formal/c.txt": "Acme: Bitte bestätigen Sie Ihren Termin.",
		"de_Formal/d.txt": "Acme: Dein Paket kommt morgen.",
		"de_Formal/e.txt": "Acme: Wir haben\ndeine Zahlung.",
	}, "")
	if len(msgs) != 2 {
		t.Fatalf("got %d findings, want 2: %q", len(msgs), msgs)
	}
	for _, want := range []string{"de-x-formal", "3 of the locale's 5 texts", "formal (\"Ihre\")", "2 informal in all, also "} {
		if !strings.Contains(msgs[0], want) {
			t.Errorf("message %q lacks %q", msgs[0], want)
		}
	}
	if !strings.Contains(msgs[0]+msgs[1], "e.txt:2") {
		t.Errorf("messages do not name the other place with its line: %q", msgs)
	}
}

// TestFormalityMixCorpora checks the locale-wide check on the real
// corpora (skipped when ../shared/corpora is absent): pretalx's formal
// German catalogue keeps three du-forms, its du catalogue and French are
// consistent, and Rallly is consistent throughout.
func TestFormalityMixCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("reads whole corpora")
	}
	root := filepath.Join("..", "..", "shared", "corpora")
	want := map[string]int{"pretalx-django-po": 3, "rallly-i18next-json": 0}
	for name, n := range want {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus %s not found: %v", name, err)
			}
			all := All()
			res, err := (&lint.Runner{Rules: all, Config: lint.DefaultConfig(all)}).Run([]string{dir})
			if err != nil {
				t.Fatal(err)
			}
			got := 0
			for _, f := range res.Findings {
				if f.Rule != formalityMixID {
					continue
				}
				got++
				if !strings.Contains(filepath.ToSlash(f.File), "/de_Formal/") || !strings.Contains(f.Message, "informal") {
					t.Errorf("unexpected: %s:%d %s", f.File, f.Line, f.Message)
				}
			}
			if got != n {
				t.Errorf("%d formality-mix findings, want %d", got, n)
			}
		})
	}
}

// FuzzFormality runs formality and formality-mix over two arbitrary texts
// of one locale: no panics, and every finding within its file.
func FuzzFormality(f *testing.F) {
	for _, s := range []string{
		"Acme: Ihr Paket kommt. Kannst du da sein?|Sie erhalten Ihre Rechnung.",
		"Deutsch (Sie)|die Techniker und ihre Termine, Sie und du",
		"Acme : tu as ton colis.|Vous avez votre colis.", ":|(", "Ihr|du",
	} {
		f.Add(s, uint8(0))
	}
	all := All()
	cfg := lint.DefaultConfig(all)
	runner := &lint.Runner{Rules: []*lint.Rule{ByID(all, "formality"), ByID(all, formalityMixID)}, Config: cfg}
	langs := []string{"de", "fr", "de_Formal", "en"}
	f.Fuzz(func(t *testing.T, s string, sel uint8) {
		a, b, _ := strings.Cut(s, "|")
		dir := langs[int(sel)%len(langs)]
		var ts []*message.Template
		texts := map[string]string{}
		for i, text := range []string{a, b} {
			path := dir + "/" + string(rune('a'+i)) + ".txt"
			got, err := lint.LoadTemplates(path, []byte(text), cfg)
			if err != nil {
				return
			}
			texts[path] = text
			ts = append(ts, got...)
		}
		found, _ := runner.CheckTemplates(ts)
		for _, fd := range found {
			if fd.Offset < 0 || fd.EndOffset > len(texts[fd.File]) || fd.Offset > fd.EndOffset {
				t.Fatalf("%s: %s: range %d..%d of %d", fd.File, fd.Rule, fd.Offset, fd.EndOffset, len(texts[fd.File]))
			}
		}
	})
}
