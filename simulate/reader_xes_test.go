package simulate

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/notelint/notelint/simulate/internal/xeslog"
)

// helpdeskLog is the real help-desk log (see ../shared/data/README.md); the
// tests that need it skip when it is absent.
const helpdeskLog = "../../shared/data/helpdesk_tickets.csv.gz"

// xesDoc is a hand-written log with what exporters write around the
// events: extensions, globals, classifiers, log attributes, nested and
// list attributes (whose inner concept:name must not count), an event
// outside any trace, and timestamps with and without milliseconds.
const xesDoc = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- exported by a process-mining tool -->
<log xes.version="1849-2016" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">
	<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
	<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
	<global scope="trace"><string key="concept:name" value="__INVALID__"/></global>
	<global scope="event"><string key="concept:name" value="__INVALID__"/><date key="time:timestamp" value="1970-01-01T00:00:00.000+00:00"/></global>
	<classifier name="Activity" keys="concept:name"/>
	<string key="concept:name" value="parcels &amp; more"/>
	<trace>
		<string key="concept:name" value="A1"/>
		<string key="shop" value="north"/>
		<list key="history"><values><string key="concept:name" value="not a case id"/></values></list>
		<event>
			<string key="concept:name" value="shipped"/>
			<date key="time:timestamp" value="2026-03-02T10:00:00.000+01:00"/>
			<string key="org:resource" value="alice"/>
			<string key="note" value="x"><string key="concept:name" value="nested, ignored"/></string>
		</event>
		<event>
			<date key="time:timestamp" value="2026-03-02T12:30:00+01:00"/>
			<string key="concept:name" value="delayed"/>
			<string key="org:resource" value="alice"/>
		</event>
		<event>
			<string key="concept:name" value="delivered"/>
			<date key="time:timestamp" value="2026-03-03T09:15:00.250Z"/>
			<string key="org:resource" value="alice"/>
			<string key="timezone" value="America/New_York"/>
		</event>
	</trace>
	<trace>
		<string key="concept:name" value="A2"/>
		<event>
			<string key="concept:name" value="shipped"/>
			<date key="time:timestamp" value="2026-03-02T11:00:00.000+01:00"/>
			<string key="org:resource" value="bob"/>
		</event>
		<event>
			<string key="concept:name" value="delivered"/>
			<string key="org:resource" value="bob"/>
		</event>
	</trace>
	<event>
		<string key="concept:name" value="orphan"/>
		<date key="time:timestamp" value="2026-03-02T11:00:00Z"/>
	</event>
