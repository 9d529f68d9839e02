package simulate

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

const pqDir = "testdata/parquet"

// exampleRows reads examples/simulate/events.csv as test-writer rows (the
// timestamps are wall times in the policy's zone, Europe/Berlin).
func exampleRows(t testing.TB) []pqTestRow {
	t.Helper()
	f, err := os.Open("../examples/simulate/events.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	var rows []pqTestRow
	for _, r := range recs[1:] {
		ts, err := ParseTimestamp(r[2], berlin)
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, pqTestRow{cust: r[0], ent: r[1], ts: ts.UnixMicro(), status: r[3]})
	}
	return rows
}

// reportJSON is a report without the fields that name the inputs.
func reportJSON(t *testing.T, r *Report) []byte {
	t.Helper()
	c := *r
	c.Inputs = nil
	c.Fingerprints.Input = ""
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParquetMatchesCSV: every Parquet fixture made from
// examples/simulate/events.csv (DuckDB in each compression, dictionary and
// plain, page v1 and v2, timestamps with and without UTC adjustment in
// milli-, micro- and nanoseconds, Unix seconds and milliseconds; parquet-go
// with INT96, required and optional columns, several row groups and pages;
// a hive-partitioned directory; the test writer) replays to the report of
// the CSV.
func TestParquetMatchesCSV(t *testing.T) {
	opts := exampleOptions(t)
	want, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := reportJSON(t, want)
	written := filepath.Join(t.TempDir(), "test-writer.parquet")
	if err := os.WriteFile(written, writeTestParquet(t, exampleRows(t), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	inputs := []string{written, filepath.Join(pqDir, "hive")}
	files, _ := filepath.Glob(filepath.Join(pqDir, "*.parquet"))
	for _, f := range files {
		if !strings.HasPrefix(filepath.Base(f), "bad-") {
			inputs = append(inputs, f)
		}
	}
	if len(inputs) < 10 {
		t.Fatalf("only %d fixtures: %v", len(inputs), inputs)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			o := opts
			o.Inputs = []string{in}
			got, err := Run(o)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got.Inputs, []string{in}) {
				t.Errorf("inputs %q", got.Inputs)
			}
			if in == filepath.Join(pqDir, "hive") {
				// Customers are split among the buckets: the rows are
				// not in time order across the files.
				got.Notes, got.Replay = want.Notes, want.Replay
			}
			if g := reportJSON(t, got); !bytes.Equal(g, wantJSON) {
				t.Errorf("the report differs from the CSV's:\n%s\n%s", g, wantJSON)
			}
		})
	}
}

// TestParquetHivePartitionValues: a column missing from the files comes
// from the key=value directories (here the status).
func TestParquetHivePartitionValues(t *testing.T) {
	opts := exampleOptions(t)
	want, err := Run(Options{Inputs: []string{"../examples/simulate/events.csv"}, Policy: opts.Policy})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Run(Options{Inputs: []string{filepath.Join(pqDir, "hive-status")}, Policy: opts.Policy})
	if err != nil {
		t.Fatal(err)
	}
	if got.Events != 32 || got.Customers != 3 || got.BadRows.Count != 0 {
		t.Fatalf("events %d customers %d bad %d", got.Events, got.Customers, got.BadRows.Count)
	}
	rows := map[string]CustomerRow{}
	for _, r := range want.CustomerRows() {
		rows[r.ID] = r
	}
	for _, r := range got.CustomerRows() {
		if w := rows[r.ID]; !reflect.DeepEqual(r, w) {
			t.Errorf("%s: %+v, want %+v", r.ID, r, w)
		}
	}
	if n := len(got.CustomerRows()); n != 3 {
		t.Errorf("%d customer rows", n)
	}
}

