package simulate

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/notelint/notelint/simulate/internal/synth"
)

// TestStreamingStateFollowsActiveCustomers replays a time-sorted stream of
// customers spread over 90 days and checks that the short-lived state
// (queues, windows, rings) was held for the recently active customers only:
// the pool of active states stays far below the number of customers.
func TestStreamingStateFollowsActiveCustomers(t *testing.T) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Config{Events: 200_000, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "e.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := ParsePolicy([]byte(`[simulate]
timezone = "Europe/Berlin"
dedupe = true
collapse = "30m"
quiet_hours = "21:00-08:00"
min_gap = "2h"
max_per_day = 3
[[simulate.trigger]]
status = ["shipped", "delayed", "out_for_delivery", "delivered"]
template = "t"
`), "p")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Inputs: []string{path}, Policy: p, Workers: 1, winSize: 4096}
	out, err := runPipeline(&opts, compile(p, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	sh := out.shards[0]
	customers, pool := sh.cust.len(), len(sh.acts)
	t.Logf("%d customers, %d active states at most", customers, pool)
	if customers < 10000 || pool*5 > customers {
		t.Errorf("%d active states for %d customers: state is not freed", pool, customers)
	}
	if !sh.sweeping {
		t.Error("a time-sorted stream was not recognized as such")
	}
}
