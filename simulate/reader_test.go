package simulate

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

type readEvent struct {
	cust, ent, status, zone string
	t                       time.Time
	line                    int64
}

// readAll runs the readers alone over one input.
func readAll(t testing.TB, name string, stdin io.Reader, cols Columns) ([]readEvent, []BadRow, int64, error) {
	t.Helper()
	src, ch, closer, err := openSource(name, stdin, nil, cols)
	if err != nil {
		return nil, nil, 0, err
	}
	defer closer.Close()
	p := newParser(nil, maphash.MakeSeed(), 1, time.UTC)
	var evs []readEvent
	var bad []BadRow
	var badCount int64
	for seq := 0; ; seq++ {
		data, line, err := ch.next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, 0, err
		}
		res := p.parse(&job{seq: seq, src: src, data: data, line: line})
		b := res.batches[0]
		for _, e := range b.evs {
			evs = append(evs, readEvent{string(b.field(e.f[0])), string(b.field(e.f[1])), string(b.field(e.f[2])), string(b.field(e.f[3])), time.Unix(0, e.t).UTC(), e.line})
		}
		bad = append(bad, res.bad...)
		badCount += res.badCount
	}
	return evs, bad, badCount, nil
}

func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func evString(evs []readEvent) string {
	var b strings.Builder
	for _, e := range evs {
		fmt.Fprintf(&b, "%d:%s|%s|%s|%s|%s\n", e.line, e.cust, e.ent, e.status, e.zone, e.t.Format(time.RFC3339))
	}
	return b.String()
}

func TestReadCSVDialects(t *testing.T) {
	want := "2:c1|o1|shipped||2026-03-02T10:00:00Z\n3:c2|o 2|delayed, again||2026-03-02T11:00:00Z\n"
	tests := []struct{ name, content string }{
		{"comma", "customer_id,entity_id,timestamp,status\nc1,o1,2026-03-02T10:00:00Z,shipped\nc2,o 2,2026-03-02T11:00:00Z,\"delayed, again\"\n"},
		{"semicolon", "customer_id;entity_id;timestamp;status\nc1;o1;2026-03-02T10:00:00Z;shipped\nc2;o 2;2026-03-02T11:00:00Z;delayed, again\n"},
		{"tab", "customer_id\tentity_id\ttimestamp\tstatus\nc1\to1\t2026-03-02T10:00:00Z\tshipped\nc2\to 2\t2026-03-02T11:00:00Z\tdelayed, again\n"},
		{"crlf+bom", "\xEF\xBB\xBFcustomer_id,entity_id,timestamp,status\r\nc1,o1,2026-03-02T10:00:00Z,shipped\r\nc2,o 2,2026-03-02T11:00:00Z,\"delayed, again\"\r\n"},
		{"no final newline", "customer_id,entity_id,timestamp,status\nc1,o1,2026-03-02T10:00:00Z,shipped\nc2,o 2,2026-03-02T11:00:00Z,\"delayed, again\""},
		{"quoted header and spaces", "\"customer_id\", entity_id ,timestamp,status\n c1 ,o1, 2026-03-02T10:00:00Z ,shipped\nc2,o 2,2026-03-02T11:00:00Z,\"delayed, again\"\n"},
		{"reordered, extra columns", "note,status,timestamp,entity_id,customer_id\nx,shipped,2026-03-02T10:00:00Z,o1,c1\n\"a \"\"b\"\"\",\"delayed, again\",2026-03-02T11:00:00Z,o 2,c2\n"},
		{"case-insensitive header", "Customer_ID,Entity_Id,TIMESTAMP,Status\nc1,o1,2026-03-02T10:00:00Z,shipped\nc2,o 2,2026-03-02T11:00:00Z,\"delayed, again\"\n"},
	}
	for _, tc := range tests {
		evs, bad, _, err := readAll(t, writeFile(t, "e.csv", tc.content), nil, DefaultColumns())
		if err != nil || len(bad) > 0 {
			t.Errorf("%s: %v %v", tc.name, err, bad)
			continue
		}
		if got := evString(evs); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", tc.name, got, want)
		}
	}
}