// TestParquetDirectory: directories give their .parquet files sorted,
// without hidden and underscore files (Spark's _SUCCESS, .crc files).
func TestParquetDirectory(t *testing.T) {
	pq, err := os.ReadFile(filepath.Join(pqDir, "duckdb-snappy-local.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"ds/bucket=2/part-0.parquet":         {Data: pq},
		"ds/bucket=10/part-1.parquet":        {Data: pq},
		"ds/bucket=10/part-0.PARQUET":        {Data: pq},
		"ds/bucket=10/.part-0.parquet.crc":   {Data: []byte("x")},
		"ds/_SUCCESS":                        {Data: nil},
		"ds/_temporary/0/part-9.parquet":     {Data: pq},
		"ds/.hidden/part-9.parquet":          {Data: pq},
		"ds/notes.txt":                       {Data: []byte("x")},
		"empty/_SUCCESS":                     {Data: nil},
		"plain.csv":                          {Data: []byte("customer_id,timestamp,status\n")},
		"ds/bucket=10/sub=a/deep.parquet":    {Data: pq},
		"ds/bucket=10/sub=a/.skip/x.parquet": {Data: pq},
	}
	got, err := expandInputs([]string{"plain.csv", "ds", "-"}, fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"plain.csv", "ds/bucket=10/part-0.PARQUET", "ds/bucket=10/part-1.parquet", "ds/bucket=10/sub=a/deep.parquet", "ds/bucket=2/part-0.parquet", "-"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := expandInputs([]string{"empty"}, fsys); err == nil || !strings.Contains(err.Error(), "empty is a directory without .parquet files") {
		t.Errorf("empty directory: %v", err)
	}
	opts := exampleOptions(t)
	r, err := Run(Options{Inputs: []string{"ds"}, Policy: opts.Policy, FS: fsys})
	if err != nil {
		t.Fatal(err)
	}
	if r.Events != 4*2327 || !slices.Equal(r.Inputs, []string{"ds"}) {
		t.Errorf("events %d inputs %q", r.Events, r.Inputs)
	}
}

// TestParquetStdin: Parquet on standard input is recognised by its magic
// bytes and read into memory.
func TestParquetStdin(t *testing.T) {
	pq, err := os.ReadFile(filepath.Join(pqDir, "duckdb-zstd-utc.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	opts := exampleOptions(t)
	want, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Inputs, opts.Stdin = []string{"-"}, bytes.NewReader(pq)
	got, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	got.Replay, got.Notes = want.Replay, want.Notes
	if !bytes.Equal(reportJSON(t, got), reportJSON(t, want)) {
		t.Error("Parquet from stdin differs from the CSV")
	}
}

// TestParquetBadInput: bad files give an error naming the file (and the
// row group, column and row when known), never a panic; a null in a
// required column is a bad row with its row number.
func TestParquetBadInput(t *testing.T) {
	good, err := os.ReadFile(filepath.Join(pqDir, "duckdb-snappy-local.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte {
		b := bytes.Clone(good)
		for i := at; i < at+16 && i < len(b)-8; i++ {
			b[i] ^= 0x5a
		}
		return b
	}
	footerLen := int(good[len(good)-8]) | int(good[len(good)-7])<<8
	withCRC := writeTestParquet(t, exampleRows(t)[:20], 10)
	withCRC[len(withCRC)/3] ^= 1
	cases := []struct {
		name    string
		data    []byte
		fixture string
		columns func(*Columns)
		strict  bool
		want    string
	}{
		{name: "missing.parquet", data: good, columns: func(c *Columns) { c.Status = "state" },
			want: `missing.parquet: missing column "state" (columns: customer_id, entity_id, timestamp, status); name another column with [simulate.columns] status = "..."`},
		{fixture: "bad-status-int32.parquet", want: `bad-status-int32.parquet: column "status" (status): the column is INT32; want a string (BYTE_ARRAY)`},
		{name: "footer.parquet", data: flip(len(good) - 8 - footerLen + 10), want: "footer.parquet: corrupt Parquet footer: "},
		{name: "truncated.parquet", data: good[:len(good)/2], want: "truncated.parquet: truncated or corrupt Parquet file: it does not end with PAR1"},
		{name: "tiny.parquet", data: []byte("PAR1PAR1"), want: "tiny.parquet: truncated Parquet file (8 bytes)"},
		{name: "footerlen.parquet", data: append(append([]byte("PAR1"), bytes.Repeat([]byte{0}, 8)...), 0xff, 0xff, 0, 0, 'P', 'A', 'R', '1'), want: "footerlen.parquet: corrupt Parquet footer: 65535 bytes in a file of 20"},
		{name: "pages.parquet", data: flip(100), want: `pages.parquet: row group 1 of 1, column "customer_id", row 1: `},
		{name: "crc.parquet", data: withCRC, want: `crc.parquet: row group 2 of 2, column "customer_id", row 11: page checksum mismatch (corrupt page)`},
		{name: "text.parquet", data: []byte("customer_id,timestamp,status\n"), want: "text.parquet: not a Parquet file (it does not start with PAR1)"},
		{fixture: "bad-null-customer.parquet", strict: true, want: "bad-null-customer.parquet:3: customer_id is null (--strict stops at the first bad row)"},
	}
	for _, c := range cases {
		name := c.name
		if c.fixture != "" {
			name = c.fixture
		}
		t.Run(name, func(t *testing.T) {
			data := c.data
			if c.fixture != "" {
				if data, err = os.ReadFile(filepath.Join(pqDir, c.fixture)); err != nil {
					t.Fatal(err)
				}
			}
			p := *exampleOptions(t).Policy
			if c.columns != nil {
				c.columns(&p.Columns)
			}
			_, err := Run(Options{Inputs: []string{name}, Policy: &p, FS: fstest.MapFS{name: {Data: data}}, Strict: c.strict})
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestParquetNullIsBadRow: without --strict, a null customer id is a
// skipped row with its row number.
func TestParquetNullIsBadRow(t *testing.T) {
	opts := exampleOptions(t)
	r, err := Run(Options{Inputs: []string{filepath.Join(pqDir, "bad-null-customer.parquet")}, Policy: opts.Policy})
	if err != nil {
		t.Fatal(err)
	}
	if r.Events != 4 || r.BadRows.Count != 1 || r.BadRows.First[0].Line != 3 || r.BadRows.First[0].Reason != "customer_id is null" {
		t.Errorf("events %d bad %+v", r.Events, r.BadRows)
	}
}

// TestParquetTimeText: typed times become text that parseTimestamp reads
// back to the same instant (or wall time), on both sides of 1970.
func TestParquetTimeText(t *testing.T) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	for _, s := range []string{"1950-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z", "2026-03-29T01:30:00.5Z", "2199-12-31T23:59:59Z"} {
		tm, _ := time.Parse(time.RFC3339Nano, s)
		if got := string(appendTimeText(nil, tm.UnixNano(), true)); got != strings.Replace(s, ".5Z", ".500000000Z", 1) {
			t.Errorf("%s: %s", s, got)
		}
		wall := appendTimeText(nil, tm.UnixNano(), false)
		ns, err := parseTimestamp(wall, newZone(berlin))
		if err != nil {
			t.Fatal(err)
		}
		if w := time.Date(tm.Year(), tm.Month(), tm.Day(), tm.Hour(), tm.Minute(), tm.Second(), tm.Nanosecond(), berlin); ns != w.UnixNano() && tm.Format("01-02") != "03-29" {
			t.Errorf("%s as wall time: %v, want %v", s, time.Unix(0, ns), w)
		}
	}
}

// TestParquetColumnTypes: which physical and logical types fill which column.
func TestParquetColumnTypes(t *testing.T) {
	ts := func(utc bool, unit format.TimeUnitValue) format.LogicalType {
		return format.LogicalType{Value: &format.TimestampType{IsAdjustedToUTC: utc, Unit: format.TimeUnit{Value: unit}}}
	}
	cases := []struct {
		slot int
		el   format.SchemaElement
		kind pqKind
		unit int64
		err  string
	}{
		{slot: colCust, el: format.SchemaElement{Type: thrift.New(format.ByteArray)}, kind: pqString},
		{slot: colCust, el: format.SchemaElement{Type: thrift.New(format.Int64)}, kind: pqInt},
		{slot: colEnt, el: format.SchemaElement{Type: thrift.New(format.Int32), ConvertedType: thrift.New(deprecated.Uint32)}, kind: pqInt},
		{slot: colCust, el: format.SchemaElement{Type: thrift.New(format.Int32), ConvertedType: thrift.New(deprecated.Date)}, err: "the column is INT32 DATE; want a string or an integer"},
		{slot: colCust, el: format.SchemaElement{Type: thrift.New(format.Double)}, err: "the column is DOUBLE; want a string or an integer"},
		{slot: colStatus, el: format.SchemaElement{Type: thrift.New(format.Int32)}, err: "the column is INT32; want a string (BYTE_ARRAY)"},
		{slot: colZone, el: format.SchemaElement{Type: thrift.New(format.FixedLenByteArray)}, err: "the column is FIXED_LEN_BYTE_ARRAY; want a string (BYTE_ARRAY)"},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int64), LogicalType: ts(true, &format.MicroSeconds{})}, kind: pqTimeUTC, unit: 1e3},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int64), LogicalType: ts(false, &format.MilliSeconds{})}, kind: pqTimeLocal, unit: 1e6},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int64), LogicalType: ts(true, &format.NanoSeconds{})}, kind: pqTimeUTC, unit: 1},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int64), ConvertedType: thrift.New(deprecated.TimestampMillis)}, kind: pqTimeUTC, unit: 1e6},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int64)}, kind: pqInt},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int96)}, kind: pqTimeUTC},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.ByteArray), ConvertedType: thrift.New(deprecated.UTF8)}, kind: pqString},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.Int32), ConvertedType: thrift.New(deprecated.Date)}, err: "the column is INT32 DATE; want a TIMESTAMP, INT96, Unix seconds or milliseconds (INT64) or a string"},
		{slot: colTS, el: format.SchemaElement{Type: thrift.New(format.ByteArray), RepetitionType: thrift.New(format.Repeated)}, err: "a repeated (list) column; want one value per row"},
	}
	for i, c := range cases {
		c.el.Name = "c"
		spec, err := columnSpec(c.slot, pqField{el: &c.el})
		switch {
		case c.err != "":
			if err == nil || err.Error() != c.err {
				t.Errorf("%d: got %v, want %s", i, err, c.err)
			}
		case err != nil:
			t.Errorf("%d: %v", i, err)
		case spec.kind != c.kind || spec.unit != c.unit && c.unit != 0:
			t.Errorf("%d: kind %d unit %d, want %d %d", i, spec.kind, spec.unit, c.kind, c.unit)
		}
	}
	if _, err := columnSpec(colCust, pqField{el: &format.SchemaElement{Name: "g"}, group: true}); err == nil || err.Error() != "a nested group; want a flat column" {
		t.Errorf("group: %v", err)
	}
}

