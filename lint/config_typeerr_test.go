package lint

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
)

// goTypeRE matches what a Go type name or go-toml's wording looks like in
// a message: "lint.LintConfig", "[]string", "int64", "struct field".
var goTypeRE = regexp.MustCompile(`\b[a-z]+\.[A-Z]\w*|\[\]\w|\bint64\b|\bstruct field\b|interface \{\}|map\[`)

// TestConfigTypeErrorsNameTOMLKeys writes a value of the wrong type for
// every key of [lint], [lint.group] and [[lint.bundle]] and checks that
// the error names the file, the key's line and the TOML key, says what
// the key wants in TOML words, and never names a Go type
// (lint.LintConfig.Include was once printed).
func TestConfigTypeErrorsNameTOMLKeys(t *testing.T) {
	type table struct {
		header string
		typ    reflect.Type
	}
	tables := []table{
		{"[lint]", reflect.TypeFor[load.LintConfig]()},
		{"[lint.group]", reflect.TypeFor[load.GroupConfig]()},
		{"[[lint.bundle]]", reflect.TypeFor[load.BundleConfig]()},
	}
	dir := t.TempDir()
	n := 0
	for _, tb := range tables {
		for i := 0; i < tb.typ.NumField(); i++ {
			f := tb.typ.Field(i)
			key, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			if key == "" || key == "-" || !f.IsExported() {
				continue
			}
			if f.Type.Kind() == reflect.Struct || f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct {
				continue // a table of its own, tested as one
			}
			// A string where the key wants something else, and an
			// array of tables where it wants a string.
			bad := `"wrong"`
			if f.Type.Kind() == reflect.String {
				bad = "{ a = 1 }"
			}
			content := "# config\n" + tb.header + "\n\n" + key + " = " + bad + "\n"
			path := filepath.Join(dir, key+".toml")
			if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			n++
			_, err := LoadConfig(path, testRules())
			if err == nil {
				t.Errorf("%s %s = %s: no error", tb.header, key, bad)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, path+":4:") || !strings.Contains(msg, key+": want ") {
				t.Errorf("%s %s = %s: %q does not name line 4 and the key", tb.header, key, bad, msg)
			}
			if m := goTypeRE.FindString(msg); m != "" {
				t.Errorf("%s %s = %s: %q names the Go type %q", tb.header, key, bad, msg, m)
			}
		}
	}
	if n < 12 {
		t.Errorf("only %d keys tested", n)
	}
}

func TestConfigTypeErrorWording(t *testing.T) {
	cases := []struct{ content, want string }{
		{"[lint]\ninclude = \"templates/**\"\n", `:2:11: [lint] include: want an array of strings, not a string`},
		{"[lint]\nmax_file_size = \"1MB\"\n", `:2:17: [lint] max_file_size: want an integer, not a string`},
		{"\n[rules]\nplain = \"off\"\n", `:3:9: [rules] plain: want a table, not a string (write [rules.plain] with severity = ...)`},
		{"lint = 3\n", `:1:8: lint: want a table, not an integer`},
		{"[rules.with-opts]\n\nmax = \"many\"\n", `:3: [rules.with-opts] max: want an integer, not a string`},
		{"[rules.with-opts]\nterms = \"SAP\"\n", `:2: [rules.with-opts] terms: want an array of strings, not a string`},
		// An unknown rule is reported where its table starts, not at line 1.
		{"[lint]\ndefault_locale = \"en\"\n\n[rules.nope]\nseverity = \"off\"\n", `:4: unknown rule "nope" in [rules]`},
		{"\n[rules.plain]\nseverity = \"loud\"\n", `:3: [rules.plain] unknown severity "loud" (want error, warning, info or off)`},
	}
	for _, c := range cases {
		path := filepath.Join(t.TempDir(), "c.toml")
		if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadConfig(path, testRules())
		if err == nil || !strings.Contains(err.Error(), path+c.want) {
			t.Errorf("%q: error %v, want %q", c.content, err, c.want)
		}
	}
}
