package simulate

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate/internal/synth"
)

const testVersion = "v-test"

// runParts replays opts as n shards and returns their JSON parts.
func runParts(t *testing.T, opts Options, n int) [][]byte {
	t.Helper()
	var parts [][]byte
	for i := 0; i < n; i++ {
		o := opts
		o.Shard = &Shard{Index: i, Count: n}
		r, err := Run(o)
		if err != nil {
			t.Fatalf("shard %d/%d: %v", i, n, err)
		}
		r.AttachPart(testVersion)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, b)
	}
	return parts
}

// mergeJSON reads and merges parts (named p0.json, p1.json, ...).
func mergeJSON(t *testing.T, parts [][]byte, partial bool) (*Report, error) {
	t.Helper()
	var rs []*Report
	var names []string
	for i, b := range parts {
		name := fmt.Sprintf("p%d.json", i)
		r, err := ReadPart(b, name, testVersion)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
		names = append(names, name)
	}
	return MergeParts(rs, names, MergeOptions{AllowPartial: partial, Notelint: testVersion})
}

// reportBytes is everything the printers read from r: the JSON report,
// and the rows, trails (with their zones) and notes' parts a part carries.
func reportBytes(t *testing.T, r *Report) (figures, part string) {
	t.Helper()
	c := *r
	c.Part = nil
	f, err := json.MarshalIndent(&c, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	c.AttachPart(testVersion)
	p, err := json.MarshalIndent(c.Part, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(f), string(p)
}

func sameAsRun(t *testing.T, label string, got, want *Report) {
	t.Helper()
	gf, gp := reportBytes(t, got)
	wf, wp := reportBytes(t, want)
	if gf != wf {
		t.Errorf("%s: the merged report differs from the single run:\n%s", label, firstDiff(gf, wf))
	}
	if gp != wp {
		t.Errorf("%s: the merged rows, trails or notes differ from the single run:\n%s", label, firstDiff(gp, wp))
	}
}

func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d: %s\nwant:    %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(la), len(lb))
}

