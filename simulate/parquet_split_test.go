package simulate

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"hash/maphash"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// copiesFS serves partial copies under the original names, with the
// original sizes (as the Beam pipeline's bucket file system does).
type copiesFS struct {
	data map[string][]byte
	size map[string]int64
}

func (c copiesFS) Open(name string) (fs.File, error) {
	b, ok := c.data[name]
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return &copyFile{Reader: bytes.NewReader(b), name: name, size: c.size[name]}, nil
}

type copyFile struct {
	*bytes.Reader
	name string
	size int64
}

func (f *copyFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *copyFile) Close() error               { return nil }
func (f *copyFile) Name() string               { return f.name }
func (f *copyFile) Size() int64                { return f.size }
func (f *copyFile) Mode() fs.FileMode          { return 0o444 }
func (f *copyFile) ModTime() time.Time         { return time.Time{} }
func (f *copyFile) IsDir() bool                { return false }
func (f *copyFile) Sys() any                   { return nil }

// splitCopies cuts the Parquet files into n partial copies each, by
// customer (ShardOf; no customer: copy 0), reading one row group at a time
// in reverse order when byGroup (the copies are put in row order).
func splitCopies(t *testing.T, names []string, cols Columns, n int, byGroup bool) []copiesFS {
	t.Helper()
	out := make([]copiesFS, n)
	for b := range out {
		out[b] = copiesFS{data: map[string][]byte{}, size: map[string]int64{}}
	}
	type row struct {
		n   int64
		rec []byte
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := OpenParquetSplit(name, bytes.NewReader(data), int64(len(data)), cols)
		if err != nil || s == nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows := make([][]row, n)
		add := func(r int64, rec, customer []byte) error {
			b := 0
			if customer != nil {
				b = ShardOf(string(customer), n)
			}
			rows[b] = append(rows[b], row{r, bytes.Clone(rec)})
			return nil
		}
		groups := len(s.RowGroupSizes())
		if byGroup {
			for g := groups - 1; g >= 0; g-- {
				if err := s.Split(g, g+1, add); err != nil {
					t.Fatal(err)
				}
			}
		} else if err := s.Split(0, groups, add); err != nil {
			t.Fatal(err)
		}
		for b := range out {
			slices.SortFunc(rows[b], func(x, y row) int { return cmp.Compare(x.n, y.n) })
			c, err := s.Head()
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows[b] {
				c = append(c, r.rec...)
			}
			out[b].data[name], out[b].size[name] = c, int64(len(data))
		}
		_ = s.Close()
	}
	return out
}

// TestParquetSplitMerge: the partial copies of every Parquet fixture,
// replayed as shards and merged, give the report of the whole files.
func TestParquetSplitMerge(t *testing.T) {
	opts := exampleOptions(t)
	var cases [][]string
	for _, dir := range []string{"hive", "hive-status"} {
		files, err := ExpandDirectories([]string{filepath.Join(pqDir, dir)})
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, files)
	}
	// The test writer: row groups of 300 rows; no rows; rows of no
	// customer (empty, spaces), a customer with spaces around it, a time
	// outside the supported years, an empty status.
	dir := t.TempDir()
	rows := exampleRows(t)
	odd := slices.Clone(rows[:600])
	odd[10].cust, odd[20].cust, odd[30].cust = "", "   ", " "+odd[30].cust+" "
	odd[40].ts, odd[50].status = -2208988800e6, ""
	for name, data := range map[string][]byte{
		"groups.parquet": writeTestParquet(t, rows, 300),
		"empty.parquet":  writeTestParquet(t, nil, 300),
		"odd.parquet":    writeTestParquet(t, odd, 250),
	} {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, []string{f})
	}
	files, _ := filepath.Glob(filepath.Join(pqDir, "*.parquet"))
	for _, f := range files {
		if f == filepath.Join(pqDir, "bad-status-int32.parquet") {
			continue // an error: TestParquetSplitErrors
		}
		cases = append(cases, []string{f})
	}
	for _, names := range cases {
		t.Run(filepath.Base(filepath.Dir(names[0]))+"/"+filepath.Base(names[0]), func(t *testing.T) {
			o := opts
			o.Inputs = names
			want, err := Run(o)
			if err != nil {
				t.Fatal(err)
			}
			for _, byGroup := range []bool{false, true} {
				const n = 3
				var parts [][]byte
				for b, fsys := range splitCopies(t, names, opts.Policy.Columns, n, byGroup) {
					o := o
					o.FS, o.Shard = fsys, &Shard{Index: b, Count: n}
					r, err := Run(o)
					if err != nil {
						t.Fatalf("bucket %d: %v", b, err)
					}
					r.AttachPart(testVersion)
					p, err := json.Marshal(r)
					if err != nil {
						t.Fatal(err)
					}
					parts = append(parts, p)
				}
				got, err := mergeJSON(t, parts, false)
				if err != nil {
					t.Fatal(err)
				}
				sameAsRun(t, names[0], got, want)
			}
		})
	}
}