</log>
`

const xesPolicy = `[simulate]
timezone = "Europe/Berlin"
final = ["delivered"]
[[simulate.trigger]]
status = ["shipped", "delayed", "delivered"]
template = "t"
`

func writeBytes(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gzipBytes(t *testing.T, b []byte) []byte {
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

func xesRun(t *testing.T, policy string, path string, customer string) (*Report, *Explanation) {
	t.Helper()
	p, err := ParsePolicy([]byte(policy), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	if customer == "" {
		r, err := Run(Options{Inputs: []string{path}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		return r, nil
	}
	x, r, err := Explain(Options{Inputs: []string{path}, Policy: p}, customer)
	if err != nil {
		t.Fatal(err)
	}
	return r, x
}

// TestXESHandWritten: the case id is customer and entity; concept:name is
// the status; nested and list attributes, globals and the log's own name
// are ignored; the event without a timestamp and the event outside a
// trace are bad rows with their lines.
func TestXESHandWritten(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"log.xes", "log.xes.gz", "export.dat", "sniffed.gz"} {
		data := []byte(xesDoc)
		if strings.HasSuffix(name, ".gz") {
			data = gzipBytes(t, data)
		}
		path := writeBytes(t, dir, name, data)
		r, x := xesRun(t, xesPolicy, path, "A1")
		if r.Events != 4 || r.Customers != 2 || r.Entities != 2 || r.AsIs.Messages != 4 {
			t.Errorf("%s: events %d customers %d entities %d messages %d", name, r.Events, r.Customers, r.Entities, r.AsIs.Messages)
		}
		if r.BadRows.Count != 2 || len(r.BadRows.First) != 2 ||
			r.BadRows.First[0].String() != path+":39: the event has no time:timestamp" ||
			r.BadRows.First[1].String() != path+":44: an event outside a <trace> has no case id" {
			t.Errorf("%s: bad rows %+v", name, r.BadRows)
		}
		if r.TimeSpan.From != "2026-03-02T09:00:00Z" || r.TimeSpan.To != "2026-03-03T09:15:00.25Z" {
			t.Errorf("%s: span %+v", name, r.TimeSpan)
		}
		var got []string
		for _, s := range x.Steps {
			if s.Kind == "event" {
				got = append(got, s.Entity+" "+s.Status+" "+s.Time.Format(time.RFC3339Nano))
			}
		}
		want := []string{
			"A1 shipped 2026-03-02T10:00:00+01:00",
			"A1 delayed 2026-03-02T12:30:00+01:00",
			"A1 delivered 2026-03-03T04:15:00.25-05:00", // the event's timezone attribute
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: timeline\n%s", name, strings.Join(got, "\n"))
		}
		if len(r.Notes) != 0 {
			t.Errorf("%s: notes %v", name, r.Notes)
		}
	}
}

// TestXESCustomerAttribute: [simulate.columns] customer_id names an event
// attribute (org:resource) or a trace attribute (shop).
func TestXESCustomerAttribute(t *testing.T) {
	path := writeBytes(t, t.TempDir(), "log.xes", []byte(xesDoc))
	r, x := xesRun(t, xesPolicy+"[simulate.columns]\ncustomer_id = \"org:resource\"\n", path, "alice")
	if r.Customers != 2 || x.Events != 3 || strings.Join(x.Entities, ",") != "A1" {
		t.Errorf("org:resource: customers %d, alice: %d events, entities %v", r.Customers, x.Events, x.Entities)
	}
	// bob's second event has no timestamp; the orphan event has no
	// org:resource and no trace: bad rows as before.
	if r.BadRows.Count != 2 || !strings.Contains(r.BadRows.First[1].Reason, `no attribute "org:resource" (customer_id) on the event or its trace, and an event outside a <trace> has no case id`) {
		t.Errorf("bad rows %+v", r.BadRows)
	}
	r, x = xesRun(t, xesPolicy+"[simulate.columns]\ncustomer_id = \"shop\"\n", path, "north")
	if x.Events != 3 {
		t.Errorf("shop: %d events", x.Events)
	}
	// A2's two events and the orphan have no "shop": they fall back to the
	// case id, and the report says so.
	if r.Customers != 2 || len(r.Notes) != 1 || r.Notes[0] != path+`: 3 of 6 events lack the attribute "shop" ([simulate.columns] customer_id); the case id (trace concept:name) was used for them` {
		t.Errorf("shop: customers %d, notes %q", r.Customers, r.Notes)
	}
	r, _ = xesRun(t, xesPolicy+"[simulate.columns]\nstatus = \"lifecycle:transition\"\n", path, "")
	if len(r.Notes) != 1 || r.Notes[0] != path+`: no event has the attribute "lifecycle:transition" ([simulate.columns] status); the event's concept:name was used` || r.AsIs.Messages != 4 {
		t.Errorf("status fallback: notes %q, %d messages", r.Notes, r.AsIs.Messages)
	}
}

func TestXESErrors(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"root", "<?xml version=\"1.0\"?>\n<events>\n</events>\n", `:2: XES: not an XES log: the root element is <events>, want <log>`},
		{"unclosed", "<log>\n<trace>\n<string key=\"concept:name\" value=\"x\">\n</trace>\n</log>\n", `:4: XES: element <string> closed by </trace>`},
		{"truncated", "<log>\n<trace>\n<event>\n", `:4: XES: unexpected EOF`},
		{"late trace attribute", "<log>\n<trace>\n<event><string key=\"concept:name\" value=\"a\"/><date key=\"time:timestamp\" value=\"2026-01-01T00:00:00Z\"/></event>\n<string key=\"concept:name\" value=\"late\"/>\n</trace>\n</log>\n",
			`:4: XES: trace attribute "concept:name" comes after the trace's first event (XES puts a trace's attributes before its events)`},
		{"encoding", "<?xml version=\"1.0\" encoding=\"EBCDIC\"?>\n<log/>\n", `encoding "EBCDIC" is not supported (convert the log to UTF-8)`},
		{"bad char", "<log>\n<trace a=\"1\" a=\"2\">&bogus;</trace></log>", `:2: XES: invalid character entity &bogus;`},
		{"no log", "<?xml version=\"1.0\"?>\n<!-- nothing -->\n", `XES: no <log> element`},
	} {
		path := writeBytes(t, t.TempDir(), "x.xes", []byte(c.doc))
		p, err := ParsePolicy([]byte(xesPolicy), "p.toml")
		if err != nil {
			t.Fatal(err)
		}
		_, err = Run(Options{Inputs: []string{path}, Policy: p})
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), path) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
		}
	}
}

