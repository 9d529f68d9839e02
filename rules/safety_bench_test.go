package rules

import (
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// BenchmarkSafetyRules runs the five rules of this group (internal-jargon,
// sensitive-data, sender-id, link-safety, channel-length) on the 10,000
// benchmark templates, loaded once, to measure their share of a run.
func BenchmarkSafetyRules(b *testing.B) {
	dir := b.TempDir()
	writeBenchCorpus(b, dir, 10000)
	all := All()
	cfg := lint.DefaultConfig(all)
	files, err := lint.Discover([]string{dir}, cfg)
	if err != nil {
		b.Fatal(err)
	}
	var ts []*message.Template
	for _, f := range files {
		t, err := lint.LoadFile(f, cfg)
		if err != nil {
			b.Fatal(err)
		}
		ts = append(ts, t...)
	}
	var rules []*lint.Rule
	for _, r := range safetyAndLengthRules() {
		rules = append(rules, ByID(all, r.ID))
	}
	runner := &lint.Runner{Rules: rules, Config: cfg}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range ts {
			runner.CheckTemplate(t, nil)
		}
	}
}
