package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/output")

// goldenDir is testdata/output at the repository root.
var goldenDir = filepath.Join("..", "..", "testdata", "output")

const delayFile = "templates/sms/delay.en.txt"

const delayContent = `+++
channel = "sms"
[vars]
eta = { max = 16 }
+++
Hi {{ name }}, your parcel “arrives” {{ eta }}.
`

// at builds a finding for content[start:end] the way lint.Pass.Report does.
func at(file, content string, sev message.Severity, rule string, start, end int, msg, hint string) lint.Finding {
	src := message.NewSource(file, []byte(content))
	a, b := src.Position(start), src.Position(end)
	if end <= start {
		b = a
		b.Column++
	}
	return lint.Finding{
		Rule: rule, Severity: sev, File: file,
		Line: a.Line, Column: a.Column, EndLine: b.Line, EndColumn: b.Column,
		Message: msg, Hint: hint, Offset: start, EndOffset: end,
	}
}

// span returns the byte range of the n-th (from 0) occurrence of sub.
func span(t *testing.T, s, sub string, n int) (int, int) {
	t.Helper()
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(s[off:], sub)
		if j < 0 {
			t.Fatalf("%q not found %d times", sub, n+1)
		}
		if i == n {
			return off + j, off + j + len(sub)
		}
		off += j + len(sub)
	}
}

func testRules() []*lint.Rule {
	long := strings.Repeat("Long documentation sentence that keeps going. ", 25) +
		"\n\n" + strings.Repeat("A second paragraph that pushes the text well past the limit. ", 10)
	return []*lint.Rule{
		{ID: "sms-segments", Summary: "An SMS must fit in max_segments segments", Severity: message.Error,
			Doc: "Every extra segment is billed.\nLong texts arrive out of order.\n\nBad:\n\n    a very long text\n"},
		{ID: "sms-unicode", Summary: "Characters outside GSM-7 force UCS-2", Severity: message.Warning, Fixable: true,
			Doc: "One curly quote halves the segment size.\n\nGood: use `'` instead of `’`."},
		{ID: "placeholder", Summary: "Placeholders must be balanced and declared", Severity: message.Error, Doc: long},
		{ID: "frontmatter", Summary: "Front matter must be valid TOML", Severity: message.Error},
	}
}

func testFindings(t *testing.T) []lint.Finding {
	c := delayContent
	var fs []lint.Finding
	s, e := span(t, c, "+++\nchannel", 0)
	fm := at(delayFile, c, message.Error, "frontmatter", s, e, "front matter spans lines", "")
	fs = append(fs, fm)
	s, e = span(t, c, "{{ name }}", 0)
	fs = append(fs, at(delayFile, c, message.Error, "placeholder", s, e,
		`placeholder "name" is not declared in [vars]`,
		`declare it, e.g. name = { sample = "...", max = 20 }`))
	for i, q := range []string{"“", "”"} {
		s, e = span(t, c, q, 0)
		f := at(delayFile, c, message.Warning, "sms-unicode", s, e,
			fmt.Sprintf("%q forces UCS-2 (occurrence %d)", q, i+1), `replace it with "`)
		f.Fix = &lint.Fix{Description: `replace ` + q + ` with "`, Edits: []lint.Edit{{Start: s, End: e, New: `"`}}}
		fs = append(fs, f)
	}
	// A file neither in Contents nor on disk, with text that needs escaping.
	other := "templates/email/störung, neu.de.md"
	fs = append(fs, lint.Finding{
		Rule: "vague-eta", Severity: message.Info, File: other,
		Line: 2, Column: 5, EndLine: 2, EndColumn: 9,
		Message: "100% vague: \"soon\",\nsay when", Hint: "name a time, e.g. 14:00",
		Template: "outage",
	})
	return fs
}

func testOptions() Options {
	return Options{
		Version: "0.1.0-test", Files: 9, Templates: 12, Rules: testRules(),
		Contents: map[string][]byte{delayFile: []byte(delayContent)},
	}
}

