package simulate

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

func simplePolicy(t *testing.T) *Policy {
	t.Helper()
	p, err := ParsePolicy([]byte(`[simulate]
timezone = "Europe/Berlin"
final = ["delivered"]
dedupe = true
collapse = "30m"
quiet_hours = "21:00-08:00"
min_gap = "1h"
[[simulate.trigger]]
status = ["shipped", "delayed", "delivered"]
template = "t"
`), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	jan := writeFile(t, "jan.csv", "customer_id,timestamp,status\nc1,2026-01-05 10:00:00,shipped\nc2,2026-01-06 10:00:00,shipped\n")
	feb := filepath.Join(dir, "feb.jsonl")
	if err := os.WriteFile(feb, []byte(`{"customer_id":"c1","timestamp":"2026-02-01 10:00:00","status":"delivered"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Inputs: []string{jan, feb}, Policy: simplePolicy(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Events != 3 || r.Customers != 2 || r.Replay != "streaming" || r.AsIs.Messages != 3 || len(r.Notes) != 0 {
		t.Errorf("report = %+v", r)
	}
	// A second file with earlier rows of the same customer: replayed buffered.
	dec := writeFile(t, "dec.csv", "customer_id,timestamp,status\nc1,2025-12-30 10:00:00,shipped\n")
	r, err = Run(Options{Inputs: []string{jan, dec}, Policy: simplePolicy(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Replay != "buffered" || len(r.Notes) != 1 || !strings.Contains(r.Notes[0], `dec.csv:2: customer "c1" at 2025-12-30T09:00:00Z is earlier than its previous row at 2026-01-05T09:00:00Z`) {
		t.Errorf("replay %s, notes %q", r.Replay, r.Notes)
	}
	_, err = Run(Options{Inputs: []string{jan, dec}, Policy: simplePolicy(t), Mode: ModeStream})
	var de *disorderError
	if !errors.As(err, &de) || !strings.Contains(err.Error(), "rows of a customer must be in time order") {
		t.Errorf("stream mode: %v", err)
	}
}

func TestRunBadRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,timestamp,status\n")
	for i := 0; i < 8; i++ {
		b.WriteString("c1,2026-01-05 10:00:00,shipped\nc1,nope,shipped\n")
	}
	path := writeFile(t, "bad.csv", b.String())
	r, err := Run(Options{Inputs: []string{path}, Policy: simplePolicy(t)})
	if err != nil {
		t.Fatal(err)
	}
	if r.BadRows.Count != 8 || len(r.BadRows.First) != maxBadKept || r.BadRows.First[0].Line != 3 || r.BadRows.First[4].Line != 11 || r.Events != 8 {
		t.Errorf("bad rows = %+v, events %d", r.BadRows, r.Events)
	}
	_, err = Run(Options{Inputs: []string{path}, Policy: simplePolicy(t), Strict: true})
	if err == nil || !strings.Contains(err.Error(), "bad.csv:3: timestamp: unparsable timestamp \"nope\"") {
		t.Errorf("strict: %v", err)
	}
	allBad := writeFile(t, "allbad.csv", "customer_id,timestamp,status\nc1,nope,x\n")
	if _, err := Run(Options{Inputs: []string{allBad}, Policy: simplePolicy(t)}); err == nil || !strings.Contains(err.Error(), "no usable events: all 1 rows were bad") {
		t.Errorf("all bad: %v", err)
	}
	// An empty shard is an empty report with a note naming it, so a batch
	// job over shards does not fail on it.
	headerOnly := writeFile(t, "header.csv", "customer_id,timestamp,status\n")
	empty := writeFile(t, "empty.csv", "")
	for _, c := range []struct {
		inputs []string
		events int64
		notes  []string
	}{
		{[]string{headerOnly}, 0, []string{headerOnly + ": no events (a header row only)"}},
		{[]string{empty}, 0, []string{empty + ": empty file, no events"}},
		{[]string{empty, path, headerOnly}, 8, []string{empty + ": empty file, no events", headerOnly + ": no events (a header row only)"}},
	} {
		r, err := Run(Options{Inputs: c.inputs, Policy: simplePolicy(t)})
		if err != nil {
			t.Errorf("%v: %v", c.inputs, err)
			continue
		}
		if r.Events != c.events || !reflect.DeepEqual(r.Notes, c.notes) || r.Customers != 0 && c.events == 0 {
			t.Errorf("%v: %d events, notes %q; want %d, %q", c.inputs, r.Events, r.Notes, c.events, c.notes)
		}
	}
}

func TestRunWorkersAndModesAgree(t *testing.T) {
	p := simplePolicy(t)
	path := filepath.Join(fixtureDir, "events.csv")
	var first *Report
	for _, workers := range []int{1, 2, 5} {
		for _, mode := range []Mode{ModeStream, ModeBuffered} {
			r, err := Run(Options{Inputs: []string{path}, Policy: p, Workers: workers, Mode: mode})
			if err != nil {
				t.Fatal(err)
			}
			r.Replay = ""
			if first == nil {
				first = r
			} else if !sameReport(first, r) {
				t.Errorf("workers %d mode %d: report differs", workers, mode)
			}
		}
	}
}

type recorder struct {
	mu    sync.Mutex
	msgs  []MessageDecision
	flags []FlagHit
}

func (r *recorder) Message(d MessageDecision) { r.mu.Lock(); r.msgs = append(r.msgs, d); r.mu.Unlock() }
func (r *recorder) Flag(f FlagHit)            { r.mu.Lock(); r.flags = append(r.flags, f); r.mu.Unlock() }

func TestRunObserver(t *testing.T) {
	rec := &recorder{}
	_, err := Run(Options{Inputs: []string{filepath.Join(fixtureDir, "events.csv")}, Policy: simplePolicy(t), Observer: rec, ObserveCustomers: []string{"carol"}})
	if err != nil {
		t.Fatal(err)
	}
	// carol: one shipped at 23:30, as-is at once, policy deferred to 08:00.
	if len(rec.msgs) != 2 {
		t.Fatalf("decisions = %+v", rec.msgs)
	}
	for _, d := range rec.msgs {
		if d.Customer != "carol" || d.Entity != "o4" || d.Status != "shipped" || !d.Sent {
			t.Errorf("decision = %+v", d)
		}
		if d.Stream == "policy" && (!d.Deferred || d.Send.Format("15:04") != "08:00") {
			t.Errorf("policy decision = %+v", d)
		}
	}
	if len(rec.flags) != 1 || rec.flags[0].Flag != "quiet_send" || rec.flags[0].Stream != "as_is" {
		t.Errorf("flags = %+v", rec.flags)
	}
}

func TestHistogramPercentiles(t *testing.T) {
	var h histogram
	for n, c := range map[uint32]int64{0: 1, 1: 3, 2: 4, 5: 2} {
		h.add(n, c)
	}
	// Sorted counts: 0 1 1 1 2 2 2 2 5 5 (10 customers).
	for p, want := range map[float64]int{10: 0, 11: 1, 40: 1, 41: 2, 50: 2, 80: 2, 81: 5, 90: 5, 99: 5, 100: 5} {
		if got := h.percentile(p); got != want {
			t.Errorf("p%g = %d, want %d", p, got, want)
		}
	}
	if h.customers() != 10 || h.total() != 21 || h.max() != 5 {
		t.Errorf("customers %d total %d max %d", h.customers(), h.total(), h.max())
	}
	if (histogram{}).percentile(50) != 0 {
		t.Error("empty histogram")
	}
}

func TestTopCustomersOrder(t *testing.T) {
	var top []CustomerRow
	for _, r := range []CustomerRow{{ID: "b", AsIs: 5, Sent: 1}, {ID: "a", AsIs: 5, Sent: 1}, {ID: "c", AsIs: 5, Sent: 2}, {ID: "d", AsIs: 9}} {
		top = addTop(top, r)
	}
	var ids []string
	for _, r := range top {
		ids = append(ids, r.ID)
	}
	if strings.Join(ids, ",") != "d,c,a,b" {
		t.Errorf("order = %v", ids)
	}
}

func TestParseFailOn(t *testing.T) {
	ths, err := ParseFailOn(" p99 > 5 , as_is.burst>=1,mean<2.5, max==3,repeat!=0, total=7")
	if err != nil {
		t.Fatal(err)
	}
	if len(ths) != 6 || ths[0].Metric != "p99" || ths[0].Op != ">" || ths[0].Value != 5 || !ths[1].AsIs || ths[1].Op != ">=" || ths[5].Op != "==" {
		t.Errorf("thresholds = %+v", ths)
	}
	for _, bad := range []string{"p98>1", "p99", "p99>x", "as_is.suppressed>1", ">3"} {
		if _, err := ParseFailOn(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	r := &Report{Policy: StreamStats{Messages: 7, P99: 6, Mean: 2, Max: 3}, Flags: []FlagStats{{Name: "burst", AsIs: FlagCount{Count: 2}}, {Name: "repeat"}}}
	got := r.Check(ths)
	var texts []string
	for _, c := range got {
		texts = append(texts, c.String())
	}
	want := "p99 > 5 (actual 6)|as_is.burst>=1 (actual 2)|mean<2.5 (actual 2)|max==3 (actual 3)|total=7 (actual 7)"
	if strings.Join(texts, "|") != want {
		t.Errorf("crossed = %q", strings.Join(texts, "|"))
	}
}

// TestHelpdeskLog replays the real help-desk log of ../shared/data (rows
// sorted by ticket, so the replay falls back to buffered). The expected
// figures were checked with an independent script.
func TestHelpdeskLog(t *testing.T) {
	log := "../../shared/data/helpdesk_tickets.csv.gz"
	if _, err := os.Stat(log); err != nil {
		t.Skipf("the shared help-desk log is not there (%v): skipping", err)
	}
	p, err := LoadPolicy("../examples/simulate/helpdesk-policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Inputs: []string{log}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	silent, _ := r.Flag("silent_gap")
	if r.Events != 21348 || r.Customers != 397 || r.Entities != 4587 || r.BadRows.Count != 0 || r.Replay != "buffered" ||
		r.AsIs.Messages != 16286 || silent.AsIs.Count != 4581 {
		t.Errorf("events %d customers %d entities %d bad %d replay %s as-is %d silent %d",
			r.Events, r.Customers, r.Entities, r.BadRows.Count, r.Replay, r.AsIs.Messages, silent.AsIs.Count)
	}
	if r.TimeSpan.From != "2010-01-13T07:40:25Z" || r.TimeSpan.To != "2014-01-03T12:20:58Z" {
		t.Errorf("span %+v", r.TimeSpan)
	}
}

// TestDisorderNoteIsStable: the note about rows out of order names the
// first such row in input order, whichever replay goroutine noticed one
// first (it used to name the first noticed, which varied between runs).
func TestDisorderNoteIsStable(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,timestamp,status\n")
	// 40 customers, each with a row earlier than its previous one; the
	// first such row is line 3 (customer c00).
	for i := 0; i < 40; i++ {
		fmt.Fprintf(&b, "c%02d,2026-03-02 12:00:00,shipped\nc%02d,2026-03-02 11:00:00,delayed\n", i, i)
	}
	fsys := fstest.MapFS{"e.csv": {Data: []byte(b.String())}}
	want := `rows are not in time order per customer (for example e.csv:3: customer "c00" at 2026-03-02T10:00:00Z is earlier than its previous row at 2026-03-02T11:00:00Z); the events were replayed from a sorted in-memory copy`
	for run := 0; run < 20; run++ {
		r, err := Run(Options{Inputs: []string{"e.csv"}, FS: fsys, Policy: simplePolicy(t), Workers: 4})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Notes) != 1 || r.Notes[0] != want {
			t.Fatalf("run %d: notes %q, want %q", run, r.Notes, want)
		}
	}
}

// TestDisorderAcrossCustomers: rows in time order per customer but not
// across customers can make the streaming replay give up; the note then
// names no row, because none is out of order for its customer.
func TestDisorderAcrossCustomers(t *testing.T) {
	data := "customer_id,timestamp,status\nc1,2026-03-02 10:00:00,shipped\nc2,2026-03-05 10:00:00,shipped\nc3,2026-03-05 10:01:00,shipped\nc1,2026-03-03 10:00:00,delivered\n"
	fsys := fstest.MapFS{"e.csv": {Data: []byte(data)}}
	r, err := Run(Options{Inputs: []string{"e.csv"}, FS: fsys, Policy: simplePolicy(t), Workers: 1, expireAfter: int64(time.Hour), winSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := "rows are not in time order across customers; the events were replayed from a sorted in-memory copy"
	if r.Replay != "buffered" || len(r.Notes) != 1 || r.Notes[0] != want {
		t.Errorf("replay %s, notes %q", r.Replay, r.Notes)
	}
}
