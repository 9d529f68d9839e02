package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// maxCorpusPlaceholderFindings is the ceiling on placeholder findings in
// a real corpus: its templates are in production, so a flood means
// notelint misreads a syntax.
const maxCorpusPlaceholderFindings = 3

// TestSharedCorpora runs notelint over the real template corpora in
// ../shared/corpora (Shopware Twig mails, Cachet Laravel strings, Kratos
// Go templates), each with its config from testdata/corpora and once all
// together with the defaults: nothing may fail to load or crash, the
// placeholder rule must stay quiet, and mixed-language must find the 34
// German Shopware templates with an English "(Number: …)".
func TestSharedCorpora(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpora not found at %s (they live next to the repository, not in it): %v", root, err)
	}
	all := All()
	run := func(t *testing.T, cfgPath, dir string) *lint.Result {
		t.Helper()
		cfg, err := lint.LoadConfig(cfgPath, all)
		if err != nil {
			t.Fatal(err)
		}
		res, err := (&lint.Runner{Rules: all, Config: cfg}).Run([]string{dir})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range res.Errors {
			if msg := filepath.ToSlash(e.Error()); strings.Contains(msg, "fr-FR/notifications.php") && strings.Contains(msg, "no <?php opening tag") {
				continue // Cachet's fr-FR PHP original starts "?php": a real defect, an input error
			}
			t.Errorf("load: %v", e)
		}
		n := 0
		for _, f := range res.Findings {
			if f.Rule == "placeholder" {
				n++
				t.Logf("placeholder: %s:%d:%d %s", f.File, f.Line, f.Column, f.Message)
			}
		}
		if n > maxCorpusPlaceholderFindings {
			t.Errorf("%d placeholder findings, want at most %d", n, maxCorpusPlaceholderFindings)
		}
		return res
	}
	for _, name := range []string{"shopware6-mail-fixtures", "cachet-status-notifications", "ory-kratos-courier"} {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus %s not found: %v", name, err)
			}
			res := run(t, filepath.Join("..", "testdata", "corpora", name+".notelint.toml"), dir)
			if len(res.Templates) == 0 {
				t.Fatal("no templates")
			}
			if name != "shopware6-mail-fixtures" {
				return
			}
			files := map[string]bool{}
			for _, f := range res.Findings {
				if f.Rule == "mixed-language" && strings.Contains(f.Message, `"Number"`) {
					base := filepath.Base(f.File)
					if !strings.HasPrefix(base, "de-") {
						t.Errorf("mixed-language in a non-German file: %s", f.File)
					}
					files[f.File] = true
				}
			}
			if len(files) != 34 {
				t.Errorf("mixed-language found \"(Number: …)\" in %d German templates, want 34", len(files))
			}
			german := 0
			for _, tp := range res.Templates {
				if tp.Locale == "de" {
					german += len(tp.Parts)
				}
			}
			if german != 68 {
				t.Errorf("%d German parts (html + plain), want 68", german)
			}
		})
	}
	t.Run("all with defaults", func(t *testing.T) { run(t, "", root) })
}
