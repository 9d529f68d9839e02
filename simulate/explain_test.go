package simulate

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The explain fixture: every control on, UTC (policy.toml), and customer
// c1 with parcels o1 and o2 plus c2, who is not explained (events.csv).
const explainDir = "../testdata/simulate/explain"

// explainPolicy returns the fixture policy with quiet_action set to action.
func explainPolicy(t *testing.T, action string) *Policy {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(explainDir, "policy.toml"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParsePolicy(bytes.Replace(b, []byte(`quiet_action = "defer"`), []byte(`quiet_action = "`+action+`"`), 1), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// explainEvents returns the fixture events.
func explainEvents(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(explainDir, "events.csv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func explainCase(t *testing.T, action, events string) *Explanation {
	t.Helper()
	p := explainPolicy(t, action)
	path := filepath.Join(t.TempDir(), "ev.csv")
	if err := os.WriteFile(path, []byte(events), 0o644); err != nil {
		t.Fatal(err)
	}
	x, _, err := Explain(Options{Inputs: []string{path}, Policy: p}, "c1")
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// TestExplainTimeline checks each decision against a hand replay:
//
//	09:10 o1 shipped          next candidate of o1 is 12:00 (> 30m): sent 09:40
//	09:20 o1 shipped          previous event of o1 is "shipped": dedupe
//	12:00 o1 delayed          o1's next candidate 12:20 is within 30m: collapse
//	12:20 o1 out_for_delivery sent 12:50 (3h10m after 09:40; 2nd of the day)
//	22:00 o2 shipped          due 22:30 in quiet hours: deferred to 08:00, and
//	                          o2's 22:40 is deferred to the same 08:00: quiet_merge
//	22:40 o2 delayed          due 23:10: deferred, sent at 08:00
//	08:20 o1 delivered        due 08:50, 50m after 08:00: min_gap
//	10:00 o2 out_for_delivery due 10:30: sent (2nd of 3 March)
//	12:00 o2 delivered        due 12:30: max_per_day (2 already sent)
func TestExplainTimeline(t *testing.T) {
	x := explainCase(t, "defer", explainEvents(t))
	if x.Customer != "c1" || x.Events != 10 || x.AsIs != 9 || x.Sent != 4 || x.Deferred != 1 {
		t.Fatalf("summary: %+v", x)
	}
	wantSup := []ReasonCount{{"dedupe", 1}, {"collapse", 1}, {"quiet_merge", 1}, {"min_gap", 1}, {"max_per_day", 1}}
	if !equalJSON(x.Suppressed, wantSup) {
		t.Errorf("suppressed = %+v", x.Suppressed)
	}
	if strings.Join(x.Entities, ",") != "o1,o2" || strings.Join(x.Zones, ",") != "UTC" {
		t.Errorf("entities %v zones %v", x.Entities, x.Zones)
	}
	type row struct{ kind, at, ent, status, policy, why string }
	want := []row{
		{"event", "03-02 09:00", "o1", "created", "", ""},
		{"event", "03-02 09:10", "o1", "shipped", "sent", "sent at 09:40, after the collapse wait of 30 min (no newer status of o1 came)"},
		{"event", "03-02 09:20", "o1", "shipped", "dedupe", "dropped by dedupe: the previous event of o1 (09:10) had the same status"},
		{"flag", "03-02 09:20", "o1", "", "", ""}, // as-is repeat
		{"send", "03-02 09:40", "o1", "shipped", "sent", ""},
		{"event", "03-02 12:00", "o1", "delayed", "collapse", `dropped by collapse: o1's next status "out_for_delivery" came 20 min later (12:20), within 30 min, and replaced it`},
		{"event", "03-02 12:20", "o1", "out_for_delivery", "sent", "sent at 12:50, after the collapse wait of 30 min (no newer status of o1 came)"},
		{"send", "03-02 12:50", "o1", "out_for_delivery", "sent", ""},
		{"event", "03-02 22:00", "o2", "shipped", "quiet_merge", `quiet hours 21:00-08:00 deferred it to Tue 03 Mar 08:00 together with o2's later "delayed" (22:40); only that later one is kept`},
		{"flag", "03-02 22:00", "o2", "", "", ""}, // as-is quiet_send
		{"event", "03-02 22:40", "o2", "delayed", "deferred", "due at 23:10 after the collapse wait of 30 min, inside quiet hours 21:00-08:00: deferred and sent at Tue 03 Mar 08:00"},
		{"flag", "03-02 22:40", "o2", "", "", ""}, // as-is quiet_send
		{"send", "03-03 08:00", "o2", "delayed", "sent", ""},
		{"event", "03-03 08:20", "o1", "delivered", "min_gap", `dropped by min_gap: due at 08:50, only 50 min after the message sent at 08:00 (o2 "delayed"); min_gap is 1 h`},
		{"event", "03-03 10:00", "o2", "out_for_delivery", "sent", "sent at 10:30, after the collapse wait of 30 min (no newer status of o2 came)"},
		{"send", "03-03 10:30", "o2", "out_for_delivery", "sent", ""},
		{"event", "03-03 12:00", "o2", "delivered", "max_per_day", "dropped by max_per_day: due at 12:30, and 2 messages were already sent on Tue 03 Mar"},
	}
	var got []row
	for _, s := range x.Steps {
		got = append(got, row{s.Kind, s.Time.Format("01-02 15:04"), s.Entity, s.Status, s.Policy, s.Why})
	}
	if len(got) != len(want) {
		for _, g := range got {
			t.Logf("%+v", g)
		}
		t.Fatalf("%d steps, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("step %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	flags := map[string]int{}
	for _, s := range x.Steps {
		if s.Kind == "flag" {
			flags[s.Stream+"."+s.Flag]++
		}
	}
	if len(flags) != 2 || flags["as_is.repeat"] != 1 || flags["as_is.quiet_send"] != 2 {
		t.Errorf("flags = %v", flags)
	}
	if strings.Join(x.FlagsAsIs, ",") != "quiet_send,repeat" || len(x.FlagsPol) != 0 {
		t.Errorf("flag lists %v %v", x.FlagsAsIs, x.FlagsPol)
	}
}

func equalJSON(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

func TestExplainQuietDrop(t *testing.T) {
	x := explainCase(t, "drop", explainEvents(t))
	var whys []string
	for _, s := range x.Steps {
		if s.Policy == "quiet_hours" {
			whys = append(whys, s.Time.Format("15:04")+" "+s.Why)
		}
	}
	want := []string{
		`22:00 dropped by quiet hours: due at 22:30 after the collapse wait of 30 min, inside 21:00-08:00 (quiet_action = "drop")`,
		`22:40 dropped by quiet hours: due at 23:10 after the collapse wait of 30 min, inside 21:00-08:00 (quiet_action = "drop")`,
	}
	if strings.Join(whys, "\n") != strings.Join(want, "\n") {
		t.Errorf("quiet drops:\n%s", strings.Join(whys, "\n"))
	}
}

// TestExplainOutOfOrder: rows out of time order make Run restart buffered;
// the timeline must not hold the abandoned streaming pass's decisions.
func TestExplainOutOfOrder(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(explainEvents(t)), "\n")
	// Move c1's last row to the top (after the header).
	shuffled := append([]string{lines[0], lines[len(lines)-1]}, lines[1:len(lines)-1]...)
	x := explainCase(t, "defer", strings.Join(shuffled, "\n")+"\n")
	if x.Events != 10 || x.AsIs != 9 || x.Sent != 4 {
		t.Fatalf("summary after restart: %+v", x)
	}
	if n := len(x.Steps); n != 17 {
		t.Errorf("%d steps, want 17", n)
	}
}

func TestExplainUnknownCustomer(t *testing.T) {
	p := explainPolicy(t, "defer")
	_, _, err := Explain(Options{Inputs: []string{filepath.Join(explainDir, "events.csv")}, Policy: p}, "C1")
	if !errors.Is(err, ErrUnknownCustomer) || !strings.Contains(err.Error(), `"C1" in 2 customers`) {
		t.Errorf("err = %v", err)
	}
}

// TestExplainMatchesReport: on the example, every customer's timeline adds
// up to the report's figures (sent, suppressed per reason, deferred).
func TestExplainMatchesReport(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: p}
	rec := NewTrailRecorder()
	opts.Observer = rec
	r, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	var sent, asIs, deferred int
	reasons := map[string]int64{}
	for _, row := range r.CustomerRows() {
		x := BuildExplanation(rec.Trail(row.ID), p)
		if x.AsIs != row.AsIs || x.Sent != row.Sent || x.Deferred != row.Deferred {
			t.Errorf("%s: timeline %d/%d/%d, report row %+v", row.ID, x.AsIs, x.Sent, x.Deferred, row)
		}
		sent += x.Sent
		asIs += x.AsIs
		deferred += x.Deferred
		for _, rc := range x.Suppressed {
			reasons[rc.Reason] += rc.Messages
		}
		for _, s := range x.Steps {
			if s.Kind == "event" && s.Template != "" && (s.Policy == "" || s.Why == "" || strings.HasPrefix(s.Why, "dropped by "+s.Policy) && strings.HasSuffix(s.Why, s.Policy)) {
				t.Errorf("%s: step without an explanation: %+v", row.ID, s)
			}
		}
	}
	if int64(sent) != r.Policy.Messages || int64(asIs) != r.AsIs.Messages || int64(deferred) != r.Deferred {
		t.Errorf("timelines: sent %d as-is %d deferred %d; report %d %d %d", sent, asIs, deferred, r.Policy.Messages, r.AsIs.Messages, r.Deferred)
	}
	for _, rc := range r.Suppressed.ByReason {
		if reasons[rc.Reason] != rc.Messages {
			t.Errorf("%s: timelines %d, report %d", rc.Reason, reasons[rc.Reason], rc.Messages)
		}
	}
}
