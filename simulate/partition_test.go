package simulate

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// partitionFixture writes a stream with what the partitioned store encodes
// specially: ids longer than 65,535 bytes, empty entity ids, zones, two
// files, customers with many entities; unsorted, some rows are earlier than
// their customer's previous one. sortRows writes the same rows in time order.
func partitionFixture(t *testing.T, unsorted, sortRows bool) []string {
	t.Helper()
	dir := t.TempDir()
	long := strings.Repeat("x", 70000)
	statuses := []string{"shipped", "in_transit", "delayed", "delivered"}
	type row struct {
		minute int
		text   string
	}
	var rows []row
	for i := 0; i < 3000; i++ {
		cust := fmt.Sprintf("c%03d", i%211)
		switch i % 97 {
		case 0:
			cust = long
		case 1:
			cust = "c" + long
		}
		ent := fmt.Sprintf("e%d", i%13)
		switch i % 7 {
		case 0:
			ent = ""
		case 1:
			ent = long + "e"
		}
		zone := []string{"", "Europe/London", "America/New_York"}[i%3]
		minute := 500 + i
		if unsorted && i%5 == 0 {
			minute = 100 + i
		}
		rows = append(rows, row{minute, fmt.Sprintf("%s,%s,2026-03-%02dT%02d:%02d:00Z,%s,%s\n", cust, ent, 2+minute/1440, minute/60%24, minute%60, statuses[i%len(statuses)], zone)})
	}
	if sortRows {
		slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(a.minute, b.minute) })
	}
	var files []string
	for k, part := range [][]row{rows[:1500], rows[1500:]} {
		var b strings.Builder
		b.WriteString("customer_id,entity_id,timestamp,status,timezone\n")
		for _, r := range part {
			b.WriteString(r.text)
		}
		path := filepath.Join(dir, fmt.Sprintf("%c.csv", 'a'+k))
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return files
}

// TestPartitionedReplayMatchesStreaming: the partitioned replay (ModeAuto
// and ModeBuffered) gives the streaming replay's report, trails included.
func TestPartitionedReplayMatchesStreaming(t *testing.T) {
	p := simplePolicy(t)
	inputs := partitionFixture(t, false, false)
	want, err := Run(Options{Inputs: inputs, Policy: p, Mode: ModeStream})
	if err != nil {
		t.Fatal(err)
	}
	if want.Customers != 213 || len(want.Trails) == 0 {
		t.Fatalf("fixture: %d customers, %d trails", want.Customers, len(want.Trails))
	}
	for _, workers := range []int{1, 2, 3} {
		for _, mode := range []Mode{ModeAuto, ModeBuffered} {
			got, err := Run(Options{Inputs: inputs, Policy: p, Mode: mode, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if mode == ModeAuto && (got.Replay != "streaming" || len(got.Notes) != 0) {
				t.Errorf("workers %d: replay %s, notes %q", workers, got.Replay, got.Notes)
			}
			got.Replay = want.Replay
			if !sameReport(want, got) {
				t.Errorf("workers %d mode %d: report differs from the streaming one", workers, mode)
			}
		}
	}
}

// TestPartitionedReplayOutOfOrder: rows out of order per customer are
// replayed in time order (the report of the same rows sorted), and the note
// names the first such row.
func TestPartitionedReplayOutOfOrder(t *testing.T) {
	p := simplePolicy(t)
	want, err := Run(Options{Inputs: partitionFixture(t, true, true), Policy: p, Mode: ModeStream})
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		got, err := Run(Options{Inputs: partitionFixture(t, true, false), Policy: p, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		// Row 197 (i = 195) is the first earlier than its customer's previous
		// one, c + 70,000 x (rows i = 98 and 195).
		if got.Replay != "buffered" || len(got.Notes) != 1 ||
			!strings.Contains(got.Notes[0], `a.csv:197: customer "cxxx`) ||
			!strings.Contains(got.Notes[0], `x" at 2026-03-02T04:55:00Z is earlier than its previous row at 2026-03-02T09:58:00Z`) {
			t.Errorf("replay %s, %d notes", got.Replay, len(got.Notes))
		}
		got.Replay, got.Notes, got.Inputs = want.Replay, want.Notes, want.Inputs
		got.Fingerprints, got.merge = want.Fingerprints, want.merge // the inputs and the notes' parts
		if !sameReport(want, got) {
			t.Error("the report differs from the one of the same rows in time order")
		}
	}
}

// TestBufferBudgetFallsBackToStreaming: input over the budget is streamed.
func TestBufferBudgetFallsBackToStreaming(t *testing.T) {
	p := simplePolicy(t)
	inputs := partitionFixture(t, false, false)
	opts := Options{Inputs: inputs, Policy: p, bufferLimit: 1000}
	out, err := runPipeline(&opts, compile(p, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range out.shards {
		if s.parts != nil {
			t.Fatal("a shard over the budget still holds partitions")
		}
	}
	opts.bufferLimit = 0
	out, err = runPipeline(&opts, compile(p, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range out.shards {
		if s.parts == nil {
			t.Fatal("a shard within the budget was not partitioned")
		}
	}
}

// TestPartitionedStateIsReused: customers are replayed one at a time, so
// one active state serves them all, and the entity records of a partition
// are reused by the next.
func TestPartitionedStateIsReused(t *testing.T) {
	p := simplePolicy(t)
	opts := Options{Inputs: partitionFixture(t, false, false), Policy: p, Workers: 1}
	out, err := runPipeline(&opts, compile(p, nil), false)
	if err != nil {
		t.Fatal(err)
	}
	s := out.shards[0]
	if len(s.acts) != 1 {
		t.Errorf("%d active states, want 1", len(s.acts))
	}
	if s.ent.len() != 0 || s.entDone == 0 {
		t.Errorf("%d entity records left, %d replayed", s.ent.len(), s.entDone)
	}
}

// TestTimeDiffRoundTrip: time differences of every sign and size in the
// supported years decode to what was encoded, whole seconds in fewer bytes.
func TestTimeDiffRoundTrip(t *testing.T) {
	span := maxTime - minTime
	diffs := []int64{0, 1, -1, nsPerSec, -nsPerSec, nsPerSec + 1, -nsPerSec - 1, 3 * nsPerSec / 2, -3 * nsPerSec / 2,
		nsPerSec - 1, 1 - nsPerSec, 60 * nsPerSec, span, -span, span - 1, 1 - span}
	for _, d := range diffs {
		b := appendTimeDiff(nil, d)
		c := partCursor{}
		if got := c.timeDiff(b); got != d || c.off != len(b) {
			t.Errorf("%d: decoded %d using %d of %d bytes", d, got, c.off, len(b))
		}
	}
	if n := len(appendTimeDiff(nil, 30*nsPerSec)); n != 1 {
		t.Errorf("30 seconds take %d bytes", n)
	}
}