// manyFindings has 12 errors, 3 warnings and 10 infos on distinct lines.
func manyFindings() []lint.Finding {
	var fs []lint.Finding
	add := func(n int, sev message.Severity, rule string) {
		for i := range n {
			line := len(fs) + 1
			fs = append(fs, lint.Finding{Rule: rule, Severity: sev, File: "templates/many.txt",
				Line: line, Column: 1, EndLine: line, EndColumn: 4,
				Message: fmt.Sprintf("%s number %d", rule, i+1)})
		}
	}
	add(10, message.Info, "vague-eta")
	add(3, message.Warning, "sms-unicode")
	add(12, message.Error, "sms-segments")
	return fs
}

type goldenCase struct {
	name, format string
	findings     []lint.Finding
	opt          Options
}

func goldenCases(t *testing.T) []goldenCase {
	color := testOptions()
	color.Color = true
	empty := Options{Version: "0.1.0-test", Files: 3, Templates: 4, Rules: testRules()}
	return []goldenCase{
		{"text", "text", testFindings(t), testOptions()},
		{"text-color", "text", testFindings(t), color},
		{"text-empty", "text", nil, empty},
		{"json", "json", testFindings(t), testOptions()},
		{"json-empty", "json", nil, empty},
		{"sarif", "sarif", testFindings(t), testOptions()},
		{"sarif-empty", "sarif", nil, Options{}},
		{"github", "github", testFindings(t), testOptions()},
		{"github-empty", "github", []lint.Finding{}, empty},
		{"github-capped", "github", manyFindings(), Options{Files: 1, Templates: 1}},
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range append(goldenCases(t), reportGoldenCases(t)...) {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, tc.format, tc.findings, tc.opt); err != nil {
				t.Fatal(err)
			}
			ext := map[string]string{"json": ".json", "sarif": ".sarif", "md": ".md", "html": ".html",
				"codequality": ".json", "junit": ".xml"}[tc.format]
			path := filepath.Join(goldenDir, tc.name+ext+".golden")
			if *update {
				if err := os.MkdirAll(goldenDir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./lint/output -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("%s differs from %s (run with -update to accept):\n%s", tc.name, path, diff(string(want), got))
			}
		})
	}
}

// diff shows the first differing line of want and got.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\nwant: %q\ngot:  %q", i+1, a, b)
		}
	}
	return "(no line differs)"
}

func TestGoldenInputsUnchanged(t *testing.T) {
	fs := testFindings(t)
	before := fmt.Sprint(fs)
	for _, f := range Formats() {
		if err := Write(&bytes.Buffer{}, f, fs, testOptions()); err != nil {
			t.Fatal(err)
		}
	}
	if after := fmt.Sprint(fs); after != before {
		t.Errorf("printers changed their input:\nbefore %s\nafter  %s", before, after)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, "xml", nil, Options{})
	if err == nil {
		t.Fatal("no error for unknown format")
	}
	for _, name := range append(Formats(), "xml") {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not mention %q", err, name)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	for _, f := range Formats() {
		if err := Write(failWriter{}, f, testFindings(t), testOptions()); err == nil {
			t.Errorf("%s: write error not returned", f)
		}
	}
}

func TestSummary(t *testing.T) {
	e := lint.Finding{Severity: message.Error}
	w := lint.Finding{Severity: message.Warning, Fix: &lint.Fix{}}
	i := lint.Finding{Severity: message.Info}
	tests := []struct {
		fs   []lint.Finding
		opt  Options
		want string
	}{
		{nil, Options{Files: 9, Templates: 12}, "no findings in 12 templates (9 files)"},
		{nil, Options{}, "no findings"},
		{[]lint.Finding{e}, Options{Files: 1, Templates: 1}, "1 error in 1 template (1 file)"},
		{[]lint.Finding{e, e, e, w, w, i}, Options{Files: 9, Templates: 12},
			"3 errors, 2 warnings, 1 info in 12 templates (9 files); 2 fixable with --fix"},
		{[]lint.Finding{i, i}, Options{}, "2 info"},
		{[]lint.Finding{w}, Options{}, "1 warning; 1 fixable with --fix"},
	}
	for _, tt := range tests {
		if got := summary(tt.fs, tt.opt); got != tt.want {
			t.Errorf("summary = %q, want %q", got, tt.want)
		}
	}
}

