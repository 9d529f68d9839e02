package pipeline

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/notelint/notelint/simulate"
)

const pqFixtures = "../../testdata/parquet"

// parquetConfig is the example policy and templates over the Parquet
// fixtures: every DuckDB compression (snappy, zstd, gzip, none), page v1
// and v2, the parquet-go files (INT96, several row groups), a file with a
// null customer, and the hive-partitioned directory, as given.
func parquetConfig(t *testing.T, buckets int) *Config {
	t.Helper()
	cfg := examplesConfig(t, buckets)
	files, err := filepath.Glob(filepath.Join(pqFixtures, "*.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return strings.HasSuffix(f, "bad-status-int32.parquet") })
	if len(files) < 9 {
		t.Fatalf("only %d fixtures", len(files))
	}
	args := append(files, filepath.Join(pqFixtures, "hive"))
	if cfg.Inputs, cfg.Listed, err = ExpandInputs(t.Context(), args); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.Listed, args) {
		t.Fatalf("listed %q, want %q", cfg.Listed, args)
	}
	return cfg
}

// TestTasks: the row groups of a file are shared out in runs of about the
// limit, every group once, in order.
func TestTasks(t *testing.T) {
	for _, c := range []struct {
		sizes []int64
		limit int64
		want  []task
	}{
		{nil, 10, nil},
		{[]int64{5}, 10, []task{{0, 0, 1}}},
		{[]int64{5, 5, 5}, 10, []task{{0, 0, 2}, {0, 2, 3}}},
		{[]int64{20, 1, 1}, 10, []task{{0, 0, 1}, {0, 1, 3}}},
		{[]int64{1, 1, 1}, 1, []task{{0, 0, 1}, {0, 1, 2}, {0, 2, 3}}},
		{[]int64{0, 0, 30}, 10, []task{{0, 0, 3}}},
	} {
		got := tasks(0, c.sizes, c.limit)
		if !slices.Equal(got, c.want) {
			t.Errorf("tasks(%v, %d) = %v, want %v", c.sizes, c.limit, got, c.want)
		}
		for _, x := range got {
			if y, err := decodeTask(x.encode()); err != nil || y != x {
				t.Errorf("task %v round trip: %v %v", x, y, err)
			}
		}
	}
}

// TestBucketsParquet: each bucket of the Parquet fixtures is the --shard
// run of the same index, and the buckets merge into the single run.
func TestBucketsParquet(t *testing.T) {
	cfg := parquetConfig(t, 4)
	parts := bucketParts(t, cfg)
	for b, got := range parts {
		if want := singleRun(t, cfg, &simulate.Shard{Index: b, Count: cfg.Buckets}); !bytes.Equal(got, want) {
			t.Errorf("bucket %d differs from --shard %d/%d:\n got %.2000s\nwant %.2000s", b, b, cfg.Buckets, got, want)
		}
	}
	want := singleRun(t, cfg, nil)
	if got := finalJSON(t, mergeInOrder(t, parts, []int{3, 1, 0, 2}, 4), 4); !bytes.Equal(got, want) {
		t.Errorf("merged buckets differ from the single run:\n got %.2000s\nwant %.2000s", got, want)
	}
}

// TestPrismParquet runs the pipeline on Prism over the Parquet fixtures,
// each row group a task of its own (so split by other workers): the report
// equals notelint simulate's on the same arguments. The hive directory
// whose partitions give the status is checked in text.
func TestPrismParquet(t *testing.T) {
	cfg := parquetConfig(t, 6)
	cfg.GroupBytes = 1
	want := singleFormat(t, cfg, "json")
	if got := runPrism(t, *cfg); !bytes.Equal(got, want) {
		t.Errorf("the pipeline's report differs from the single run's:\n got %.3000s\nwant %.3000s", got, want)
	}
	cfg = examplesConfig(t, 3)
	dir := filepath.Join(pqFixtures, "hive-status")
	var err error
	if cfg.Inputs, cfg.Listed, err = ExpandInputs(t.Context(), []string{dir}); err != nil {
		t.Fatal(err)
	}
	cfg.Format = "text"
	want = singleFormat(t, cfg, "text")
	if got := runPrism(t, *cfg); !bytes.Equal(got, want) {
		t.Errorf("hive-status: the pipeline's report differs from the single run's:\n got %s\nwant %s", got, want)
	}
}

// TestPrismParquetErrors: a Parquet file notelint simulate refuses fails
// the pipeline with notelint simulate's error, naming the file (and the row
// group, column and row); a row group after the first is split by another
// worker and fails there the same way; with --strict, a bad row fails it
// with its row number.
func TestPrismParquetErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(pqFixtures, "go-int96-required-v2.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	flip := func(from, to int) []byte {
		b := bytes.Clone(good)
		for i := from; i < to; i++ {
			b[i] ^= 0x5a
		}
		return b
	}
	footerLen := int(good[len(good)-8]) | int(good[len(good)-7])<<8
	dir := t.TempDir()
	nullCustomer, err := os.ReadFile(filepath.Join(pqFixtures, "bad-null-customer.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	statusInt, err := os.ReadFile(filepath.Join(pqFixtures, "bad-status-int32.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		data   []byte
		strict bool
	}{
		{"null-customer.parquet", nullCustomer, true},
		{"status-int32.parquet", statusInt, false},
		{"footer.parquet", flip(len(good)-8-footerLen+10, len(good)-8-footerLen+26), false},
		{"pages.parquet", flip(100, 116), false},
		{"late-pages.parquet", lateDamage(t, good, footerLen), false},
		{"truncated.parquet", good[:len(good)/2], false},
		{"gzipped.parquet", gzipped(t, good), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			cfg := examplesConfig(t, 3)
			cfg.GroupBytes, cfg.Strict = 1, c.strict
			cfg.Inputs = []string{writeFile(t, dir, c.name, string(c.data))}
			pol, err := cfg.check()
			if err != nil {
				t.Fatal(err)
			}
			_, want := simulate.Run(simulate.Options{Inputs: cfg.Inputs, Policy: pol, Templates: cfg.Templates, Strict: cfg.Strict})
			if want == nil || !strings.Contains(want.Error(), cfg.Inputs[0]) {
				t.Fatalf("notelint simulate: %v", want)
			}
			_, _, err = runPrismResult(t, *cfg)
			t.Logf("pipeline: %v", err)
			if err == nil || !strings.Contains(err.Error(), want.Error()) {
				t.Errorf("got %v\nwant %v", err, want)
			}
		})
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// lateDamage returns data with 16 bytes flipped where notelint simulate
// fails in a row group after the first (found by trying).
func lateDamage(t *testing.T, data []byte, footerLen int) []byte {
	t.Helper()
	cfg := examplesConfig(t, 1)
	pol, err := cfg.check()
	if err != nil {
		t.Fatal(err)
	}
	for at := len(data) - 8 - footerLen - 32; at > len(data)/2; at -= 97 {
		b := bytes.Clone(data)
		for i := at; i < at+16; i++ {
			b[i] ^= 0x5a
		}
		_, err := simulate.Run(simulate.Options{Inputs: []string{"x.parquet"}, Policy: pol, FS: fstest.MapFS{"x.parquet": {Data: b}}})
		if err != nil && !strings.Contains(err.Error(), "row group 1 of") && strings.Contains(err.Error(), "row group") {
			return b
		}
	}
	t.Fatal("no damage fails a later row group")
	return nil
}
