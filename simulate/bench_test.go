package simulate

import (
	"bytes"
	"hash/maphash"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/notelint/notelint/simulate/internal/synth"
)

// benchEvents is the size of the synthetic streams the benchmarks replay.
// The whole-process figures for 10 M events are in the README section.
const benchEvents = 500_000

var benchFiles sync.Map // order -> path

// benchFile writes (once per test binary) a synthetic stream in the given order.
func benchFile(b *testing.B, order string) string {
	b.Helper()
	if p, ok := benchFiles.Load(order); ok {
		return p.(string)
	}
	dir, err := os.MkdirTemp("", "simbench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "events-"+order+".csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := synth.Write(f, synth.Config{Events: benchEvents, Seed: 1, Order: order}); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	benchFiles.Store(order, path)
	return path
}

func benchPolicy(b *testing.B) *Policy {
	b.Helper()
	p, err := ParsePolicy([]byte(`[simulate]
timezone = "Europe/Berlin"
final = ["delivered"]
dedupe = true
collapse = "30m"
quiet_hours = "21:00-08:00"
min_gap = "2h"
max_per_day = 3
[[simulate.trigger]]
status = "shipped"
template = "delivery-shipped"
[[simulate.trigger]]
status = "delayed"
template = "delivery-delayed"
[[simulate.trigger]]
status = "out_for_delivery"
template = "delivery-today"
[[simulate.trigger]]
status = "delivered"
template = "delivery-done"
[simulate.flags]
burst = { count = 3, window = "1h" }
flapping = { window = "24h" }
silent_gap = { after = "48h" }
`), "bench")
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func benchRun(b *testing.B, order string, mode Mode) {
	path := benchFile(b, order)
	p := benchPolicy(b)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ResetTimer()
	for b.Loop() {
		r, err := Run(Options{Inputs: []string{path}, Policy: p, Mode: mode})
		if err != nil {
			b.Fatal(err)
		}
		if r.Events != benchEvents {
			b.Fatalf("%d events", r.Events)
		}
	}
	b.ReportMetric(float64(benchEvents)*float64(b.N)/b.Elapsed().Seconds(), "events/s")
}

// BenchmarkReplaySorted replays a time-sorted stream with every control and
// flag on (partitioned in-memory replay).
func BenchmarkReplaySorted(b *testing.B) { benchRun(b, synth.ByTime, ModeAuto) }

// BenchmarkReplayUnsorted replays a shuffled stream (partitioned in-memory
// replay, each customer's rows sorted).
func BenchmarkReplayUnsorted(b *testing.B) { benchRun(b, synth.Random, ModeAuto) }

// BenchmarkReplaySortedStream forces the streaming replay (the one for
// inputs larger than the buffer budget) on sorted input.
func BenchmarkReplaySortedStream(b *testing.B) { benchRun(b, synth.ByTime, ModeStream) }

// BenchmarkParseCSV measures the CSV reader alone (one goroutine).
func BenchmarkParseCSV(b *testing.B) {
	var buf bytes.Buffer
	if err := synth.Write(&buf, synth.Config{Events: 100_000, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		c := newChunker("b.csv", bytes.NewReader(data))
		src, err := readSourceHeader("b.csv", c, DefaultColumns())
		if err != nil {
			b.Fatal(err)
		}
		p := newParser(nil, maphash.MakeSeed(), 2, time.UTC)
		for seq := 0; ; seq++ {
			chunk, line, err := c.next()
			if err != nil {
				break
			}
			p.parse(&job{seq: seq, src: src, data: chunk, line: line})
		}
	}
}

// BenchmarkParseTimestamp measures the fixed-width timestamp readers.
func BenchmarkParseTimestamp(b *testing.B) {
	berlin, _ := time.LoadLocation("Europe/Berlin")
	z := newZone(berlin)
	inputs := [][]byte{[]byte("2026-03-02T10:00:00Z"), []byte("2026-03-02 10:00:00"), []byte("2026-03-02T10:00:00.123+01:00"), []byte("1772445600")}
	for b.Loop() {
		for _, in := range inputs {
			if _, err := parseTimestamp(in, z); err != nil {
				b.Fatal(err)
			}
		}
	}
}
