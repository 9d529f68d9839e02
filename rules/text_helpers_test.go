package rules

import (
	"os"
	"path/filepath"
	"reflect"
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
			fs := runContent(t, id, c)
			var got []string
			for _, f := range fs {
				if f.Offset < 0 || f.EndOffset > len(c.text) || f.EndOffset < f.Offset {
					t.Fatalf("bad range %d..%d", f.Offset, f.EndOffset)
				}
				got = append(got, c.text[f.Offset:f.EndOffset])
				if f.Message == "" || f.Hint == "" {
					t.Errorf("finding without message or hint: %+v", f)
				}
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
				for _, f := range fs {
					t.Logf("  %d:%d %s (%s)", f.Line, f.Column, f.Message, f.Hint)
				}
			}
		})
	}
}

func TestSentenceSpans(t *testing.T) {
	de := &contentLangs()["de"].read
	en := &contentLangs()["en"].read
	cases := []struct {
		text string
		rd   *readData
		want []string
	}{
		{"One. Two! Three? Four", en, []string{"One.", "Two!", "Three?", "Four"}},
		{"Visit https://a.example/x.y today. Next", en, []string{"Visit https://a.example/x.y today.", "Next"}},
		{"Call e.g. Mr. Smith. Then", en, []string{"Call e.g. Mr. Smith.", "Then"}},
		{"Am 24. November um 10 Uhr, z. B. morgen. Danach", de, []string{"Am 24. November um 10 Uhr, z. B. morgen.", "Danach"}},
		{"Lieferung am 24.11. um 9 Uhr. Gut", de, []string{"Lieferung am 24.11. um 9 Uhr.", "Gut"}},
		{"Title\n\nBody line one\nstill one.\n- item\n- item two", en, []string{"Title", "Body line one\nstill one.", "- item", "- item two"}},
		{"Say \"hi.\" Then go", en, []string{"Say \"hi.\"", "Then go"}},
		{"", en, nil},
		{"   \n\n  ", en, nil},
	}
	for _, c := range cases {
		var got []string
		for _, s := range sentenceSpans(c.text, c.rd) {
			got = append(got, c.text[s.start:s.end])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %q want %q", c.text, got, c.want)
		}
	}
}

func TestTimeSpans(t *testing.T) {
	cases := []struct {
		lang, text string
		want       []string
	}{
		{"en", "Arrives today between 3 and 5 pm", []string{"today", "between 3 and 5"}},
		{"en", "New time: 14:00-16:00 on Monday", []string{"14:00", "16:00", "monday"}},
		{"en", "within 2 hours, in 3 working days, by the 25th, on 4/25", []string{"2 hours", "3 working days", "the 25th", "4/25"}},
		{"en", "We are on it since 8:00. Support 24/7. Reported 2 hours ago.", nil},
		{"en", "Good morning! We'll be back later.", nil},
		{"en", "It arrives later today", []string{"today"}},
		{"de", "Neue Zustellung: heute 14–16 Uhr oder übermorgen", []string{"heute", "16 uhr", "übermorgen"}},
		{"de", "bis 11 Uhr, gegen 15.30, am 24.11., am 3. März, binnen 2 Tagen", []string{"11 uhr", "gegen 15.30", "24.11.", "3. märz", "2 tagen"}},
		{"de", "Guten Morgen, seit heute Morgen gestört, vor 2 Stunden gemeldet", nil},
		{"de", "Montagvormittag oder Dienstag", []string{"montagvormittag", "dienstag"}},
		{"fr", "Livraison aujourd'hui entre 9h30 et 11h, ou après-demain", []string{"aujourd'hui", "9h30", "11h", "après-demain"}},
		{"fr", "le 1er novembre, d'ici 2 heures, sous 48h, le 24/11", []string{"1er novembre", "2 heures", "48h", "24/11"}},
		{"fr", "Panne depuis ce matin, signalée il y a 2 heures, plus tard", nil},
		// The number grammar.
		{"en", "at 10 a.m. or 10 o'clock, on 2026-04-25, April 25, Dec. 1st or the 25th of April", []string{"10 a.m.", "10 o'clock", "2026-04-25", "april 25", "dec. 1st", "25th of april", "the 25th"}},
		{"en", "in a couple of days, an hour, 30min", []string{"a couple of days", "an hour", "30min"}},
		{"en", "reported 2 hours ago; code x4711; https://a.example/24/11/t", nil},
		{"de", "um 15.30, 15.30 Uhr, am 24.11.2025, vor 15 Uhr", []string{"um 15.30", "15.30 uhr", "24.11.2025", "15 uhr"}},
		{"de", "in einer halben Stunde, in ein paar Tagen", []string{"einer halben stunde", "ein paar tagen"}},
		{"de", "Preis 14.99 Euro, Version 2.3, Ticket 48213", nil},
		{"fr", "à 15 h 30, dans quelques minutes, 24h/24 et 7j/7", []string{"15 h 30", "quelques minutes"}},
		{"fr", "le 2e jeudi, le 3 mars", []string{"jeudi", "3 mars"}},
	}
	for _, c := range cases {
		d := contentLangs()[c.lang]
		f := lang.Fold(c.text)
		var got []string
		for _, s := range d.timeSpans(f) {
			got = append(got, f.S[s.start:s.end])
		}
		if !sameStringSet(got, c.want) {
			t.Errorf("%s %q: got %q want %q", c.lang, c.text, got, c.want)
		}
	}
}

func sameStringSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	m := map[string]int{}
	for _, x := range a {
		m[x]++
	}
	for _, x := range b {
		m[x]--
	}
	for _, n := range m {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestNameWords(t *testing.T) {
	cases := map[string][]string{
		"restoreTime":     {"restore", "time"},
		"delivery_window": {"delivery", "window"},
		".NewETA":         {"new", "eta"},
		"x":               {"x"},
		"":                nil,
	}
	for in, want := range cases {
		if got := nameWords(in); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %q want %q", in, got, want)
		}
	}
}

func TestContentDataLoads(t *testing.T) {
	for _, code := range []string{"en", "de", "fr"} {
		d := contentLangs()[code]
		if d == nil {
			t.Fatalf("no content data for %s", code)
		}
		if d.vague.Len() == 0 || d.vagueLinkText.Len() == 0 || d.nextStep.Len() == 0 ||
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
