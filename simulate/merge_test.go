package simulate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate/internal/synth"
)

// TestMergeShards splits a stream by customer into shards, replays each and
// checks that the merged report equals the report of one run.
func TestMergeShards(t *testing.T) {
	var b strings.Builder
	if err := synth.Write(&b, synth.Config{Events: 20000, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	dir := t.TempDir()
	all := filepath.Join(dir, "all.csv")
	if err := os.WriteFile(all, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	shards := make([]strings.Builder, 3)
	for i := range shards {
		shards[i].WriteString(lines[0] + "\n")
	}
	for _, l := range lines[1:] {
		id := l[:strings.IndexByte(l, ',')]
		n := 0
		for _, c := range id {
			n = n*31 + int(c)
		}
		shards[n%3].WriteString(l + "\n")
	}
	p := benchPolicyT(t)
	var parts []*Report
	for i := range shards {
		path := filepath.Join(dir, fmt.Sprintf("shard%d.csv", i))
		if err := os.WriteFile(path, []byte(shards[i].String()), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Run(Options{Inputs: []string{path}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, r)
	}
	merged, err := Merge(parts...)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := Run(Options{Inputs: []string{all}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	merged.Inputs, whole.Inputs = nil, nil
	merged.Fingerprints.Input, whole.Fingerprints.Input = "", ""
	a, _ := json.Marshal(merged)
	b2, _ := json.Marshal(whole)
	var ma, mb map[string]json.RawMessage
	_ = json.Unmarshal(a, &ma)
	_ = json.Unmarshal(b2, &mb)
	for k := range mb {
		if string(ma[k]) != string(mb[k]) {
			t.Errorf("merged %s differs:\n%s\nwant\n%s", k, ma[k], mb[k])
		}
	}
	if !reflect.DeepEqual(merged.CustomerRows(), whole.CustomerRows()) {
		t.Error("merged rows differ")
	}
	ta, _ := json.Marshal(merged.Trails)
	tb, _ := json.Marshal(whole.Trails)
	if len(whole.Trails) == 0 || string(ta) != string(tb) {
		t.Errorf("merged trails differ: %d, want %d", len(merged.Trails), len(whole.Trails))
	}
}

func benchPolicyT(t *testing.T) *Policy {
	t.Helper()
	p, err := LoadPolicy("../testdata/simulate/bench-policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}
