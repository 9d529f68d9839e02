package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
)

// TestCorporaFilesRead checks on the real corpora in ../shared/corpora
// that a directory walk with no config reads every template file (Smarty
// .tpl, PHP subject bundles, Android strings.xml, …), reads them without
// an input error, and reads no project file (README, LICENSE, SOURCE).
func TestCorporaFilesRead(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpora not found at %s: %v", root, err)
	}
	// Cachet's fr-FR notifications.php starts "?php", not "<?php": PHP
	// prints it instead of returning its array, an input error.
	broken := map[string]bool{"fr-FR/notifications.php": true}
	cases := []struct {
		name string
		want map[string]int // files read per extension
	}{
		{"librebooking-email-templates", map[string]int{".tpl": 54, ".php": 3}},
		{"swisscovid-android-push-strings", map[string]int{".xml": 5}},
		{"cachet-status-notifications", map[string]int{".txt": 129, ".php": 3}},
		{"shopware6-mail-fixtures", map[string]int{".twig": 136}},
		{"ory-kratos-courier", map[string]int{".gotmpl": 49}},
		{"rallly-i18next-json", map[string]int{".json": 6}},
		{"pretalx-django-po", map[string]int{".po": 3}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(root, c.name)
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("corpus not found: %v", err)
			}
			cfg := DefaultConfig(nil)
			files, err := load.Discover([]string{dir}, &cfg.Config)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, f := range files {
				if load.IsProjectFile(f) || strings.Contains(filepath.Base(f), "LICENSE") {
					t.Errorf("project file read: %s", f)
				}
				got[strings.ToLower(filepath.Ext(f))]++
				ts, err := load.LoadFile(f, &cfg.Config)
				if broken[filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f)] {
					if err == nil || !strings.Contains(err.Error(), "no <?php opening tag") {
						t.Errorf("%s: got %v, want the missing <?php tag reported", f, err)
					}
					continue
				}
				if err != nil {
					t.Errorf("input error on a valid file: %v", err)
				} else if len(ts) == 0 {
					t.Errorf("%s: no templates", f)
				}
			}
			if len(got) != len(c.want) {
				t.Errorf("files read by extension: %v, want %v", got, c.want)
			}
			for ext, n := range c.want {
				if got[ext] != n {
					t.Errorf("%d %s files read, want %d", got[ext], ext, n)
				}
			}
		})
	}
}
