package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// Template files for the formats that show templates (HTML, JUnit), next
// to delayFile: an SMS that needs three UCS-2 segments, a catalog with a
// short and a long GSM-7 SMS (one with a control tag), an e-mail and a
// push message.
const (
	outageFile  = "templates/sms/outage.en.txt"
	catalogFile = "templates/sms/catalog.toml"
	emailFile   = "templates/email/delay.en.md"
	pushFile    = "templates/push/ticket.en.txt"
)

var templateFiles = map[string]string{
	delayFile: delayContent,
	outageFile: `+++
id = "outage"
kind = "outage"
sender = "Acme"
[vars]
area = { sample = "Zürich West", max = 20 }
+++
Acme: we’re fixing a power cut in {{ area }}. Power should be back by 18:00 – we will text you when it is. Questions? Call 0800 123 456 or reply HELP. Thanks for your patience.
`,
	catalogFile: `channel = "sms"
locale = "en"
sender = "Acme"

[[message]]
id = "short"
kind = "appointment"
body = "Acme: your technician arrives between {{from}} and {{to}}.{% if vip %} Priority line: 0800 1.{% endif %}"
[message.vars]
from = { sample = "10:00", max = 5, type = "time" }
to = { sample = "11:00", max = 5, type = "time" }

[[message]]
id = "long"
kind = "process-update"
body = "Acme: we received your claim {{claim_id}} and are reviewing it. We will text you with a decision within 5 working days; you do not need to do anything until then. Questions? Reply to this message."
[message.vars]
claim_id = { sample = "CL-2291", max = 10 }
`,
	emailFile: `+++
id = "order-delayed"
kind = "delay"
subject = "Your order {{ order }} is one day late"
[vars]
order = { sample = "A-1001", max = 10 }
+++
Hi,

your order arrives on **{{ eta }}**. You don't need to do anything.
`,
	pushFile: `+++
channel = "push"
id = "ticket"
kind = "ticket"
title = "Update on your request"
+++
An engineer calls you tomorrow between 9:00 and 12:00.
`,
}

// reportFixture loads the template files and adds findings on them to
// testFindings, sorted the way the runner sorts them.
func reportFixture(t *testing.T) ([]lint.Finding, Options) {
	t.Helper()
	cfg := lint.DefaultConfig(testRules())
	opt := testOptions()
	opt.Config = cfg
	opt.Contents = map[string][]byte{}
	for _, file := range []string{delayFile, outageFile, catalogFile, emailFile, pushFile} {
		content := templateFiles[file]
		ts, err := load.Load(file, []byte(content), &cfg.Config)
		if err != nil {
			t.Fatal(err)
		}
		opt.TemplateList = append(opt.TemplateList, ts...)
		opt.Contents[file] = []byte(content)
	}
	opt.Files, opt.Templates = 5, len(opt.TemplateList)
	fs := testFindings(t)
	c := templateFiles[outageFile]
	s, e := span(t, c, "Acme: we", 0)
	f := at(outageFile, c, message.Error, "sms-segments", s, e, "the SMS needs 3 segments (UCS-2) but the budget is 1 segment", "replace the characters that force UCS-2")
	f.Template = "outage"
	fs = append(fs, f)
	for i, q := range []string{"’", "–"} {
		s, e = span(t, c, q, 0)
		f := at(outageFile, c, message.Warning, "sms-unicode", s, e, fmt.Sprintf("%q forces UCS-2 (%d)", q, i+1), "replace it")
		f.Template = "outage"
		fs = append(fs, f)
	}
	c = templateFiles[catalogFile]
	s, e = span(t, c, "[[message]]", 1)
	f = at(catalogFile, c, message.Error, "sms-segments", s, e, "the SMS needs 2 segments but the budget is 1 segment", "")
	f.Template = "long"
	fs = append(fs, f)
	c = templateFiles[emailFile]
	s, e = span(t, c, "{{ eta }}", 0)
	f = at(emailFile, c, message.Error, "placeholder", s, e, `placeholder "eta" is not declared in [vars]`, "declare it")
	f.Template = "order-delayed"
	fs = append(fs, f)
	lint.SortFindings(fs)
	return fs, opt
}

func reportGoldenCases(t *testing.T) []goldenCase {
	fs, opt := reportFixture(t)
	empty := Options{Version: "0.1.0-test", Files: 3, Templates: 4, Rules: testRules()}
	return []goldenCase{
		{"md", "md", testFindings(t), testOptions()},
		{"md-empty", "md", nil, empty},
		{"md-folded", "md", manyFindings(), Options{Files: 1, Templates: 1, Version: "0.1.0-test"}},
		{"html", "html", fs, opt},
		{"html-empty", "html", nil, empty},
		{"codequality", "codequality", testFindings(t), testOptions()},
		{"codequality-empty", "codequality", nil, empty},
		{"junit", "junit", fs, opt},
		{"junit-findings-only", "junit", testFindings(t), testOptions()},
		{"junit-empty", "junit", nil, empty},
	}
}

