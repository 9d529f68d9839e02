package simulate

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestParseKeepalive(t *testing.T) {
	const head = "[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"
	p, err := ParsePolicy([]byte(head+"[[simulate.keepalive]]\nafter = \"24h\"\ntemplate = \"still\"\nstatuses = [\"in_review\"]\nrepeat = true\n"), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Keepalives) != 1 || p.Keepalives[0].After != 24*time.Hour || p.Keepalives[0].Template != "still" ||
		!p.Keepalives[0].Repeat || strings.Join(p.Keepalives[0].Statuses, ",") != "in_review" {
		t.Errorf("keepalives = %+v", p.Keepalives)
	}
	for _, tc := range []struct{ body, want string }{
		{"[[simulate.keepalive]]\ntemplate = \"k\"\n", "p.toml:5: simulate.keepalive #1: missing after"},
		{"[[simulate.keepalive]]\nafter = \"30s\"\ntemplate = \"k\"\n", "p.toml:5: simulate.keepalive #1: after: \"30s\": want 1m to 3650d"},
		{"[[simulate.keepalive]]\nafter = 5\ntemplate = \"k\"\n", "want a duration string"},
		{"[[simulate.keepalive]]\nafter = \"1h\"\n", "missing template"},
		{"[[simulate.keepalive]]\nafter = \"1h\"\ntemplate = \"t\"\n", "template \"t\" is also a trigger's template"},
		{"[[simulate.keepalive]]\nafter = \"1h\"\ntemplate = \"k\"\nstatuses = [\" \"]\n", "statuses: empty status"},
		{"[[simulate.keepalive]]\nafter = \"1h\"\ntemplate = \"k\"\nevery = 2\n", "unknown key \"simulate.keepalive.every\""},
		{strings.Repeat("[[simulate.keepalive]]\nafter = \"1h\"\ntemplate = \"k\"\n", 9), "9 [[simulate.keepalive]] rules: at most 8"},
	} {
		_, err := ParsePolicy([]byte(head+tc.body), "p.toml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.body, err, tc.want)
		}
	}
}

// TestKeepaliveFillsSilences checks the property of the documentation: with
// repeating keep-alives whose after plus the longest quiet-hours deferral
// is below silent_gap.after, and no min_gap or max_per_day to drop them, no
// entity of the policy stream has a silent gap. It also checks that
// keep-alives displace nothing: the status messages are those of the same
// policy without keep-alives.
func TestKeepaliveFillsSilences(t *testing.T) {
	dir := t.TempDir()
	var silentWithout int64
	for it := 0; it < 60; it++ {
		r := rand.New(rand.NewPCG(uint64(it), 99))
		p := randomPolicy(r)
		p.MinGap, p.MaxPerDay, p.QuietDrop = 0, 0, false
		after := []time.Duration{30 * time.Minute, time.Hour, 3 * time.Hour}[r.IntN(3)]
		p.Keepalives = []Keepalive{{After: after, Template: "still", Repeat: true}}
		// The longest deferral: the quiet window plus a DST hour.
		var deferral time.Duration
		if p.Quiet != nil {
			deferral = time.Duration((p.Quiet.End-p.Quiet.Start+24*60)%(24*60))*time.Minute + time.Hour
		}
		p.Flags.SilentAfter = after + deferral + time.Minute
		evs := randomEvents(r, 1+r.IntN(150))
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].t.Before(evs[j].t) })
		path := filepath.Join(dir, fmt.Sprintf("p%d.csv", it))
		writeEventsCSV(t, path, evs)
		rep, err := Run(Options{Inputs: []string{path}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		f, _ := rep.Flag("silent_gap")
		if f.Policy.Count != 0 {
			t.Fatalf("iter %d (after %s, quiet %v, silent %s): %d silent entities in the policy stream: %+v", it, after, p.Quiet, p.Flags.SilentAfter, f.Policy.Count, f.Policy.Examples)
		}
		plain := *p
		plain.Keepalives = nil
		base, err := Run(Options{Inputs: []string{path}, Policy: &plain})
		if err != nil {
			t.Fatal(err)
		}
		bf, _ := base.Flag("silent_gap")
		silentWithout += bf.Policy.Count
		if got, want := rep.Policy.Messages-rep.Keepalive.Sent, base.Policy.Messages; got != want {
			t.Fatalf("iter %d: %d status messages with keep-alives, %d without", it, got, want)
		}
		if rep.Suppressed.Total != base.Suppressed.Total || rep.Deferred != base.Deferred {
			t.Fatalf("iter %d: suppressed %d deferred %d with keep-alives, %d %d without", it, rep.Suppressed.Total, rep.Deferred, base.Suppressed.Total, base.Deferred)
		}
	}
	if silentWithout == 0 {
		t.Error("no silent entity without keep-alives: the test proves nothing")
	}
}

// TestKeepaliveTimelines checks that the timelines of the customers who
// got keep-alives show them and add up to the report's rows.
func TestKeepaliveTimelines(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy-keepalive.toml")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: p}
	r, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, row := range r.CustomerRows() {
		if row.Keepalive == 0 || checked >= 12 {
			continue
		}
		checked++
		x, _, err := Explain(opts, row.ID)
		if err != nil {
			t.Fatal(err)
		}
		steps := 0
		for _, s := range x.Steps {
			if s.Kind == "keepalive" {
				steps++
				if s.Template != "delivery-still-moving" || !strings.Contains(s.Why, "no message for") {
					t.Errorf("%s: step %+v", row.ID, s)
				}
			}
		}
		if x.Sent != row.Sent || x.Keepalive != row.Keepalive || steps != row.Keepalive || x.Deferred != row.Deferred {
			t.Errorf("%s: timeline sent %d, keep-alives %d (%d steps), deferred %d; row %+v", row.ID, x.Sent, x.Keepalive, steps, x.Deferred, row)
		}
	}
	if checked == 0 {
		t.Fatal("no customer got a keep-alive")
	}
}

// TestKeepaliveMerge checks that the reports of two halves of the
// customers, merged, count the keep-alives of the whole.
func TestKeepaliveMerge(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy-keepalive.toml")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../examples/simulate/events.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	var halves [2][]string
	for _, l := range lines[1:] {
		k := int(l[len("C000")]) % 2 // the last digit of a four-digit id
		halves[k] = append(halves[k], l)
	}
	dir := t.TempDir()
	var parts []*Report
	for i, h := range halves {
		path := filepath.Join(dir, fmt.Sprintf("half%d.csv", i))
		if err := os.WriteFile(path, []byte(lines[0]+"\n"+strings.Join(h, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Run(Options{Inputs: []string{path}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, r)
	}
	whole, err := Run(Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Merge(parts...)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m.Keepalive, whole.Keepalive) || m.Suppressed.Total != whole.Suppressed.Total || m.Policy.Messages != whole.Policy.Messages {
		t.Errorf("merged keep-alives %+v, suppressed %d, policy %d; whole %+v, %d, %d", m.Keepalive, m.Suppressed.Total, m.Policy.Messages, whole.Keepalive, whole.Suppressed.Total, whole.Policy.Messages)
	}
}
