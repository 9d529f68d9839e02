package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
)

// contentCase is one table row of the content rule tests: a template file
// (virtual path and content) and the text each finding of the rule must
// cover, in order ("" for none).
type contentCase struct {
	name   string
	path   string // drives channel, locale and kind inference
	text   string
	want   []string // covered source text of each finding, in order
	config string   // optional .notelint.toml content
}

// runContent runs one rule on one template file and returns its findings.
func runContent(t *testing.T, id string, c contentCase) []lint.Finding {
	t.Helper()
	all := All()
	cfg := lint.DefaultConfig(all)
	if c.config != "" {
		p := filepath.Join(t.TempDir(), ".notelint.toml")
		if err := os.WriteFile(p, []byte(c.config), 0o644); err != nil {
			t.Fatal(err)
		}
		var err error
		if cfg, err = lint.LoadConfig(p, all); err != nil {
			t.Fatalf("%s: config: %v", c.name, err)
		}
	}
	rule := ByID(all, id)
	if rule == nil {
		t.Fatalf("no rule %s", id)
	}
	ts, err := lint.LoadTemplates(c.path, []byte(c.text), cfg)
	if err != nil {
		t.Fatalf("%s: load: %v", c.name, err)
	}
	runner := &lint.Runner{Rules: []*lint.Rule{rule}, Config: cfg}
	var out []lint.Finding
	found, errs := runner.CheckTemplates(ts)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", c.name, errs)
	}
	for _, f := range found {
		if f.Rule == id {
			out = append(out, f)
		}
	}
	return out
}

// testContentRule runs a table of cases and checks each finding's range.
func testContentRule(t *testing.T, id string, cases []contentCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkCovered(t, runContent(t, id, c), c.text, c.want)
		})
	}
}

// checkCovered checks that the findings cover the texts want, in order,
// each inside text and with a message and a hint.
func checkCovered(t *testing.T, fs []lint.Finding, text string, want []string) {
	t.Helper()
	var got []string
	for _, f := range fs {
		if f.Offset < 0 || f.EndOffset > len(text) || f.EndOffset < f.Offset {
			t.Fatalf("finding out of range: %d..%d of %d", f.Offset, f.EndOffset, len(text))
		}
		got = append(got, text[f.Offset:f.EndOffset])
		if f.Message == "" || f.Hint == "" {
			t.Errorf("finding without message or hint: %+v", f)
		}
	}
	if strings.Join(got, "\x00") != strings.Join(want, "\x00") {
		t.Errorf("got %q, want %q", got, want)
		for _, f := range fs {
			t.Logf("  %d:%d %s (%s)", f.Line, f.Column, f.Message, f.Hint)
		}
	}
}

func TestContentDataLoads(t *testing.T) {
	for _, code := range []string{"en", "de", "fr"} {
		d := contentLangs.All()[code]
		if d == nil {
			t.Fatalf("no content data for %s", code)
		}
		if !d.time.HasVague() || d.vagueLinkText.Len() == 0 || d.nextStep.Len() == 0 ||
			d.optOutKeywords.Len() == 0 || !d.read.hasReadCoeff || len(d.replyRe) == 0 {
			t.Errorf("%s: incomplete content data", code)
		}
		l, _ := lang.Builtin().Get(code)
		if len(d.read.silent) != len(l.Phrases("readability_silent")) {
			t.Errorf("%s: malformed readability_silent entry (want ending/letters/min)", code)
		}
		for _, list := range []string{"time_hints", "cta_hints", "next_step_hints", "opt_out_hints"} {
			for _, e := range l.Phrases(list) {
				if !strings.Contains(e, "|") {
					t.Errorf("%s %s: entry %q is not key|example", code, list, e)
				}
			}
		}
		for _, k := range []string{"delay", "outage", "appointment", "ticket", "process-update", "vague", "vague_update", "link", "bare", "none", "action", "stop"} {
			if d.hints[k] == "" {
				t.Errorf("%s: no hint example %q", code, k)
			}
		}
	}
}
