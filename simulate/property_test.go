package simulate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// randomPolicy draws a policy that exercises every control and flag.
func randomPolicy(r *rand.Rand) *Policy {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	p := &Policy{
		Source:   "random",
		Timezone: berlin,
		Final:    []string{"fin"},
		Dedupe:   r.IntN(2) == 0,
		Columns:  DefaultColumns(),
		Triggers: []Trigger{{Statuses: []string{"a", "b"}, Template: "ab"}, {Statuses: []string{"c"}, Template: "c"}, {Statuses: []string{"fin"}, Template: "fin"}},
	}
	p.timezoneName = "Europe/Berlin"
	p.Collapse = []time.Duration{0, 0, 10 * time.Minute, 30 * time.Minute, 2 * time.Hour}[r.IntN(5)]
	quiets := []*QuietHours{nil, {Start: 21 * 60, End: 8 * 60}, {Start: 90, End: 150}, {Start: 12 * 60, End: 13 * 60}, {Start: 23 * 60, End: 0}, {Start: 60, End: 3 * 60}}
	p.Quiet = quiets[r.IntN(len(quiets))]
	p.QuietDrop = r.IntN(4) == 0
	p.MinGap = []time.Duration{0, 0, 20 * time.Minute, 2 * time.Hour}[r.IntN(4)]
	p.MaxPerDay = []int{0, 0, 1, 2, 3}[r.IntN(5)]
	p.Flags = FlagThresholds{
		BurstCount:     []int{0, 2, 3, 4}[r.IntN(4)],
		BurstWindow:    []time.Duration{10 * time.Minute, time.Hour, 6 * time.Hour}[r.IntN(3)],
		FlappingWindow: []time.Duration{0, 30 * time.Minute, 24 * time.Hour}[r.IntN(3)],
		SilentAfter:    []time.Duration{0, time.Hour, 6 * time.Hour}[r.IntN(3)],
	}
	return p
}

