package main

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// designPolicies writes two variants of the example policy: one with a
// keep-alive (named by a name key), one with another min_gap.
func designPolicies(t *testing.T, dir string) (ka, gap string) {
	t.Helper()
	base, err := os.ReadFile(simPolicy)
	if err != nil {
		t.Fatal(err)
	}
	withName := strings.Replace(string(base), "[simulate]\n", "[simulate]\nname = \"keep-alive 36h\"\n", 1)
	ka = simWrite(t, dir, "ka.toml", withName+"\n[[simulate.keepalive]]\nafter = \"36h\"\ntemplate = \"delivery-still-moving\"\nrepeat = true\n")
	gap = simWrite(t, dir, "gap3h.toml", strings.Replace(string(base), `min_gap = "1h"`, `min_gap = "3h"`, 1))
	return ka, gap
}

// shuffledEvents writes the example's rows in a random order.
func shuffledEvents(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile(simEvents)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	rows := lines[1:]
	r := rand.New(rand.NewPCG(1, 18))
	r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	return simWrite(t, dir, "shuffled.csv", lines[0]+"\n"+strings.Join(rows, "\n")+"\n")
}

// TestCompareEqualsSingleRuns checks that every report of a comparison is
// byte for byte the JSON report of a single run with that policy: sorted
// and shuffled input, with and without contacts, a keep-alive policy first
// or not.
func TestCompareEqualsSingleRuns(t *testing.T) {
	dir := t.TempDir()
	ka, gap := designPolicies(t, dir)
	shuffled := shuffledEvents(t, dir)
	for _, tc := range []struct {
		name     string
		policies []string
		events   string
		extra    []string
	}{
		{"sorted", []string{simPolicy, ka, gap}, simEvents, nil},
		{"keep-alive first", []string{ka, simPolicy, gap}, simEvents, nil},
		{"shuffled", []string{simPolicy, ka, gap}, shuffled, nil},
		{"shuffled, keep-alive first", []string{ka, gap}, shuffled, nil},
		{"contacts", []string{simPolicy, gap, ka}, simEvents, []string{"--contacts", simContacts}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"simulate", "--templates", simTemplates, "--format", "json", "--policy", tc.policies[0]}
			for _, p := range tc.policies[1:] {
				args = append(args, "--compare", p)
			}
			args = append(append(args, tc.extra...), tc.events)
			out, errOut, code := runCLI(t, "", args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var list []json.RawMessage
			if err := json.Unmarshal([]byte(out), &list); err != nil {
				t.Fatal(err)
			}
			if len(list) != len(tc.policies) {
				t.Fatalf("%d reports, want %d", len(list), len(tc.policies))
			}
			for i, p := range tc.policies {
				single := append([]string{"simulate", "--templates", simTemplates, "--format", "json", "--policy", p}, tc.extra...)
				want, errOut, code := runCLI(t, "", append(single, tc.events)...)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				if !bytes.Equal(list[i], []byte(strings.TrimSuffix(want, "\n"))) {
					t.Errorf("%s: the compared report differs from the single run:\n%s", filepath.Base(p), firstDiff(string(list[i]), want))
				}
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return "compared: " + la[i] + "\nsingle:   " + lb[i]
		}
	}
	return "(one is a prefix of the other)"
}

// TestCompareFormats checks the side-by-side formats and that --fail-on
// names every policy that crosses a threshold.
func TestCompareFormats(t *testing.T) {
	dir := t.TempDir()
	ka, gap := designPolicies(t, dir)
	base := []string{"simulate", "--templates", simTemplates, "--policy", simPolicy, "--compare", ka, "--compare", gap}
	for format, wants := range map[string][]string{
		"text": {"as-is  policy  keep-alive 36h  gap3h", "silent_gap (entities)               49      40               0     "},
		"md":   {"|  | as-is | policy | keep-alive 36h | gap3h |", "| keepalive |  | - | 78 | - |"},
		"csv":  {"customer_id,as_is,policy.sent,policy.suppressed,policy.deferred,policy.keepalive,policy.flags,keep-alive 36h.sent,"},
		"html": {"<th>keep-alive 36h</th>", `data-chart="per-customer"`, `data-series="p2"`, `data-chart="flags"`},
	} {
		out, errOut, code := runCLI(t, "", append(append([]string{}, base...), "--format", format, simEvents)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errOut)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", format, w, out)
			}
		}
	}
	_, errOut, code := runCLI(t, "", append(append([]string{}, base...), "--fail-on", "silent_gap>10,total>1200", simEvents)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1: %s", code, errOut)
	}
	for _, w := range []string{"crossed by policy: silent_gap", "crossed by keep-alive 36h: total", "crossed by gap3h: silent_gap"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errOut)
		}
	}
	if strings.Contains(errOut, "crossed by keep-alive 36h: silent_gap") {
		t.Errorf("the keep-alive policy has no silent entity:\n%s", errOut)
	}
}

