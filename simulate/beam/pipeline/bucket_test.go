package pipeline

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

const examples = "../../../examples/simulate"

// singleRun is the report of one simulate.Run over cfg's files, as JSON.
func singleRun(t testing.TB, cfg *Config, shard *simulate.Shard) []byte {
	t.Helper()
	pol, err := cfg.check()
	if err != nil {
		t.Fatal(err)
	}
	r, err := simulate.Run(simulate.Options{Inputs: cfg.listed(), Contacts: cfg.Contacts, Policy: pol, Templates: cfg.Templates, Strict: cfg.Strict, Mode: cfg.Mode, Shard: shard})
	if err != nil {
		t.Fatal(err)
	}
	if shard != nil {
		r.AttachPart(partVersion)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, r, "json"); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bucketParts splits cfg's files and replays each bucket, without Beam.
func bucketParts(t testing.TB, cfg *Config) [][]byte {
	t.Helper()
	pol, err := cfg.check()
	if err != nil {
		t.Fatal(err)
	}
	pieces := make([][]piece, cfg.Buckets)
	for i, name := range cfg.Inputs {
		st, err := os.Stat(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		add := func(b int, p piece) error {
			var err error
			pieces[b], err = decodePieces(pieces[b], appendPiece(nil, p))
			return err
		}
		ok, err := splitParquet(cfg, pol.Columns, i, f, st.Size(), add, nil)
		if !ok && err == nil {
			err = splitFile(name, i, st.Size(), f, pol.Columns, cfg.Buckets, add)
		}
		_ = f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	parts := make([][]byte, cfg.Buckets)
	for b := range parts {
		if parts[b], _, err = replayBucket(cfg, pol, b, pieces[b]); err != nil {
			t.Fatal(err)
		}
	}
	return parts
}

// mergeInOrder folds the parts in the given order, as a CombineFn may.
func mergeInOrder(t testing.TB, parts [][]byte, order []int, buckets int) []byte {
	t.Helper()
	var acc []byte
	for _, i := range order {
		var err error
		if acc, err = mergeParts(acc, parts[i], buckets); err != nil {
			t.Fatal(err)
		}
	}
	return acc
}

// mergeTree merges the parts pairwise, as combiner lifting may.
func mergeTree(t testing.TB, parts [][]byte, buckets int) []byte {
	t.Helper()
	for len(parts) > 1 {
		var next [][]byte
		for i := 0; i < len(parts); i += 2 {
			if i+1 == len(parts) {
				next = append(next, parts[i])
				continue
			}
			m, err := mergeParts(parts[i], parts[i+1], buckets)
			if err != nil {
				t.Fatal(err)
			}
			next = append(next, m)
		}
		parts = next
	}
	return parts[0]
}

func finalJSON(t testing.TB, acc []byte, buckets int) []byte {
	t.Helper()
	r, err := finalReport(acc, buckets)
	if err != nil {
		t.Fatal(err)
	}
	b, err := render(r, "json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func writeFile(t testing.TB, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	data := []byte(text)
	if strings.HasSuffix(name, ".gz") {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		_, _ = zw.Write(data)
		_ = zw.Close()
		data = buf.Bytes()
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const testPolicy = `[simulate]
timezone = "Europe/Berlin"
final = ["delivered"]
dedupe = true
collapse = "30m"
min_gap = "1h"
max_per_day = 3

[[simulate.trigger]]
status = ["shipped", "delayed", "out_for_delivery", "delivered"]
template = "update"

[simulate.flags]
burst = { count = 2, window = "2h" }
flapping = { window = "24h" }
silent_gap = { after = "1h" }
`

// edgeInputs are files with what a splitter can get wrong: a byte order
// mark, blank lines, CRLF, quoted newlines, bad rows with and without a
// customer, JSON Lines recognized by content whose first row is bad, gzip,
// a header-only file and rows out of order.
func edgeInputs(t testing.TB, dir string) []string {
	csv := "\xEF\xBB\xBF\n\ncustomer_id,entity_id,timestamp,status\r\n" +
		"C1,E1,2026-03-02 09:00:00,shipped\r\n" +
		"C2,E2,2026-03-02 09:05:00,shipped\r\n" +
		"\r\n" +
		"   \n" +
		"C3,\"E3\nsecond line\",2026-03-02 09:10:00,delayed\n" +
		",E4,2026-03-02 09:11:00,shipped\n" +
		"C4,E4,2026-03-02 09:12:00\n" +
		"C5,E5,not a time,shipped\n" +
		"\"C6\",E6,2026-03-02 09:20:00,\"out_for\"\"delivery\"\n" +
		"C1,E1,2026-03-02 10:00:00,delayed\n" +
		"C1,E1,2026-03-02 10:01:00,delayed\n" +
		"C2,E2,2026-03-02 10:30:00,out_for_delivery\n" +
		"C7,\"unterminated,2026-03-02 11:00:00,shipped\n" +
		"C2,E2,2026-03-02 12:30:00,delivered"
	jsonl := "\n  \n" +
		`{"customer_id":"C9","entity_id":"E9","timestamp":"2026-03-02T08:00:00Z","status":"shipped"}` + "\n" +
		"not json\n" +
		`{"customer_id":"C1","entity_id":"E1","timestamp":"2026-03-02T08:30:00Z","status":"shipped"}` + "\n" +
		`{"customer_id":"","entity_id":"E1","timestamp":"2026-03-02T08:30:00Z","status":"shipped"}` + "\n" +
		`{"customer_id":"C10","timestamp":"2026-03-02T09:00:00Z","status":"delayed"}` + "\n" +
		`{"customer_id":"C9","entity_id":"E9","timestamp":"2026-03-02T07:00:00Z","status":"delayed"}` + "\n"
	var gz strings.Builder
	gz.WriteString("customer_id;entity_id;timestamp;status\n")
	for i := range 300 {
		gz.WriteString("K" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ";P1;2026-03-03 0" + string(rune('0'+i%10)) + ":00:00;shipped\n")
	}
	return []string{
		writeFile(t, dir, "a.csv", csv),
		writeFile(t, dir, "b.events", jsonl),
		writeFile(t, dir, "c.csv", "customer_id,entity_id,timestamp,status\n"),
		writeFile(t, dir, "d.csv.gz", gz.String()),
	}
}

func testConfig(t testing.TB, inputs []string, policy string, buckets int) *Config {
	return &Config{Inputs: inputs, PolicyName: "policy.toml", Policy: []byte(policy), Buckets: buckets, Format: "json", Out: "-"}
}

func examplesConfig(t testing.TB, buckets int) *Config {
	t.Helper()
	pol, err := os.ReadFile(filepath.Join(examples, "policy.toml"))
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := LoadTemplates(filepath.Join(examples, "templates"))
	if err != nil {
		t.Fatal(err)
	}
	return &Config{Inputs: []string{filepath.Join(examples, "events.csv")}, PolicyName: filepath.Join(examples, "policy.toml"),
		Policy: pol, Templates: tpl, Buckets: buckets, Format: "json", Out: "-"}
}

// TestBucketEqualsShard: a bucket's replay is the --shard run of the same
// index over the whole input, for every bucket.
func TestBucketEqualsShard(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		cfg  *Config
	}{
		{"examples", examplesConfig(t, 4)},
		{"edge cases", testConfig(t, edgeInputs(t, dir), testPolicy, 5)},
		{"one bucket", testConfig(t, edgeInputs(t, dir), testPolicy, 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := bucketParts(t, tc.cfg)
			for b, got := range parts {
				want := singleRun(t, tc.cfg, &simulate.Shard{Index: b, Count: tc.cfg.Buckets})
				if !bytes.Equal(got, want) {
					t.Errorf("bucket %d of %d differs from --shard %d/%d:\n got %s\nwant %s", b, tc.cfg.Buckets, b, tc.cfg.Buckets, got, want)
				}
			}
		})
	}
}

// TestMergedBucketsEqualSingleRun: the buckets merged in any order give the
// single run's JSON report byte for byte.
func TestMergedBucketsEqualSingleRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		cfg  *Config
	}{
		{"examples", examplesConfig(t, 8)},
		{"edge cases", testConfig(t, edgeInputs(t, dir), testPolicy, 5)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := singleRun(t, tc.cfg, nil)
			parts := bucketParts(t, tc.cfg)
			n := len(parts)
			forward := make([]int, n)
			for i := range forward {
				forward[i] = i
			}
			backward := slices.Clone(forward)
			slices.Reverse(backward)
			for name, acc := range map[string][]byte{
				"in order": mergeInOrder(t, parts, forward, n),
				"reversed": mergeInOrder(t, parts, backward, n),
				"pairwise": mergeTree(t, parts, n),
			} {
				if got := finalJSON(t, acc, n); !bytes.Equal(got, want) {
					t.Errorf("%s: merged buckets differ from the single run:\n got %s\nwant %s", name, got, want)
				}
			}
		})
	}
}
