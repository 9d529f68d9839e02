package rules

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/fixtures")

// TestFixtures checks every template under testdata/fixtures against the
// findings listed next to it in <file>.want, one "line:col rule-id" a line.
// Missing and unexpected findings are both reported.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "fixtures")
	all := All()
	cfgPath, _ := lint.FindConfigFile("", "", root)
	cfg, err := lint.LoadConfig(cfgPath, all)
	if err != nil {
		t.Fatal(err)
	}
	files, err := lint.Discover([]string{root}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	runner := &lint.Runner{Rules: all, Config: cfg}
	res := runner.RunFiles(files)
	for _, e := range res.Errors {
		t.Errorf("load: %v", e)
	}
	got := map[string][]string{}
	for _, f := range res.Findings {
		got[f.File] = append(got[f.File], fmt.Sprintf("%d:%d %s", f.Line, f.Column, f.Rule))
	}
	compareWantFiles(t, files, got, "TestFixtures")
}

// compareWantFiles compares the findings of each file, one "line:col
// what" string each, with the lines of <file>.want (blank lines and lines
// starting with # are ignored), or rewrites the .want files with -update.
// test names the test to rerun with -update.
func compareWantFiles(t *testing.T, files []string, got map[string][]string, test string) {
	t.Helper()
	for _, file := range files {
		lines := got[file]
		sort.Strings(lines)
		wantPath := file + ".want"
		if *update {
			content := strings.Join(lines, "\n")
			if content != "" {
				content += "\n"
			}
			if err := os.WriteFile(wantPath, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		data, err := os.ReadFile(wantPath)
		if err != nil {
			t.Errorf("%s: no .want file (run go test ./rules -run %s -update and review it)", file, test)
			continue
		}
		var want []string
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				want = append(want, l)
			}
		}
		sort.Strings(want)
		if strings.Join(want, "\n") != strings.Join(lines, "\n") {
			t.Errorf("%s:\n got: %q\nwant: %q", file, lines, want)
		}
	}
}