func TestTextMultilineMessage(t *testing.T) {
	var buf bytes.Buffer
	f := lint.Finding{Rule: "r", Severity: message.Error, File: "a.txt", Line: 1, Column: 2,
		Message: "one\ntwo\r\nthree", Hint: "h1\nh2"}
	if err := Text(&buf, []lint.Finding{f}, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "a.txt:1:2: error r: one\n    two\n    three\n    hint: h1\n    h2\n1 error\n"
	if buf.String() != want {
		t.Errorf("got %q, want %q", buf.String(), want)
	}
}

func TestTextNoColorWithoutOption(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, testFindings(t), testOptions()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "\x1b[") {
		t.Error("ANSI escapes in text output without Color")
	}
}

func TestJSONShape(t *testing.T) {
	for _, fs := range [][]lint.Finding{nil, {}, testFindings(t)} {
		var buf bytes.Buffer
		if err := JSON(&buf, fs, Options{}); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Version  int
			Findings []map[string]any
			Summary  map[string]int
		}
		dec := json.NewDecoder(&buf)
		if err := dec.Decode(&doc); err != nil {
			t.Fatal(err)
		}
		if dec.More() {
			t.Error("more than one JSON value")
		}
		if doc.Version != JSONVersion || doc.Findings == nil || len(doc.Findings) != len(fs) {
			t.Errorf("version %d, findings %v", doc.Version, doc.Findings)
		}
		for _, f := range doc.Findings {
			for _, k := range []string{"rule", "severity", "file", "line", "column", "end_line", "end_column", "message", "hint", "template", "fix"} {
				if _, ok := f[k]; !ok {
					t.Errorf("finding lacks %q: %v", k, f)
				}
			}
		}
		for _, k := range []string{"files", "templates", "error", "warning", "info", "fixable"} {
			if _, ok := doc.Summary[k]; !ok {
				t.Errorf("summary lacks %q", k)
			}
		}
	}
	var buf bytes.Buffer
	if err := JSON(&buf, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"findings": []`) {
		t.Errorf("empty findings not []: %s", buf.String())
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"a\nb\r\nc", "a%0Ab%0D%0Ac", "a%0Ab%0D%0Ac"},
		{"a: b, c", "a: b, c", "a%3A b%2C c"},
		{"%0A", "%250A", "%250A"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}

func TestTruncate(t *testing.T) {
	para := strings.Repeat("word ", 150) + "\n\n" + strings.Repeat("more ", 100)
	tests := []struct {
		name, in string
		limit    int
		want     string // "" means: only check the invariants
	}{
		{"short", "short text", 1024, "short text"},
		{"exact", strings.Repeat("a", 20), 20, strings.Repeat("a", 20)},
		{"paragraph", para, 1024, strings.TrimSpace(strings.Repeat("word ", 150)) + "…"},
		{"word", "One. Two three four five six seven", 20, "One. Two three…"},
		{"sentence end", "First sentence. Second sentence goes on", 24, "First sentence.…"},
		{"no spaces", strings.Repeat("x", 50), 10, "xxxxxxx…"},
		{"multibyte", strings.Repeat("ä", 50), 10, "äää…"},
		{"tiny limit", "abcdef", 2, ""},
	}
	for _, tt := range tests {
		got := truncate(tt.in, tt.limit)
		if tt.want != "" && got != tt.want {
			t.Errorf("%s: truncate = %q, want %q", tt.name, got, tt.want)
		}
		if len(got) > tt.limit || !utf8.ValidString(got) {
			t.Errorf("%s: %q is %d bytes (limit %d) or invalid UTF-8", tt.name, got, len(got), tt.limit)
		}
	}
}

func TestCamelCase(t *testing.T) {
	for in, want := range map[string]string{
		"sms-segments": "SmsSegments", "placeholder": "Placeholder",
		"vague-cta": "VagueCta", "a--b_c": "ABC", "": "",
	} {
		if got := camelCase(in); got != want {
			t.Errorf("camelCase(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstParagraph(t *testing.T) {
	if got := firstParagraph("  One line\nand the next.\r\n\r\nSecond."); got != "One line and the next." {
		t.Errorf("got %q", got)
	}
}

func TestRelativePaths(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(wd, "repo")
	abs := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	outside := filepath.Join(wd, "elsewhere", "x.md")
	tests := []struct {
		name, root, file string
		rel              string
		inside           bool
		uri              string
	}{
		{"relative inside", "repo", filepath.FromSlash("repo/sms/a.txt"), "sms/a.txt", true, "sms/a.txt"},
		{"absolute inside", root, abs("sms/a.txt"), "sms/a.txt", true, "sms/a.txt"},
		{"root with slash", root + string(filepath.Separator), abs("a.txt"), "a.txt", true, "a.txt"},
		{"dot-dot inside", "repo", filepath.FromSlash("repo/x/../b.md"), "b.md", true, "b.md"},
		{"empty root is cwd", "", filepath.FromSlash("t/a.txt"), "t/a.txt", true, "t/a.txt"},
		{"name starting with dots", root, abs("..hidden/a.txt"), "..hidden/a.txt", true, "..hidden/a.txt"},
		{"outside relative", "repo", filepath.FromSlash("../up.md"), "../up.md", false, ""},
		{"outside absolute", root, outside, filepath.ToSlash(outside), false, ""},
		{"escaped uri", root, abs("e mail/störung:1#2.md"), "e mail/störung:1#2.md", true, "e%20mail/st%C3%B6rung%3A1%232.md"},
	}
	for _, tt := range tests {
		p := newPaths(tt.root)
		rel, inside := p.rel(tt.file)
		if rel != tt.rel || inside != tt.inside {
			t.Errorf("%s: rel(%q) = %q, %v; want %q, %v", tt.name, tt.file, rel, inside, tt.rel, tt.inside)
		}
		uri, base := p.uri(tt.file)
		if base != tt.inside {
			t.Errorf("%s: uri base %v, want %v", tt.name, base, tt.inside)
		}
		if tt.uri != "" && uri != tt.uri {
			t.Errorf("%s: uri = %q, want %q", tt.name, uri, tt.uri)
		}
		if !tt.inside && !strings.HasPrefix(uri, "file:///") {
			t.Errorf("%s: uri %q outside the root is not an absolute file URI", tt.name, uri)
		}
	}
}

func TestRegionOf(t *testing.T) {
	tests := []struct {
		f    lint.Finding
		want region
	}{
		{lint.Finding{Line: 3, Column: 2, EndLine: 3, EndColumn: 5}, region{3, 2, 3, 5}},
		{lint.Finding{}, region{1, 1, 1, 2}},
		{lint.Finding{Line: 4, Column: 7, EndLine: 4, EndColumn: 7}, region{4, 7, 4, 8}},
		{lint.Finding{Line: 4, Column: 7, EndLine: 2, EndColumn: 1}, region{4, 7, 4, 8}},
		{lint.Finding{Line: 1, Column: 3, EndLine: 2, EndColumn: 0}, region{1, 3, 2, 1}},
		{lint.Finding{Line: 1, Column: 3, EndLine: 2, EndColumn: 1}, region{1, 3, 2, 1}},
	}
	for _, tt := range tests {
		if got := regionOf(tt.f); got != tt.want {
			t.Errorf("regionOf(%+v) = %+v, want %+v", tt.f, got, tt.want)
		}
	}
}

// command returns the workflow command a line starts, if any.
func command(line string) (string, bool) {
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		return "", false
	}
	end := strings.IndexAny(rest, " :")
	if end < 0 {
		return "", false
	}
	return rest[:end], true
}

// annotations splits GitHub output into workflow commands and plain lines.
func annotations(out string) (cmds map[string]int, plain []string) {
	cmds = map[string]int{}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if cmd, ok := command(line); ok {
			cmds[cmd]++
		} else {
			plain = append(plain, line)
		}
	}
	return cmds, plain
}

func TestGitHubCap(t *testing.T) {
	tests := []struct {
		name                     string
		errors, warnings, infos  int
		wantE, wantW, wantN      int // annotations, the overflow notice included
		wantHidden, wantPlainLen int
	}{
		{"under the cap", 10, 10, 10, 10, 10, 10, 0, 1},
		{"errors over", 12, 3, 10, 10, 3, 10, 3, 26},
		{"infos over", 0, 0, 11, 0, 0, 10, 2, 12},
		{"warnings over", 0, 15, 2, 0, 10, 3, 5, 18},
	}
	for _, tt := range tests {
		var fs []lint.Finding
		for _, n := range []struct {
			count int
			sev   message.Severity
		}{{tt.infos, message.Info}, {tt.warnings, message.Warning}, {tt.errors, message.Error}} {
			for i := range n.count {
				fs = append(fs, lint.Finding{Rule: "r", Severity: n.sev, File: "f.txt", Line: i + 1, Column: 1, EndLine: i + 1, EndColumn: 2, Message: "m"})
			}
		}
		var buf bytes.Buffer
		if err := GitHub(&buf, fs, Options{}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		cmds, plain := annotations(out)
		if cmds["error"] != tt.wantE || cmds["warning"] != tt.wantW || cmds["notice"] != tt.wantN {
			t.Errorf("%s: annotations %v, want error %d warning %d notice %d\n%s", tt.name, cmds, tt.wantE, tt.wantW, tt.wantN, out)
		}
		if tt.wantHidden > 0 && !strings.Contains(out, fmt.Sprintf("::notice::%d more finding", tt.wantHidden)) {
			t.Errorf("%s: no notice for %d hidden findings:\n%s", tt.name, tt.wantHidden, out)
		}
		if len(plain) != tt.wantPlainLen {
			t.Errorf("%s: %d plain lines, want %d:\n%s", tt.name, len(plain), tt.wantPlainLen, out)
		}
		// Most severe first.
		last := 4
		rank := map[string]int{"error": 3, "warning": 2, "notice": 1}
		for _, line := range strings.Split(out, "\n") {
			if cmd, ok := command(line); ok {
				if rank[cmd] > last {
					t.Errorf("%s: %s after a less severe annotation", tt.name, cmd)
				}
				last = rank[cmd]
			}
		}
	}
}

func TestGitHubAnnotation(t *testing.T) {
	tests := []struct {
		name string
		f    lint.Finding
		want string
	}{
		{"single line", lint.Finding{Rule: "sms-unicode", Severity: message.Warning, File: "a,b:c.txt",
			Line: 2, Column: 3, EndLine: 2, EndColumn: 4, Message: "50% off:\nnow", Hint: "use ,"},
			"::warning file=a%2Cb%3Ac.txt,line=2,endLine=2,col=3,endColumn=4,title=notelint sms-unicode::50%25 off:%0Anow%0Ahint: use ,\n"},
		{"multi line drops columns", lint.Finding{Rule: "frontmatter", Severity: message.Error, File: "x.md",
			Line: 1, Column: 1, EndLine: 3, EndColumn: 4, Message: "bad"},
			"::error file=x.md,line=1,endLine=3,title=notelint frontmatter::bad\n"},
		{"info is notice", lint.Finding{Rule: "r", Severity: message.Info, File: "x.md", Line: 5, Column: 1, EndLine: 5, EndColumn: 2, Message: "m"},
			"::notice file=x.md,line=5,endLine=5,col=1,endColumn=2,title=notelint r::m\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := GitHub(&buf, []lint.Finding{tt.f}, Options{}); err != nil {
			t.Fatal(err)
		}
		got, _, _ := strings.Cut(buf.String(), "\n")
		if got+"\n" != tt.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tt.name, got+"\n", tt.want)
		}
	}
}

func TestGitHubPlainLinesAreNotCommands(t *testing.T) {
	var fs []lint.Finding
	for i := range 12 {
		fs = append(fs, lint.Finding{Rule: "r", Severity: message.Error, File: "::evil.txt", Line: i + 1, Column: 1,
			EndLine: i + 1, EndColumn: 2, Message: "x\n::error::injected"})
	}
	var buf bytes.Buffer
	if err := GitHub(&buf, fs, Options{}); err != nil {
		t.Fatal(err)
	}
	cmds, _ := annotations(buf.String())
	if cmds["error"] != 10 || cmds["notice"] != 1 || len(cmds) != 2 {
		t.Errorf("commands %v, want 10 errors and 1 notice:\n%s", cmds, buf.String())
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasPrefix(line, "::error::") {
			t.Errorf("injected command: %q", line)
		}
	}
}
