package simulate

import (
	"bytes"
	"encoding/json"
	"hash/maphash"
	"os"
	"strings"
	"testing"
)

// TestTrailsMatchExplain: the trails Run keeps for the customers the
// report names are exactly the timelines --customer prints, in streaming
// and buffered replays and from standard input, and Run names every
// customer it has a trail for.
func TestTrailsMatchExplain(t *testing.T) {
	data, err := os.ReadFile("../examples/simulate/events.csv")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		input string
		mode  Mode
	}{
		{"streaming", "../examples/simulate/events.csv", ModeStream},
		{"buffered", "../examples/simulate/events.csv", ModeBuffered},
		{"stdin", "-", ModeAuto},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := exampleOptions(t)
			opts.Inputs, opts.Mode, opts.Stdin = []string{tc.input}, tc.mode, bytes.NewReader(data)
			r, err := Run(opts)
			if err != nil {
				t.Fatal(err)
			}
			ids := r.shownCustomers()
			if len(ids) < 10 || len(r.Trails) != len(ids) || r.TrailsMissing != "" {
				t.Fatalf("%d trails for %d named customers (%q)", len(r.Trails), len(ids), r.TrailsMissing)
			}
			for _, id := range ids {
				opts := exampleOptions(t)
				x, _, err := Explain(opts, id)
				if err != nil {
					t.Fatal(err)
				}
				want, _ := json.Marshal(x)
				got, _ := json.Marshal(r.Trails[id])
				if !bytes.Equal(got, want) {
					t.Errorf("%s: trail differs from --customer:\n%s\nwant\n%s", id, got, want)
				}
			}
		})
	}
}

// TestTrailsOverBudget: a streaming shard that keeps more events than its
// share drops them, and the report says the trails are missing instead of
// showing partial ones.
func TestTrailsOverBudget(t *testing.T) {
	p := simplePolicy(t)
	s := newShard(compile(p, nil), maphash.MakeSeed(), false, nil, nil)
	s.logCap = 3
	for i := 0; i < 5; i++ {
		s.keepEvent(bufEvent{t: int64(i)})
	}
	if !s.logLost || s.evs.len() != 0 {
		t.Fatalf("lost %v, %d events kept", s.logLost, s.evs.len())
	}
	r := &Report{TopCustomers: []CustomerRow{{ID: "c1"}}}
	trails, why := namedTrails(s.pol, []*shard{s}, r)
	if trails != nil || !strings.Contains(why, "not shown") {
		t.Errorf("trails %v, reason %q", trails, why)
	}
}
