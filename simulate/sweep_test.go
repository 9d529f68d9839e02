package simulate

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseGridErrors(t *testing.T) {
	for _, tc := range []struct{ spec, want string }{
		{"min_gap=0,1x", "--sweep: column 11: min_gap: \"1x\" is not a duration (such as 30m, 2h, 1d) or off\n  min_gap=0,1x\n            ^^"},
		{"collapse=0; gap=1h", "--sweep: column 13: unknown setting \"gap\""},
		{"collapse=0;; min_gap", "--sweep: column 14: \"min_gap\": want key=value,value,…"},
		{"collapse=0,,1h", "--sweep: column 12: collapse: empty value"},
		{"collapse=0,0", "--sweep: column 12: collapse: \"0\" is given twice"},
		{"collapse=0; collapse=1h", "--sweep: column 13: collapse is given twice"},
		{"max_per_day=-1", "--sweep: column 13: max_per_day: \"-1\": want a count"},
		{"dedupe=maybe", "want true or false"},
		{"quiet_hours=25:00-08:00", "--sweep: column 13: quiet_hours: \"25:00-08:00\""},
		{"keepalive.after=30s", "want off or a duration from 1m to 3650d"},
		{"", "empty grid"},
		{"ümlaut=1", "--sweep: column 1: unknown setting \"ümlaut\""},
	} {
		_, err := ParseGrid(tc.spec)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v\nwant %q", tc.spec, err, tc.want)
		}
	}
}

func TestGridCombinations(t *testing.T) {
	base, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := ParseGrid(" collapse=0, 15m ; min_gap=0,1h,2h; keepalive.after=off,24h; keepalive.template=k; max_per_day=off")
	if err != nil {
		t.Fatal(err)
	}
	if g.Size() != 12 || !reflect.DeepEqual(g.Varying(), []string{"collapse", "min_gap", "keepalive.after"}) {
		t.Fatalf("size %d, varying %v", g.Size(), g.Varying())
	}
	cs, err := g.Combinations(base)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 12 || cs[0].Policy.Name != "collapse=0 min_gap=0 keepalive.after=off" || cs[11].Policy.Name != "collapse=15m min_gap=2h keepalive.after=24h" {
		t.Fatalf("combinations %q … %q", cs[0].Policy.Name, cs[len(cs)-1].Policy.Name)
	}
	last := cs[11].Policy
	if last.Collapse != 15*time.Minute || last.MinGap != 2*time.Hour || last.MaxPerDay != 0 ||
		len(last.Keepalives) != 1 || last.Keepalives[0].After != 24*time.Hour || last.Keepalives[0].Template != "k" {
		t.Errorf("last combination %+v", last)
	}
	if base.MaxPerDay != 3 || len(base.Keepalives) != 0 || cs[0].Policy.Keepalives != nil {
		t.Error("the combinations changed the base policy or each other")
	}
	g, _ = ParseGrid("keepalive.after=24h")
	if _, err := g.Combinations(base); err == nil || !strings.Contains(err.Error(), "add keepalive.template=ID to the grid") {
		t.Errorf("keepalive.after without a rule or a template: %v", err)
	}
	g, _ = ParseGrid("keepalive.after=24h; keepalive.template=delivery-today")
	if _, err := g.Combinations(base); err == nil || !strings.Contains(err.Error(), "is also a trigger's template") {
		t.Errorf("a trigger's template as keep-alive: %v", err)
	}
}

// TestPolicyTOMLRoundTrip checks that a policy's TOML reads back to it.
func TestPolicyTOMLRoundTrip(t *testing.T) {
	for _, path := range []string{"../examples/simulate/policy.toml", "../examples/simulate/helpdesk-policy.toml"} {
		p, err := LoadPolicy(path)
		if err != nil {
			t.Fatal(err)
		}
		p.Keepalives = []Keepalive{{After: 36 * time.Hour, Template: "still \"moving\"\n", Statuses: []string{"in_transit"}, Repeat: true}}
		p.Name = "a\tname"
		q, err := ParsePolicy([]byte(p.TOML()), path)
		if err != nil {
			t.Fatalf("%s: %v\n%s", path, err, p.TOML())
		}
		if !reflect.DeepEqual(newReport(&Options{}, compile(p, nil)).Settings, newReport(&Options{}, compile(q, nil)).Settings) ||
			p.Name != q.Name || p.Columns != q.Columns || p.Cost != q.Cost || p.Contacts != q.Contacts || p.Flags != q.Flags {
			t.Errorf("%s: read back differently:\n%s", path, p.TOML())
		}
	}
}

// TestFrontierBruteForce checks MarkFrontier against the definition on
// random points with many ties.
func TestFrontierBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 18))
	for it := 0; it < 300; it++ {
		res := &SweepResult{}
		for i := 0; i < 1+r.IntN(12); i++ {
			c := float64(r.IntN(3))
			res.Points = append(res.Points, SweepPoint{Index: i, Mean: float64(r.IntN(4)), P90: r.IntN(2), Bursts: int64(r.IntN(2)),
				NightSends: int64(r.IntN(2)), SilentEntities: int64(r.IntN(4)), SMSCost: &c})
		}
		res.MarkFrontier()
		for i, p := range res.Points {
			dominated := false
			for j, q := range res.Points {
				oq, op := q.objectives(), p.objectives()
				noWorse, better := true, false
				for k := range op {
					noWorse = noWorse && oq[k] <= op[k]
					better = better || oq[k] < op[k]
				}
				if i != j && noWorse && better {
					dominated = true
				}
			}
			if p.Frontier == dominated {
				t.Fatalf("iter %d: point %d frontier %v, dominated %v", it, i, p.Frontier, dominated)
			}
		}
		pick, _ := res.DefaultPick()
		if pick != 0 && (!res.Points[pick].Frontier || !res.Points[pick].Dominates) {
			t.Fatalf("iter %d: default pick %d is not a frontier point that beats the current policy", it, pick)
		}
	}
}