func TestReadCSVMultilineQuotedAndLineNumbers(t *testing.T) {
	content := "customer_id,timestamp,status,comment\n" +
		"c1,2026-03-02T10:00:00Z,a,\"line one\nline two, with \"\"quotes\"\"\"\n" +
		"\n" +
		"c2,2026-03-02T10:00:00Z,b,plain\n" +
		"c3,not-a-time,b,plain\n"
	evs, bad, n, err := readAll(t, writeFile(t, "e.csv", content), nil, DefaultColumns())
	if err != nil {
		t.Fatal(err)
	}
	if got := evString(evs); got != "2:c1||a||2026-03-02T10:00:00Z\n5:c2||b||2026-03-02T10:00:00Z\n" {
		t.Errorf("events:\n%s", got)
	}
	if n != 1 || bad[0].Line != 6 || !strings.Contains(bad[0].Reason, `timestamp: unparsable timestamp "not-a-time"`) {
		t.Errorf("bad rows = %d %+v", n, bad)
	}
}

// TestReadCSVChunkBoundaries makes quoted records with newlines straddle the
// chunk boundaries and checks every event and line number.
func TestReadCSVChunkBoundaries(t *testing.T) {
	var b strings.Builder
	b.WriteString("customer_id,timestamp,status,comment\n")
	line := int64(2)
	var want strings.Builder
	for i := 0; b.Len() < 3*chunkSize+1000; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&b, "c%d,2026-03-02T10:00:00Z,s,\"multi\nline %s\"\n", i, strings.Repeat("x", i%300))
			fmt.Fprintf(&want, "%d:c%d||s||2026-03-02T10:00:00Z\n", line, i)
			line += 2
			continue
		}
		fmt.Fprintf(&b, "c%d,2026-03-02T10:00:00Z,s,%s\n", i, strings.Repeat("y", i%500))
		fmt.Fprintf(&want, "%d:c%d||s||2026-03-02T10:00:00Z\n", line, i)
		line++
	}
	evs, bad, _, err := readAll(t, writeFile(t, "e.csv", b.String()), nil, DefaultColumns())
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	if got := evString(evs); got != want.String() {
		t.Errorf("events differ (%d events read)", len(evs))
	}
}

func TestReadGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, _ = zw.Write([]byte("customer_id,timestamp,status\nc1,1772445600,a\n"))
	_ = zw.Close()
	for _, name := range []string{"e.csv.gz", "events-export"} {
		path := writeFile(t, name, buf.String())
		evs, _, _, err := readAll(t, path, nil, DefaultColumns())
		if err != nil || evString(evs) != "2:c1||a||2026-03-02T10:00:00Z\n" {
			t.Errorf("%s: %v %s", name, err, evString(evs))
		}
	}
	path := writeFile(t, "broken.csv.gz", buf.String()[:buf.Len()-6])
	if _, _, _, err := readAll(t, path, nil, DefaultColumns()); err == nil || !strings.Contains(err.Error(), "broken.csv.gz") {
		t.Errorf("truncated gzip: %v", err)
	}
}

func TestReadJSONL(t *testing.T) {
	content := `{"customer_id":"c1","entity_id":"o1","timestamp":"2026-03-02T10:00:00Z","status":"shipped","extra":{"a":[1,2,"}"]}}
{"customer_id": 42, "timestamp": 1772445600000, "status": "de\u006cayed", "entity_id": null}

{"customer_id":"c3","timestamp":"2026-03-02 11:00:00","status":"x","timezone":"Europe/Berlin"}
{"customer_id":"c4","timestamp":"2026-03-02T10:00:00Z"}
{"customer_id":["c5"],"timestamp":"2026-03-02T10:00:00Z","status":"x"}
not json
{"customer_id":"c7","timestamp":"2026-03-02T10:00:00Z","status":"x","timezone":"Mars/Base"}
[1,2]
`
	evs, bad, n, err := readAll(t, writeFile(t, "e.jsonl", content), nil, DefaultColumns())
	if err != nil {
		t.Fatal(err)
	}
	want := "1:c1|o1|shipped||2026-03-02T10:00:00Z\n2:42||delayed||2026-03-02T10:00:00Z\n4:c3||x|Europe/Berlin|2026-03-02T11:00:00Z\n"
	if got := evString(evs); got != want {
		t.Errorf("events:\n%s\nwant\n%s", got, want)
	}
	var reasons []string
	for _, b := range bad {
		reasons = append(reasons, fmt.Sprintf("%d %s", b.Line, b.Reason))
	}
	wantBad := []string{"5 missing status", "6 customer_id: want a string or a number, found an array", "7 invalid JSON", "8 unknown time zone \"Mars/Base\"", "9 not a JSON object"}
	if n != 5 {
		t.Errorf("bad count = %d", n)
	}
	for i, w := range wantBad {
		if i >= len(reasons) || !strings.HasPrefix(reasons[i], w) {
			t.Errorf("bad row %d = %v, want prefix %q", i, reasons, w)
		}
	}
	// A file without a telling extension is sniffed.
	evs, _, _, err = readAll(t, writeFile(t, "events.log", content), nil, DefaultColumns())
	if err != nil || len(evs) != 3 {
		t.Errorf("sniffed JSON Lines: %v, %d events", err, len(evs))
	}
}

