package rules

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/notelint/notelint/lint"
)

// bundleFixtureRules are the rules whose findings testdata/bundles states
// exactly; the content rules have their own fixtures.
var bundleFixtureRules = map[string]bool{
	"placeholder": true, "frontmatter": true, "translation-parity": true, "mixed-language": true,
	"formality": true, "encoding": true, "suppression": true,
}

// TestBundleFixtures runs every rule over testdata/bundles (bundles in each
// format, each placeholder syntax, grouped notifications, file hygiene,
// mixed language and formality) as one run, so grouping and translation
// parity see all files, and compares the findings of the i18n-related
// rules with <file>.want ("line:col rule-id" a line; -update rewrites).
func TestBundleFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "bundles")
	all := All()
	cfg, err := lint.LoadConfig(filepath.Join(root, lint.ConfigFileName), all)
	if err != nil {
		t.Fatal(err)
	}
	files, err := lint.Discover([]string{root}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := (&lint.Runner{Rules: all, Config: cfg}).RunFiles(files)
	for _, e := range res.Errors {
		t.Errorf("load: %v", e)
	}
	got := map[string][]string{}
	for _, f := range res.Findings {
		if bundleFixtureRules[f.Rule] {
			got[f.File] = append(got[f.File], fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
		}
	}
	compareWantFiles(t, files, got, "TestBundleFixtures")
}
