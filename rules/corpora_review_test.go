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

// corpusCeilings are the most findings per rule a new user (no config)
// may get on each corpus: the counts reviewed in testdata/corpora/REVIEW.md.
// A rule missing from a corpus's map may report nothing there.
var corpusCeilings = map[string]map[string]int{
	"cachet-status-notifications":     {"missing-eta": 18, "sender-id": 11, "missing-next-step": 8, "sms-unicode": 2, "translation-parity": 2, "input": 1},
	"librebooking-email-templates":    {"translation-parity": 34, "formality-mix": 2},
	"ory-kratos-courier":              {"sender-id": 7},
	"pretalx-django-po":               {"translation-parity": 13, "formality-mix": 3, "readability": 2},
	"rallly-i18next-json":             {},
	"shopware6-mail-fixtures":         {"mixed-language": 34, "readability": 20, "formality": 4},
	"swisscovid-android-push-strings": {"translation-parity": 3},
}

// contentRules are the rules that judge a message's words: they must never
// report on an interface string.
var contentRules = map[string]bool{
	"missing-eta": true, "vague-eta": true, "missing-next-step": true, "vague-cta": true, "sender-id": true,
	"opt-out": true, "readability": true, "internal-jargon": true, "sensitive-data": true, "link-safety": true,
	"mixed-language": true, "formality": true, "sms-segments": true, "sms-unicode": true, "channel-length": true,
	"landing-page": true,
}

// TestCorporaAsNewUser checks each real corpus as a new user would, with
// no config: findings per rule stay within the reviewed ceilings, content
// rules never report on interface strings, no project file (README,
// LICENSE, SOURCE) is read, and the real defects the corpora README lists
// are found where they are in scope.
func TestCorporaAsNewUser(t *testing.T) {
	root := corpusRoot(t)
	for _, name := range corpusNames {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(root, name)
			res := checkAsNewUser(t, dir)
			byRule := map[string]int{}
			for _, f := range res.Findings {
				byRule[f.Rule]++
			}
			for rule, n := range byRule {
				if n > corpusCeilings[name][rule] {
					t.Errorf("%s: %d findings, ceiling %d", rule, n, corpusCeilings[name][rule])
				}
			}
			notification := map[string]bool{} // file + "\x00" + template id
			for _, tp := range res.Templates {
				base := strings.ToUpper(filepath.Base(tp.Source.Path))
				for _, p := range []string{"README", "LICENSE", "SOURCE", "CHANGELOG"} {
					if strings.HasPrefix(base, p) {
						t.Errorf("project file read as a template: %s", tp.Source.Path)
					}
				}
				if tp.IsNotification() {
					notification[tp.Source.Path+"\x00"+tp.ID] = true
				}
			}
			for _, f := range res.Findings {
				if contentRules[f.Rule] && !notification[f.File+"\x00"+f.Template] && !notificationAt(res, f) {
					t.Errorf("%s on an interface string: %s:%d:%d %s", f.Rule, f.File, f.Line, f.Column, f.Message)
				}
			}
			for _, want := range corpusDefects[name] {
				found := false
				for _, f := range res.Findings {
					if f.Rule == want.rule && strings.Contains(filepath.ToSlash(f.File), want.file) && strings.Contains(f.Message, want.says) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("real defect not found: %s in %s saying %q", want.rule, want.file, want.says)
				}
			}
		})
	}
}

// notificationAt reports whether a finding lies in a template taken for a
// notification (a grouped message reports in its part's file).
func notificationAt(res *lint.Result, f lint.Finding) bool {
	for _, tp := range res.Templates {
		if tp.ID != f.Template || !tp.IsNotification() {
			continue
		}
		for _, p := range tp.Parts {
			if p.Source != nil && p.Source.Path == f.File {
				return true
			}
		}
	}
	return false
}

// corpusDefects are real defects the corpora README lists that are in
// notelint's scope.
var corpusDefects = map[string][]struct{ rule, file, says string }{
	"shopware6-mail-fixtures": {{"mixed-language", "/de-html.html.twig", `"Number"`}, {"mixed-language", "/de-plain.html.twig", `"Number"`}},
	"pretalx-django-po":       {{"formality-mix", "de_Formal/", "informal"}},
	"librebooking-email-templates": {
		{"translation-parity", "lang/de_de/", "RepeatDates"}, {"translation-parity", "lang/fr_fr/", "RepeatDates"},
		{"translation-parity", "lang/en_us/", "has no de-DE translation"},
	},
	"swisscovid-android-push-strings": {{"translation-parity", "values-de/strings.xml", "identical to the en source"}},
}
