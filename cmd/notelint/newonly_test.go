package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A delay SMS with a vague time on its last line.
const lateSMS = "+++\nid = \"late\"\nkind = \"delay\"\n+++\nAcme: your parcel is late.\nIt will arrive soon.\n"

// checkJSON runs check with --format json and returns "file:line rule" for
// each finding, the exit code and standard error.
func checkJSON(t *testing.T, args ...string) ([]string, int, string) {
	t.Helper()
	out, stderr, code := runCLI(t, "", append([]string{"check", "--format", "json"}, args...)...)
	var doc struct {
		Findings []struct {
			Rule string `json:"rule"`
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("check %v: %v\nstdout:\n%s\nstderr:\n%s", args, err, out, stderr)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, filepath.ToSlash(f.File)+":"+strconv.Itoa(f.Line)+" "+f.Rule)
	}
	return got, code, stderr
}

// gitRepo makes a scratch repository in a new temporary directory, makes it
// the working directory and returns a function running git in it.
func gitRepo(t *testing.T) func(args ...string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Chdir(dir)
	t.Setenv("GIT_CONFIG_GLOBAL", os.DevNull)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	writeFile(t, ".notelint.toml", "[lint]\ndefault_locale = \"en\"\n")
	return git
}

func TestNewFromRev(t *testing.T) {
	git := gitRepo(t)
	writeFile(t, "t/a.txt", lateSMS)
	writeFile(t, "t/b.txt", strings.Replace(lateSMS, "late\"", "late-b\"", 1))
	git("add", ".")
	git("commit", "-q", "-m", "initial")

	all, code, _ := checkJSON(t, "t")
	if code != exitFindings || len(all) != 4 {
		t.Fatalf("without a filter: exit %d, findings %v; want 1 and 4 findings", code, all)
	}

	// Nothing changed: everything is hidden, and the summary says so.
	out, _, code := runCLI(t, "", "check", "--new-from-rev", "HEAD", "t")
	if code != exitOK || !strings.Contains(out, "no findings") || !strings.Contains(out, "4 hidden on unchanged lines") {
		t.Errorf("unchanged tree: exit %d, output:\n%s", code, out)
	}

	// A renamed file with no change of content has no new finding; a new
	// vague line in a.txt is new, the old one is not; an untracked file is
	// new as a whole.
	git("mv", "t/b.txt", "t/renamed.txt")
	writeFile(t, "t/a.txt", strings.Replace(lateSMS, "It will", "Sorry.\nIt comes shortly.\nIt will", 1))
	writeFile(t, "t/new.txt", strings.Replace(lateSMS, "late\"", "late-new\"", 1))
	got, code, stderr := checkJSON(t, "--new-from-rev", "HEAD", "t")
	want := []string{"t/a.txt:7 vague-eta", "t/new.txt:5 missing-eta", "t/new.txt:6 vague-eta"}
	if code != exitFindings || !slices.Equal(got, want) {
		t.Errorf("changed tree: exit %d, findings\n%v\nwant\n%v\nstderr: %s", code, got, want, stderr)
	}

	// The merge base of a branch: changes committed on the branch count,
	// changes on main after the branch point do not.
	git("add", ".")
	git("commit", "-q", "-m", "work")
	git("checkout", "-q", "-b", "feature")
	writeFile(t, "t/renamed.txt", strings.Replace(lateSMS, "soon", "soon, maybe later", 1))
	git("commit", "-q", "-am", "feature work")
	got, _, stderr = checkJSON(t, "--new-from-merge-base", "main", "t")
	want = []string{"t/renamed.txt:6 vague-eta"}
	if !slices.Contains(got, "t/renamed.txt:6 vague-eta") || slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "t/a.txt") }) {
		t.Errorf("merge base: findings %v, want those on t/renamed.txt:6 only (%v); stderr: %s", got, want, stderr)
	}

	for _, args := range [][]string{
		{"--new-from-rev", "no-such-rev"},
		{"--new-from-merge-base", "no-such-branch"},
		{"--new-from-rev", "--output=x"},
		{"--new-from-rev", "HEAD", "--new-from-merge-base", "main"},
	} {
		_, stderr, code := runCLI(t, "", append(append([]string{"check"}, args...), "t")...)
		if code != exitUsage || !strings.Contains(stderr, "notelint: ") {
			t.Errorf("check %v: exit %d, want %d; stderr: %s", args, code, exitUsage, stderr)
		}
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, ".notelint.toml", "[lint]\ndefault_locale = \"en\"\n")
	writeFile(t, "t/a.txt", lateSMS)
	_, stderr, code := runCLI(t, "", "baseline", "write", "base.json", "t")
	if code != exitOK || !strings.Contains(stderr, "recorded 2 findings in base.json") {
		t.Fatalf("baseline write: exit %d, stderr: %s", code, stderr)
	}
	data, err := os.ReadFile("base.json")
	if err != nil || !strings.Contains(string(data), `"file": "t/a.txt"`) || strings.Contains(string(data), `"line"`) {
		t.Fatalf("baseline file (%v):\n%s", err, data)
	}

	cases := []struct {
		name, content string
		want          []string
	}{
		{"unchanged", lateSMS, nil},
		{"lines added above", strings.Replace(lateSMS, "+++\nid", "+++\n# owner: team delivery\n\nid", 1), nil},
		{"the same problem twice", lateSMS + "Really soon.\n", []string{"t/a.txt:7 vague-eta"}},
		{"the offending text changed", strings.Replace(lateSMS, "arrive soon", "arrive shortly", 1), []string{"t/a.txt:6 vague-eta"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			writeFile(t, "t/a.txt", c.content)
			got, code, stderr := checkJSON(t, "--baseline", "base.json", "t")
			if !slices.Equal(got, c.want) {
				t.Errorf("findings %v, want %v; stderr: %s", got, c.want, stderr)
			}
			wantCode := exitOK
			if slices.ContainsFunc(c.want, func(s string) bool { return strings.HasSuffix(s, "missing-eta") }) {
				wantCode = exitFindings
			}
			if code != wantCode {
				t.Errorf("exit %d, want %d", code, wantCode)
			}
		})
	}
	writeFile(t, "t/a.txt", lateSMS)
	out, _, _ := runCLI(t, "", "check", "--baseline", "base.json", "t")
	if !strings.Contains(out, "no findings in 1 template (1 file); 2 hidden by the baseline") {
		t.Errorf("summary:\n%s", out)
	}

	writeFile(t, "bad.json", "{\"findings\": [}\n")
	for _, args := range [][]string{{"--baseline", "missing.json"}, {"--baseline", "bad.json"}} {
		_, stderr, code := runCLI(t, "", append(append([]string{"check"}, args...), "t")...)
		if code != exitUsage || !strings.Contains(stderr, "--baseline") {
			t.Errorf("check %v: exit %d, want %d; stderr: %s", args, code, exitUsage, stderr)
		}
	}
}

