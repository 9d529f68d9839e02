package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

type aliasOpts struct {
	Terms []string          `toml:"terms"`
	Files map[string]string `toml:"files"`
	dir   string
}

func (o *aliasOpts) ValidateDir(dir string) error {
	o.dir = dir
	for k, v := range o.Files {
		if strings.HasPrefix(v, "/") {
			return &OptionError{Key: []string{"files", k}, Err: errors.New(k + " is absolute")}
		}
	}
	return nil
}

func aliasRules() []*Rule {
	return []*Rule{{ID: "aliased", Severity: message.Warning, ConfigAlias: "old", Options: func() any { return &aliasOpts{} }}}
}

// TestConfigAlias: a rule's alias table is read as its options, with
// errors naming the lines of the alias table.
func TestConfigAlias(t *testing.T) {
	cases := []struct {
		name, content, wantErr string
		terms                  []string
	}{
		{"alias", "[old]\nterms = [\"a\"]\n", "", []string{"a"}},
		{"rule", "[rules.aliased]\nterms = [\"b\"]\n", "", []string{"b"}},
		{"both tables, other keys", "[rules.aliased]\nterms = [\"c\"]\n[old.files]\nx = \"y\"\n", "", []string{"c"}},
		{"empty key in rule yields to alias", "[rules.aliased]\nterms = \"\"\n[old]\nterms = [\"d\"]\n", "", []string{"d"}},
		{"key in both", "[rules.aliased]\nterms = [\"c\"]\n[old]\n\nterms = [\"d\"]\n", `:5: terms is set in both [old] and [rules.aliased]`, nil},
		{"unknown alias key", "[old]\nterm = 1\n", `:2: rule aliased has no option "term"`, nil},
		{"wrong type in alias", "[old]\nterms = 1\n", `:2: [old] terms`, nil},
		{"option error in alias", "[old.files]\nok = \"a\"\nbad = \"/b\"\n", `:3: [old.files] bad is absolute`, nil},
		{"option error in rule", "[rules.aliased.files]\nbad = \"/b\"\n", `:2: [rules.aliased.files] bad is absolute`, nil},
		{"other unknown table", "[old]\nterms = []\n[older]\nx = 1\n", `:3: unknown key "older"`, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, ".notelint.toml")
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			rs := aliasRules()
			cfg, err := LoadConfig(path, rs)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Errorf("err = %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			o := cfg.RuleOptions(rs[0]).(*aliasOpts)
			if strings.Join(o.Terms, ",") != strings.Join(c.terms, ",") || o.dir != dir {
				t.Errorf("options %+v", o)
			}
		})
	}
}
