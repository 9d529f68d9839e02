package simulate

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// issuePolicy is the policy of issue 5, verbatim.
//
//nolint:misspell // "cancelled" is a status name
const issuePolicy = `[simulate]
timezone = "Europe/Berlin"        # zone for customers without a timezone column and for naive timestamps
final = ["delivered", "cancelled"]
dedupe = true
collapse = "30m"
quiet_hours = "21:00-08:00"
quiet_action = "defer"            # or "drop"
min_gap = "2h"
max_per_day = 3

[[simulate.trigger]]
status = ["shipped", "delayed", "out_for_delivery", "delivered"]
template = "delivery-update"

[simulate.flags]
burst = { count = 3, window = "1h" }
flapping = { window = "24h" }
silent_gap = { after = "48h" }

[simulate.cost]
sms_segment = 0.075
currency = "EUR"
`

func TestParsePolicyIssueExample(t *testing.T) {
	p, err := ParsePolicy([]byte(issuePolicy), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	if p.TimezoneName() != "Europe/Berlin" || !p.Dedupe || p.Collapse != 30*time.Minute || p.Quiet == nil ||
		p.Quiet.String() != "21:00-08:00" || p.QuietDrop || p.MinGap != 2*time.Hour || p.MaxPerDay != 3 {
		t.Errorf("controls = %+v", p)
	}
	if len(p.Triggers) != 1 || len(p.Triggers[0].Statuses) != 4 || p.Triggers[0].Template != "delivery-update" {
		t.Errorf("triggers = %+v", p.Triggers)
	}
	if p.Flags != (FlagThresholds{BurstCount: 3, BurstWindow: time.Hour, FlappingWindow: 24 * time.Hour, SilentAfter: 48 * time.Hour}) {
		t.Errorf("flags = %+v", p.Flags)
	}
	if p.Cost.SMSSegment != 0.075 || p.Cost.Currency != "EUR" || strings.Join(p.Final, ",") != "delivered,cancelled" { //nolint:misspell // a status name
		t.Errorf("cost/final = %+v %v", p.Cost, p.Final)
	}
}

func TestParsePolicyDefaults(t *testing.T) {
	p, err := ParsePolicy([]byte("[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	if p.TimezoneName() != "UTC" || p.Dedupe || p.Collapse != 0 || p.Quiet != nil || p.MinGap != 0 || p.MaxPerDay != 0 {
		t.Errorf("defaults = %+v", p)
	}
	if p.Flags != DefaultFlags() || p.Columns != DefaultColumns() {
		t.Errorf("flags/columns = %+v %+v", p.Flags, p.Columns)
	}
}

func TestParsePolicyToleratesOtherTables(t *testing.T) {
	doc := `[lint]
include = ["templates/**"]
weird = 1
[sms]
max_segments = 1
[rules.vague-cta]
severity = "error"
[landing.pages]
"https://x/*" = "a.html"
[something_new]
x = 1

[simulate]
collapse = "10m"
[simulate.columns]
customer_id = "kunde"
entity_id = "auftrag"
[[simulate.trigger]]
status = "x"
template = "t"
`
	p, err := ParsePolicy([]byte(doc), ".notelint.toml")
	if err != nil {
		t.Fatal(err)
	}
	if p.Columns.CustomerID != "kunde" || p.Columns.EntityID != "auftrag" || !p.Columns.entityExplicit || p.Columns.Status != "status" {
		t.Errorf("columns = %+v", p.Columns)
	}
}

func TestParsePolicyErrors(t *testing.T) {
	trig := "\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"t\"\n"
	tests := []struct {
		name, doc, want string
	}{
		{"unknown key", "[simulate]\ncolapse = \"30m\"\n" + trig, `p.toml:2: unknown key "simulate.colapse"`},
		{"unknown nested key", "[simulate]\n[simulate.flags]\nburst = { count = 3, windw = \"1h\" }\n" + trig, `p.toml:3: unknown key "simulate.flags.`},
		{"unknown column key", "[simulate]\n[simulate.columns]\ncustomer = \"k\"\n" + trig, `p.toml:3: unknown key "simulate.columns.customer"`},
		{"bad duration", "[simulate]\ncollapse = \"30x\"\n" + trig, `p.toml:2`},
		{"bad duration text", "[simulate]\nmin_gap = \"2 hours\"\n" + trig, `invalid duration "2 hours"`},
		{"duration too long", "[simulate]\nmin_gap = \"4000d\"\n" + trig, `longer than 3650d`},
		{"duration as number", "[simulate]\ncollapse = 30\n" + trig, `p.toml:2: simulate.collapse: want a duration string`},
		{"bad quiet hours", "[simulate]\n\nquiet_hours = \"21-08\"\n" + trig, `p.toml:3: simulate.quiet_hours: quiet hours "21-08"`},
		{"bad quiet action", "[simulate]\nquiet_action = \"later\"\n" + trig, `p.toml:2: simulate.quiet_action: "later" is not "defer" or "drop"`},
		{"unknown zone", "[simulate]\ntimezone = \"Mars/Olympus\"\n" + trig, `p.toml:2: simulate.timezone: unknown time zone "Mars/Olympus"`},
		{"local zone", "[simulate]\ntimezone = \"Local\"\n" + trig, `depends on the machine`},
		{"negative max", "[simulate]\nmax_per_day = -1\n" + trig, `p.toml:2: simulate.max_per_day: -1 is negative`},
		{"burst count 1", "[simulate]\n[simulate.flags]\nburst = { count = 1, window = \"1h\" }\n" + trig, `p.toml:3: simulate.flags.burst.count: 1: want 2 or more`},
		{"no trigger", "[simulate]\ndedupe = true\n", `p.toml:1: no [[simulate.trigger]]`},
		{"no status", "[simulate]\n[[simulate.trigger]]\ntemplate = \"t\"\n", `p.toml:2: simulate.trigger #1: missing status`},
		{"no template", "[simulate]\n[[simulate.trigger]]\nstatus = \"x\"\n", `simulate.trigger #1: missing template`},
		{"status number", "[simulate]\n[[simulate.trigger]]\nstatus = 3\ntemplate = \"t\"\n", `status: want a string or a list of strings`},
		{"status list of numbers", "[simulate]\n[[simulate.trigger]]\nstatus = [3]\ntemplate = \"t\"\n", `status: want a string or a list of strings`},
		{"duplicate status", "[simulate]\n[[simulate.trigger]]\nstatus = [\"x\"]\ntemplate = \"t\"\n[[simulate.trigger]]\nstatus = \"x\"\ntemplate = \"u\"\n", `p.toml:5: simulate.trigger #2: status "x" is already in trigger #1`},
		{"empty column", "[simulate]\n[simulate.columns]\nstatus = \"\"\n" + trig, `p.toml:3: simulate.columns.status: empty column name`},
		{"broken toml", "[simulate\n", `p.toml:1`},
		// Lines from the TOML parser, not a line scanner: a dotted key at
		// the top and a header inside a multi-line string of another table.
		{"dotted key at the top", "# policy\nsimulate.collapse = 30\n" + trig, `p.toml:2: simulate.collapse: want a duration string`},
		{"header inside a string", "[lint]\nx = \"\"\"\n[simulate]\nquiet_action = 1\n\"\"\"\n[simulate]\nquiet_action = \"x\"\nmin_gap = \"5m\"\n" + trig, `p.toml:7: simulate.quiet_action`},
		{"type mismatch", "[simulate]\ndedupe = \"yes\"\n" + trig, `p.toml:2`},
	}
	for _, tc := range tests {
		_, err := ParsePolicy([]byte(tc.doc), "p.toml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.name, err, tc.want)
		}
	}
}

func TestParsePolicyNoSimulateTable(t *testing.T) {
	_, err := ParsePolicy([]byte("[lint]\ninclude = [\"x\"]\n"), "c.toml")
	if !errors.Is(err, ErrNoPolicy) {
		t.Errorf("error = %v, want ErrNoPolicy", err)
	}
}

func TestCheckTemplates(t *testing.T) {
	p, err := ParsePolicy([]byte(issuePolicy), "p.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := p.CheckTemplates(nil); err != nil {
		t.Errorf("nil templates: %v", err)
	}
	if err := p.CheckTemplates(map[string]TemplateInfo{"delivery-update": {ID: "delivery-update", Channel: "sms", Segments: 2}}); err != nil {
		t.Errorf("known template: %v", err)
	}
	err = p.CheckTemplates(map[string]TemplateInfo{"other": {}})
	if err == nil || !strings.Contains(err.Error(), `"delivery-update" not found`) {
		t.Errorf("unknown template: %v", err)
	}
}
