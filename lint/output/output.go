// Package output prints the findings of `notelint check` as text, JSON,
// SARIF 2.1.0, GitHub Actions workflow commands, a Markdown pull-request
// comment, a self-contained HTML page, GitLab Code Quality JSON or JUnit
// XML. Printers are pure functions: findings and options in, bytes out.
//
// Findings are printed in the order given (callers sort them with
// lint.SortFindings), except by GitHub, which puts the most severe first.
package output

import (
	"bytes"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// Options carries what the printers need besides the findings.
type Options struct {
	// Root is the repository root; SARIF and GitHub paths are made relative
	// to it (slash-separated). Empty means the working directory.
	Root string
	// Color enables ANSI color in the text format (only on a terminal).
	Color bool
	// Version is the tool version, reported as SARIF driver.version.
	Version string
	// Files and Templates are the counts for the summary.
	Files, Templates int
	// TemplateList is the checked templates themselves, in any order. The
	// HTML page renders them; JUnit adds a passing test case for each
	// template and rule without a finding. Other formats ignore it.
	TemplateList []*message.Template
	// Config is the effective configuration, for the rules switched off
	// (JUnit); nil means the built-in defaults.
	Config *lint.Config
	// SMS holds the SMS estimate of each SMS template of TemplateList, as
	// the rule that checks SMS size made it (budget, split model, worst
	// case); the HTML page shows it. A template missing here is shown
	// with the built-in SMS settings.
	SMS map[*message.Template]message.SMSEstimate
	// Limits gives how many characters a channel shows of a part (push
	// title, e-mail subject; 0: no limit), as the rule that checks lengths
	// has it; the HTML page draws the cut there. nil draws no cut.
	Limits func(channel, part string) int
	// Rules is the catalog, for SARIF driver.rules and their help, and the
	// rules JUnit reports as passing.
	Rules []*lint.Rule
	// Contents holds file contents by Finding.File as they were loaded
	// (lint.Result.Contents), for fingerprints and fixes; printers never
	// read files. A file missing here gets a fingerprint of its rule id and
	// message, and no SARIF fix.
	Contents map[string][]byte
	// Hidden says which findings the run left out and why (e.g. "5 hidden
	// by the baseline"); the text and GitHub summaries end with it.
	Hidden string
	// FailOn is the --fail-on level: JUnit reports findings below it as
	// skipped test cases, not failures. Off (the zero value) makes every
	// finding a failure.
	FailOn message.Severity
	// Quiet leaves out the summary line of the text format (--quiet).
	Quiet bool
}

// smsEstimate returns the SMS estimate of t from SMS, else one made with
// the built-in settings.
func (o Options) smsEstimate(t *message.Template) message.SMSEstimate {
	if est, ok := o.SMS[t]; ok {
		return est
	}
	return message.EstimateSMS(t, sms.DefaultSettings())
}

// Formats returns the names of the output formats, default first.
func Formats() []string {
	return []string{"text", "json", "sarif", "github", "md", "html", "codequality", "junit"}
}

// Write prints findings in the named format; an unknown name is an error
// that lists the valid ones.
func Write(w io.Writer, format string, findings []lint.Finding, opt Options) error {
	switch format {
	case "text":
		return Text(w, findings, opt)
	case "json":
		return JSON(w, findings, opt)
	case "sarif":
		return SARIF(w, findings, opt)
	case "github":
		return GitHub(w, findings, opt)
	case "md":
		return Markdown(w, findings, opt)
	case "html":
		return HTML(w, findings, opt)
	case "codequality":
		return CodeQuality(w, findings, opt)
	case "junit":
		return JUnit(w, findings, opt)
	}
	names := Formats()
	return fmt.Errorf("unknown output format %q (want %s or %s)", format,
		strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// counts tallies findings by severity and fixability.
type counts struct {
	errors, warnings, infos, fixable int
}

func count(fs []lint.Finding) counts {
	var c counts
	for _, f := range fs {
		switch f.Severity {
		case message.Error:
			c.errors++
		case message.Warning:
			c.warnings++
		case message.Info:
			c.infos++
		}
		if f.Fix != nil {
			c.fixable++
		}
	}
	return c
}

// summary is the closing line of the text and GitHub formats, e.g.
// "3 errors, 1 info in 12 templates (9 files); 2 fixable with --fix".
func summary(fs []lint.Finding, opt Options) string {
	c := count(fs)
	var parts []string
	if c.errors > 0 {
		parts = append(parts, plural(c.errors, "error", "errors"))
	}
	if c.warnings > 0 {
		parts = append(parts, plural(c.warnings, "warning", "warnings"))
	}
	if c.infos > 0 {
		parts = append(parts, plural(c.infos, "info", "info"))
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		if len(fs) > 0 {
			s = plural(len(fs), "finding", "findings")
		} else {
			s = "no findings"
		}
	}
	if opt.Files > 0 || opt.Templates > 0 {
		s += " in " + plural(opt.Templates, "template", "templates") +
			" (" + plural(opt.Files, "file", "files") + ")"
	}
	if c.fixable > 0 {
		s += "; " + strconv.Itoa(c.fixable) + " fixable with --fix"
	}
	if opt.Hidden != "" {
		s += "; " + opt.Hidden
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// location returns "path:line:col", leaving out a line or column that is
// not set.
func location(path string, f lint.Finding) string {
	s := path
	if f.Line > 0 {
		s += ":" + strconv.Itoa(f.Line)
		if f.Column > 0 {
			s += ":" + strconv.Itoa(f.Column)
		}
	}
	return s
}

// region is a finding's range made valid for SARIF and GitHub: 1-based,
// end not before start, and endColumn (exclusive) never 0.
type region struct {
	startLine, startColumn, endLine, endColumn int
}

func regionOf(f lint.Finding) region {
	r := region{f.Line, f.Column, f.EndLine, f.EndColumn}
	r.startLine = max(r.startLine, 1)
	r.startColumn = max(r.startColumn, 1)
	if r.endLine < r.startLine {
		r.endLine, r.endColumn = r.startLine, r.startColumn+1
	}
	if r.endLine == r.startLine && r.endColumn <= r.startColumn {
		r.endColumn = r.startColumn + 1
	}
	r.endColumn = max(r.endColumn, 1)
	return r
}

// paths makes finding paths relative to the repository root.
type paths struct {
	root string // absolute root, "" when it could not be resolved
}

func newPaths(root string) paths {
	if root == "" {
		root = "."
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return paths{}
	}
	return paths{root: abs}
}

// rel returns file relative to the root, slash-separated, and whether it is
// inside the root. Files outside the root are returned as given.
func (p paths) rel(file string) (string, bool) {
	if p.root == "" {
		return filepath.ToSlash(file), false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return filepath.ToSlash(file), false
	}
	r, err := filepath.Rel(p.root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return filepath.ToSlash(file), false
	}
	return filepath.ToSlash(r), true
}

// uri returns the SARIF artifact URI of file and whether it is relative to
// %SRCROOT%. Files outside the root get an absolute file:// URI.
func (p paths) uri(file string) (string, bool) {
	r, inside := p.rel(file)
	if inside {
		return escapePath(r), true
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return escapePath(r), false
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") {
		abs = "/" + abs // Windows drive letter
	}
	return "file://" + escapePath(abs), false
}

// escapePath percent-encodes each segment of a slash-separated path so it
// is a valid URI reference (colons too, so "a:b" is not read as a scheme).
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if i == 1 && segs[0] == "" && len(s) == 2 && s[1] == ':' {
			continue // drive letter in /C:/...
		}
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

// sources returns files from Options.Contents, indexed for position
// lookups and cached for one printer call; nil when not given.
type sources struct {
	given map[string][]byte
	cache map[string]*message.Source
}

func newSources(given map[string][]byte) *sources {
	return &sources{given: given, cache: map[string]*message.Source{}}
}

func (c *sources) get(file string) *message.Source {
	if src, ok := c.cache[file]; ok {
		return src
	}
	b, ok := c.given[file]
	if !ok {
		c.cache[file] = nil
		return nil
	}
	src := message.NewSource(file, b)
	c.cache[file] = src
	return src
}

// lineText returns 1-based line n of src without its line ending.
func lineText(src *message.Source, n int) ([]byte, bool) {
	if n < 1 || n > src.LineCount() {
		return nil, false
	}
	line := src.Content[src.LineStart(n):src.LineStart(n+1)]
	line = bytes.TrimSuffix(line, []byte("\n"))
	return bytes.TrimSuffix(line, []byte("\r")), true
}

// write sends buf to w in one call.
func write(w io.Writer, buf *bytes.Buffer) error {
	_, err := w.Write(buf.Bytes())
	return err
}
