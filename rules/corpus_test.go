package rules

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/notelint/notelint/lint"
)

// corpusFile is one labelled corpus file under testdata/rules/<lang>/.
//
//	labels = ["missing-eta", "vague-eta"]   # rules whose findings the file states exactly
//	config = '''[rules.sender-id]
//	brands = ["Acme"]'''                     # optional .notelint.toml for every case
//	[[case]]
//	name = "delay SMS with a window"
//	file = "sms/delay.txt"                   # virtual path under <lang>/: drives loader and inference
//	text = '''...'''                         # file content, front matter included
//	expect = ["vague-eta"]                   # findings of the labelled rules, as a multiset
type corpusFile struct {
	Labels []string     `toml:"labels"`
	Config string       `toml:"config"`
	Case   []corpusCase `toml:"case"`
}

type corpusCase struct {
	Name   string   `toml:"name"`
	File   string   `toml:"file"`
	Text   string   `toml:"text"`
	Expect []string `toml:"expect"`
}

type score struct{ tp, fp, fn int }

// TestCorpus runs every rule on the labelled corpus and checks precision
// and recall per rule: at least 0.95 and 0.9.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no corpus files under testdata/rules")
	}
	all := All()
	scores := map[string]*score{}
	perLang := map[string]int{}
	for _, path := range files {
		language := filepath.Base(filepath.Dir(path))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var cf corpusFile
		if err := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields().Decode(&cf); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		cfg := corpusConfig(t, path, language, cf.Config, all)
		runner := &lint.Runner{Rules: all, Config: cfg}
		labelled := map[string]bool{}
		for _, l := range cf.Labels {
			if ByID(all, l) == nil {
				t.Fatalf("%s: unknown label %q", path, l)
			}
			labelled[l] = true
			if scores[l] == nil {
				scores[l] = &score{}
			}
		}
		for i, c := range cf.Case {
			perLang[language]++
			vpath := filepath.Join(language, c.File)
			ts, err := lint.LoadTemplates(vpath, []byte(c.Text), cfg)
			if err != nil {
				t.Errorf("%s case %d %q: %v", path, i+1, c.Name, err)
				continue
			}
			got := map[string]int{}
			var details []string
			found, errs := runner.CheckTemplates(ts)
			for _, e := range errs {
				t.Errorf("%s case %q: %v", path, c.Name, e)
			}
			for _, f := range found {
				if labelled[f.Rule] {
					got[f.Rule]++
					details = append(details, fmt.Sprintf("%d:%d %s: %s", f.Line, f.Column, f.Rule, f.Message))
				}
			}
			want := map[string]int{}
			for _, e := range c.Expect {
				if !labelled[e] {
					t.Errorf("%s case %q expects %q, which the file does not label", path, c.Name, e)
				}
				want[e]++
			}
			mismatch := false
			for l := range labelled {
				tp := min(got[l], want[l])
				scores[l].tp += tp
				scores[l].fp += got[l] - tp
				scores[l].fn += want[l] - tp
				if got[l] != want[l] {
					mismatch = true
				}
			}
			if mismatch {
				t.Logf("%s case %d %q: got %v, want %v\n\t%s", path, i+1, c.Name, got, want, strings.Join(details, "\n\t"))
			}
		}
	}
	ids := make([]string, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		s := scores[id]
		p, r := ratio(s.tp, s.tp+s.fp), ratio(s.tp, s.tp+s.fn)
		t.Logf("%-18s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", id, p, r, s.tp, s.fp, s.fn)
		if p < 0.95 || r < 0.9 {
			t.Errorf("%s: precision %.3f (want >= 0.95), recall %.3f (want >= 0.9)", id, p, r)
		}
	}
	for _, l := range []string{"en", "de", "fr"} {
		t.Logf("%s: %d messages", l, perLang[l])
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func corpusConfig(t *testing.T, path, language, extra string, all []*lint.Rule) *lint.Config {
	t.Helper()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, ".notelint.toml")
	content := fmt.Sprintf("[lint]\ndefault_locale = %q\n", language)
	if strings.Contains(extra, "[lint]") {
		content = extra
	} else {
		content += extra + "\n"
	}
	if err := os.WriteFile(cfgPath, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := lint.LoadConfig(cfgPath, all)
	if err != nil {
		t.Fatalf("%s: config: %v", path, err)
	}
	return cfg
}
