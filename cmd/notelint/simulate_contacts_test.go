package main

import (
	"os"
	"strings"
	"testing"
)

// TestSimulateContacts runs --contacts on the example: the Contacts
// section in every printed format, contact_lift for --fail-on, and the
// errors.
func TestSimulateContacts(t *testing.T) {
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--contacts", simContacts, "--fail-on", "contact_lift>3", simEvents)
	if code != 1 || !strings.Contains(errOut, "contact_lift>3 (actual 5.77") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"\nContacts\n", "delivery-delayed         324       182             56.17  5.77", "in_transit                   6         644.6            67.02  6.89", "associations in historical data"} {
		if !strings.Contains(out, want) {
			t.Errorf("text report lacks %q", want)
		}
	}
	if _, _, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--contacts", simContacts, "--fail-on", "contact_lift>6", simEvents); code != 0 {
		t.Errorf("contact_lift>6: exit %d, want 0", code)
	}
	for format, want := range map[string]string{"md": "#### Contacts", "json": `"background_per_100_windows": 9.72999757250575`, "html": `data-chart="contact-lift"`} {
		out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--contacts", simContacts, "--format", format, simEvents)
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("--format %s: exit %d (%s), lacks %q", format, code, errOut, want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--contacts", "nope.csv", simEvents}, "contacts: opening events: open nope.csv"},
		{[]string{"--contacts", "-", "-"}, "standard input (-) can hold the events or the contacts, not both"},
		{[]string{"--fail-on", "as_is.contact_lift>3", simEvents}, "contact_lift takes no stream prefix"},
	} {
		_, errOut, code := runCLI(t, "", append([]string{"simulate", "--policy", simPolicy}, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestSimulateContactsReadme checks that the contacts example printed in
// simulate/README.md is what the command prints.
func TestSimulateContactsReadme(t *testing.T) {
	readme, err := os.ReadFile("../../simulate/README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(readme)
	i := strings.Index(doc, "### The example: which template draws calls")
	if i < 0 {
		t.Fatal("no contacts example in simulate/README.md")
	}
	block := doc[i:]
	block = block[strings.Index(block, "```text\n")+8:]
	block = block[:strings.Index(block, "```")]
	out, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--contacts", simContacts, simEvents)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	out = strings.ReplaceAll(out, simExampleDir, "examples/simulate")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if line == "..." || line == "" {
			continue
		}
		if !strings.Contains(out, line+"\n") {
			t.Errorf("README line not in the output: %q", line)
		}
	}
}