// shardCases are the inputs the shard tests replay whole and in shards.
func shardCases(t *testing.T) []struct {
	name string
	opts Options
} {
	t.Helper()
	dir := t.TempDir()
	var gen strings.Builder
	if err := synth.Write(&gen, synth.Config{Events: 60000, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	genPath := filepath.Join(dir, "gen.csv")
	if err := os.WriteFile(genPath, []byte(gen.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	// Bad rows of both kinds (naming a customer, naming none) and rows out
	// of order for one customer.
	messy := filepath.Join(dir, "messy.csv")
	if err := os.WriteFile(messy, []byte("customer_id,entity_id,timestamp,status\n"+
		"c1,o1,2026-03-02T10:00:00Z,shipped\n,o9,2026-03-02T10:00:00Z,shipped\nc2,o2,yesterday,shipped\n"+
		"c3,o3,2026-03-02T11:00:00Z,shipped\nc3,o3,2026-03-02T09:00:00Z,delivered\n\"broken,row\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	example := loadPolicyT(t, "../examples/simulate/policy.toml")
	tpl := exampleTemplates()
	cases := []struct {
		name string
		opts Options
	}{
		{"examples", Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: example, Templates: tpl}},
		{"examples with contacts", Options{Inputs: []string{"../examples/simulate/events.csv"}, Contacts: []string{"../examples/simulate/contacts.csv"}, Policy: example}},
		{"examples XES", Options{Inputs: []string{"../examples/simulate/events.xes.gz"}, Policy: example}},
		{"generated", Options{Inputs: []string{genPath}, Policy: benchPolicyT(t)}},
		{"bad rows and disorder", Options{Inputs: []string{messy}, Policy: example}},
		{"keep-alives", Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: loadPolicyT(t, "../examples/simulate/policy-keepalive.toml"), Templates: tpl}},
	}
	if _, err := os.Stat(helpdeskLog); err == nil {
		cases = append(cases, struct {
			name string
			opts Options
		}{"help-desk log", Options{Inputs: []string{helpdeskLog}, Policy: loadPolicyT(t, "../examples/simulate/helpdesk-policy.toml")}})
	} else {
		t.Logf("%s is absent: the shard tests skip the real help-desk log", helpdeskLog)
	}
	return cases
}

func loadPolicyT(t *testing.T, path string) *Policy {
	t.Helper()
	p, err := LoadPolicy(path)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// exampleTemplates links the example policy's templates without reading
// the template directory (that is the command's job).
func exampleTemplates() map[string]TemplateInfo {
	return map[string]TemplateInfo{
		"delivery-shipped":      {ID: "delivery-shipped", Channel: "sms", Segments: 1},
		"delivery-delayed":      {ID: "delivery-delayed", Channel: "sms", Segments: 2},
		"delivery-today":        {ID: "delivery-today", Channel: "sms", Segments: 1},
		"delivery-closed":       {ID: "delivery-closed", Channel: "email"},
		"delivery-still-moving": {ID: "delivery-still-moving", Channel: "sms", Segments: 1},
	}
}

// TestShardMergeEqualsRun replays each input whole and as 4 and 8 shards:
// the merged parts give the single run's report, rows and trails, and so
// does a merge of partial merges.
func TestShardMergeEqualsRun(t *testing.T) {
	for _, tc := range shardCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			whole, err := Run(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range []int{4, 8} {
				parts := runParts(t, tc.opts, n)
				merged, err := mergeJSON(t, parts, false)
				if err != nil {
					t.Fatal(err)
				}
				sameAsRun(t, fmt.Sprintf("%d shards", n), merged, whole)
				// The order of the parts does not matter.
				reversed := append([][]byte{}, parts...)
				slices.Reverse(reversed)
				if merged, err = mergeJSON(t, reversed, false); err != nil {
					t.Fatal(err)
				}
				sameAsRun(t, fmt.Sprintf("%d shards in reverse order", n), merged, whole)
				// merge(merge(first half), merge(second half)) == merge(all).
				half := n / 2
				var halves [][]byte
				for _, ps := range [][][]byte{parts[:half], parts[half:]} {
					m, err := mergeJSON(t, ps, true)
					if err != nil {
						t.Fatal(err)
					}
					b, err := json.Marshal(m)
					if err != nil {
						t.Fatal(err)
					}
					halves = append(halves, b)
				}
				again, err := mergeJSON(t, halves, false)
				if err != nil {
					t.Fatal(err)
				}
				sameAsRun(t, fmt.Sprintf("%d shards, merged in halves", n), again, whole)
			}
		})
	}
}

// TestShardFilterCountsEveryRowOnce: the messy input's bad rows and rows
// out of order show in the merged report once, as in a single run.
func TestShardFilterCountsEveryRowOnce(t *testing.T) {
	for _, tc := range shardCases(t) {
		if tc.name != "bad rows and disorder" {
			continue
		}
		whole, err := Run(tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if whole.BadRows.Count != 3 || whole.Replay != "buffered" || whole.Customers != 2 {
			t.Fatalf("the single run: %d bad rows, replay %s, %d customers; want 3, buffered, 2", whole.BadRows.Count, whole.Replay, whole.Customers)
		}
		merged, err := mergeJSON(t, runParts(t, tc.opts, 3), false)
		if err != nil {
			t.Fatal(err)
		}
		if merged.BadRows.Count != 3 || merged.Replay != "buffered" || len(merged.Notes) != 1 {
			t.Errorf("merged: %d bad rows, replay %s, notes %q", merged.BadRows.Count, merged.Replay, merged.Notes)
		}
	}
}

// TestShardOf pins the documented hash: FNV-1a 64 of the id, mod N.
func TestShardOf(t *testing.T) {
	for _, tc := range []struct {
		id   string
		hash uint64
	}{
		{"", 0xcbf29ce484222325},
		{"a", 0xaf63dc4c8601ec8c},
		{"foobar", 0x85944171f73967e8},
	} {
		if h := fnv1a64([]byte(tc.id)); h != tc.hash {
			t.Errorf("fnv1a64(%q) = %#x, want %#x", tc.id, h, tc.hash)
		}
		for _, n := range []int{1, 4, 8, 1000} {
			if got := ShardOf(tc.id, n); got != int(tc.hash%uint64(n)) {
				t.Errorf("ShardOf(%q, %d) = %d", tc.id, n, got)
			}
		}
	}
}

func TestParseShard(t *testing.T) {
	for _, tc := range []struct {
		in, want, err string
	}{
		{in: "0/8", want: "0/8"},
		{in: " 7/8 ", want: "7/8"},
		{in: "0/1", want: "0/1"},
		{in: "8/8", err: "I must be 0 to 7"},
		{in: "-1/8", err: "I must be 0 to 7"},
		{in: "1/0", err: "N must be 1 to"},
		{in: "3", err: "want I/N"},
		{in: "a/b", err: "want I/N"},
		{in: "", err: "want I/N"},
	} {
		s, err := ParseShard(tc.in)
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("ParseShard(%q) error %v, want %q", tc.in, err, tc.err)
		case tc.err == "" && (err != nil || s.String() != tc.want):
			t.Errorf("ParseShard(%q) = %v, %v", tc.in, s, err)
		}
	}
}

// TestEmptyShardIsAPart: with more shards than customers, most parts are
// empty; they are valid parts and the merge equals the single run.
func TestEmptyShardIsAPart(t *testing.T) {
	fsys := "../testdata/simulate/events.csv"
	opts := Options{Inputs: []string{fsys}, Policy: loadPolicyT(t, "../testdata/simulate/policy.toml")}
	whole, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := int(whole.Customers) * 4
	parts := runParts(t, opts, n)
	empty := 0
	for i, b := range parts {
		r, err := ReadPart(b, fmt.Sprintf("p%d.json", i), testVersion)
		if err != nil {
			t.Fatal(err)
		}
		if r.Events == 0 {
			empty++
		}
	}
	if empty < n/2 {
		t.Fatalf("%d of %d parts are empty; the test wants most of them empty", empty, n)
	}
	merged, err := mergeJSON(t, parts, false)
	if err != nil {
		t.Fatal(err)
	}
	sameAsRun(t, "with empty parts", merged, whole)
}

// TestMergeRefuses: parts that do not belong together, or do not add up,
// are refused with the file named.
func TestMergeRefuses(t *testing.T) {
	example := loadPolicyT(t, "../examples/simulate/policy.toml")
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: example}
	parts := runParts(t, opts, 4)
	edit := func(b []byte, f func(m map[string]any)) []byte {
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		f(m)
		out, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	withTpl := opts
	withTpl.Templates = exampleTemplates()
	tplParts := runParts(t, withTpl, 4)
	otherPol := *example
	otherPol.MaxPerDay++
	polOpts := opts
	polOpts.Policy = &otherPol
	polParts := runParts(t, polOpts, 4)
	eight := runParts(t, opts, 8)
	wholeRun, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := json.Marshal(wholeRun)
	if err != nil {
		t.Fatal(err)
	}
	other := func(i int, b []byte) [][]byte {
		out := append([][]byte{}, parts...)
		out[i] = b
		return out
	}
	for _, tc := range []struct {
		name  string
		parts [][]byte
		want  string
	}{
		{"truncated", other(1, parts[1][:len(parts[1])/2]), "p1.json: not a whole JSON report (truncated?)"},
		{"not JSON", other(2, []byte("customer_id,timestamp\n")), "p2.json: not a whole JSON report"},
		{"other schema", other(1, edit(parts[1], func(m map[string]any) { m["schema"] = "notelint.simulate/v0" })), `p1.json: schema "notelint.simulate/v0"`},
		{"other version", other(1, edit(parts[1], func(m map[string]any) { m["part"].(map[string]any)["notelint"] = "v0.1.0" })), "p1.json: written by notelint v0.1.0"},
		{"complete report", other(0, whole), "p0.json: a complete report, not a part"},
		{"customers off", other(3, edit(parts[3], func(m map[string]any) { m["customers"] = m["customers"].(float64) + 1 })), "p3.json: the figures do not add up: customers"},
		{"messages off", other(3, edit(parts[3], func(m map[string]any) { m["as_is"].(map[string]any)["messages"] = 1.0 })), "p3.json: the figures do not add up"},
		{"rows off", other(2, edit(parts[2], func(m map[string]any) { m["part"].(map[string]any)["rows"] = []any{} })), "p2.json: the figures do not add up: customers"},
		{"bad row", other(2, edit(parts[2], func(m map[string]any) { m["part"].(map[string]any)["rows"].([]any)[0] = "1 x" })), `p2.json: per-customer row "1 x"`},
		{"wrong shard", other(2, edit(parts[2], func(m map[string]any) { m["shard"].(map[string]any)["indexes"] = []any{3.0} })), "p2.json: customer"},
		{"bad shard", other(2, edit(parts[2], func(m map[string]any) { m["shard"].(map[string]any)["indexes"] = []any{4.0} })), "p2.json: shard indexes [4]"},
		{"same shard twice", append(append([][]byte{}, parts...), parts[2]), "shard 2 of 4 is in both p2.json and p4.json"},
		{"incomplete", parts[:3], "1 of 4 shards are missing (3; merging p0.json, p1.json, p2.json)"},
		{"other shard count", append(append([][]byte{}, parts[:2]...), eight[2:]...), "p0.json is a part of 4 shards, p2.json of 8: their customers overlap"},
		{"other templates", other(3, tplParts[3]), "p0.json and p3.json come from different templates"},
		{"other policy", other(1, polParts[1]), "p0.json and p1.json come from different policies"},
		{"other input", other(1, edit(parts[1], func(m map[string]any) { m["fingerprints"].(map[string]any)["input"] = "fnv1a64:0" })), "p0.json and p1.json read different inputs"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := mergeJSON(t, tc.parts, false)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
	// --allow-partial merges the incomplete set and says so.
	r, err := mergeJSON(t, parts[:3], true)
	if err != nil {
		t.Fatal(err)
	}
	if r.Shard == nil || fmt.Sprint(r.Shard.Indexes) != "[0 1 2]" || r.Part == nil ||
		!strings.Contains(strings.Join(r.Notes, "|"), "partial report: only the customers of shards 0, 1, 2 of 4") {
		t.Errorf("partial merge: shard %+v, notes %q", r.Shard, r.Notes)
	}
}

// TestRowEncoding: a part's rows read back as they were, whatever the id.
func TestRowEncoding(t *testing.T) {
	for _, c := range []CustomerRow{
		{ID: "c1", AsIs: 3, Sent: 2, Suppressed: 1},
		{ID: "id with  spaces\tand tab", AsIs: 0, Sent: 0, Deferred: 0},
		{ID: "Ünïcødé 顧客", AsIs: 70000, Sent: 12, Suppressed: 69988, Deferred: 5, Flags: []string{"burst", "repeat"}, AsIsFlags: flagNames[:], SourceFlapping: true},
		{ID: "k", AsIs: 4, Sent: 5, Suppressed: 1, Keepalive: 2},
	} {
		got, err := decodeRow(encodeRow(c))
		if err != nil || fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", c) {
			t.Errorf("%#v -> %q -> %#v, %v", c, encodeRow(c), got, err)
		}
	}
	for _, bad := range []string{"", "1 2 3 4 5 0 0", "1 2 3 4 5 0 0 ", "a 2 3 4 5 0 0 id", "1 2 3 999 5 0 0 id", "-1 2 3 4 5 0 0 id", "1 2 3 4 5 2 0 id", "1 2 3 4 5 0 id", "1 2 3 4 5 0 3 id"} {
		if _, err := decodeRow(bad); err == nil {
			t.Errorf("decodeRow(%q) accepted", bad)
		}
	}
}

// TestMergeInMemoryAssociative: Merge of the reports of Run (no JSON in
// between, as a combiner uses it) gives the single run, grouped any way.
func TestMergeInMemoryAssociative(t *testing.T) {
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: loadPolicyT(t, "../examples/simulate/policy.toml"), Templates: exampleTemplates()}
	whole, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	var parts []*Report
	for i := 0; i < 3; i++ {
		o := opts
		o.Shard = &Shard{Index: i, Count: 3}
		r, err := Run(o)
		if err != nil {
			t.Fatal(err)
		}
		parts = append(parts, r)
	}
	all, err := Merge(parts...)
	if err != nil {
		t.Fatal(err)
	}
	sameAsRun(t, "merge(a, b, c)", all, whole)
	ab, err := Merge(parts[0], parts[1])
	if err != nil {
		t.Fatal(err)
	}
	abc, err := Merge(ab, parts[2])
	if err != nil {
		t.Fatal(err)
	}
	sameAsRun(t, "merge(merge(a, b), c)", abc, whole)
	bc, err := Merge(parts[1], parts[2])
	if err != nil {
		t.Fatal(err)
	}
	abc2, err := Merge(parts[0], bc)
	if err != nil {
		t.Fatal(err)
	}
	sameAsRun(t, "merge(a, merge(b, c))", abc2, whole)
}

// FuzzReadPart: any bytes give a part or an error, never a panic, and a
// part that is read merges. The seed corpus (testdata/fuzz/FuzzReadPart)
// holds a part of testdata/simulate/events.csv.
func FuzzReadPart(f *testing.F) {
	f.Add([]byte(`{"schema":"notelint.simulate/v1","shard":{"count":1,"indexes":[0]},"part":{"notelint":"v-test","trails":{"c":null}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadPart(data, "f.json", testVersion)
		if err != nil {
			return
		}
		m, err := MergeParts([]*Report{r}, []string{"f.json"}, MergeOptions{AllowPartial: true, Notelint: testVersion})
		if err != nil {
			return
		}
		_ = m.CustomerRows()
		if _, err := json.Marshal(m); err != nil {
			t.Fatal(err)
		}
	})
}

// TestSparseStats: the merge's histogram statistics equal the run's.
func TestSparseStats(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		var dense histogram
		sparse := map[int]int64{}
		x := seed*2654435761 + 1
		for i := 0; i < int(seed%13); i++ {
			x = x*6364136223846793005 + 1442695040888963407
			n, c := int(x>>58), int64(x>>40&7)
			if c == 0 {
				continue
			}
			dense.add(uint32(n), c)
			sparse[n] += c
		}
		a, _ := json.Marshal(streamStats(dense))
		b, _ := json.Marshal(sparseStats(sparse))
		if string(a) != string(b) {
			t.Fatalf("seed %d: sparse %s, dense %s", seed, b, a)
		}
	}
}
