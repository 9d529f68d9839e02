package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// simParts runs the example as n --shard parts and returns their files.
func simParts(t *testing.T, dir string, n int, args ...string) []string {
	t.Helper()
	var files []string
	for i := 0; i < n; i++ {
		f := filepath.Join(dir, fmt.Sprintf("part-%d-of-%d.json", i, n))
		all := append([]string{"simulate", "--shard", fmt.Sprintf("%d/%d", i, n), "--format", "json", "--out", f}, args...)
		if _, errOut, code := runCLI(t, "", all...); code != 0 {
			t.Fatalf("shard %d/%d: exit %d: %s", i, n, code, errOut)
		}
		files = append(files, f)
	}
	return files
}

// TestSimulateMergeEqualsRun: simulate merge over 4 and 8 parts prints the
// single run's report byte for byte in every format, from files, a
// directory and standard input, and from merges of merges.
func TestSimulateMergeEqualsRun(t *testing.T) {
	inputs := [][]string{
		{"--policy", simPolicy, "--templates", simTemplates, "--contacts", simContacts, simEvents},
		{"--policy", simPolicy, simExampleDir + "/events.xes.gz"},
	}
	helpdesk := "../../../shared/data/helpdesk_tickets.csv.gz"
	if _, err := os.Stat(helpdesk); err == nil {
		inputs = append(inputs, []string{"--policy", simExampleDir + "/helpdesk-policy.toml", helpdesk})
	} else {
		t.Logf("%s is absent: skipping the merge of the real help-desk log", helpdesk)
	}
	for _, args := range inputs {
		for _, n := range []int{4, 8} {
			dir := t.TempDir()
			parts := simParts(t, dir, n, args...)
			for _, format := range []string{"text", "json", "csv", "md", "html"} {
				want, errOut, code := runCLI(t, "", append([]string{"simulate", "--format", format}, args...)...)
				if code != 0 {
					t.Fatalf("single run: exit %d: %s", code, errOut)
				}
				got, errOut, code := runCLI(t, "", append([]string{"simulate", "merge", "--format", format}, parts...)...)
				if code != 0 || got != want {
					t.Errorf("%s, %d parts, --format %s: exit %d (%s), same output %v", args[len(args)-1], n, format, code, errOut, got == want)
				}
			}
			want, _, _ := runCLI(t, "", append([]string{"simulate", "--format", "json"}, args...)...)
			// A directory, standard input, and merges of merges.
			if got, errOut, code := runCLI(t, "", "simulate", "merge", "--format", "json", dir); code != 0 || got != want {
				t.Errorf("directory: exit %d (%s), same output %v", code, errOut, got == want)
			}
			var stdin strings.Builder
			for _, p := range parts {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				stdin.Write(b)
			}
			if got, errOut, code := runCLI(t, stdin.String(), "simulate", "merge", "--format", "json", "-"); code != 0 || got != want {
				t.Errorf("standard input: exit %d (%s), same output %v", code, errOut, got == want)
			}
			half := filepath.Join(t.TempDir(), "half.json")
			if _, errOut, code := runCLI(t, "", append([]string{"simulate", "merge", "--allow-partial", "--format", "json", "--out", half}, parts[:n/2]...)...); code != 0 {
				t.Fatalf("partial merge: exit %d: %s", code, errOut)
			}
			if got, errOut, code := runCLI(t, "", append([]string{"simulate", "merge", "--format", "json", half}, parts[n/2:]...)...); code != 0 || got != want {
				t.Errorf("merge of a merge: exit %d (%s), same output %v", code, errOut, got == want)
			}
		}
	}
}

// TestSimulateMergeRefuses: exit 2 with the files named.
func TestSimulateMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	parts := simParts(t, dir, 3, "--policy", simPolicy, simEvents)
	trunc := simWrite(t, dir, "trunc.json", "{\"schema\": \"notelint.simulate/v1\", \"inputs\": [")
	whole := filepath.Join(dir, "whole.json")
	if _, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--format", "json", "--out", whole, simEvents); code != 0 {
		t.Fatal(errOut)
	}
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"incomplete", []string{parts[0], parts[2]}, "1 of 3 shards are missing (1; merging " + parts[0] + ", " + parts[2] + ")"},
		{"twice", []string{parts[0], parts[1], parts[2], parts[1]}, "shard 1 of 3 is in both " + parts[1] + " and " + parts[1]},
		{"truncated", []string{parts[0], trunc}, trunc + ": not a whole JSON report (truncated?)"},
		{"complete", []string{whole}, whole + ": a complete report, not a part"},
		{"missing file", []string{filepath.Join(dir, "nope.json")}, "nope.json"},
		{"bad format", []string{"--format", "pdf", parts[0]}, `--format "pdf"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, "", append([]string{"simulate", "merge"}, tc.args...)...)
			if code != 2 || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tc.want)
			}
		})
	}
	// --allow-partial merges and says so in the report.
	out, errOut, code := runCLI(t, "", "simulate", "merge", "--allow-partial", parts[0], parts[2])
	if code != 0 || !strings.Contains(out, "partial report: only the customers of shards 0, 2 of 3") {
		t.Errorf("--allow-partial: exit %d (%s):\n%s", code, errOut, out)
	}
	// A bad --shard is a usage error.
	if _, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--shard", "3/3", simEvents); code != 2 || !strings.Contains(errOut, "I must be 0 to 2") {
		t.Errorf("--shard 3/3: exit %d, %s", code, errOut)
	}
}
