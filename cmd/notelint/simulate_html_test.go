package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSimulateCustomer(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--customer", "C0001", simEvents)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// C0001's parcel A40001 on the outage night, checked by hand against
	// events.csv: 22:04 delayed and 22:24 out_for_delivery are replaced
	// within the 30m collapse; 22:52 delayed is due 23:22, deferred to
	// 08:00; 23:26 delayed repeats the status; 07:49 out_for_delivery is
	// due 08:19, 19m after 08:00 (min_gap 1h).
	for _, want := range []string{
		"customer C0001: 9 events, 1 entity (A40001); zone Europe/Berlin\n",
		"As-is: 7 messages. With the policy: 3 sent (1 deferred by quiet hours), 4 suppressed (dedupe 1, collapse 2, min_gap 1).\n",
		"Flags as-is: burst, flapping, quiet_send, repeat. With the policy: none.\n",
		"  22:04  A40001  delayed → delivery-delayed\n                 as-is   ✓ sent at once\n                 policy  ✗ dropped by collapse: A40001's next status \"out_for_delivery\" came 20 min later (22:24), within 30 min, and replaced it\n",
		"policy  ✓ due at 23:22 after the collapse wait of 30 min, inside quiet hours 21:00-08:00: deferred and sent at Wed 18 Mar 08:00\n",
		"policy  ✗ dropped by dedupe: the previous event of A40001 (22:52) had the same status\n",
		"policy  ✗ dropped by min_gap: due at 08:19, only 19 min after the message sent at 08:00 (A40001 \"delayed\"); min_gap is 1 h\n",
		"  08:00  A40001  ✉ policy sends delivery-delayed (the \"delayed\" of Tue 17 Mar 22:52)\n",
		"  22:52          ⚑ as-is burst: 3 messages within 48 min: 22:04, 22:24, 22:52\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline lacks %q:\n%s", want, out)
		}
	}

	out, _, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--customer", "C0001", "--format", "json", simEvents)
	var x struct {
		Customer string `json:"customer"`
		AsIs     int    `json:"as_is"`
		Sent     int    `json:"sent"`
		Timeline []any  `json:"timeline"`
	}
	if err := json.Unmarshal([]byte(out), &x); code != 0 || err != nil || x.Customer != "C0001" || x.AsIs != 7 || x.Sent != 3 || len(x.Timeline) == 0 {
		t.Errorf("json: exit %d, %v, %+v", code, err, x)
	}

	_, errOut, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--customer", "C9999", simEvents)
	if code != 2 || !strings.Contains(errOut, `customer not found: no event of customer "C9999" in 300 customers`) {
		t.Errorf("unknown customer: exit %d: %s", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "simulate", "--policy", simPolicy, "--customer", "C0001", "--format", "html", simEvents)
	if code != 2 || !strings.Contains(errOut, "--customer prints text or json") {
		t.Errorf("--customer with html: exit %d: %s", code, errOut)
	}
}

func TestSimulateHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	_, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--format", "html", "--out", page, simEvents)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"<!DOCTYPE html>", "The policy sends", `data-chart="histogram"`, `data-chart="timeline"`, `class="trail"`, "SMS cost"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// From standard input, read once: no temporary copy (a temporary
	// directory that does not exist would make one fail).
	events, err := os.ReadFile(simEvents)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("TMPDIR", filepath.Join(dir, "no-such-dir"))
	out, errOut, code := runCLI(t, string(events), "simulate", "--policy", simPolicy, "--format", "html", "-")
	if code != 0 || !strings.Contains(out, `class="trail"`) || strings.Contains(out, "notelint-stdin-") {
		t.Errorf("stdin: exit %d: %s", code, errOut)
	}
}

// TestSimulateXESExample replays an XES log given on the command line.
func TestSimulateXESExample(t *testing.T) {
	dir := t.TempDir()
	xes := simWrite(t, dir, "log.xes", `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
 <trace><string key="concept:name" value="T1"/>
  <event><string key="concept:name" value="shipped"/><date key="time:timestamp" value="2026-03-02T10:00:00.000+01:00"/></event>
  <event><string key="concept:name" value="delivered"/><date key="time:timestamp" value="2026-03-02T15:00:00.000+01:00"/></event>
 </trace>
</log>
`)
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--customer", "T1", xes)
	if code != 0 || !strings.Contains(out, "customer T1: 2 events, 1 entity (T1)") || !strings.Contains(out, "delivered (final) → delivery-closed") {
		t.Errorf("exit %d: %s\n%s", code, errOut, out)
	}
}
