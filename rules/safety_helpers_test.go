package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
)

// safetyCase is one table row of the safety and length rule tests: a
// virtual file and the texts the findings must cover, in order.
type safetyCase struct {
	name   string
	path   string // virtual path: drives channel, locale and kind inference
	text   string
	config string // extra .notelint.toml content
	want   []string
}

// runSafetyRule loads text as the file at path and runs the rule with id
// on it, with English as the default locale; it returns the findings.
func runSafetyRule(t *testing.T, id, path, text, config string) []lint.Finding {
	t.Helper()
	return runContent(t, id, contentCase{name: path, path: path, text: text,
		config: "[lint]\ndefault_locale = \"en\"\n" + config + "\n"})
}

// checkSafetyCases runs the table for one rule and compares the covered
// texts; every finding must have a message and a hint.
func checkSafetyCases(t *testing.T, id string, cases []safetyCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkCovered(t, runSafetyRule(t, id, c.path, c.text, c.config), c.text, c.want)
		})
	}
}

// languageFor returns the built-in language data for code, or nil.
func languageFor(code string) *lang.Language {
	l, ok := lang.Builtin().Get(code)
	if !ok {
		return nil
	}
	return l
}

// FuzzSafetyRules runs the five rules of this group on arbitrary templates
// in every channel and format: no panics, and findings inside the file.
func FuzzSafetyRules(f *testing.F) {
	for _, s := range []string{
		"Acme: card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, PENDING_FULFILLMENT, http://bit.ly/x",
		"+++\ntitle = \"Hi {{name}}\"\nheader = \"H\"\nbuttons = [\"B\"]\n[vars]\nname = { max = 30 }\n+++\n{{name}} password: {{pw}} Status 4",
		"[x](http://[::1) <a href=\"http://192.0.2.1\">x</a> Dr Befund HIV état 3 {{",
	} {
		f.Add(s, uint8(0))
	}
	all := All()
	cfg := lint.DefaultConfig(all)
	var rules []*lint.Rule
	for _, r := range safetyAndLengthRules() {
		rules = append(rules, ByID(all, r.ID))
	}
	runner := &lint.Runner{Rules: rules, Config: cfg}
	paths := []string{"en/sms/a.txt", "de/push/a.txt", "fr/email/a.md", "en/email/a.html", "de/whatsapp/a.txt", "it/sms/a.txt"}
	f.Fuzz(func(t *testing.T, s string, which uint8) {
		path := paths[int(which)%len(paths)]
		ts, err := lint.LoadTemplates(path, []byte(s), cfg)
		if err != nil {
			return
		}
		for _, tpl := range ts {
			for _, fd := range runner.CheckTemplate(tpl, nil) {
				if fd.Offset < 0 || fd.EndOffset > len(s) || fd.EndOffset < fd.Offset {
					t.Fatalf("%s: finding %s out of range %d..%d of %d", path, fd.Rule, fd.Offset, fd.EndOffset, len(s))
				}
			}
		}
	})
}

// TestSafetyOptionsConfig checks that the options of the five rules decode
// strictly and that invalid values are config errors.
func TestSafetyOptionsConfig(t *testing.T) {
	all := All()
	load := func(content string) error {
		p := filepath.Join(t.TempDir(), ".notelint.toml")
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := lint.LoadConfig(p, all)
		return err
	}
	for _, bad := range []string{
		"[rules.internal-jargon]\nterms = [\"\"]",
		"[rules.internal-jargon]\nterm = [\"SAP\"]",
		"[rules.sensitive-data]\nchannels = [\"fax\"]",
		"[rules.sender-id]\nbrands = [\" \"]",
		"[rules.sender-id]\nbrand = \"Acme\"",
		"[rules.link-safety]\nmax_sms_length = -1",
		"[rules.link-safety]\nshorteners = [\"not a host\"]",
		"[rules.channel-length.limits]\nsms = { body = 160 }",
		"[rules.channel-length.limits]\npush = { subtitle = 10 }",
		"[rules.channel-length]\nlimits = { push = { body = \"long\" } }",
	} {
		if err := load(bad); err == nil {
			t.Errorf("config %q loaded without error", bad)
		}
	}
	good := `[rules.internal-jargon]
terms = ["SAP"]
allow = ["PlayStationPlus"]
[rules.sensitive-data]
channels = ["sms", "push"]
[rules.sender-id]
brands = ["Acme"]
[rules.link-safety]
shorteners = ["sho.rt"]
allowed_hosts = ["go.acme.example"]
max_sms_length = 35
[rules.channel-length.limits]
push = { title = 30, body = 100 }
email = { subject = 35 }`
	if err := load(good); err != nil {
		t.Errorf("valid config: %v", err)
	}
}