// randomEvents draws events around the 2026 DST changes with many ties.
func randomEvents(r *rand.Rand, n int) []refEvent {
	bases := []time.Time{
		time.Date(2026, 3, 28, 18, 0, 0, 0, time.UTC),  // Berlin spring-forward night
		time.Date(2026, 10, 24, 18, 0, 0, 0, time.UTC), // Berlin fall-back night
		time.Date(2026, 6, 10, 6, 0, 0, 0, time.UTC),
	}
	zones := []string{"", "", "", "", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"}
	statuses := []string{"a", "a", "b", "b", "c", "d", "fin"}
	nCust := 1 + r.IntN(12)
	nEnt := []int{3, 3, 20}[r.IntN(3)]
	base := bases[r.IntN(len(bases))]
	out := make([]refEvent, 0, n)
	custZone := map[string]string{}
	for i := 0; i < n; i++ {
		c := fmt.Sprintf("c%02d", r.IntN(nCust))
		if _, ok := custZone[c]; !ok {
			custZone[c] = zones[r.IntN(len(zones))]
		}
		ent := ""
		if r.IntN(4) > 0 {
			ent = fmt.Sprintf("e%d", r.IntN(nEnt))
		}
		step := []time.Duration{time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute, time.Hour}[r.IntN(5)]
		t := base.Add(time.Duration(r.IntN(48*60/int(step/time.Minute))) * step)
		if r.IntN(10) == 0 {
			t = t.Add(time.Duration(r.IntN(60)) * time.Second)
		}
		out = append(out, refEvent{cust: c, ent: ent, status: statuses[r.IntN(len(statuses))], zone: custZone[c], t: t})
	}
	return out
}

func writeEventsCSV(t *testing.T, path string, evs []refEvent) {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,entity_id,timestamp,status,timezone\n")
	for _, e := range evs {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", e.cust, e.ent, e.t.UTC().Format(time.RFC3339), e.status, e.zone)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEngineMatchesReference replays random streams in every mode and
// compares each customer's counts and flags, the flag counts, the drop
// counts and the per-template counts with the reference implementation.
func TestEngineMatchesReference(t *testing.T) {
	iters := 150
	if testing.Short() {
		iters = 40
	}
	if os.Getenv("NOTELINT_SIM_LONG") != "" {
		iters = 3000
	}
	dir := t.TempDir()
	for it := 0; it < iters; it++ {
		r := rand.New(rand.NewPCG(uint64(it), 7))
		p := randomPolicy(r)
		evs := randomEvents(r, 1+r.IntN(150))
		sorted := append([]refEvent(nil), evs...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].t.Before(sorted[j].t) })
		for i := range sorted {
			sorted[i].seq = i
		}
		want := refReplay(p, sorted)

		sortedPath := filepath.Join(dir, fmt.Sprintf("sorted%d.csv", it))
		writeEventsCSV(t, sortedPath, sorted)
		// Shuffled by customer blocks keeps each customer's tie order.
		shuffled := shuffleKeepingCustomerOrder(r, sorted)
		shuffledPath := filepath.Join(dir, fmt.Sprintf("shuffled%d.csv", it))
		writeEventsCSV(t, shuffledPath, shuffled)

		for _, run := range []struct {
			name  string
			path  string
			mode  Mode
			sweep int
		}{{"stream", sortedPath, ModeStream, 0}, {"stream-small-windows", sortedPath, ModeStream, 1}, {"buffered", sortedPath, ModeBuffered, 0}, {"auto-shuffled", shuffledPath, ModeAuto, 1}} {
			for _, workers := range []int{1, 3} {
				rep, err := Run(Options{Inputs: []string{run.path}, Policy: p, Mode: run.mode, Workers: workers, expireAfter: int64(run.sweep), winSize: 1 + 4*run.sweep})
				if err != nil {
					t.Fatalf("iter %d %s: %v", it, run.name, err)
				}
				compareWithRef(t, fmt.Sprintf("iter %d %s workers %d (policy %+v quiet %v)", it, run.name, workers, *p, p.Quiet), rep, want)
			}
		}
	}
}

// shuffleKeepingCustomerOrder interleaves customers randomly while keeping
// each customer's rows in order, then reverses one customer to force the
// out-of-order fallback half of the time.
func shuffleKeepingCustomerOrder(r *rand.Rand, evs []refEvent) []refEvent {
	out := append([]refEvent(nil), evs...)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	// Restore per-customer order of equal timestamps (input order is the
	// tie-break, so ties must keep their relative order).
	byCust := map[string][]refEvent{}
	for _, e := range evs {
		byCust[e.cust] = append(byCust[e.cust], e)
	}
	pos := map[string]int{}
	for i := range out {
		c := out[i].cust
		out[i] = byCust[c][pos[c]]
		pos[c]++
	}
	if r.IntN(2) == 0 {
		// Move one customer's last row to the front: out of order.
		sameTime := map[string]int{}
		for _, e := range out {
			sameTime[e.cust+"|"+e.t.String()]++
		}
		for i := len(out) - 1; i > 0; i-- {
			// A row with a unique time in its customer: moving it does not
			// change the input order of equal timestamps.
			if out[i].cust == out[0].cust && out[i].t.After(out[0].t) && sameTime[out[i].cust+"|"+out[i].t.String()] == 1 {
				e := out[i]
				copy(out[1:i+1], out[0:i])
				out[0] = e
				break
			}
		}
	}
	return out
}

func compareWithRef(t *testing.T, label string, rep *Report, want *refTotals) {
	t.Helper()
	if int(rep.Customers) != len(want.customers) {
		t.Fatalf("%s: customers %d, want %d", label, rep.Customers, len(want.customers))
	}
	for _, row := range rep.CustomerRows() {
		w := want.customers[row.ID]
		if w == nil {
			t.Fatalf("%s: unexpected customer %s", label, row.ID)
		}
		if row.AsIs != w.asIs || row.Sent != w.sent || row.Deferred != w.deferred {
			t.Fatalf("%s: customer %s: as_is/sent/deferred %d/%d/%d, want %d/%d/%d", label, row.ID, row.AsIs, row.Sent, row.Deferred, w.asIs, w.sent, w.deferred)
		}
		for k, flags := range map[string][]string{"as_is": row.AsIsFlags, "policy": row.Flags} {
			got := map[string]bool{}
			for _, f := range flags {
				got[k+"."+f] = true
			}
			for _, f := range flagNames {
				key := k + "." + f
				if got[key] != w.flags[key] {
					t.Fatalf("%s: customer %s: flag %s = %v, want %v", label, row.ID, key, got[key], w.flags[key])
				}
			}
		}
	}
	for _, f := range rep.Flags {
		if f.AsIs.Count != int64(want.flagCount["as_is."+f.Name]) || f.Policy.Count != int64(want.flagCount["policy."+f.Name]) {
			t.Fatalf("%s: flag %s counts %d/%d, want %d/%d", label, f.Name, f.AsIs.Count, f.Policy.Count, want.flagCount["as_is."+f.Name], want.flagCount["policy."+f.Name])
		}
	}
	var sum int64
	for _, rc := range rep.Suppressed.ByReason {
		if rc.Messages != int64(want.drops[rc.Reason]) {
			t.Fatalf("%s: dropped by %s: %d, want %d", label, rc.Reason, rc.Messages, want.drops[rc.Reason])
		}
		sum += rc.Messages
	}
	if sum != rep.Suppressed.Total {
		t.Fatalf("%s: drops by reason sum to %d, suppressed is %d", label, sum, rep.Suppressed.Total)
	}
	for _, tp := range rep.Templates {
		if tp.AsIs != int64(want.tpl["as_is."+tp.ID]) || tp.Policy != int64(want.tpl["policy."+tp.ID]) {
			t.Fatalf("%s: template %s %d/%d, want %d/%d", label, tp.ID, tp.AsIs, tp.Policy, want.tpl["as_is."+tp.ID], want.tpl["policy."+tp.ID])
		}
	}
}
