package simulate

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// trail records the decisions of a replay as readable lines.
type trail struct {
	mu    sync.Mutex
	loc   *time.Location
	lines []string
	flags []string
}

func (tr *trail) Message(d MessageDecision) {
	if d.Stream != "policy" {
		return
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	ent := d.Entity
	if ent == "" {
		ent = d.Customer
	}
	out := "dropped " + d.Reason
	if d.Sent {
		out = "sent " + d.Send.In(tr.loc).Format("01-02 15:04")
		if d.Deferred {
			out += " deferred"
		}
	}
	tr.lines = append(tr.lines, fmt.Sprintf("%s %s %s -> %s", ent, d.Status, d.Event.In(tr.loc).Format("01-02 15:04"), out))
}

func (tr *trail) Flag(f FlagHit) {
	tr.mu.Lock()
	defer tr.mu.Unlock()
	tr.flags = append(tr.flags, f.Stream+"."+f.Flag+" "+f.Example.Customer+"/"+f.Example.Entity)
}

const triggersTOML = `
[[simulate.trigger]]
status = ["a", "b", "c", "d", "e", "x", "delivered"]
template = "t"
[[simulate.trigger]]
status = ["shipped"]
template = "ship"
[[simulate.trigger]]
status = ["delayed"]
template = "delay"
`

// replayCase runs events (CSV) through policy (TOML [simulate] body) in
// every replay mode, checks that the modes agree and returns the report and
// the policy decisions (sorted).
func replayCase(t *testing.T, policy, events string) (*Report, []string) {
	t.Helper()
	p, err := ParsePolicy([]byte("[simulate]\n"+policy+triggersTOML), "policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "events.csv")
	if err := os.WriteFile(path, []byte(strings.TrimLeft(events, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	var first *Report
	var firstLines []string
	for _, mode := range []Mode{ModeStream, ModeBuffered} {
		for _, sweep := range []int{0, 1} {
			tr := &trail{loc: p.Timezone}
			r, err := Run(Options{Inputs: []string{path}, Policy: p, Mode: mode, Observer: tr, expireAfter: int64(sweep), winSize: 1 + 2*sweep})
			if err != nil {
				t.Fatal(err)
			}
			sort.Strings(tr.lines)
			if first == nil {
				first, firstLines = r, tr.lines
				continue
			}
			if strings.Join(tr.lines, "\n") != strings.Join(firstLines, "\n") {
				t.Fatalf("mode %d sweep %d disagrees:\n%s\nvs\n%s", mode, sweep, strings.Join(tr.lines, "\n"), strings.Join(firstLines, "\n"))
			}
		}
	}
	return first, firstLines
}

func wantLines(t *testing.T, got []string, want ...string) {
	t.Helper()
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("decisions:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func flagCount(t *testing.T, r *Report, stream, name string) int64 {
	t.Helper()
	f, ok := r.Flag(name)
	if !ok {
		t.Fatalf("no flag %s", name)
	}
	if stream == "as_is" {
		return f.AsIs.Count
	}
	return f.Policy.Count
}

func TestDedupe(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
dedupe = true`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,shipped
c1,e2,2026-03-02 10:01:00,shipped
c1,e1,2026-03-02 10:05:00,shipped
c1,e1,2026-03-02 10:10:00,delayed
c1,e1,2026-03-02 10:20:00,shipped
c1,e1,2026-03-02 10:30:00,internal
c1,e1,2026-03-02 10:40:00,shipped
c1,e1,2026-03-02 10:45:00,shipped
`)
	wantLines(t, got,
		"e1 shipped 03-02 10:00 -> sent 03-02 10:00",
		"e2 shipped 03-02 10:01 -> sent 03-02 10:01", // another entity
		"e1 shipped 03-02 10:05 -> dropped dedupe",
		"e1 delayed 03-02 10:10 -> sent 03-02 10:10",
		"e1 shipped 03-02 10:20 -> sent 03-02 10:20",
		"e1 shipped 03-02 10:40 -> sent 03-02 10:40", // previous event (any status) was "internal"
		"e1 shipped 03-02 10:45 -> dropped dedupe",
	)
}

func TestCollapse(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
dedupe = true
collapse = "30m"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,a
c1,e2,2026-03-02 10:10:00,x
c1,e1,2026-03-02 10:20:00,b
c1,e1,2026-03-02 10:50:00,c
c1,e1,2026-03-02 11:21:00,d
c1,e3,2026-03-02 12:00:00,a
c1,e3,2026-03-02 12:10:00,a
`)
	wantLines(t, got,
		"e1 a 03-02 10:00 -> dropped collapse", // b is 20m later
		"e2 x 03-02 10:10 -> sent 03-02 10:40", // other entity: own debounce
		"e1 b 03-02 10:20 -> dropped collapse", // c is exactly 30m later: "at most D"
		"e1 c 03-02 10:50 -> sent 03-02 11:20", // d is 31m later
		"e1 d 03-02 11:21 -> sent 03-02 11:51", // last candidate survives
		"e3 a 03-02 12:00 -> sent 03-02 12:30", // the dedupe-dropped 12:10 does not supersede it
		"e3 a 03-02 12:10 -> dropped dedupe",
	)
}

func TestQuietHoursDeferWrapping(t *testing.T) {
	r, got := replayCase(t, `timezone = "Europe/Berlin"
quiet_hours = "21:00-08:00"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 20:59:00,a
c1,e1,2026-03-02 21:00:00,b
c1,e2,2026-03-02 23:00:00,x
c1,e1,2026-03-03 07:59:00,c
c1,e1,2026-03-03 08:00:00,d
`)
	wantLines(t, got,
		"e1 a 03-02 20:59 -> sent 03-02 20:59",
		"e1 b 03-02 21:00 -> dropped quiet_merge",       // start is inside; c goes to the same instant later
		"e2 x 03-02 23:00 -> sent 03-03 08:00 deferred", // other entity: kept
		"e1 c 03-03 07:59 -> sent 03-03 08:00 deferred", // latest original time wins
		"e1 d 03-03 08:00 -> sent 03-03 08:00",          // end is outside, not deferred: no merge
	)
	if r.Deferred != 2 || r.CustomerRows()[0].Deferred != 2 {
		t.Errorf("deferred = %d (row %d), want 2", r.Deferred, r.CustomerRows()[0].Deferred)
	}
	if n := flagCount(t, r, "as_is", "quiet_send"); n != 3 {
		t.Errorf("as-is quiet_send = %d, want 3 (21:00, 23:00, 07:59)", n)
	}
	if n := flagCount(t, r, "policy", "quiet_send"); n != 0 {
		t.Errorf("policy quiet_send = %d, want 0", n)
	}
}

func TestQuietHoursDrop(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
quiet_hours = "21:00-08:00"
quiet_action = "drop"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 20:59:59,a
c1,e1,2026-03-02 21:00:00,b
c1,e1,2026-03-03 07:59:59,c
c1,e1,2026-03-03 08:00:00,d
`)
	wantLines(t, got,
		"e1 a 03-02 20:59 -> sent 03-02 20:59",
		"e1 b 03-02 21:00 -> dropped quiet_hours",
		"e1 c 03-03 07:59 -> dropped quiet_hours",
		"e1 d 03-03 08:00 -> sent 03-03 08:00",
	)
}

func TestQuietHoursSameDayAndMidnightEnd(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
quiet_hours = "12:00-14:00"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 11:59:00,a
c1,e2,2026-03-02 12:00:00,b
c1,e3,2026-03-02 13:59:59,c
c1,e4,2026-03-02 14:00:00,d
`)
	wantLines(t, got,
		"e1 a 03-02 11:59 -> sent 03-02 11:59",
		"e2 b 03-02 12:00 -> sent 03-02 14:00 deferred",
		"e3 c 03-02 13:59 -> sent 03-02 14:00 deferred",
		"e4 d 03-02 14:00 -> sent 03-02 14:00",
	)
	_, got = replayCase(t, `timezone = "Europe/Berlin"
quiet_hours = "23:00-00:00"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 22:59:00,a
c1,e2,2026-03-02 23:30:00,b
c1,e3,2026-03-03 00:00:00,c
`)
	wantLines(t, got,
		"e1 a 03-02 22:59 -> sent 03-02 22:59",
		"e2 b 03-02 23:30 -> sent 03-03 00:00 deferred",
		"e3 c 03-03 00:00 -> sent 03-03 00:00",
	)
}

// dstCase returns the decisions of a DST case (times shown in Berlin).
func dstCase(t *testing.T, policy, events string) []string {
	t.Helper()
	_, lines := replayCase(t, policy, events)
	return lines
}

func TestQuietHoursSpringForward(t *testing.T) {
	// Europe/Berlin, 2026-03-29: 02:00 CET -> 03:00 CEST (01:00 UTC).
	got := dstCase(t, `timezone = "Europe/Berlin"
quiet_hours = "21:00-08:00"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-28T22:00:00Z,a
c2,e1,2026-03-29T00:30:00Z,a
`)
	// 23:00 CET and 01:30 CET are deferred to 08:00 CEST = 06:00 UTC, a
	// 9 h (not 10 h) stretch for the first one.
	wantLines(t, got,
		"e1 a 03-28 23:00 -> sent 03-29 08:00 deferred",
		"e1 a 03-29 01:30 -> sent 03-29 08:00 deferred",
	)
	// The window end falls into the gap: 01:00-02:30 ends when the clock
	// jumps from 02:00 CET to 03:00 CEST (01:00 UTC).
	got = dstCase(t, `timezone = "Europe/Berlin"
quiet_hours = "01:00-02:30"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-29T00:15:00Z,a
c2,e2,2026-03-29T01:10:00Z,b
c3,e3,2026-03-28T00:45:00Z,c
`)
	wantLines(t, got,
		"e1 a 03-29 01:15 -> sent 03-29 03:00 deferred", // 03:00 CEST = 01:00 UTC
		"e2 b 03-29 03:10 -> sent 03-29 03:10",          // 03:10 CEST is after the window
		"e3 c 03-28 01:45 -> sent 03-28 02:30 deferred", // an ordinary day
	)
}

func TestQuietHoursFallBack(t *testing.T) {
	// Europe/Berlin, 2026-10-25: 03:00 CEST -> 02:00 CET (01:00 UTC); the
	// hour 02:00-03:00 happens twice.
	got := dstCase(t, `timezone = "Europe/Berlin"
quiet_hours = "21:00-08:00"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-10-24T20:00:00Z,a
`)
	wantLines(t, got, "e1 a 10-24 22:00 -> sent 10-25 08:00 deferred") // 08:00 CET = 07:00 UTC, an 11 h stretch
	p, err := ParsePolicy([]byte("[simulate]\ntimezone = \"Europe/Berlin\"\nquiet_hours = \"01:00-02:30\"\n"+triggersTOML), "p")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "e.csv")
	events := `customer_id,entity_id,timestamp,status
c1,e1,2026-10-25T00:10:00Z,a
c1,e2,2026-10-25T00:40:00Z,b
c1,e3,2026-10-25T01:00:00Z,c
c1,e4,2026-10-25T01:10:00Z,d
`
	if err := os.WriteFile(path, []byte(events), 0o644); err != nil {
		t.Fatal(err)
	}
	tr := &trail{loc: time.UTC}
	if _, err := Run(Options{Inputs: []string{path}, Policy: p, Observer: tr}); err != nil {
		t.Fatal(err)
	}
	sort.Strings(tr.lines)
	wantLines(t, tr.lines,
		"e1 a 10-25 00:10 -> sent 10-25 00:30 deferred", // 02:10 CEST -> 02:30 CEST
		"e2 b 10-25 00:40 -> sent 10-25 00:40",          // 02:40 CEST: after the window
		"e3 c 10-25 01:00 -> sent 10-25 01:30 deferred", // 02:00 CET (second pass) -> 02:30 CET
		"e4 d 10-25 01:10 -> sent 10-25 01:30 deferred", // 02:10 CET -> 02:30 CET
	)
}

func TestMinGap(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
min_gap = "2h"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,a
c1,e2,2026-03-02 11:00:00,b
c1,e1,2026-03-02 12:00:00,c
c1,e2,2026-03-02 13:59:00,d
c1,e1,2026-03-02 14:00:00,e
c1,e1,2026-03-02 18:00:00,a
c1,e2,2026-03-02 18:00:00,b
c2,e1,2026-03-02 11:00:00,a
`)
	wantLines(t, got,
		"e1 a 03-02 10:00 -> sent 03-02 10:00",
		"e2 b 03-02 11:00 -> dropped min_gap",  // 1 h after the kept 10:00
		"e1 c 03-02 12:00 -> sent 03-02 12:00", // exactly 2 h: not less
		"e2 d 03-02 13:59 -> dropped min_gap",
		"e1 e 03-02 14:00 -> sent 03-02 14:00", // measured from the kept 12:00, not the dropped 13:59
		"e1 a 03-02 18:00 -> sent 03-02 18:00", // tie: input order
		"e2 b 03-02 18:00 -> dropped min_gap",
		"e1 a 03-02 11:00 -> sent 03-02 11:00", // another customer
	)
}

func TestMaxPerDayLocalDays(t *testing.T) {
	_, got := replayCase(t, `timezone = "Europe/Berlin"
max_per_day = 2`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-05T08:00:00Z,a
c1,e1,2026-03-05T11:00:00Z,b
c1,e1,2026-03-05T17:00:00Z,c
c1,e1,2026-03-05T22:30:00Z,d
c1,e1,2026-03-05T23:10:00Z,e
`)
	wantLines(t, got,
		"e1 a 03-05 09:00 -> sent 03-05 09:00",
		"e1 b 03-05 12:00 -> sent 03-05 12:00",
		"e1 c 03-05 18:00 -> dropped max_per_day",
		"e1 d 03-05 23:30 -> dropped max_per_day", // still 03-05 in Berlin
		"e1 e 03-06 00:10 -> sent 03-06 00:10",    // 23:10 UTC is the next Berlin day
	)
}

func TestMaxPerDayDSTDays(t *testing.T) {
	// 2026-03-29 has 23 hours in Berlin, 2026-10-25 has 25.
	_, got := replayCase(t, `timezone = "Europe/Berlin"
max_per_day = 1`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-28T23:30:00Z,a
c1,e1,2026-03-29T21:30:00Z,b
c1,e1,2026-03-29T22:10:00Z,c
c2,e1,2026-10-24T22:30:00Z,a
c2,e1,2026-10-25T22:45:00Z,b
c2,e1,2026-10-25T23:05:00Z,c
`)
	wantLines(t, got,
		"e1 a 03-29 00:30 -> sent 03-29 00:30",
		"e1 b 03-29 23:30 -> dropped max_per_day", // same 23-hour day (22 h later)
		"e1 c 03-30 00:10 -> sent 03-30 00:10",
		"e1 a 10-25 00:30 -> sent 10-25 00:30",
		"e1 b 10-25 23:45 -> dropped max_per_day", // same 25-hour day (24 h 15 min later)
		"e1 c 10-26 00:05 -> sent 10-26 00:05",
	)
}

func TestMinGapBeforeMaxPerDay(t *testing.T) {
	// A message kept by min_gap but dropped by max_per_day is still the
	// "previous kept message" for min_gap: the controls are applied in order.
	_, got := replayCase(t, `timezone = "Europe/Berlin"
min_gap = "2h"
max_per_day = 1`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 09:00:00,a
c1,e1,2026-03-02 12:00:00,b
c1,e1,2026-03-02 13:00:00,c
`)
	wantLines(t, got,
		"e1 a 03-02 09:00 -> sent 03-02 09:00",
		"e1 b 03-02 12:00 -> dropped max_per_day",
		"e1 c 03-02 13:00 -> dropped min_gap", // 1 h after 12:00
	)
}

func TestAllControlsInOrder(t *testing.T) {
	// The example policy on one parcel: dedupe, collapse, quiet
	// hours, min_gap and max_per_day each take their share.
	r, got := replayCase(t, `timezone = "Europe/Berlin"
dedupe = true
collapse = "30m"
quiet_hours = "21:00-08:00"
min_gap = "2h"
max_per_day = 3`, `
customer_id,entity_id,timestamp,status
c1,o1,2026-03-02 09:00:00,shipped
c1,o1,2026-03-02 09:05:00,shipped
c1,o1,2026-03-02 09:20:00,delayed
c1,o2,2026-03-02 10:00:00,shipped
c1,o1,2026-03-02 13:00:00,a
c1,o1,2026-03-02 16:00:00,b
c1,o1,2026-03-02 19:00:00,c
c1,o1,2026-03-02 22:00:00,d
c1,o2,2026-03-02 23:00:00,delayed
`)
	wantLines(t, got,
		"o1 shipped 03-02 09:00 -> dropped collapse", // delayed 20 min later
		"o1 shipped 03-02 09:05 -> dropped dedupe",
		"o1 delayed 03-02 09:20 -> sent 03-02 09:50",
		"o2 shipped 03-02 10:00 -> dropped min_gap", // 10:30 is 40 min after 09:50
		"o1 a 03-02 13:00 -> sent 03-02 13:30",
		"o1 b 03-02 16:00 -> sent 03-02 16:30",
		"o1 c 03-02 19:00 -> dropped max_per_day", // 4th of the day
		"o1 d 03-02 22:00 -> sent 03-03 08:00 deferred",
		"o2 delayed 03-02 23:00 -> dropped min_gap", // also 08:00: tie, later original time
	)
	if r.Suppressed.Total != 5 {
		t.Errorf("suppressed = %d, want 5", r.Suppressed.Total)
	}
}

func TestBurstHalfOpenWindow(t *testing.T) {
	r, _ := replayCase(t, `timezone = "UTC"
[simulate.flags]
burst = { count = 3, window = "1h" }`, `
customer_id,entity_id,timestamp,status
in,e1,2026-03-02 10:00:00,a
in,e2,2026-03-02 10:30:00,b
in,e3,2026-03-02 10:59:59,c
edge,e1,2026-03-02 10:00:00,a
edge,e1,2026-03-02 10:30:00,b
edge,e1,2026-03-02 11:00:00,c
spread,e1,2026-03-02 10:00:00,a
spread,e1,2026-03-02 10:40:00,b
spread,e1,2026-03-02 11:20:00,c
spread,e1,2026-03-02 12:00:00,d
`)
	got := map[string]bool{}
	for _, row := range r.CustomerRows() {
		got[row.ID] = strings.Contains(strings.Join(row.AsIsFlags, ","), "burst")
	}
	if !got["in"] || got["edge"] || got["spread"] {
		t.Errorf("as-is flags = %v; want burst only for \"in\" (the window is half-open)", got)
	}
	if n := flagCount(t, r, "as_is", "burst"); n != 1 {
		t.Errorf("burst count = %d, want 1 customer", n)
	}
}

func TestFlapping(t *testing.T) {
	r, _ := replayCase(t, `timezone = "UTC"
[simulate.flags]
flapping = { window = "24h" }`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,a
c1,e1,2026-03-02 11:00:00,a
c1,e1,2026-03-02 12:00:00,b
c1,e1,2026-03-03 09:59:00,a
c2,e2,2026-03-02 10:00:00,a
c2,e2,2026-03-02 11:00:00,b
c2,e2,2026-03-03 10:01:00,a
c3,e3,2026-03-02 10:00:00,a
c3,e3,2026-03-02 11:00:00,b
c3,e3,2026-03-03 10:00:00,a
c4,e4,2026-03-02 10:00:00,a
c4,e4,2026-03-02 11:00:00,b
c4,e4,2026-03-02 12:00:00,c
c4,e4,2026-03-02 13:00:00,b
c5,e5,2026-03-02 10:00:00,a
c5,e5,2026-03-02 11:00:00,internal
c5,e5,2026-03-02 12:00:00,a
`)
	want := map[string]bool{"c1": true, "c2": false, "c3": true, "c4": true, "c5": false}
	for _, row := range r.CustomerRows() {
		has := strings.Contains(strings.Join(row.AsIsFlags, ","), "flapping")
		if has != want[row.ID] {
			t.Errorf("%s: flapping = %v, want %v", row.ID, has, want[row.ID])
		}
	}
	// c1: the run of "a" began at 10:00 (repeats collapsed), back 23:59 later.
	// c2: 24:01 apart. c3: exactly 24 h ("at most"). c4: b returns.
	// c5: "internal" sends no message, so the message stream is a, a.
	if n := flagCount(t, r, "as_is", "flapping"); n != 3 {
		t.Errorf("flapping = %d entities, want 3", n)
	}
	f, _ := r.Flag("flapping")
	if len(f.AsIs.Examples) == 0 || strings.Join(f.AsIs.Examples[0].Statuses, ">") != "a>b>a" {
		t.Errorf("example = %+v, want statuses a>b>a", f.AsIs.Examples)
	}
}

func TestSilentGap(t *testing.T) {
	r, _ := replayCase(t, `timezone = "UTC"
final = ["delivered"]
collapse = "30m"
[simulate.flags]
silent_gap = { after = "48h" }`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-01 00:00:00,created
c1,e1,2026-03-03 00:01:00,a
c1,e1,2026-03-03 01:00:00,delivered
c2,e2,2026-03-01 00:00:00,created
c2,e2,2026-03-02 23:30:00,a
c2,e2,2026-03-05 00:00:00,delivered
c3,e3,2026-03-01 00:00:00,created
c3,e3,2026-03-04 00:00:00,created
c4,e4,2026-03-01 10:00:00,a
c4,e4,2026-03-03 10:20:00,delivered
c4,e4,2026-03-09 10:20:00,b
`)
	flags := map[string][2]bool{}
	for _, row := range r.CustomerRows() {
		flags[row.ID] = [2]bool{strings.Contains(strings.Join(row.AsIsFlags, ","), "silent_gap"), strings.Contains(strings.Join(row.Flags, ","), "silent_gap")}
	}
	want := map[string][2]bool{
		// as-is: 03-01 00:00 to the message at 03-03 00:01: 48h01m > 48h.
		// policy: that message goes out at 00:31: 48h31m.
		"c1": {true, true},
		// as-is: 47h30m then 48h30m; policy: 48h then 48h exactly: not longer.
		"c2": {true, false},
		// no message at all, no final: first to last event is 72 h.
		"c3": {true, true},
		// as-is: 10:00 and the final 03-03 10:20: 48h20m. Policy: 10:30 and
		// the final at 10:20 (its own message, at 10:50, is after the end):
		// 47h50m. The later "b" is after the final status and does not count.
		"c4": {true, false},
	}
	for id, w := range want {
		if flags[id] != w {
			t.Errorf("%s: silent_gap (as-is, policy) = %v, want %v", id, flags[id], w)
		}
	}
}

func TestSilentGapTentativeBoundary(t *testing.T) {
	// The policy message (10:30) comes after the entity's last event
	// (10:10): it is outside the span, so the span is 10 minutes.
	r, _ := replayCase(t, `timezone = "UTC"
collapse = "30m"
[simulate.flags]
silent_gap = { after = "15m" }`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,a
c1,e1,2026-03-02 10:10:00,internal
c2,e2,2026-03-02 10:00:00,a
c2,e2,2026-03-02 10:10:00,internal
c2,e2,2026-03-02 11:00:00,internal
`)
	for _, row := range r.CustomerRows() {
		got := strings.Contains(strings.Join(row.Flags, ","), "silent_gap")
		// c2: the 10:30 message is inside the span (10:00-11:00): 30m and 30m.
		want := row.ID == "c2"
		if got != want {
			t.Errorf("%s: policy silent_gap = %v, want %v", row.ID, got, want)
		}
	}
}

func TestRepeat(t *testing.T) {
	r, _ := replayCase(t, `timezone = "UTC"`, `
customer_id,entity_id,timestamp,status
c1,e1,2026-03-02 10:00:00,shipped
c1,e1,2026-03-02 11:00:00,delayed
c1,e2,2026-03-02 11:30:00,delayed
c1,e1,2026-03-02 12:00:00,delayed
c1,e1,2026-03-02 13:00:00,shipped
c1,e1,2026-03-02 14:00:00,delayed
c1,e1,2026-03-02 15:00:00,delayed
`)
	if n := flagCount(t, r, "as_is", "repeat"); n != 2 {
		t.Errorf("repeat = %d messages, want 2 (e1's 12:00 and 15:00 delays)", n)
	}
}
