package simulate

import (
	"bytes"
	"encoding/csv"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/notelint/notelint/simulate/internal/synth"
)

// FuzzParquetReader: any bytes give rows or an error naming the file,
// never a panic, with memory bounded by the page limit (1 MiB here).
func FuzzParquetReader(f *testing.F) {
	for _, name := range []string{"bad-null-customer.parquet", "bad-status-int32.parquet"} {
		b, err := os.ReadFile(filepath.Join(pqDir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	rows := exampleRows(f)[:40]
	f.Add(writeTestParquet(f, rows, 16))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := openParquet("fuzz.parquet", bytes.NewReader(data), int64(len(data)), DefaultColumns())
		if err != nil {
			return
		}
		defer func() { _ = r.Close() }()
		r.dec.limit = 1 << 20
		src := &source{name: "fuzz.parquet", format: formatParquet, names: r.columnNames()}
		p := newParser(nil, maphash.MakeSeed(), 1, time.UTC)
		for seq := 0; r.row < 100_000; seq++ {
			chunk, line, err := r.next(nil)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				if !bytes.HasPrefix([]byte(err.Error()), []byte("fuzz.parquet: ")) {
					t.Fatalf("error without the file name: %v", err)
				}
				return
			}
			p.parse(&job{seq: seq, src: src, data: chunk, line: line})
		}
	})
}

// BenchmarkParquetVsCSV reads and parses (one goroutine each, no replay)
// the same 1,000,000 events as CSV and as Parquet (the test writer's
// layout: dictionary-encoded strings, TIMESTAMP(MICROS, UTC), snappy,
// 122,880 rows per row group as DuckDB writes them) and reports the time
// of Parquet as a ratio to CSV's.
func BenchmarkParquetVsCSV(b *testing.B) {
	const n = 1_000_000
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Config{Events: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	csvData := buf.Bytes()
	recs, err := csv.NewReader(bytes.NewReader(csvData)).ReadAll()
	if err != nil {
		b.Fatal(err)
	}
	rows := make([]pqTestRow, 0, n)
	for _, r := range recs[1:] {
		ts, err := time.Parse(time.RFC3339Nano, r[2])
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, pqTestRow{cust: r[0], ent: r[1], ts: ts.UnixMicro(), status: r[3]})
	}
	pqData := writeTestParquet(b, rows, 122_880)
	b.Logf("CSV %d bytes, Parquet %d bytes", len(csvData), len(pqData))
	var tCSV, tPQ time.Duration
	for b.Loop() {
		t0 := time.Now()
		if got := parseAll(b, "b.csv", csvData); got != n {
			b.Fatalf("CSV: %d events", got)
		}
		t1 := time.Now()
		if got := parseAll(b, "b.parquet", pqData); got != n {
			b.Fatalf("Parquet: %d events", got)
		}
		tCSV += t1.Sub(t0)
		tPQ += time.Since(t1)
	}
	b.ReportMetric(float64(n)*float64(b.N)/tCSV.Seconds(), "csv-events/s")
	b.ReportMetric(float64(n)*float64(b.N)/tPQ.Seconds(), "parquet-events/s")
	b.ReportMetric(tPQ.Seconds()/tCSV.Seconds(), "parquet/csv")
}

// parseAll reads and parses an events file held in memory on one
// goroutine and returns the number of events.
func parseAll(b *testing.B, name string, data []byte) int64 {
	fsys := fstest.MapFS{name: {Data: data}}
	src, c, closer, err := openSource(name, nil, fsys, DefaultColumns())
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = closer.Close() }()
	p := newParser(nil, maphash.MakeSeed(), 2, time.UTC)
	var events int64
	for seq := 0; ; seq++ {
		chunk, line, err := c.next()
		if errors.Is(err, io.EOF) {
			return events
		}
		if err != nil {
			b.Fatal(err)
		}
		res := p.parse(&job{seq: seq, src: src, data: chunk, line: line})
		events += res.events
	}
}
