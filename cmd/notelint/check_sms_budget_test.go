package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSMSBudgetOneDecision checks that the text report and the HTML page
// judge an SMS against the same budget: with a budget of 2 segments a
// 2-segment SMS is fine in both (the page used to say "budget 1" while
// the linter said "no findings"), under every spelling of the option.
func TestSMSBudgetOneDecision(t *testing.T) {
	body := "Acme: your new card is on its way today at 14:00. " +
		strings.Repeat("No action needed, we will text you when it arrives at your door. ", 3)
	tpl := "+++\nchannel = \"sms\"\nkind = \"info\"\nsender = \"Acme\"\n+++\n" + body + "\n"
	cases := []struct {
		name, config string
		budget       string
		findings     bool
	}{
		{"rule option", "[rules.sms-segments]\nmax_segments = 2\n", "budget 2", false},
		{"old [sms] table", "[sms]\nmax_segments = 2\n", "budget 2", false},
		{"zero keeps [sms]", "[sms]\nmax_segments = 2\n[rules.sms-segments]\nmax_segments = 0\n", "budget 2", false},
		{"default budget", "", "budget 1", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, filepath.Join(dir, ".git", "HEAD"), "")
			writeFile(t, filepath.Join(dir, ".notelint.toml"), c.config)
			writeFile(t, filepath.Join(dir, "info.txt"), tpl)
			t.Chdir(dir)
			stdout, stderr, code := runCLI(t, "", "check", "--format", "text,html:r.html", "info.txt")
			page := string(readFile(t, filepath.Join(dir, "r.html")))
			if !strings.Contains(page, "<strong>2</strong> segments") {
				t.Fatalf("page does not show 2 segments")
			}
			if !strings.Contains(page, c.budget+")") {
				t.Errorf("page does not say %q", c.budget)
			}
			over := strings.Contains(page, `class="over"`)
			noFindings := strings.Contains(stdout, "no findings")
			if c.findings {
				if noFindings || code != 1 || !over {
					t.Errorf("want an sms-segments finding and an over-budget page; exit %d, over %v\n%s%s", code, over, stdout, stderr)
				}
				return
			}
			if !noFindings || code != 0 || over {
				t.Errorf("want no findings and a page within budget; exit %d, over %v\n%s%s", code, over, stdout, stderr)
			}
		})
	}
}
