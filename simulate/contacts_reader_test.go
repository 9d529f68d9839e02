package simulate

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func contactPolicy(t *testing.T, extra string) *Policy {
	t.Helper()
	p, err := ParsePolicy([]byte(`[simulate]
timezone = "Europe/Berlin"
final = ["delivered"]
[[simulate.trigger]]
status = "delayed"
template = "delay"
`+extra), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write([]byte(s))
	_ = w.Close()
	return b.String()
}

func TestReadContacts(t *testing.T) {
	gapMoved := time.Date(2026, 3, 29, 1, 30, 0, 0, time.UTC).UnixNano() // 02:30 Berlin does not exist: 03:30 CEST
	for _, tc := range []struct {
		name, file, data, policy string
		strict                   bool
		rows                     int
		bad                      int64
		firstBad, err            string
	}{
		{name: "csv", file: "c.csv", data: "customer_id,timestamp,channel\nC1,2026-03-29 02:30:00,phone\nC2,1774746000,chat\n", rows: 2},
		{name: "semicolon and BOM", file: "c.csv", data: "\xEF\xBB\xBFtimestamp;customer_id\n2026-03-01T10:00:00+01:00;C1\n", rows: 1},
		{name: "jsonl gzip", file: "c.jsonl.gz", data: gz(`{"customer_id":"C1","timestamp":"2026-03-01 10:00:00","entity_id":"A1","reason":"where"}` + "\n\n" + `{"customer_id":7,"timestamp":1774746000000}` + "\n"), rows: 2},
		{name: "jsonl by content", file: "contacts", data: `{"customer_id":"C1","timestamp":"2026-03-01 10:00:00"}` + "\n", rows: 1},
		{name: "bad rows counted", file: "c.csv", data: "customer_id,timestamp\nC1,yesterday\n,2026-03-01 10:00:00\nC3,2026-03-01 10:00:00,x\nC4,2026-03-01 10:00:00\n", rows: 1, bad: 3, firstBad: "c.csv:2: timestamp:"},
		{name: "bad json", file: "c.jsonl", data: "{\"customer_id\":\"C1\",\"timestamp\":true}\nnot json\n", bad: 2, firstBad: "c.jsonl:1: timestamp: want a string or a number"},
		{name: "strict", file: "c.csv", data: "customer_id,timestamp\nC1,2026-02-30 10:00:00\n", strict: true, err: "contacts: c.csv:2: timestamp:"},
		{name: "missing column", file: "c.csv", data: "kunde,timestamp\nC1,2026-03-01 10:00:00\n", err: `no column "customer_id"`},
		{name: "renamed column", file: "c.csv", data: "kunde,zeit\nC1,2026-03-01 10:00:00\n", policy: "[simulate.contacts.columns]\ncustomer_id = \"kunde\"\ntimestamp = \"zeit\"\n", rows: 1},
		{name: "empty", file: "c.csv", data: "\n\n", err: "empty file"},
		{name: "xes", file: "c.xes", data: "<log/>", err: "XES is not read for contacts"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := contactPolicy(t, tc.policy)
			fsys := fstest.MapFS{tc.file: {Data: []byte(tc.data)}}
			in, err := readContacts([]string{tc.file}, nil, fsys, p, tc.strict)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(in.rows) != tc.rows || in.bad.Count != tc.bad {
				t.Fatalf("rows %d bad %d (%v), want %d and %d", len(in.rows), in.bad.Count, in.bad.First, tc.rows, tc.bad)
			}
			if tc.firstBad != "" && !strings.HasPrefix(in.bad.First[0].String(), tc.firstBad) {
				t.Fatalf("first bad row %q, want prefix %q", in.bad.First[0], tc.firstBad)
			}
			if tc.name == "csv" && in.rows[0].t != gapMoved {
				t.Fatalf("naive time in the gap: %v", time.Unix(0, in.rows[0].t))
			}
		})
	}
}

func TestContactPolicyErrors(t *testing.T) {
	for _, tc := range []struct{ extra, want string }{
		{"[simulate.contacts]\nwindow = \"soon\"\n", "p.toml:7: simulate.contacts.window"},
		{"[simulate.contacts]\nwindow = \"0\"\n", "want a positive duration"},
		{"[simulate.contacts]\nwndow = \"1h\"\n", `unknown key "simulate.contacts.wndow"`},
		{"[simulate.contacts.columns]\nreason = \"\"\n", "empty column name"},
	} {
		_, err := ParsePolicy([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n\n"+tc.extra), "p.toml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err %v, want %q", tc.extra, err, tc.want)
		}
	}
	p := contactPolicy(t, "[simulate.contacts]\nwindow = \"2d\"\n")
	if p.Contacts.WindowOrDefault() != 48*time.Hour {
		t.Fatalf("window %v", p.Contacts.WindowOrDefault())
	}
	if contactPolicy(t, "").Contacts.WindowOrDefault() != 72*time.Hour {
		t.Fatal("default window is not 72h")
	}
}

// TestContactsExample checks the effects contactgen planted in
// examples/simulate/contacts.csv: the vague delay SMS draws contacts
// (lift above 3), the "out for delivery" SMS is below the background, and
// the silences in transit draw "where is my parcel" calls.
func TestContactsExample(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Inputs: []string{"../examples/simulate/events.csv"}, Contacts: []string{"../examples/simulate/contacts.csv"}, Policy: p})
	if err != nil {
		t.Fatal(err)
	}
	c := r.Contacts
	if c.Templates[0].ID != "delivery-delayed" || c.Templates[0].Lift == nil || *c.Templates[0].Lift <= 3 {
		t.Fatalf("top template %+v, want delivery-delayed with lift > 3", c.Templates[0])
	}
	last := c.Templates[len(c.Templates)-1]
	if last.ID != "delivery-today" || *last.Lift >= 1 {
		t.Fatalf("last template %+v, want delivery-today below the background", last)
	}
	if c.Statuses[0].Status != "in_transit" || c.Statuses[0].Contacts == 0 || *c.Statuses[0].Lift <= 1 {
		t.Fatalf("silences %+v, want in_transit first, above the background", c.Statuses)
	}
	if c.UnknownCustomers.Customers != 2 || c.AfterTemplate+c.InSilence+c.Unattributed+c.UnknownCustomers.Contacts != c.Contacts {
		t.Fatalf("contacts do not add up: %+v", c)
	}
	if th, _ := ParseFailOn("contact_lift>3"); len(r.Check(th)) != 1 {
		t.Fatal("contact_lift>3 not crossed")
	}
}