func TestReportInputsUnchanged(t *testing.T) {
	fs, opt := reportFixture(t)
	before := fmt.Sprint(fs)
	for _, f := range Formats() {
		if err := Write(&bytes.Buffer{}, f, fs, opt); err != nil {
			t.Fatal(err)
		}
	}
	if after := fmt.Sprint(fs); after != before {
		t.Errorf("printers changed their input")
	}
}

// --- Markdown ---

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words, 14:00.", "plain words, 14:00."},
		{"a | b", `a \| b`},
		{"*bold* _em_ ~~del~~", `\*bold\* \_em\_ \~\~del\~\~`},
		{"`code`", "\\`code\\`"},
		{"[link](https://x.example)", `\[link\](https://x.example)`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{"&amp; &", `\&amp; \&`},
		{`back\slash`, `back\\slash`},
		{"$x$ costs $5", `\$x\$ costs \$5`},
		{"ping @octocat", "ping @\u2060octocat"},
		{"line\nbreak\ttab", "line break tab"},
		{"bell\x07", "bell\uFFFD"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"“quotes” stay", "“quotes” stay"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := mdCell("one | two\nthree\r\nfour"); got != `one \| two<br>three<br>four` {
		t.Errorf("mdCell = %q", got)
	}
	for in, want := range map[string]string{"sms-unicode": "`sms-unicode`", "a|b": `a\|b`, "": ""} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
}

// renderGFM renders Markdown the way GitHub does (tables, strikethrough,
// autolinks, raw HTML kept) and parses the HTML.
func renderGFM(t *testing.T, md string) *goquery.Document {
	t.Helper()
	var out bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := gm.Convert([]byte(md), &out); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestMarkdownRendersLiterally renders findings full of markup through a
// GFM renderer: each finding is one table row of five cells whose text is
// the message and hint as given, and no markup got through.
func TestMarkdownRendersLiterally(t *testing.T) {
	evil := []string{
		"a | b | c",
		"*bold* and _em_ and ~~gone~~",
		"<script>alert(1)</script><img src=x onerror=alert(1)>",
		"[click](javascript:alert(1)) ![img](https://x.example/a.png)",
		"`code` and \\| escaped pipe",
		"&lt; is an entity",
		"$x^2$ math",
	}
	var fs []lint.Finding
	for i, m := range evil {
		fs = append(fs, lint.Finding{Rule: "r", Severity: message.Warning, File: "a|b.txt", Line: i + 1, Column: 1,
			Message: m, Hint: m})
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, fs, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := renderGFM(t, buf.String())
	table := doc.Find("table").Last()
	for _, sel := range []string{"script", "img", "em", "strong", "del"} {
		if n := table.Find(sel).Length(); n > 0 {
			t.Errorf("%d %s elements in the findings table:\n%s", n, sel, buf.String())
		}
	}
	// GitHub turns bare URLs into links, as GFM's autolink extension does;
	// no other link may get through.
	table.Find("a").Each(func(_ int, a *goquery.Selection) {
		if href, _ := a.Attr("href"); !strings.HasPrefix(href, "https://") || a.Text() != href {
			t.Errorf("link %q → %q in the findings table", a.Text(), href)
		}
	})
	rows := table.Find("tbody tr")
	if n := rows.Find("code").Length(); n != rows.Length() {
		t.Errorf("%d code spans in %d rows; want only the rule ids", n, rows.Length())
	}
	if rows.Length() != len(evil) {
		t.Fatalf("%d rows, want %d:\n%s", rows.Length(), len(evil), buf.String())
	}
	rows.Each(func(i int, row *goquery.Selection) {
		cells := row.Find("td")
		if cells.Length() != 5 {
			t.Errorf("row %d has %d cells", i, cells.Length())
			return
		}
		if got := cells.Eq(3).Text(); got != evil[i] {
			t.Errorf("row %d message renders as %q, want %q", i, got, evil[i])
		}
		if got := cells.Eq(4).Text(); got != evil[i] {
			t.Errorf("row %d hint renders as %q, want %q", i, got, evil[i])
		}
	})
	if h := doc.Find("h3").Text(); h != "a|b.txt" {
		t.Errorf("file heading %q", h)
	}
}

func TestMarkdownCap(t *testing.T) {
	long := strings.Repeat("a long message that goes on and on ", 6)
	var fs []lint.Finding
	for i := range 2000 {
		fs = append(fs, lint.Finding{Rule: "vague-eta", Severity: message.Severity(1 + i%3),
			File: fmt.Sprintf("templates/f%03d.txt", i/7), Line: i%7 + 1, Column: 1, Message: fmt.Sprintf("%s%d", long, i), Hint: "hint"})
	}
	var buf bytes.Buffer
	if err := Markdown(&buf, fs, Options{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if len(out) > MaxMarkdown || utf8RuneCount(out) > 65536 {
		t.Fatalf("report is %d bytes, over %d", len(out), MaxMarkdown)
	}
	rows := regexp.MustCompile(`(?m)^\| \d+:\d+ \|`).FindAllString(out, -1)
	m := regexp.MustCompile(`\*\*(\d+) more findings not shown\*\*`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no 'more findings' line:\n%s", out[len(out)-500:])
	}
	hidden, _ := strconv.Atoi(m[1])
	if len(rows)+hidden != len(fs) || len(rows) == 0 {
		t.Errorf("%d rows shown + %d hidden != %d findings", len(rows), hidden, len(fs))
	}
	// Every <details> is closed, and the table before the cut renders.
	if strings.Count(out, "<details") != strings.Count(out, "</details>") {
		t.Error("unbalanced <details>")
	}
	doc := renderGFM(t, out)
	if n := doc.Find("details tbody tr").Length(); n != len(rows) {
		t.Errorf("%d rendered rows, want %d", n, len(rows))
	}

	// Under the cap nothing is left out.
	buf.Reset()
	if err := Markdown(&buf, fs[:30], Options{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "not shown") {
		t.Error("findings left out under the cap")
	}
}

func utf8RuneCount(s string) int { return len([]rune(s)) }

// --- Code Quality ---

func TestCodeQuality(t *testing.T) {
	content := "a\n  same line  \nb\nsame line\n"
	fs := []lint.Finding{
		{Rule: "r", Severity: message.Error, File: "f.txt", Line: 2, Column: 3, Message: "one"},
		{Rule: "r", Severity: message.Warning, File: "f.txt", Line: 2, Column: 7, Message: "two"},
		{Rule: "r", Severity: message.Info, File: "f.txt", Line: 4, Column: 1, Message: "three", Hint: "h"},
		{Rule: "other", Severity: message.Off, File: "f.txt", Line: 4, Column: 1, Message: "four"},
		{Rule: "r", Severity: message.Error, File: "g.txt", Line: 1, Column: 1, Message: "five"},
		{Rule: "r", Severity: message.Error, File: "missing.txt", Line: 0, Message: "six"},
		{Rule: "r", Severity: message.Error, File: "missing.txt", Line: 0, Message: "six"},
	}
	opt := Options{Contents: map[string][]byte{"f.txt": []byte(content), "g.txt": []byte("same line")}}
	issues := codeQuality(t, fs, opt)
	if len(issues) != len(fs) {
		t.Fatalf("%d issues for %d findings", len(issues), len(fs))
	}
	seen := map[string]int{}
	for i, is := range issues {
		if j, dup := seen[is.Fingerprint]; dup {
			t.Errorf("issues %d and %d share fingerprint %s", j, i, is.Fingerprint)
		}
		seen[is.Fingerprint] = i
		if len(is.Fingerprint) != 32 {
			t.Errorf("fingerprint %q is not 32 hex digits", is.Fingerprint)
		}
		if is.CheckName != fs[i].Rule || is.Location.Path != fs[i].File || is.Location.Lines.Begin != max(fs[i].Line, 1) {
			t.Errorf("issue %d: %+v", i, is)
		}
	}
	wantSev := []string{"major", "minor", "info", "info", "major", "major", "major"}
	for i, w := range wantSev {
		if issues[i].Severity != w {
			t.Errorf("issue %d severity %q, want %q", i, issues[i].Severity, w)
		}
	}
	if issues[2].Description != "three (hint: h)" || issues[0].Description != "one" {
		t.Errorf("descriptions %q, %q", issues[0].Description, issues[2].Description)
	}

	// Stable: the same finding on a line that moved keeps its fingerprint;
	// another path or rule changes it.
	moved := []lint.Finding{fs[0]}
	moved[0].Line = 5
	opt.Contents["f.txt"] = []byte("new\nlines\nabove\n\n  same line\n")
	if again := codeQuality(t, moved, opt); again[0].Fingerprint != issues[0].Fingerprint {
		t.Error("fingerprint changed when the line moved")
	}
	other := []lint.Finding{fs[0]}
	other[0].File = "h.txt"
	opt.Contents["h.txt"] = []byte(content)
	if again := codeQuality(t, other, opt); again[0].Fingerprint == issues[0].Fingerprint {
		t.Error("path does not change the fingerprint")
	}

	// Empty is [], with no BOM.
	var buf bytes.Buffer
	if err := CodeQuality(&buf, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "[]\n" {
		t.Errorf("empty report %q", buf.String())
	}
}

func TestCodeQualityUniqueOnFixtures(t *testing.T) {
	fs, opt := reportFixture(t)
	fs = append(fs, manyFindings()...)
	fs = append(fs, fs...) // every finding twice
	issues := codeQuality(t, fs, opt)
	seen := map[string]bool{}
	for _, is := range issues {
		if seen[is.Fingerprint] {
			t.Fatalf("duplicate fingerprint %s", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
	}
}

type cqTestIssue struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func codeQuality(t *testing.T, fs []lint.Finding, opt Options) []cqTestIssue {
	t.Helper()
	var buf bytes.Buffer
	if err := CodeQuality(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	if bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbf")) {
		t.Fatal("BOM")
	}
	dec := json.NewDecoder(&buf)
	dec.DisallowUnknownFields()
	var issues []cqTestIssue
	if err := dec.Decode(&issues); err != nil {
		t.Fatal(err)
	}
	return issues
}

// --- JUnit ---

type junitTestDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			ClassName string `xml:"classname,attr"`
			Name      string `xml:"name,attr"`
			File      string `xml:"file,attr"`
			Failure   *struct {
				Type    string `xml:"type,attr"`
				Message string `xml:"message,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func parseJUnit(t *testing.T, data []byte) junitTestDoc {
	t.Helper()
	var doc junitTestDoc
	if err := xml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("JUnit output is not XML: %v\n%s", err, data)
	}
	return doc
}

func TestJUnitParses(t *testing.T) {
	fs, opt := reportFixture(t)
	// Characters XML 1.0 cannot hold must not break the document.
	fs = append(fs, lint.Finding{Rule: "placeholder", Severity: message.Error, File: "templates/odd.txt", Line: 1, Column: 1,
		Message: "nul \x00 esc \x1b ]]> <tag> & \"q\"", Hint: "\ufffe"})
	var buf bytes.Buffer
	if err := JUnit(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	doc := parseJUnit(t, buf.Bytes())
	if doc.Name != "notelint" || doc.Failures != len(fs) {
		t.Errorf("testsuites name %q, failures %d, want %d", doc.Name, doc.Failures, len(fs))
	}
	tests, failures := 0, 0
	names := map[string]bool{}
	for _, s := range doc.Suites {
		sf := 0
		for _, c := range s.Cases {
			if c.Failure != nil {
				sf++
				if c.Failure.Message == "" || !strings.Contains(c.Failure.Text, c.Failure.Message) || c.Failure.Type == "" {
					t.Errorf("failure %s/%s lacks message or type: %+v", c.ClassName, c.Name, c.Failure)
				}
				if !regexp.MustCompile(`^[a-z-]+ at \d+:\d+$`).MatchString(c.Name) {
					t.Errorf("failing case name %q", c.Name)
				}
			} else {
				key := s.Name + "|" + c.ClassName + "|" + c.Name
				if names[key] {
					t.Errorf("passing case %s twice", key)
				}
				names[key] = true
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != sf {
			t.Errorf("suite %s: tests %d failures %d, counted %d and %d", s.Name, s.Tests, s.Failures, len(s.Cases), sf)
		}
		tests += s.Tests
		failures += s.Failures
	}
	if doc.Tests != tests || doc.Failures != failures {
		t.Errorf("testsuites counts %d/%d, suites add up to %d/%d", doc.Tests, doc.Failures, tests, failures)
	}

	// Passing cases: every template × applicable rule without a finding.
	want := 0
	for _, tpl := range opt.TemplateList {
		for _, r := range opt.Rules {
			if !ruleApplies(r, tpl, opt.Config) {
				continue
			}
			hit := false
			for _, f := range fs {
				if f.File == tpl.Source.Path && f.Rule == r.ID && (f.Template == tpl.ID || f.Template == "") {
					hit = true
				}
			}
			if !hit {
				want++
			}
		}
	}
	if len(names) != want {
		t.Errorf("%d passing cases, want %d", len(names), want)
	}
	if !names[pushFile+"|ticket|placeholder"] || names[pushFile+"|ticket|sms-unicode"] {
		t.Errorf("push template: want placeholder passing and no sms-unicode case; got %v", names)
	}
}

func TestRuleApplies(t *testing.T) {
	rules := testRules()
	cfgOff, err := configWith(t, rules, "[rules.placeholder]\nseverity = \"off\"\n")
	if err != nil {
		t.Fatal(err)
	}
	smsT := &message.Template{Channel: "sms"}
	mail := &message.Template{Channel: "email", Disable: []message.Directive{{Rule: "frontmatter"}}}
	tests := []struct {
		rule string
		t    *message.Template
		cfg  *lint.Config
		want bool
	}{
		{"sms-segments", smsT, nil, true},
		{"sms-segments", mail, nil, false},
		{"placeholder", mail, nil, true},
		{"placeholder", mail, cfgOff, false},
		{"frontmatter", mail, nil, false},
		{"frontmatter", smsT, nil, true},
	}
	for _, tt := range tests {
		var r *lint.Rule
		for _, x := range rules {
			if x.ID == tt.rule {
				r = x
			}
		}
		if got := ruleApplies(r, tt.t, tt.cfg); got != tt.want {
			t.Errorf("ruleApplies(%s, %s) = %v, want %v", tt.rule, tt.t.Channel, got, tt.want)
		}
	}
}

func configWith(t *testing.T, rules []*lint.Rule, toml string) (*lint.Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), ".notelint.toml")
	if err := os.WriteFile(path, []byte(toml), 0o644); err != nil {
		return nil, err
	}
	return lint.LoadConfig(path, rules)
}

// --- HTML ---

func htmlDoc(t *testing.T, fs []lint.Finding, opt Options) (*goquery.Document, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := HTML(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	root, err := html.Parse(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return goquery.NewDocumentFromNode(root), buf.String()
}

func TestHTMLSelfContained(t *testing.T) {
	fs, opt := reportFixture(t)
	doc, page := htmlDoc(t, fs, opt)
	if n := doc.Find("script[src]").Length(); n > 0 {
		t.Errorf("%d external scripts", n)
	}
	if n := doc.Find("script").Length(); n > 0 {
		t.Errorf("%d scripts; the page must work without JavaScript", n)
	}
	if n := doc.Find("link, img, iframe, object, embed, video, audio, source").Length(); n > 0 {
		t.Errorf("%d elements that load resources", n)
	}
	doc.Find("[href], [src]").Each(func(_ int, s *goquery.Selection) {
		for _, a := range []string{"href", "src"} {
			if v, ok := s.Attr(a); ok && !strings.HasPrefix(v, "#") {
				t.Errorf("%s %s=%q leaves the page", goquery.NodeName(s), a, v)
			}
		}
	})
	css := doc.Find("style").Text()
	for _, bad := range []string{"url(", "@import", "http:", "https:", "//"} {
		if strings.Contains(css, bad) {
			t.Errorf("inline CSS contains %q", bad)
		}
	}
	if doc.Find("style").Length() != 1 || !strings.HasPrefix(page, "<!DOCTYPE html>") {
		t.Error("want one inline <style> and a doctype")
	}
	// Every in-page link has a target, and ids are unique.
	ids := map[string]bool{}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		if ids[id] {
			t.Errorf("duplicate id %q", id)
		}
		ids[id] = true
	})
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		if href, _ := s.Attr("href"); !ids[strings.TrimPrefix(href, "#")] {
			t.Errorf("link %q has no target", href)
		}
	})
}

func TestHTMLTemplates(t *testing.T) {
	fs, opt := reportFixture(t)
	doc, _ := htmlDoc(t, fs, opt)
	nSMS := 0
	for _, tpl := range opt.TemplateList {
		art := doc.Find(fmt.Sprintf(`article.template[data-template=%q]`, tpl.ID))
		if art.Length() != 1 {
			t.Errorf("template %s: %d articles", tpl.ID, art.Length())
			continue
		}
		if tpl.Channel != "sms" {
			if art.Find(".card").Length() != 1 || art.Find(".sms-bubble").Length() != 0 {
				t.Errorf("%s template %s: want one card and no bubble", tpl.Channel, tpl.ID)
			}
			continue
		}
		nSMS++
		bubble := art.Find(".sms-bubble")
		if bubble.Length() != 1 {
			t.Errorf("SMS %s: %d bubbles", tpl.ID, bubble.Length())
			continue
		}
		// The bubble shows the body with the samples filled in, split as
		// sms.Analyze splits it: one .seg per segment, a .seg-break before
		// every segment but the first, one mark.ucs2 per non-GSM character.
		best := tpl.Body().Render(func(ph message.Placeholder) string {
			if v := tpl.VarFor(ph); v != nil {
				return v.Sample
			}
			return ""
		})
		res := sms.Analyze(best, sms.DefaultSettings().Options())
		if est := message.EstimateSMS(tpl, sms.DefaultSettings()); est.Best.Segments != res.Segments {
			t.Errorf("SMS %s: bubble has %d segments, sms-segments' best case %d", tpl.ID, res.Segments, est.Best.Segments)
		}
		if got := bubble.Find(".seg-break").Length(); got != res.Segments-1 {
			t.Errorf("SMS %s: %d segment markers, want %d", tpl.ID, got, res.Segments-1)
		}
		if got, _ := bubble.Attr("data-segments"); got != strconv.Itoa(res.Segments) {
			t.Errorf("SMS %s: data-segments %q, want %d", tpl.ID, got, res.Segments)
		}
		segs := bubble.Find(".seg")
		if segs.Length() != res.Segments {
			t.Errorf("SMS %s: %d .seg, want %d", tpl.ID, segs.Length(), res.Segments)
		}
		text := ""
		segs.Each(func(i int, s *goquery.Selection) {
			own := textWithout(s, ".ph-nosample, .ph-control")
			if i < len(res.Parts) && own != best[res.Parts[i].Start:res.Parts[i].End] {
				t.Errorf("SMS %s segment %d: %q, want %q", tpl.ID, i+1, own, best[res.Parts[i].Start:res.Parts[i].End])
			}
			text += own
		})
		if text != best {
			t.Errorf("SMS %s: bubble text %q, want %q", tpl.ID, text, best)
		}
		if got := bubble.Find("mark.ucs2").Length(); got != res.NonGSMRunes {
			t.Errorf("SMS %s: %d UCS-2 marks, want %d", tpl.ID, got, res.NonGSMRunes)
		}
		// Split chips only add spans: at least one chip per placeholder,
		// each titled with the placeholder as written.
		chips := bubble.Find(".ph")
		if chips.Length() < len(tpl.Body().Placeholders) {
			t.Errorf("SMS %s: %d chips for %d placeholders", tpl.ID, chips.Length(), len(tpl.Body().Placeholders))
		}
		for _, ph := range tpl.Body().Placeholders {
			written := strings.TrimSpace(tpl.Body().Text.String()[ph.Start:ph.End])
			found := false
			chips.Each(func(_ int, c *goquery.Selection) {
				title, _ := c.Attr("title")
				found = found || strings.HasPrefix(title, written)
			})
			if !found {
				t.Errorf("SMS %s: no chip for %s", tpl.ID, written)
			}
		}
	}
	if got := doc.Find(".sms-bubble").Length(); got != nSMS || nSMS < 4 {
		t.Errorf("%d bubbles for %d SMS templates", got, nSMS)
	}
	// The three-segment UCS-2 SMS of the fixture, as a sanity check of the
	// fixture itself.
	b := doc.Find(`article[data-template="outage"] .sms-bubble`)
	if enc, _ := b.Attr("data-encoding"); enc != "UCS-2" || b.Find(".seg-break").Length() != 2 {
		t.Errorf("outage bubble: encoding %q, %d markers", enc, b.Find(".seg-break").Length())
	}
	// Findings sit with their template; the file with no template lists
	// them on their own.
	if n := doc.Find(`article[data-template="outage"] .finding`).Length(); n != 3 {
		t.Errorf("outage: %d findings, want 3", n)
	}
	if n := doc.Find(`article[data-template="long"] .finding[data-rule="sms-segments"]`).Length(); n != 1 {
		t.Errorf("catalog message long: %d sms-segments findings, want 1", n)
	}
	if n := doc.Find(`article[data-template="short"] .finding`).Length(); n != 0 {
		t.Errorf("catalog message short: %d findings, want 0", n)
	}
	if n := doc.Find(`.file .loose .finding`).Length(); n != 1 {
		t.Errorf("%d loose findings, want 1", n)
	}
	if doc.Find(`article[data-template="ticket"] .push-card .part-title`).Length() != 1 ||
		doc.Find(`article[data-template="order-delayed"] .email-card .part-subject .ph`).Length() != 1 {
		t.Error("push title or e-mail subject chip missing")
	}
}

// textWithout returns the text of s leaving out elements matching skip.
func textWithout(s *goquery.Selection, skip string) string {
	c := s.Clone()
	c.Find(skip).Remove()
	return c.Text()
}

func TestHTMLEscapes(t *testing.T) {
	cfg := lint.DefaultConfig(testRules())
	file := "templates/sms/evil.txt"
	content := "+++\nid = \"<b>evil</b>\"\nsender = \"<i>Acme</i>\"\n+++\nAcme: <script>alert(1)</script> & <img src=x onerror=alert(1)> \"quoted\"\n"
	ts, err := load.Load(file, []byte(content), &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	fs := []lint.Finding{{Rule: "r<x>", Severity: message.Error, File: file, Line: 5, Column: 1, Template: ts[0].ID,
		Message: "<script>alert(2)</script>", Hint: "<a href=\"https://evil.example\">x</a>"}}
	opt := Options{TemplateList: ts, Config: cfg, Files: 1, Templates: 1}
	doc, _ := htmlDoc(t, fs, opt)
	if n := doc.Find("script, img, b, i, a[href^=http]").Length(); n > 0 {
		t.Errorf("%d injected elements", n)
	}
	if got := doc.Find(".sms-bubble").Text(); !strings.Contains(got, "<script>alert(1)</script> & <img") {
		t.Errorf("bubble text %q", got)
	}
	if got := doc.Find(".finding .msg").Text(); got != "<script>alert(2)</script>" {
		t.Errorf("message %q", got)
	}
	if got, _ := doc.Find("article.template").Attr("data-template"); got != "<b>evil</b>" {
		t.Errorf("data-template %q", got)
	}
}

func TestHTMLInvisibleCharacter(t *testing.T) {
	cfg := lint.DefaultConfig(testRules())
	file := "templates/sms/zwsp.txt"
	ts, err := load.Load(file, []byte("Acme: hi\u200bthere\n"), &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := htmlDoc(t, nil, Options{TemplateList: ts, Config: cfg})
	b := doc.Find(".sms-bubble")
	if enc, _ := b.Attr("data-encoding"); enc != "UCS-2" {
		t.Fatalf("encoding %q", enc)
	}
	m := b.Find("mark.ucs2")
	if m.Length() != 1 || !m.HasClass("invisible") || m.Text() != "\u200b" {
		t.Fatalf("want one invisible UCS-2 mark holding U+200B, got %d", m.Length())
	}
	if cp, _ := m.Attr("data-cp"); cp != "U+200B" {
		t.Errorf("data-cp %q", cp)
	}
}

func TestHTMLChipAcrossSegments(t *testing.T) {
	cfg := lint.DefaultConfig(testRules())
	file := "templates/sms/across.txt"
	// 150 a + a 20-character sample: GSM-7, 170 septets, the boundary at
	// 153 cuts the sample after 3 characters.
	content := "+++\n[vars]\nref = { sample = \"" + strings.Repeat("R", 20) + "\", max = 20 }\n+++\n" +
		strings.Repeat("a", 150) + "{{ ref }}\n"
	ts, err := load.Load(file, []byte(content), &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := htmlDoc(t, nil, Options{TemplateList: ts, Config: cfg})
	segs := doc.Find(".sms-bubble .seg")
	if segs.Length() != 2 {
		t.Fatalf("%d segments", segs.Length())
	}
	if a, b := segs.Eq(0).Find(".ph").Text(), segs.Eq(1).Find(".ph").Text(); a != "RRR" || b != strings.Repeat("R", 17) {
		t.Errorf("chip halves %q and %q", a, b)
	}
}

// TestHTMLContrast checks every -fg/-bg pair of the palette against WCAG
// AA (4.5:1).
func TestHTMLContrast(t *testing.T) {
	vars := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z0-9]+)-(fg|bg):\s*(#[0-9a-f]{6})`).FindAllStringSubmatch(htmlCSS, -1) {
		vars[m[1]+"-"+m[2]] = m[3]
	}
	pairs := 0
	for k, fg := range vars {
		name, ok := strings.CutSuffix(k, "-fg")
		if !ok {
			continue
		}
		bg, ok := vars[name+"-bg"]
		if !ok {
			bg = vars["page-bg"]
		}
		pairs++
		if r := contrast(fg, bg); r < 4.5 {
			t.Errorf("%s: %s on %s has contrast %.2f, want 4.5", name, fg, bg, r)
		}
	}
	if pairs < 9 {
		t.Errorf("only %d color pairs found in the CSS", pairs)
	}
	// The muted text also sits on the panel and bubble colors.
	for _, bg := range []string{"panel-bg", "bubble-bg"} {
		if r := contrast(vars["muted-fg"], vars[bg]); r < 4.5 {
			t.Errorf("muted text on %s: %.2f", bg, r)
		}
	}
}

func contrast(a, b string) float64 {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range 3 {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"templates/sms/delay.en.txt--delay": "templates-sms-delay-en-txt-delay",
		"Störung #1":                        "st-rung-1",
		"":                                  "x",
		"--a--":                             "a",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestRepeatsGrouped: the same finding on the same text in three or more
// files is printed once in text and Markdown, with the other places;
// JSON keeps every location.
func TestRepeatsGrouped(t *testing.T) {
	contents := map[string][]byte{}
	var fs []lint.Finding
	for i := range 4 {
		file := fmt.Sprintf("mails/m%d.txt", i)
		contents[file] = []byte("Hallo, (Number: 1) gut.")
		fs = append(fs, lint.Finding{Rule: "mixed-language", Severity: message.Warning, File: file, Line: 1, Column: 9,
			Offset: 8, EndOffset: 14, Message: `English word "Number" in a German message`})
	}
	// The same message on other text is a finding of its own.
	contents["mails/x.txt"] = []byte("Hallo, (Order: 1) gut.")
	fs = append(fs, lint.Finding{Rule: "mixed-language", Severity: message.Warning, File: "mails/x.txt", Line: 1, Column: 9,
		Offset: 8, EndOffset: 13, Message: `English word "Number" in a German message`})
	opt := Options{Contents: contents, Files: 5, Templates: 5}
	var buf bytes.Buffer
	if err := Text(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "mixed-language"); n != 2 {
		t.Errorf("text: %d finding lines, want 2:\n%s", n, out)
	}
	if !strings.Contains(out, "same finding in 3 more files: mails/m1.txt:1:9, mails/m2.txt:1:9, mails/m3.txt:1:9") {
		t.Errorf("text lacks the other places:\n%s", out)
	}
	if !strings.Contains(out, "5 warnings") {
		t.Errorf("summary does not count every finding:\n%s", out)
	}
	buf.Reset()
	if err := Markdown(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "`mixed-language`"); n != 3 { // the rule table + 2 rows
		t.Errorf("markdown: %d mentions, want 3:\n%s", n, buf.String())
	}
	buf.Reset()
	if err := HTML(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Same finding in several files") || !strings.Contains(buf.String(), "(4 files: mails/m0.txt:1:9, mails/m1.txt:1:9") {
		t.Errorf("html lacks the repeated finding")
	}
	buf.Reset()
	if err := JSON(&buf, fs, opt); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), `"rule": "mixed-language"`); n != 5 {
		t.Errorf("json: %d findings, want 5", n)
	}
}

// TestHTMLOneCardPerPlace: a rule's several findings at one place (a
// link's landing-page points) make one card listing them.
func TestHTMLOneCardPerPlace(t *testing.T) {
	var cards []htmlFinding
	for i, msg := range []string{"title is generic", "heading is generic", "login wall"} {
		sev := message.Warning
		if i == 2 {
			sev = message.Error
		}
		cards = appendFinding(cards, lint.Finding{Rule: "landing-page", Severity: sev, File: "a.txt", Line: 7, Column: 94, Message: msg})
	}
	cards = appendFinding(cards, lint.Finding{Rule: "vague-cta", Severity: message.Warning, File: "a.txt", Line: 7, Column: 94, Message: "x"})
	if len(cards) != 2 || len(cards[0].Points) != 3 || cards[0].Severity != "error" || cards[1].Rule != "vague-cta" {
		t.Fatalf("cards: %+v", cards)
	}
}

// TestHTMLPushCut: a push title longer than the channel shows is drawn
// with the part past the cut marked.
func TestHTMLPushCut(t *testing.T) {
	cfg := lint.DefaultConfig(nil)
	ts, err := lint.LoadTemplates("push/en/a.txt", []byte("+++\ntitle = \"Your parcel is delayed: new delivery on Tuesday morning\"\n+++\nBody."), cfg)
	if err != nil {
		t.Fatal(err)
	}
	limits := func(channel, part string) int {
		if channel == "push" && part == message.PartTitle {
			return 40
		}
		return 0
	}
	var buf bytes.Buffer
	if err := HTML(&buf, nil, Options{TemplateList: ts, Limits: limits}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<span class="cut" title="cut off: the phone does not show this">Tuesday morning</span>`) {
		t.Errorf("no cut drawn after 40 characters")
	}
}

func TestGraphemeOffset(t *testing.T) {
	for _, c := range []struct {
		s    string
		n    int
		want int
	}{{"abc", 2, 2}, {"abc", 3, -1}, {"👍🏽ab", 1, len("👍🏽")}, {"", 0, -1}} {
		if got := graphemeOffset(c.s, c.n); got != c.want {
			t.Errorf("%q %d: %d, want %d", c.s, c.n, got, c.want)
		}
	}
}

// TestRepeatsGroupedWhole: a finding about the whole message (something it
// lacks) groups across files whatever text its anchor points at; the same
// message anchored on different text stays apart when it is about that text.
func TestRepeatsGroupedWhole(t *testing.T) {
	contents := map[string][]byte{}
	var fs []lint.Finding
	for i, first := range []string{"Due", "Your", "Assignment", "Reminder"} {
		file := fmt.Sprintf("sms/m%d.txt", i)
		contents[file] = []byte(first + " soon.")
		fs = append(fs, lint.Finding{Rule: "sender-id", Severity: message.Warning, File: file, Line: 1, Column: 1,
			Offset: 0, EndOffset: len(first), Message: "the SMS does not say who is sending", Whole: true})
	}
	var buf bytes.Buffer
	if err := Text(&buf, fs, Options{Contents: contents, Files: 4, Templates: 4}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := strings.Count(out, "sender-id"); n != 1 || !strings.Contains(out, "same finding in 3 more files") {
		t.Errorf("whole-message findings not grouped:\n%s", out)
	}
	for i := range fs {
		fs[i].Whole = false
	}
	buf.Reset()
	if err := Text(&buf, fs, Options{Contents: contents, Files: 4, Templates: 4}); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "sender-id"); n != 4 {
		t.Errorf("findings about different text grouped: %d lines\n%s", n, buf.String())
	}
}
