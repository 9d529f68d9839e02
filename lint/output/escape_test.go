package output

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// hostile are file names and messages that try to break out of their line.
var hostile = []struct{ name, path, msg string }{
	{"newline in path injects a workflow command", "a.txt\n::error file=x.txt::pwned", "m"},
	{"newline in message", "a.txt", "first\n::error ::pwned"},
	{"carriage return", "a\r::warning ::x.txt", "m\r::notice ::x"},
	{"escape sequence", "a\x1b[2J.txt", "red \x1b[31mtext"},
	{"next line and separators", "a\u0085b\u2028c.txt", "m\u2029::error ::x"},
	{"invalid UTF-8", "a\xff.txt", "m\xfe"},
	{"nul and del", "a\x00\x7f.txt", "m\x00"},
}

func hostileFinding(path, msg, hint string) lint.Finding {
	return lint.Finding{Rule: "r", Severity: message.Error, File: path, Line: 1, Column: 1, EndLine: 1, EndColumn: 2, Message: msg, Hint: hint}
}

// lineFormats renders one finding in every line-based format.
func lineFormats(t testing.TB, f lint.Finding) map[string]string {
	out := map[string]string{}
	for _, format := range []string{"text", "github", "md", "junit", "codequality"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, []lint.Finding{f}, Options{Root: "/nonexistent-root"}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		out[format] = buf.String()
	}
	return out
}

// checkLines checks the invariants of line-based output: no control
// character but line breaks and tabs, one text line and one workflow
// command per finding, as many Markdown lines as a plain finding gives.
func checkLines(t testing.TB, f lint.Finding) {
	got := lineFormats(t, f)
	plainMD := strings.Count(lineFormats(t, hostileFinding("p.txt", "m", ""))["md"], "\n")
	for format, s := range got {
		if i := strings.IndexFunc(s, func(r rune) bool {
			return r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || isWideControl(r))
		}); i >= 0 {
			t.Errorf("%s: control character %q at %d in %q", format, s[i:i+1], i, s)
		}
	}
	lines := strings.Split(strings.TrimSuffix(got["text"], "\n"), "\n")
	top := 0
	for _, l := range lines {
		if !strings.HasPrefix(l, "    ") {
			top++
		}
	}
	if top != 2 { // the finding and the summary
		t.Errorf("text: %d top-level lines, want 2:\n%s", top, got["text"])
	}
	gh := strings.Split(strings.TrimSuffix(got["github"], "\n"), "\n")
	if len(gh) != 2 || !strings.HasPrefix(gh[0], "::error ") || strings.HasPrefix(gh[1], "::") {
		t.Errorf("github: want one command and a summary, got %q", gh)
	}
	if g := strings.Count(got["md"], "\n"); g != plainMD {
		t.Errorf("md: %d lines, a plain finding gives %d:\n%s", g, plainMD, got["md"])
	}
	var cq []map[string]any
	if err := json.Unmarshal([]byte(got["codequality"]), &cq); err != nil || len(cq) != 1 {
		t.Errorf("codequality: %v, %d issues", err, len(cq))
	}
}

func TestLineFormatsEscapeControls(t *testing.T) {
	for _, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			checkLines(t, hostileFinding(h.path, h.msg, h.msg))
		})
	}
	got := lineFormats(t, hostileFinding("a.txt\n::error file=x.txt::pwned", "m", ""))
	if !strings.Contains(got["text"], `a.txt\n::error file=x.txt::pwned:1:1`) {
		t.Errorf("text: the path is not shown escaped:\n%s", got["text"])
	}
	if !strings.Contains(got["github"], `file=a.txt\n%3A%3Aerror file=x.txt%3A%3Apwned,`) {
		t.Errorf("github: the path is not shown escaped:\n%s", got["github"])
	}
}

// FuzzLineFormats checks that whatever the file name, rule id, message and
// hint, each line-based format keeps one finding on its own line(s) and
// prints no control character.
func FuzzLineFormats(f *testing.F) {
	for _, h := range hostile {
		f.Add(h.path, "r", h.msg, h.msg)
	}
	f.Fuzz(func(t *testing.T, path, rule, msg, hint string) {
		if len(path)+len(rule)+len(msg)+len(hint) > 2000 || strings.HasPrefix(path, " ") || strings.TrimSpace(rule) == "" {
			return // long inputs fold the Markdown; a path starting with spaces reads as a continuation line
		}
		fd := hostileFinding(path, msg, hint)
		fd.Rule = rule
		checkLines(t, fd)
	})
}