// TestCompareErrors checks the usage errors of --compare.
func TestCompareErrors(t *testing.T) {
	dir := t.TempDir()
	base, err := os.ReadFile(simPolicy)
	if err != nil {
		t.Fatal(err)
	}
	other := simWrite(t, dir, "berlin.toml", strings.Replace(string(base), `timezone = "Europe/Berlin"`, `timezone = "UTC"`, 1))
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--compare", other}, "reads the events differently"},
		{[]string{"--compare", filepath.Join(dir, "missing.toml")}, "--compare: reading policy"},
		{[]string{"--compare", simPolicy, "--sweep", "min_gap=0,1h"}, "--compare and --sweep do not go together"},
		{[]string{"--compare", simPolicy, "--customer", "C0001"}, "--customer prints one policy's timeline"},
		{[]string{"--pick", "2"}, "--pick and --max-combinations go with --sweep"},
	} {
		args := append(append([]string{"simulate", "--policy", simPolicy}, tc.args...), simEvents)
		_, errOut, code := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// readmeSweep is the grid of the README's sweep on the example.
const readmeSweep = "collapse=0,30m; min_gap=1h,3h; max_per_day=2,3; keepalive.after=off,40h; keepalive.template=delivery-still-moving; keepalive.repeat=true"

// TestSweepExample checks the README's claim: on the example stream the
// sweep finds (and by default chooses) a policy with fewer messages per
// customer and fewer silent entities than examples/simulate/policy.toml,
// and prints a policy that reads back.
func TestSweepExample(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--format", "json", "--sweep", readmeSweep, simEvents)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Schema string `json:"schema"`
		Points []struct {
			Index          int     `json:"index"`
			Label          string  `json:"label"`
			Mean           float64 `json:"mean"`
			SilentEntities int64   `json:"silent_entities"`
			Frontier       bool    `json:"frontier"`
		} `json:"points"`
		Pick       int    `json:"pick"`
		PolicyTOML string `json:"policy_toml"`
		PeakRSS    int64  `json:"peak_rss_bytes"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Schema != "notelint.simulate.sweep/v1" || len(res.Points) != 17 || res.PeakRSS <= 0 {
		t.Fatalf("schema %q, %d points, peak RSS %d", res.Schema, len(res.Points), res.PeakRSS)
	}
	cur, pick := res.Points[0], res.Points[res.Pick]
	if res.Pick == 0 || !pick.Frontier || pick.Mean >= cur.Mean || pick.SilentEntities >= cur.SilentEntities {
		t.Fatalf("chosen #%d %s (mean %.2f, silent %d) does not beat the current policy (mean %.2f, silent %d)", res.Pick, pick.Label, pick.Mean, pick.SilentEntities, cur.Mean, cur.SilentEntities)
	}
	// The printed policy replays to the chosen point's figures.
	dir := t.TempDir()
	chosen := simWrite(t, dir, "chosen.toml", res.PolicyTOML)
	single, errOut, code := runCLI(t, "", "simulate", "--policy", chosen, "--templates", simTemplates, "--format", "json", simEvents)
	if code != 0 {
		t.Fatalf("replaying the chosen policy: exit %d: %s", code, errOut)
	}
	var r struct {
		Policy struct {
			Mean float64 `json:"mean"`
		} `json:"policy"`
		Flags []struct {
			Name   string `json:"name"`
			Policy struct {
				Count int64 `json:"count"`
			} `json:"policy"`
		} `json:"flags"`
	}
	if err := json.Unmarshal([]byte(single), &r); err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Flags {
		if f.Name == "silent_gap" && f.Policy.Count != pick.SilentEntities || r.Policy.Mean != pick.Mean {
			t.Errorf("the chosen policy replays to mean %.2f, %s %d; the sweep said %.2f, %d", r.Policy.Mean, f.Name, f.Policy.Count, pick.Mean, pick.SilentEntities)
		}
	}
	html, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--format", "html", "--pick", "3", "--sweep", readmeSweep, simEvents)
	if code != 0 {
		t.Fatalf("html: exit %d: %s", code, errOut)
	}
	for _, w := range []string{`data-chart="frontier"`, `class="point current"`, `class="point frontier"`, `class="chosen"`, "Chosen: <strong>#3 "} {
		if !strings.Contains(html, w) {
			t.Errorf("html lacks %q", w)
		}
	}
}

// TestSweepGuardRails checks the combination limit, grid errors and --pick.
func TestSweepGuardRails(t *testing.T) {
	big := "collapse=0,5m,10m,15m,30m; min_gap=0,30m,1h,2h; max_per_day=0,2,3,4"
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--sweep", big}, 2, "--sweep: 80 combinations, more than 64: pass --max-combinations 80 to run them all"},
		{[]string{"--sweep", "min_gap=0,1h; collapse=5x"}, 2, "--sweep: column 24: collapse: \"5x\" is not a duration"},
		{[]string{"--sweep", "min_gap=0,1h", "--pick", "3"}, 2, "--pick 3: the grid has 2 combinations"},
		{[]string{"--sweep", "min_gap=0,1h", "--max-combinations", "0"}, 2, "--max-combinations 0: want 1 or more"},
		{[]string{"--sweep", "min_gap=0,1h", "--fail-on", "silent_gap>1"}, 1, "crossed by the chosen policy"},
	} {
		args := append(append([]string{"simulate", "--policy", simPolicy}, tc.args...), simEvents)
		_, errOut, code := runCLI(t, "", args...)
		if code != tc.code || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errOut, tc.code, tc.want)
		}
	}
	_, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--sweep", big, "--max-combinations", "80", "--format", "csv", simEvents)
	if code != 0 {
		t.Errorf("--max-combinations 80: exit %d: %s", code, errOut)
	}
}
