package report

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate"
)

// explainCase explains customer c1 of the engine's explain fixture
// (testdata/simulate/explain) with quiet_action set to action.
func explainCase(t *testing.T, action string) *simulate.Explanation {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "simulate", "explain")
	b, err := os.ReadFile(filepath.Join(dir, "policy.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := simulate.ParsePolicy(bytes.Replace(b, []byte(`quiet_action = "defer"`), []byte(`quiet_action = "`+action+`"`), 1), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	x, _, err := simulate.Explain(simulate.Options{Inputs: []string{filepath.Join(dir, "events.csv")}, Policy: p}, "c1")
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestExplainText(t *testing.T) {
	x := explainCase(t, "defer")
	var b bytes.Buffer
	if err := WriteExplanation(&b, x, "text"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	want0 := "As-is: 9 messages. With the policy: 4 sent (1 deferred by quiet hours), 5 suppressed (dedupe 1, collapse 1, quiet_merge 1, min_gap 1, max_per_day 1).\n"
	if !strings.Contains(out, want0) {
		t.Errorf("text lacks the summary %q:\n%s", want0, out)
	}
	for _, want := range []string{
		"customer c1: 10 events, 2 entities (o1, o2); zone UTC\n",
		"policy: dedupe · collapse 30 min · quiet_hours 21:00-08:00 (defer) · min_gap 1 h · max_per_day 2\n",
		"\nMon 2026-03-02 (UTC)\n  09:00  o1  created: no message\n  09:10  o1  shipped → t-shipped\n",
		"            policy  ✗ dropped by dedupe: the previous event of o1 (09:10) had the same status\n",
		"  09:20  o1  ⚑ as-is repeat: same template as the entity's previous message\n",
		"\nTue 2026-03-03 (UTC)\n  08:00  o2  ✉ policy sends t-delayed (the \"delayed\" of Mon 02 Mar 22:40)\n",
		"            policy  ✓ due at 23:10 after the collapse wait of 30 min, inside quiet hours 21:00-08:00: deferred and sent at Tue 03 Mar 08:00\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	if err := WriteExplanation(&b, x, "json"); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Schema   string `json:"schema"`
		Customer string `json:"customer"`
		Timeline []struct {
			Kind   string `json:"kind"`
			Time   string `json:"time"`
			Policy string `json:"policy"`
			Send   string `json:"send"`
		} `json:"timeline"`
	}
	if err := json.Unmarshal(b.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	if back.Schema != simulate.ExplainSchema || back.Customer != "c1" || len(back.Timeline) != 17 ||
		back.Timeline[10].Policy != "deferred" || back.Timeline[10].Send != "2026-03-03T08:00:00Z" {
		t.Errorf("json = %+v", back)
	}
	if err := WriteExplanation(&b, x, "csv"); err == nil {
		t.Error("csv accepted")
	}
}