func TestReadColumnMapping(t *testing.T) {
	cols := DefaultColumns()
	cols.CustomerID, cols.EntityID, cols.Status, cols.entityExplicit = "kunde", "auftrag", "zustand", true
	content := "kunde;auftrag;timestamp;zustand\nk1;a1;2026-03-02T10:00:00Z;versandt\n"
	evs, _, _, err := readAll(t, writeFile(t, "e.csv", content), nil, cols)
	if err != nil || evString(evs) != "2:k1|a1|versandt||2026-03-02T10:00:00Z\n" {
		t.Errorf("%v %s", err, evString(evs))
	}
	_, _, _, err = readAll(t, writeFile(t, "e.csv", "kunde;timestamp;zustand\nk1;2026-03-02T10:00:00Z;x\n"), nil, cols)
	if err == nil || !strings.Contains(err.Error(), `e.csv:1: missing column "auftrag" (header: kunde, timestamp, zustand)`) {
		t.Errorf("explicit entity column missing: %v", err)
	}
}

func TestReadHeaderErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"missing column", "customer_id,time,status\n", `missing column "timestamp" (header: customer_id, time, status); name another column with [simulate.columns] timestamp = "..."`},
		{"empty", "", "empty file"},
		{"blank lines only", "\n\r\n \n", "empty file"},
		{"bom only", "\xEF\xBB\xBF", "empty file"},
		{"duplicate column", "customer_id,timestamp,status,status\n", `column "status" appears twice`},
	}
	for _, tc := range tests {
		_, _, _, err := readAll(t, writeFile(t, "e.csv", tc.content), nil, DefaultColumns())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

func TestReadBadRows(t *testing.T) {
	content := "customer_id,entity_id,timestamp,status,timezone\n" +
		"c1,o1,2026-03-02T10:00:00Z,a,\n" +
		"c1,o1,2026-03-02T10:00:00Z\n" + // too few fields
		",o1,2026-03-02T10:00:00Z,a,\n" + // empty customer
		"c1,o1,,a,\n" + // empty timestamp
		"c1,o1,yesterday,a,\n" +
		"c1,o1,2026-03-02T10:00:00Z,,\n" +
		"c1,o1,2026-03-02T10:00:00Z,a,Mars/Base\n" +
		"c1,o1,2026-03-02T10:00:00Z,\"a\"b,\n" +
		"c1,o1,1949-01-01 00:00:00,a,\n"
	evs, bad, n, err := readAll(t, writeFile(t, "e.csv", content), nil, DefaultColumns())
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || n != 8 || len(bad) != maxBadKept {
		t.Fatalf("events %d, bad %d (%v)", len(evs), n, bad)
	}
	want := []string{
		"e.csv:3: 3 fields, the header has 5",
		"e.csv:4: empty customer_id",
		"e.csv:5: empty timestamp",
		`e.csv:6: timestamp: unparsable timestamp "yesterday"`,
		"e.csv:7: empty status",
	}
	for i, w := range want {
		if got := bad[i].String(); !strings.HasSuffix(got, w[len("e.csv"):]) || !strings.Contains(got, w[:len("e.csv")]) {
			if !strings.Contains(got, w[len("e.csv"):]) {
				t.Errorf("bad[%d] = %q, want %q", i, got, w)
			}
		}
	}
}

func TestReadLongLine(t *testing.T) {
	long := strings.Repeat("x", 10<<20)
	content := "customer_id,timestamp,status\nc1,2026-03-02T10:00:00Z," + long + "\nc2,2026-03-02T10:00:00Z,\"" + long + "\"\nc3,2026-03-02T10:00:00Z,a\n"
	evs, bad, _, err := readAll(t, writeFile(t, "e.csv", content), nil, DefaultColumns())
	if err != nil || len(bad) > 0 || len(evs) != 3 || len(evs[0].status) != 10<<20 || len(evs[1].status) != 10<<20 || evs[2].line != 4 {
		t.Fatalf("10 MB lines: %v %v %d", err, bad, len(evs))
	}
	if testing.Short() {
		return
	}
	huge := "customer_id,timestamp,status\nc1,2026-03-02T10:00:00Z," + strings.Repeat("x", maxRecord+10) + "\n"
	_, _, _, err = readAll(t, writeFile(t, "e.csv", huge), nil, DefaultColumns())
	if err == nil || !strings.Contains(err.Error(), "e.csv:2: record longer than 64 MiB") {
		t.Errorf("huge line: %v", err)
	}
}

func TestReadUnterminatedQuote(t *testing.T) {
	content := "customer_id,timestamp,status\nc1,2026-03-02T10:00:00Z,a\nc2,2026-03-02T10:00:00Z,\"open\nc3,2026-03-02T10:00:00Z,a\n"
	evs, bad, n, err := readAll(t, writeFile(t, "e.csv", content), nil, DefaultColumns())
	if err != nil || len(evs) != 1 || n != 1 || bad[0].Line != 3 || !strings.Contains(bad[0].Reason, "malformed CSV") {
		t.Errorf("%v %d %v", err, len(evs), bad)
	}
}

func TestReadStdin(t *testing.T) {
	evs, _, _, err := readAll(t, "-", strings.NewReader("customer_id,timestamp,status\nc1,2026-03-02T10:00:00Z,a\n"), DefaultColumns())
	if err != nil || len(evs) != 1 {
		t.Errorf("%v %d", err, len(evs))
	}
}

// TestInvalidUTF8IsABadRow: ids and statuses that are not UTF-8 would be
// written as raw bytes to CSV and as U+FFFD to JSON; such a row is skipped
// and counted with its line, like any other bad row.
func TestInvalidUTF8IsABadRow(t *testing.T) {
	for _, tc := range []struct {
		name, content, want string
	}{
		{"e.csv", "customer_id,entity_id,timestamp,status\nc\xff1,o1,1772445600,a\nc2,o\xfe,1772445600,a\nc3,o1,1772445600,\xc3(\nc4,o1,1772445600,a\n", "customer_id is not valid UTF-8"},
		{"e.jsonl", "{\"customer_id\":\"c\xff1\",\"timestamp\":1772445600,\"status\":\"a\"}\n{\"customer_id\":\"c2\",\"entity_id\":\"o\xfe\",\"timestamp\":1772445600,\"status\":\"a\"}\n{\"customer_id\":\"c3\",\"timestamp\":1772445600,\"status\":\"\xc3(\"}\n{\"customer_id\":\"c4\",\"timestamp\":1772445600,\"status\":\"a\"}\n", "customer_id is not valid UTF-8"},
	} {
		evs, bad, n, err := readAll(t, writeFile(t, tc.name, tc.content), nil, DefaultColumns())
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(evs) != 1 || evs[0].cust != "c4" || n != 3 {
			t.Errorf("%s: %d events, %d bad rows, want c4 only and 3 bad", tc.name, len(evs), n)
			continue
		}
		lines := []int64{bad[0].Line, bad[1].Line, bad[2].Line}
		first := int64(2)
		if strings.HasSuffix(tc.name, ".jsonl") {
			first = 1
		}
		if lines[0] != first || lines[1] != first+1 || lines[2] != first+2 || bad[0].Reason != tc.want ||
			bad[1].Reason != "entity_id is not valid UTF-8" || bad[2].Reason != "status is not valid UTF-8" {
			t.Errorf("%s: bad rows %v", tc.name, bad)
		}
	}
}

// TestIsASCII: a byte of 0x80 or above anywhere, in the 8-byte words or the
// tail, makes a record non-ASCII (its fields then get the UTF-8 check).
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		b := []byte(strings.Repeat("a", n))
		if !isASCII(b) {
			t.Errorf("%d ASCII bytes: not ASCII", n)
		}
		for i := 0; i < n; i++ {
			for _, c := range []byte{0x80, 0xc3, 0xff} {
				b[i] = c
				if isASCII(b) {
					t.Errorf("byte %#x at %d of %d: ASCII", c, i, n)
				}
			}
			b[i] = 0x7f
			if !isASCII(b) {
				t.Errorf("0x7f at %d of %d: not ASCII", i, n)
			}
			b[i] = 'a'
		}
	}
}