// FuzzReadContacts feeds arbitrary bytes to the contact reader (CSV and
// JSON Lines): no panic, and every contact it keeps has a customer id.
func FuzzReadContacts(f *testing.F) {
	f.Add([]byte("customer_id,timestamp,entity_id\nC1,2026-03-01 10:00:00,A\n\"C2\",\"1774746000\",\n"), false)
	f.Add([]byte(`{"customer_id":"C1","timestamp":"2026-03-01T10:00:00Z"}`+"\n{bad\n"), true)
	f.Add([]byte("customer_id;timestamp\n\"C1;2026\n"), false)
	p, err := ParsePolicy([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"), "p.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, jsonl bool) {
		name := "c.csv"
		if jsonl {
			name = "c.jsonl"
		}
		in, err := readContacts([]string{name}, nil, fstest.MapFS{name: {Data: data}}, p, false)
		if err != nil {
			return
		}
		for _, c := range in.rows {
			if c.cust == "" {
				t.Fatalf("kept a contact without a customer: %+v", c)
			}
		}
	})
}

// TestContactsInTimeline checks the contacts of --customer timelines: each
// contact is a step with its attribution, and a customer's steps agree with
// the report (the sum over all customers is the reference test's job).
func TestContactsInTimeline(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{Inputs: []string{"../examples/simulate/events.csv"}, Contacts: []string{"../examples/simulate/contacts.csv"}, Policy: p}
	for _, tc := range []struct {
		customer, attribution, what, note string
	}{
		{"C0172", "template", "delivery-delayed", "after delivery-delayed to A40214 (sent 00:36, 2 h 45 min earlier)"},
		{"C0090", "silence", "in_transit", `during a silence of A40110 after status "in_transit": no message since Wed 04 Mar 15:19 (3 d 18 h 34 min)`},
	} {
		x, _, err := Explain(opts, tc.customer)
		if err != nil {
			t.Fatal(err)
		}
		var got []Step
		for _, s := range x.Steps {
			if s.Kind == "contact" {
				got = append(got, s)
			}
		}
		if len(got) != x.Contacts || len(got) == 0 {
			t.Fatalf("%s: %d contact steps, Contacts %d", tc.customer, len(got), x.Contacts)
		}
		s := got[0]
		what := s.Template
		if s.Attribution == "silence" {
			what = s.Status
		}
		if s.Attribution != tc.attribution || what != tc.what || s.Note != tc.note {
			t.Errorf("%s: %+v, want %s %s %q", tc.customer, s, tc.attribution, tc.what, tc.note)
		}
	}
}

// TestContactStepsAddUp checks that the contact steps of every customer's
// timeline add up to the report's Contacts figures.
func TestContactStepsAddUp(t *testing.T) {
	p, err := LoadPolicy("../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Run(Options{Inputs: []string{"../examples/simulate/events.csv"}, Contacts: []string{"../examples/simulate/contacts.csv"}, Policy: p, Observer: NewTrailRecorder()})
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int64{}
	byTpl := map[string]int64{}
	for _, steps := range r.contactSteps {
		for _, s := range steps {
			n[s.Attribution]++
			byTpl[s.Template+s.Status]++
		}
	}
	c := r.Contacts
	if n["template"] != c.AfterTemplate || n["silence"] != c.InSilence || n["unattributed"] != c.Unattributed {
		t.Fatalf("steps %v, report %d/%d/%d", n, c.AfterTemplate, c.InSilence, c.Unattributed)
	}
	for _, tp := range c.Templates {
		if byTpl[tp.ID] != tp.Contacts {
			t.Errorf("template %s: %d steps, report %d", tp.ID, byTpl[tp.ID], tp.Contacts)
		}
	}
	for _, s := range c.Statuses {
		if byTpl[s.Status] != s.Contacts {
			t.Errorf("silence %s: %d steps, report %d", s.Status, byTpl[s.Status], s.Contacts)
		}
	}
}