// TestParquetSplitErrors: a file that Run refuses gives Run's error when it
// is opened or split; a damaged partial copy is an error, not a panic.
func TestParquetSplitErrors(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(pqDir, "duckdb-snappy-local.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	pages := bytes.Clone(good)
	for i := 100; i < 116; i++ {
		pages[i] ^= 0x5a
	}
	footerLen := int(good[len(good)-8]) | int(good[len(good)-7])<<8
	footer := bytes.Clone(good)
	for i := len(good) - 8 - footerLen + 10; i < len(good)-8-footerLen+26; i++ {
		footer[i] ^= 0x5a
	}
	pol := exampleOptions(t).Policy
	for _, c := range []struct {
		name string
		data []byte
		cols func(*Columns)
	}{
		{name: "pages.parquet", data: pages},
		{name: "footer.parquet", data: footer},
		{name: "bad-status-int32.parquet", data: mustRead(t, filepath.Join(pqDir, "bad-status-int32.parquet"))},
		{name: "missing.parquet", data: good, cols: func(c *Columns) { c.Status = "state" }},
		{name: "text.parquet", data: []byte("customer_id,timestamp,status\n")},
		{name: "gzip.parquet", data: []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := *pol
			if c.cols != nil {
				c.cols(&p.Columns)
			}
			_, want := Run(Options{Inputs: []string{c.name}, Policy: &p, FS: fstest.MapFS{c.name: {Data: c.data}}})
			if want == nil {
				t.Fatal("Run took the file")
			}
			s, err := OpenParquetSplit(c.name, bytes.NewReader(c.data), int64(len(c.data)), p.Columns)
			if err == nil {
				_, err = s.Head()
			}
			if err == nil {
				err = s.Split(0, len(s.RowGroupSizes()), func(int64, []byte, []byte) error { return nil })
			}
			if err == nil || err.Error() != want.Error() {
				t.Errorf("got %v\nwant %v", err, want)
			}
		})
	}
	if s, err := OpenParquetSplit("plain.csv", strings.NewReader("customer_id\n"), 12, pol.Columns); s != nil || err != nil {
		t.Errorf("CSV: %v %v", s, err)
	}
	// Damaged copies: cut in the head, in the first record, in the last;
	// the first record twice (rows out of order).
	name := filepath.Join(pqDir, "duckdb-zstd-utc.parquet")
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenParquetSplit(name, bytes.NewReader(data), int64(len(data)), pol.Columns)
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.Head()
	if err != nil {
		t.Fatal(err)
	}
	whole, first := bytes.Clone(head), []byte(nil)
	if err := s.Split(0, len(s.RowGroupSizes()), func(_ int64, rec, _ []byte) error {
		if first == nil {
			first = bytes.Clone(rec)
		}
		whole = append(whole, rec...)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	for _, bad := range [][]byte{whole[:3], whole[:len(head)-2], whole[:len(head)+5], whole[:len(whole)-1], append(bytes.Clone(whole), first...)} {
		o := exampleOptions(t)
		o.Inputs, o.FS = []string{name}, copiesFS{data: map[string][]byte{name: bad}, size: map[string]int64{name: int64(len(data))}}
		if _, err := Run(o); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("copy of %d bytes (whole %d): %v", len(bad), len(whole), err)
		}
	}
	o := exampleOptions(t)
	o.Inputs, o.FS = []string{name}, copiesFS{data: map[string][]byte{name: whole}, size: map[string]int64{name: int64(len(data))}}
	if _, err := Run(o); err != nil {
		t.Errorf("whole copy: %v", err)
	}
}

func mustRead(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzParquetRows: any bytes after the magic of a partial copy give
// records the parser takes or an error, never a panic.
func FuzzParquetRows(f *testing.F) {
	pol := exampleOptions(f).Policy
	rows := exampleRows(f)[:40]
	data := writeTestParquet(f, rows, 16)
	s, err := OpenParquetSplit("x.parquet", bytes.NewReader(data), int64(len(data)), pol.Columns)
	if err != nil {
		f.Fatal(err)
	}
	whole, err := s.Head()
	if err != nil {
		f.Fatal(err)
	}
	if err := s.Split(0, len(s.RowGroupSizes()), func(_ int64, rec, _ []byte) error {
		whole = append(whole, rec...)
		return nil
	}); err != nil {
		f.Fatal(err)
	}
	_ = s.Close()
	f.Add(whole[len(pqRowsMagic):])
	f.Add([]byte{})
	berlin, _ := time.LoadLocation("Europe/Berlin")
	p := newParser(nil, maphash.MakeSeed(), 2, berlin)
	f.Fuzz(func(t *testing.T, rest []byte) {
		br := bufio.NewReader(bytes.NewReader(append([]byte(pqRowsMagic), rest...)))
		pq, err := openParquetRows("x.parquet", br)
		if err != nil {
			return
		}
		src := &source{name: "x.parquet", format: formatParquet, names: pq.columnNames()}
		for seq := 0; ; seq++ {
			chunk, line, err := pq.next(nil)
			if err != nil {
				return
			}
			p.parse(&job{seq: seq, src: src, data: chunk, line: line})
		}
	})
}
