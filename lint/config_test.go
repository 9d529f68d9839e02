package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

type testOpts struct {
	Terms []string `toml:"terms"`
	Max   int      `toml:"max"`
}

func (o *testOpts) Validate() error {
	if o.Max < 0 {
		return errMaxNegative
	}
	return nil
}

var errMaxNegative = &load.InputError{Path: "max", Err: os.ErrInvalid}

func testRules() []*Rule {
	return []*Rule{
		{ID: "with-opts", Severity: message.Warning, Options: func() any { return &testOpts{Max: 3} }},
		{ID: "plain", Severity: message.Error},
	}
}

func TestLoadConfig(t *testing.T) {
	cases := []struct {
		name, content, wantErr string
	}{
		{"ok", "[lint]\ninclude = [\"t/**\"]\n[rules.with-opts]\nseverity = \"error\"\nterms = [\"SAP\"]\n[rules.plain]\nseverity = \"off\"\n", ""},
		{"unknown top key", "[lnt]\ninclude = []\n", `:1: unknown key "lnt"`},
		{"unknown lint key", "[lint]\n\nincludes = []\n", `:3: unknown key "lint.includes"`},
		{"unknown rule", "[rules.nope]\nseverity = \"off\"\n", `:1: unknown rule "nope"`},
		{"bad severity", "[rules.plain]\n\nseverity = \"loud\"\n", `:3: [rules.plain] unknown severity "loud"`},
		{"unknown option", "[rules.with-opts]\nseverity = \"info\"\ncolour = 1\n", `:3: rule with-opts has no option "colour"`},
		{"option for rule without options", "[rules.plain]\nmax = 1\n", `:2: rule plain has no option "max"`},
		{"wrong option type", "[rules.with-opts]\nmax = \"x\"\n", `:2: [rules.with-opts] max`},
		{"invalid option value", "[rules.with-opts]\nmax = -1\n", `:1: [rules.with-opts]`},
		{"invalid toml", "[lint\n", `:1:`},
		{"bad glob", "[lint]\ninclude = [\"[\"]\n", `invalid glob`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ".notelint.toml")
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			cfg, err := LoadConfig(path, testRules())
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				r := testRules()
				if cfg.Severity(r[0]) != message.Error || cfg.Severity(r[1]) != message.Off {
					t.Errorf("config %+v", cfg)
				}
				if o := cfg.RuleOptions(r[0]).(*testOpts); len(o.Terms) != 1 || o.Max != 3 {
					t.Errorf("options %+v", o)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Errorf("err = %v, want %q", err, c.wantErr)
			}
		})
	}
}

func TestFindConfigFile(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "repo", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "repo", "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// A config above the repository root is not used.
	if err := os.WriteFile(filepath.Join(root, load.ConfigFileName), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := FindConfigFile("", "", deep); err != nil || got != "" {
		t.Errorf("got %q %v, want none", got, err)
	}
	want := filepath.Join(root, "repo", "a", load.ConfigFileName)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := FindConfigFile("", "", deep); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	env := filepath.Join(root, "env.toml")
	os.WriteFile(env, nil, 0o644)
	if got, _ := FindConfigFile("", env, deep); got != env {
		t.Errorf("env: got %q", got)
	}
	if got, _ := FindConfigFile(want, env, deep); got != want {
		t.Errorf("explicit: got %q", got)
	}
	if _, err := FindConfigFile(filepath.Join(root, "missing.toml"), "", deep); err == nil {
		t.Error("missing explicit config: no error")
	}
}

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"t/sms/a.txt", "t/drafts/b.txt", "t/c.md", "t/d.csv", "other/e.txt", "t/.hidden/f.txt", ".notelint.toml"} {
		p := filepath.Join(root, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(root, ".notelint.toml"), []byte("[lint]\ninclude = [\"t/**\"]\nexclude = [\"**/drafts/**\"]\n"), 0o644)
	cfg, err := LoadConfig(filepath.Join(root, ".notelint.toml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := load.Discover([]string{root}, &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(root, g)
		rel = append(rel, filepath.ToSlash(r))
	}
	if strings.Join(rel, ",") != "t/c.md,t/sms/a.txt" {
		t.Errorf("discovered %v", rel)
	}
	// A file named explicitly is checked even when excluded.
	got, _ = load.Discover([]string{filepath.Join(root, "t/drafts/b.txt")}, &cfg.Config)
	if len(got) != 1 {
		t.Errorf("explicit file: %v", got)
	}
	if _, err := load.Discover([]string{filepath.Join(root, "nope")}, &cfg.Config); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing path: %v", err)
	}
}
