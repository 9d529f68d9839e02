package simulate

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// readBytes runs the readers over data as a file called name.
func readBytes(name string, data []byte) (events, bad int64, err error) {
	c := newChunker(name, bytes.NewReader(data))
	src, err := readSourceHeader(name, c, DefaultColumns())
	if err != nil {
		return 0, 0, err
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	p := newParser(nil, maphash.MakeSeed(), 2, berlin)
	lastLine := int64(0)
	for seq := 0; ; seq++ {
		chunk, line, err := c.next()
		if errors.Is(err, io.EOF) {
			return events, bad, nil
		}
		if err != nil {
			return events, bad, err
		}
		if line < lastLine {
			panic("line numbers go backwards")
		}
		lastLine = line
		res := p.parse(&job{seq: seq, src: src, data: chunk, line: line})
		for _, b := range res.batches {
			for _, e := range b.evs {
				if b.field(e.f[0]) == nil || len(b.field(e.f[2])) == 0 || e.t < minTime || e.t >= maxTime || e.line < line {
					panic("invalid event")
				}
			}
			events += int64(len(b.evs))
		}
		for _, br := range res.bad {
			if br.Line < line || br.Reason == "" {
				panic("invalid bad row")
			}
		}
		if res.events+res.badCount < 0 {
			panic("negative counts")
		}
		bad += res.badCount
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{
		"customer_id,entity_id,timestamp,status\nc1,o1,2026-03-02T10:00:00Z,shipped\n",
		"\xEF\xBB\xBFcustomer_id;timestamp;status\r\nc1;2026-03-02 10:00:00;\"a;b\"\r\n",
		"customer_id\ttimestamp\tstatus\ttimezone\nc1\t1772445600\tx\tEurope/Berlin\nc2\t1772445600000\ty\tMars/Base\n",
		"customer_id,timestamp,status\n\"c\n1\",2026-03-02T10:00:00+01:00,\"a \"\"b\"\"\"\n\"open,2026-03-02T10:00:00Z,x\n",
		"customer_id,timestamp,status\nc1,2026-03-29 02:30:00,a\n,,\nc1,x\"y,a\n",
		"",
		"customer_id",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, _ = readBytes("f.csv", data)
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"customer_id":"c1","timestamp":"2026-03-02T10:00:00Z","status":"a"}` + "\n",
		`{"customer_id":1,"timestamp":1772445600,"status":"\u0061","entity_id":null,"x":{"y":["}"]}}` + "\n\n[1]\nnot json\n",
		`{"customer_id":"c1","timestamp":"2026-03-02 10:00:00","status":"a","timezone":"Europe/Berlin"}`,
		`{"customer_id":["c1"],"timestamp":"x","status":{}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _, _ = readBytes("f.jsonl", data)
	})
}

func FuzzParseTimestamp(f *testing.F) {
	for _, s := range []string{"2026-03-02T10:00:00Z", "2026-03-02 10:00:00.123", "2026-10-25T02:30:00", "1772445600", "1772445600000", "1772445600.5", "2026-03-02T10:00:00+05:30", "x", ""} {
		f.Add(s)
	}
	berlin, _ := time.LoadLocation("Europe/Berlin")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseTimestamp(s, berlin)
		if err != nil {
			return
		}
		// Whatever parses must agree with time.Parse where both apply.
		if u, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(s)); err == nil && u.Year() >= minYear && u.Year() <= maxYear && !u.Equal(got) {
			t.Fatalf("%q: %v, time.Parse %v", s, got, u)
		}
	})
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"30m", "1d12h", "0.5d", "1h30m", "0", "-1h", "9999999999d", "1d-1h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err == nil && d < 0 {
			t.Fatalf("%q: negative %v", s, d)
		}
		if err == nil && !strings.Contains(s, "d") {
			if want, err2 := time.ParseDuration(strings.TrimSpace(s)); err2 != nil || want != d {
				t.Fatalf("%q: %v, time.ParseDuration %v %v", s, d, want, err2)
			}
		}
	})
}

func FuzzParseQuietHours(f *testing.F) {
	for _, s := range []string{"21:00-08:00", "9:30 - 17:45", "23:00-00:00", "08:00-08:00", "a-b", "-", "99:99-00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuietHours(s)
		if err != nil {
			return
		}
		if q.Start < 0 || q.Start >= 24*60 || q.End < 0 || q.End >= 24*60 || q.Start == q.End {
			t.Fatalf("%q: %+v", s, q)
		}
		if q2, err := ParseQuietHours(q.String()); err != nil || q2 != q {
			t.Fatalf("%q: round trip %+v %v", s, q2, err)
		}
	})
}

func FuzzParsePolicy(f *testing.F) {
	f.Add([]byte(issuePolicy))
	f.Add([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"))
	f.Add([]byte("[lint]\nx=1\n[simulate]\ncollapse = 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy(data, "p.toml")
		if err == nil && (p == nil || len(p.Triggers) == 0) {
			t.Fatal("a policy without triggers was accepted")
		}
	})
}

func FuzzParseFailOn(f *testing.F) {
	for _, s := range []string{"p99>5,burst>0", "as_is.total>=10", "mean<1.5", "max==3", "x", ",,", ">1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ths, err := ParseFailOn(s)
		if err != nil {
			return
		}
		(&Report{}).Check(ths)
	})
}

// FuzzReplay replays arbitrary CSV through a policy with every control,
// streaming and held in memory by partition: no panics, and both agree on
// every figure, every per-customer row and every trail.
func FuzzReplay(f *testing.F) {
	f.Add([]byte("customer_id,entity_id,timestamp,status\nc1,o1,2026-03-02 21:10:00,a\nc1,o1,2026-03-02 21:20:00,b\nc1,o2,2026-03-02 21:20:00,a\nc2,,2026-03-29 01:59:00,fin\nc1,o1,2026-03-03 07:59:59,a\n"))
	f.Add([]byte("customer_id,timestamp,status\nc1,1772445600,a\nc1,1772445600,a\nc1,1772445660,b\n"))
	p, err := ParsePolicy([]byte(`[simulate]
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
[[simulate.trigger]]
status = "c"
template = "u"
[simulate.flags]
burst = { count = 2, window = "1h" }
flapping = { window = "1h" }
silent_gap = { after = "30m" }
`), "p")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		// In memory, one replay goroutine each: thousands of runs a minute.
		// a streams (a budget of one byte), b holds the events by partition.
		fsys := fstest.MapFS{"e.csv": {Data: data}}
		a, errA := Run(Options{Inputs: []string{"e.csv"}, FS: fsys, Policy: p, Workers: 1, bufferLimit: 1})
		b, errB := Run(Options{Inputs: []string{"e.csv"}, FS: fsys, Policy: p, Workers: 1, Mode: ModeBuffered})
		if (errA == nil) != (errB == nil) {
			t.Fatalf("modes disagree on errors: %v / %v", errA, errB)
		}
		if errA != nil {
			return
		}
		a.Replay, b.Replay, a.Notes, b.Notes = "", "", nil, nil
		a.merge, b.merge = mergeState{}, mergeState{} // the notes' parts, for Merge
		if !sameReport(a, b) {
			t.Fatalf("modes disagree:\n%+v\n%+v", a, b)
		}
	})
}
