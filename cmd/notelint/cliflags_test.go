package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestEnumFlagsNameTheirValues checks that every flag with a fixed set of
// values refuses another one and names the values it takes.
func TestEnumFlagsNameTheirValues(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--color", "sometimes", "."}, `invalid argument "sometimes" for "--color" flag: want auto, always or never`},
		{[]string{"check", "--fail-on", "fatal", "."}, "want error, warning, info or never"},
		{[]string{"check", "--enable", "no-such-rule", "."}, `unknown rule "no-such-rule"`},
		{[]string{"check", "--disable", "vague-eta,nope", "."}, `unknown rule "nope"`},
		{[]string{"check", "--format", "xml", "."}, "want text, json, sarif"},
		{[]string{"rules", "--format", "xml"}, "want text or json"},
		{[]string{"inspect", "--format", "xml", "."}, "want text or json"},
		{[]string{"sms", "--split", "words", "hi"}, "want graphemes or minimal"},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			_, stderr, code := runCLI(t, "", c.args...)
			if code != exitUsage || !strings.Contains(stderr, c.want) {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", code, stderr, c.want)
			}
		})
	}
}

func TestVersionFlag(t *testing.T) {
	out, _, code := runCLI(t, "", "--version")
	want, _, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "notelint ") || out != want {
		t.Errorf("--version: exit %d, %q; version prints %q", code, out, want)
	}
}

func TestCompletion(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, stderr, code := runCLI(t, "", "completion", shell)
		if code != 0 || len(out) < 100 {
			t.Errorf("completion %s: exit %d, %d bytes; %s", shell, code, len(out), stderr)
		}
	}
	help, _, _ := runCLI(t, "", "--help")
	if !strings.Contains(help, "completion") {
		t.Error("completion is not listed in the help")
	}
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"explain", ""}, []string{"vague-eta\t", "sms-segments\t"}},
		{[]string{"check", "--format", ""}, []string{"sarif", "junit"}},
		{[]string{"check", "--fail-on", ""}, []string{"never"}},
		{[]string{"check", "--color", ""}, []string{"always"}},
		{[]string{"check", "--enable", ""}, []string{"missing-eta\t"}},
		{[]string{"sms", "--split", ""}, []string{"minimal"}},
	}
	for _, c := range cases {
		out, _, _ := runCLI(t, "", append([]string{"__complete"}, c.args...)...)
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("completing %v: %q missing in\n%s", c.args, w, out)
			}
		}
	}
	// Paths are completed by the shell: check arguments leave file
	// completion on.
	out, _, _ := runCLI(t, "", "__complete", "check", "")
	if strings.Contains(out, "ShellCompDirectiveNoFileComp") {
		t.Errorf("check PATH completion turns file completion off:\n%s", out)
	}
}

func TestStdinQuietEnableDisable(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	// The config sits next to the file: it switches vague-eta off, so
	// --enable has something to switch on.
	writeFile(t, filepath.Join("t", ".notelint.toml"), "[lint]\ndefault_locale = \"en\"\n[rules.vague-eta]\nseverity = \"off\"\n")
	writeFile(t, "t/on-disk.txt", "not what is checked\n")

	cases := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		want     []string
		wantNot  []string
		inStderr string
	}{
		{name: "stdin as the file", args: []string{"check", "-", "--stdin-filename", "t/late.txt"}, stdin: lateSMS, code: exitFindings,
			want: []string{"t/late.txt:5:1: error missing-eta", "1 error in 1 template (1 file)"}, wantNot: []string{"vague-eta"}},
		{name: "enable", args: []string{"check", "--enable", "vague-eta", "-", "--stdin-filename", "t/late.txt"}, stdin: lateSMS, code: exitFindings,
			want: []string{"t/late.txt:6:16: warning vague-eta"}},
		{name: "disable", args: []string{"check", "--disable", "missing-eta", "--disable", "sender-id", "-", "--stdin-filename", "t/late.txt"}, stdin: lateSMS, code: exitOK,
			want: []string{"no findings"}},
		{name: "quiet", args: []string{"check", "-q", "-", "--stdin-filename", "t/late.txt"}, stdin: lateSMS, code: exitFindings,
			want: []string{"missing-eta"}, wantNot: []string{"1 error"}},
		{name: "quiet without findings", args: []string{"check", "--quiet", "--disable", "missing-eta", "-", "--stdin-filename", "t/late.txt"}, stdin: lateSMS, code: exitOK},
		{name: "no file name", args: []string{"check", "-"}, stdin: lateSMS, code: exitUsage, inStderr: "needs --stdin-filename"},
		{name: "file name without -", args: []string{"check", "--stdin-filename", "t/x.txt", "t"}, code: exitUsage, inStderr: "needs PATH -"},
		{name: "- with other paths", args: []string{"check", "-", "t", "--stdin-filename", "t/x.txt"}, code: exitUsage, inStderr: "cannot be combined"},
		{name: "--fix", args: []string{"check", "--fix", "-", "--stdin-filename", "t/x.txt"}, code: exitUsage, inStderr: "--fix"},
		{name: "invalid UTF-8", args: []string{"check", "-", "--stdin-filename", "t/x.txt"}, stdin: "caf\xe9\n", code: exitUsage, inStderr: "t/x.txt:1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, c.stdin, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr: %s", code, c.code, out, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("%q missing in\n%s", w, out)
				}
			}
			for _, w := range c.wantNot {
				if strings.Contains(out, w) {
					t.Errorf("%q in\n%s", w, out)
				}
			}
			if c.name == "quiet without findings" && out != "" {
				t.Errorf("quiet run without findings printed %q", out)
			}
			if !strings.Contains(stderr, c.inStderr) {
				t.Errorf("stderr %q, want %q", stderr, c.inStderr)
			}
		})
	}
}

// TestJUnitFollowsFailOn: with --fail-on never no JUnit test case fails,
// and with the default only the error does.
func TestJUnitFollowsFailOn(t *testing.T) {
	t.Chdir(t.TempDir())
	writeFile(t, ".notelint.toml", "[lint]\ndefault_locale = \"en\"\n")
	for _, c := range []struct {
		failOn, want string
	}{{"never", `failures="0"`}, {"error", `failures="1"`}, {"warning", `failures="2"`}} {
		out, stderr, _ := runCLI(t, lateSMS, "check", "--format", "junit", "--fail-on", c.failOn, "-", "--stdin-filename", "late.txt")
		if !strings.Contains(out, `<testsuites name="notelint"`) || !strings.Contains(out, c.want) {
			t.Errorf("--fail-on %s: want %s in\n%s\n%s", c.failOn, c.want, out, stderr)
		}
	}
}