func TestXESLatin1(t *testing.T) {
	doc := strings.Replace(xesDoc, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	doc = strings.Replace(doc, `value="alice"`, "value=\"Ren\xe9\"", 3)
	path := writeBytes(t, t.TempDir(), "log.xes", []byte(doc))
	_, x := xesRun(t, xesPolicy+"[simulate.columns]\ncustomer_id = \"org:resource\"\n", path, "René")
	if x.Events != 3 {
		t.Errorf("René: %d events", x.Events)
	}
}

// csvToXES converts help-desk CSV rows (header first) into an XES log the
// way process-mining tools export it: one trace per ticket (concept:name =
// ticket), one event per row with concept:name = activity, time:timestamp
// = the row's local time in loc with its offset and milliseconds, and the
// other columns as string attributes (resource as org:resource).
func csvToXES(t testing.TB, rows [][]string, loc *time.Location) []byte {
	t.Helper()
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var traces []xeslog.Trace
	idx := map[string]int{}
	for _, r := range rows[1:] {
		id := r[col["ticket"]]
		i, ok := idx[id]
		if !ok {
			i = len(traces)
			idx[id] = i
			traces = append(traces, xeslog.Trace{Attrs: []xeslog.Attr{xeslog.String("concept:name", id)}})
		}
		ts, err := ParseTimestamp(r[col["timestamp"]], loc)
		if err != nil {
			t.Fatal(err)
		}
		ev := []xeslog.Attr{
			xeslog.String("org:resource", r[col["resource"]]),
			xeslog.Date("time:timestamp", ts.Format(xeslog.TimeLayout)),
			xeslog.String("concept:name", r[col["activity"]]),
		}
		for _, k := range []string{"customer", "seriousness", "product", "service_level", "service_type", "workgroup"} {
			ev = append(ev, xeslog.String(k, r[col[k]]))
		}
		traces[i].Events = append(traces[i].Events, ev)
	}
	var b bytes.Buffer
	if err := xeslog.Write(&b, "helpdesk", traces); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func readHelpdesk(t testing.TB) [][]string {
	t.Helper()
	f, err := os.Open(helpdeskLog)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent: skipping the test on the real help-desk log", helpdeskLog)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(zr).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestXESHelpdesk replays the real help-desk log twice, from its CSV form
// and from an XES log rebuilt from it (the CSV was converted from the XES
// original without changing a value), with the same policy: the reports
// must agree on every figure. The policy's column names (ticket, activity)
// are not XES attributes: the XES reader falls back to the case id and
// concept:name, and notes it.
func TestXESHelpdesk(t *testing.T) {
	rows := readHelpdesk(t)
	p, err := LoadPolicy("../examples/simulate/helpdesk-policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, n := range []int{2000, len(rows) - 1} {
		var cb bytes.Buffer
		w := csv.NewWriter(&cb)
		if err := w.WriteAll(rows[:n+1]); err != nil {
			t.Fatal(err)
		}
		csvPath := writeBytes(t, dir, fmt.Sprintf("slice%d.csv", n), cb.Bytes())
		xes := csvToXES(t, rows[:n+1], p.Timezone)
		xesPath := writeBytes(t, dir, fmt.Sprintf("slice%d.xes.gz", n), gzipBytes(t, xes))
		want, err := Run(Options{Inputs: []string{csvPath}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Run(Options{Inputs: []string{xesPath}, Policy: p})
		if err != nil {
			t.Fatal(err)
		}
		if got.Events != int64(n) || got.BadRows.Count != 0 {
			t.Errorf("%d rows: %d events, %d bad rows", n, got.Events, got.BadRows.Count)
		}
		wantNotes := []string{
			fmt.Sprintf(`%s: no event has the attribute "ticket" ([simulate.columns] entity_id); the case id (trace concept:name) was used`, xesPath),
			fmt.Sprintf(`%s: no event has the attribute "activity" ([simulate.columns] status); the event's concept:name was used`, xesPath),
		}
		if len(got.Notes) != 3 || strings.Join(got.Notes[:2], "\n") != strings.Join(wantNotes, "\n") || !strings.HasPrefix(got.Notes[2], "rows are not in time order") {
			t.Errorf("notes %q", got.Notes)
		}
		got.Inputs, want.Inputs, got.Notes, want.Notes = nil, nil, nil, nil
		got.Fingerprints.Input, want.Fingerprints.Input = "", ""
		a, _ := json.Marshal(got)
		b, _ := json.Marshal(want)
		if !bytes.Equal(a, b) {
			t.Errorf("%d rows: the XES report differs from the CSV report:\n%s\n%s", n, a, b)
		}
		if n == len(rows)-1 && (got.Customers != 397 || got.Entities != 4587) {
			t.Errorf("whole log: %d customers, %d tickets", got.Customers, got.Entities)
		}
	}
}

// xesDrain reads a document with the XES reader, parses its records and
// returns the events and bad rows, or the error.
func xesDrain(data []byte, cols Columns) (events, bad int64, err error) {
	x := newXESReader("f.xes", bytes.NewReader(data), cols)
	src := &source{name: "f.xes", format: formatXES, names: x.columnNames()}
	p := newParser(nil, maphash.MakeSeed(), 1, time.UTC)
	for {
		chunk, _, err := x.next(nil)
		if errors.Is(err, io.EOF) {
			return events, bad, nil
		}
		if err != nil {
			return events, bad, err
		}
		res := p.parse(&job{src: src, data: chunk})
		events += res.events
		bad += res.badCount
	}
}

func FuzzXES(f *testing.F) {
	f.Add([]byte(xesDoc))
	f.Add([]byte(`<log><trace><string key="concept:name" value="c"/><event><string key="concept:name" value="s"/><date key="time:timestamp" value="2026-01-01T00:00:00Z"/></event></trace></log>`))
	f.Add([]byte("<log><event/></log>"))
	f.Add([]byte("<log><trace><event><event></event></event></trace></log>"))
	f.Add([]byte("<?xml version='1.0' encoding='latin1'?><log/>"))
	f.Add([]byte("<log>\n<trace>\n<event>\n"))
	cols := DefaultColumns()
	cols.CustomerID, cols.customerExplicit = "org:resource", true
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, c := range []Columns{DefaultColumns(), cols} {
			ev, bad, err := xesDrain(data, c)
			if err != nil {
				if !strings.HasPrefix(err.Error(), "f.xes") || !strings.Contains(err.Error(), "XES") {
					t.Errorf("error without file and format: %v", err)
				}
				continue
			}
			if ev < 0 || bad < 0 {
				t.Errorf("counts %d %d", ev, bad)
			}
		}
	})
}

func TestXESLineNumbersOfBadRows(t *testing.T) {
	doc := "<log>\n<trace>\n<string key=\"concept:name\" value=\"c\"/>\n<event>\n<string key=\"concept:name\" value=\"s\"/>\n<date key=\"time:timestamp\" value=\"yesterday\"/>\n</event>\n</trace>\n</log>\n"
	path := writeBytes(t, t.TempDir(), "x.xes", []byte(doc))
	p, err := ParsePolicy([]byte(xesPolicy), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	_, err = Run(Options{Inputs: []string{path}, Policy: p, Strict: true})
	if err == nil || !strings.HasPrefix(err.Error(), path+`:4: time:timestamp: unparsable timestamp "yesterday"`) {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkXESReader measures the XES reader and parser alone on a log of
// 10,000 traces of 5 events.
func BenchmarkXESReader(b *testing.B) {
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<log>\n")
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	for i := 0; i < 10000; i++ {
		fmt.Fprintf(&doc, "<trace><string key=\"concept:name\" value=\"case-%d\"/>\n", i)
		for j, st := range []string{"created", "shipped", "delayed", "out_for_delivery", "delivered"} {
			fmt.Fprintf(&doc, "<event><string key=\"concept:name\" value=\"%s\"/><date key=\"time:timestamp\" value=\"%s\"/><string key=\"org:resource\" value=\"r%d\"/></event>\n",
				st, t0.Add(time.Duration(i*7+j*3)*time.Minute).Format("2006-01-02T15:04:05.000-07:00"), i%50)
		}
		doc.WriteString("</trace>\n")
	}
	doc.WriteString("</log>\n")
	b.SetBytes(int64(doc.Len()))
	for b.Loop() {
		ev, bad, err := xesDrain(doc.Bytes(), DefaultColumns())
		if err != nil || ev != 50000 || bad != 0 {
			b.Fatal(ev, bad, err)
		}
	}
}

// TestXESExample: examples/simulate/events.xes.gz (examplegen -xes: a trace
// per parcel with a customer_id attribute) replays to the same report as
// examples/simulate/events.csv.
func TestXESExample(t *testing.T) {
	opts := exampleOptions(t)
	want, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	opts.Inputs = []string{"../examples/simulate/events.xes.gz"}
	got, err := Run(opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Notes) != 1 || !strings.HasPrefix(got.Notes[0], "rows are not in time order") {
		t.Errorf("notes %q", got.Notes)
	}
	got.Inputs, want.Inputs, got.Notes, want.Notes, got.Replay, want.Replay = nil, nil, nil, nil, "", ""
	got.Fingerprints.Input, want.Fingerprints.Input = "", ""
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) {
		t.Errorf("the XES example differs from the CSV example:\n%s\n%s", a, b)
	}
}