// TestRLEDecode: the RLE/bit-packed hybrid, including widths 0 and 32 and
// truncated input.
func TestRLEDecode(t *testing.T) {
	cases := []struct {
		src  []byte
		w    uint
		n    int
		want []uint32
		err  bool
	}{
		{src: []byte{6, 7}, w: 3, n: 3, want: []uint32{7, 7, 7}},                               // run of 3 sevens
		{src: []byte{2 << 1}, w: 0, n: 2, want: []uint32{0, 0}},                                // width 0: no value bytes
		{src: []byte{3, 0x88, 0xc6, 0xfa}, w: 3, n: 8, want: []uint32{0, 1, 2, 3, 4, 5, 6, 7}}, // the spec's example
		{src: []byte{3, 0x88, 0xc6, 0xfa}, w: 3, n: 5, want: []uint32{0, 1, 2, 3, 4}},          // padding ignored
		{src: []byte{2, 0xff, 0xff, 0xff, 0xff}, w: 32, n: 1, want: []uint32{0xffffffff}},
		{src: []byte{3, 0x88}, w: 3, n: 8, err: true}, // truncated bit-packed run
		{src: []byte{4, 9}, w: 3, n: 2, err: true},    // run value wider than 3 bits
		{src: []byte{2, 1}, w: 1, n: 2, err: true},    // one value, two wanted
		{src: []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1}, w: 1, n: 1, err: true},
	}
	for i, c := range cases {
		got, err := rleDecode(nil, c.src, c.w, c.n)
		if (err != nil) != c.err || !c.err && !slices.Equal(got, c.want) {
			t.Errorf("%d: got %v %v, want %v (error %v)", i, got, err, c.want, c.err)
		}
	}
}

// TestPlainByteArraysTruncated: a length running past the page is an
// error (the library's PLAIN decoder slices past its input here).
func TestPlainByteArraysTruncated(t *testing.T) {
	src := []byte{1, 0, 0, 0, 'a', 5, 0, 0, 0, 'b'}
	got, err := plainByteArrays(nil, src, 2)
	if err == nil || len(got) != 1 || string(got[0]) != "a" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := rleDecode(nil, []byte{4<<1 | 1, 1, 2}, 8, 32); err == nil {
		t.Error("truncated bit-packed run: no error")
	}
}