// TestNewFromRevWholeMessage: a finding about the whole message points at
// its first sentence; it is new when a change elsewhere in the template
// brought it (the time was removed), and not when it was there before.
func TestNewFromRevWholeMessage(t *testing.T) {
	git := gitRepo(t)
	good := "+++\nid = \"good\"\nkind = \"delay\"\nsender = \"Acme\"\n+++\nAcme: your parcel is late.\nNew delivery: today 14:00-16:00.\n"
	writeFile(t, "t/good.txt", good)
	writeFile(t, "t/late.txt", lateSMS)
	git("add", ".")
	git("commit", "-q", "-m", "initial")
	if got, code, stderr := checkJSON(t, "t/good.txt"); len(got) != 0 || code != exitOK {
		t.Fatalf("the good SMS has findings %v (exit %d): %s", got, code, stderr)
	}

	writeFile(t, "t/good.txt", strings.Replace(good, "today 14:00-16:00", "soon", 1))
	writeFile(t, "t/late.txt", lateSMS+"Sorry.\n")
	got, code, stderr := checkJSON(t, "--new-from-rev", "HEAD", "t")
	want := []string{"t/good.txt:6 missing-eta", "t/good.txt:6 missing-next-step", "t/good.txt:7 vague-eta"}
	if code != exitFindings || !slices.Equal(got, want) {
		t.Errorf("findings %v, want %v (late.txt's missing-eta was there before); exit %d; stderr: %s", got, want, code, stderr)
	}
}
