package rules

import (
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

var (
	corpusSample = flag.Int("corpus-sample", 0, "print a seeded random sample of this many findings over the shared corpora, as rows for testdata/corpora/REVIEW.md")
	corpusSeed   = flag.Int64("corpus-seed", 20261205, "seed of -corpus-sample")
)

// corpusNames are the real corpora in ../shared/corpora.
var corpusNames = []string{
	"cachet-status-notifications", "librebooking-email-templates", "ory-kratos-courier",
	"pretalx-django-po", "rallly-i18next-json", "shopware6-mail-fixtures", "swisscovid-android-push-strings",
}

// corpusRoot returns ../shared/corpora, or skips the test when it is absent.
func corpusRoot(t *testing.T) string {
	t.Helper()
	root := filepath.Join("..", "..", "shared", "corpora")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("shared corpora not found at %s (they live next to the repository, not in it): %v", root, err)
	}
	return root
}

// checkAsNewUser runs check over dir as a new user would: no config at all.
func checkAsNewUser(t *testing.T, dir string) *lint.Result {
	t.Helper()
	all := All()
	cfg := lint.DefaultConfig(all)
	res, err := (&lint.Runner{Rules: all, Config: cfg}).Run([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Logf("input error (also a finding of rule input): %v", e)
	}
	return res
}

// TestCorpusSample prints the sample REVIEW.md judges:
//
//	go test ./rules -run TestCorpusSample -corpus-sample 120 -v
func TestCorpusSample(t *testing.T) {
	if *corpusSample == 0 {
		t.Skip("run with -corpus-sample N to print a sample of findings for review")
	}
	root := corpusRoot(t)
	type row struct{ corpus, rule, where, msg, text string }
	var rows []row
	for _, name := range corpusNames {
		dir := filepath.Join(root, name)
		res := checkAsNewUser(t, dir)
		for _, f := range res.Findings {
			rel, _ := filepath.Rel(dir, f.File)
			rows = append(rows, row{name, f.Rule, fmt.Sprintf("%s:%d:%d", rel, f.Line, f.Column), f.Message, excerpt(f)})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		return rows[i].corpus+rows[i].where+rows[i].rule < rows[j].corpus+rows[j].where+rows[j].rule
	})
	r := rand.New(rand.NewSource(*corpusSeed))
	r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	n := min(*corpusSample, len(rows))
	fmt.Printf("%d findings in all; sample of %d (seed %d)\n\n", len(rows), n, *corpusSeed)
	for i, x := range rows[:n] {
		msg, _, _ := strings.Cut(x.msg, ": ")
		fmt.Printf("| %d | %s | %s | `%s` | %s | %s |\n", i+1, x.corpus, x.rule, x.where, msg, x.text)
	}
}

// excerpt is the offending text of a finding, on one line, for review.
func excerpt(f lint.Finding) string {
	data, err := os.ReadFile(f.File)
	if err != nil || f.Offset < 0 || f.EndOffset > len(data) || f.Offset > f.EndOffset {
		return ""
	}
	s := string(data[f.Offset:f.EndOffset])
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80]) + "…"
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "|", "/")), " ")
}
