package simulate

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// FuzzParseGrid: no panic, every error points inside the grid, and a grid
// that parses makes as many policies as it says.
func FuzzParseGrid(f *testing.F) {
	for _, s := range []string{"collapse=0,15m,30m,1h; min_gap=0,1h,2h; keepalive.after=off,24h,48h", "min_gap=0,1x", ";;", "=", "dedupe=true,false; quiet_hours=off,21:00-08:00", "ü=1", "keepalive.repeat=true; keepalive.template=k; keepalive.after=1h"} {
		f.Add(s)
	}
	base, err := ParsePolicy([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"), "p.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		g, err := ParseGrid(spec)
		if err != nil {
			var ge *GridError
			if errors.As(err, &ge) && (ge.Offset < 0 || ge.Offset > len(spec)) {
				t.Fatalf("offset %d outside %q", ge.Offset, spec)
			}
			_ = err.Error()
			return
		}
		if g.Size() > 256 {
			return
		}
		cs, err := g.Combinations(base)
		if err == nil && len(cs) != g.Size() {
			t.Fatalf("%d combinations, size %d", len(cs), g.Size())
		}
	})
}

// FuzzPolicyTOML: a policy that parses reads back from its TOML to the
// same policy.
func FuzzPolicyTOML(f *testing.F) {
	f.Add([]byte(issuePolicy))
	f.Add([]byte("[simulate]\nname = \"a\\u0001b\"\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n[[simulate.keepalive]]\nafter = \"90m\"\ntemplate = \"k\"\nstatuses = [\"x\"]\n[simulate.columns]\nstatus = \"st\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy(data, "p.toml")
		if err != nil {
			return
		}
		q, err := ParsePolicy([]byte(p.TOML()), "p.toml")
		if err != nil {
			t.Fatalf("its TOML does not parse: %v\n%s", err, p.TOML())
		}
		if !reflect.DeepEqual(newReport(&Options{}, compile(p, nil)).Settings, newReport(&Options{}, compile(q, nil)).Settings) ||
			p.Name != q.Name || p.Columns != q.Columns || p.Cost != q.Cost || p.Contacts != q.Contacts || p.Flags != q.Flags {
			t.Fatalf("read back differently:\n%s", p.TOML())
		}
	})
}

// FuzzCompareKeepalive replays arbitrary CSV through a policy and, in the
// same run, a policy with keep-alives, the first run held in memory or
// streamed: each compared report equals the single run of its policy. (The repeating rule waits 20 days: timestamps
// may span two centuries, and a repeating keep-alive every few hours over
// them is millions of messages, slow for a fuzz target.)
func FuzzCompareKeepalive(f *testing.F) {
	f.Add([]byte("customer_id,entity_id,timestamp,status\nc1,o1,2026-03-02 21:10:00,a\nc1,o1,2026-03-04 21:20:00,b\nc1,o2,2026-03-02 21:20:00,a\nc2,,2026-03-29 01:59:00,fin\nc1,o1,2026-03-05 07:59:59,fin\n"))
	const head = `[simulate]
timezone = "Europe/Berlin"
final = ["fin"]
dedupe = true
collapse = "10m"
quiet_hours = "21:00-08:00"
min_gap = "15m"
max_per_day = 2
[[simulate.trigger]]
status = ["a", "b", "fin"]
template = "t"
[simulate.flags]
silent_gap = { after = "6h" }
`
	p, err := ParsePolicy([]byte(head), "p")
	if err != nil {
		f.Fatal(err)
	}
	ka, err := ParsePolicy([]byte(strings.Replace(head, "[simulate.flags]", "[[simulate.keepalive]]\nafter = \"2h\"\ntemplate = \"k\"\nstatuses = [\"a\"]\n[[simulate.keepalive]]\nafter = \"20d\"\ntemplate = \"k2\"\nrepeat = true\n[simulate.flags]", 1)), "ka")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{"e.csv": {Data: data}}
		opts := Options{Inputs: []string{"e.csv"}, FS: fsys, Policy: p, Workers: 1}
		rs, err := Compare(opts, []*Policy{ka})
		if err != nil {
			return
		}
		// The same with a first run that streams (when its rows are in
		// order): the keep-alive policy replays its kept events buffered.
		streamed := opts
		streamed.bufferLimit = 1
		rs2, err := Compare(streamed, []*Policy{ka})
		if err != nil {
			t.Fatalf("the compared run worked held in memory, not streamed: %v", err)
		}
		opts.Policy = ka
		single, err := Run(opts)
		if err != nil {
			t.Fatalf("the compared run worked, the single one failed: %v", err)
		}
		for _, r := range []*Report{rs[1], rs2[1]} {
			if !sameReport(r, single) || r.Replay != single.Replay || !reflect.DeepEqual(r.Notes, single.Notes) {
				t.Fatalf("compared and single reports differ:\n%+v\n%+v", r, single)
			}
		}
	})
}
