package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// writeBundleBench writes locales/{en,de}.json (n keys each, nested, with
// placeholders, plural forms and an HTML e-mail body every tenth key) and
// config/locales/{en,de}.yml (Rails) under dir.
func writeBundleBench(tb testing.TB, dir string, n int) {
	tb.Helper()
	texts := map[string][2]string{
		"en": {"Acme: your parcel {{id}} is late. New delivery: {{eta}}. Track: https://acme.example/t/{{id}}", "<p>Hello {{name}},</p><p>your order {{id}} has shipped.</p>"},
		"de": {"Acme: Ihr Paket {{id}} verspätet sich. Neue Zustellung: {{eta}}. Verfolgen: https://acme.example/t/{{id}}", "<p>Hallo {{name}},</p><p>Ihre Bestellung {{id}} wurde versandt.</p>"},
	}
	for loc, tx := range texts {
		var js, ym strings.Builder
		js.WriteString("{\n")
		fmt.Fprintf(&ym, "%s:\n", loc)
		for i := 0; i < n; i++ {
			text := tx[0]
			group := "sms"
			if i%10 == 0 {
				text, group = tx[1], "mail"
			}
			sep := ","
			if i == n-1 {
				sep = ""
			}
			fmt.Fprintf(&js, "  \"m%05d\": {\"%s\": {\"delay\": %q}}%s\n", i, group, text, sep)
			fmt.Fprintf(&ym, "  m%05d:\n    %s:\n      delay: %q\n", i, group, strings.ReplaceAll(strings.ReplaceAll(text, "{{", "%{"), "}}", "}"))
		}
		js.WriteString("}\n")
		for p, c := range map[string]string{filepath.Join(dir, "locales", loc+".json"): js.String(), filepath.Join(dir, "config", "locales", loc+".yml"): ym.String()} {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				tb.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(c), 0o644); err != nil {
				tb.Fatal(err)
			}
		}
	}
}

func benchmarkBundle(b *testing.B, file string, rules []*lint.Rule) {
	dir := b.TempDir()
	writeBundleBench(b, dir, 10000)
	cfg := lint.DefaultConfig(rules)
	path := filepath.Join(dir, file)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res := (&lint.Runner{Rules: rules, Config: cfg}).RunFiles([]string{path})
		if len(res.Errors) > 0 || len(res.Templates) != 10000 {
			b.Fatalf("%v, %d templates", res.Errors, len(res.Templates))
		}
	}
}

// BenchmarkBundleJSON checks one i18next JSON bundle of 10,000 keys with
// every rule on (target: well under a second).
func BenchmarkBundleJSON(b *testing.B) { benchmarkBundle(b, "locales/de.json", All()) }

// BenchmarkBundleYAML checks one Rails YAML bundle of 10,000 keys.
func BenchmarkBundleYAML(b *testing.B) { benchmarkBundle(b, "config/locales/de.yml", All()) }

// BenchmarkBundleParity checks two 10,000-key JSON bundles (en, de) at
// once, so translation-parity compares 10,000 key pairs.
func BenchmarkBundleParity(b *testing.B) {
	dir := b.TempDir()
	writeBundleBench(b, dir, 10000)
	rules := All()
	cfg := lint.DefaultConfig(rules)
	files := []string{filepath.Join(dir, "locales", "en.json"), filepath.Join(dir, "locales", "de.json")}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := (&lint.Runner{Rules: rules, Config: cfg}).RunFiles(files); len(res.Templates) != 20000 {
			b.Fatalf("%d templates", len(res.Templates))
		}
	}
}

// BenchmarkBundleLoadJSON is the JSON bundle with no rules: parsing only.
func BenchmarkBundleLoadJSON(b *testing.B) { benchmarkBundle(b, "locales/de.json", nil) }

// BenchmarkBundleLoadYAML is the Rails YAML bundle with no rules.
func BenchmarkBundleLoadYAML(b *testing.B) { benchmarkBundle(b, "config/locales/de.yml", nil) }

// BenchmarkBundleI18nRules checks the JSON bundle with the i18n rules
// only (translation-parity, mixed-language, formality, encoding).
func BenchmarkBundleI18nRules(b *testing.B) { benchmarkBundle(b, "locales/de.json", i18nRules()) }
