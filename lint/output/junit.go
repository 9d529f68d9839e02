package output

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// JUnit prints a JUnit XML report, for CI dashboards that show test
// results (GitLab's junit report, Jenkins, Azure Pipelines, ...):
//
//	<testsuites name="notelint" tests="T" failures="F" errors="0">
//	  <testsuite name="templates/sms/delay.en.txt" tests="T" failures="F" errors="0">
//	    <testcase classname="TEMPLATE-ID" name="sms-unicode at 6:28" file="templates/sms/delay.en.txt">
//	      <failure type="warning" message="MESSAGE">templates/sms/delay.en.txt:6:28: warning sms-unicode: MESSAGE
//	hint: HINT</failure>
//	    </testcase>
//	    <testcase classname="TEMPLATE-ID" name="sms-segments" file="templates/sms/delay.en.txt"></testcase>
//	  </testsuite>
//	</testsuites>
//
// There is one suite per file (paths relative to Root, in path order). For
// each template of the file (in file order), each rule of opt.Rules that
// checks it (not switched off in opt.Config or by the template's front
// matter; sms-, email- and push- rules only on their channel) is one
// passing test case named after the rule, or one failing test case per
// finding named "RULE at LINE:COL". Findings of rules missing from
// opt.Rules follow, then findings tied to no template (classname: the
// path). A finding at or above opt.FailOn is a failure whose type is the
// severity; one below it (a warning with --fail-on error, every finding
// with --fail-on never) is a skipped test case, its text in <system-out>,
// so the dashboard fails only when the run does. Without opt.TemplateList
// there are only the findings' test cases.
func JUnit(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	root := junitSuites{Name: toolName}
	for _, g := range groupByFile(opt.TemplateList, fs, p) {
		path := visible(g.path)
		suite := junitSuite{Name: path}
		for _, tg := range g.templates {
			byRule := map[string][]lint.Finding{}
			for _, f := range tg.findings {
				byRule[f.Rule] = append(byRule[f.Rule], f)
			}
			seen := map[string]bool{}
			for _, r := range opt.Rules {
				if r == nil || seen[r.ID] {
					continue
				}
				seen[r.ID] = true
				if found := byRule[r.ID]; len(found) > 0 {
					for _, f := range found {
						suite.add(junitFinding(path, tg.t.ID, f, opt.FailOn))
					}
				} else if ruleApplies(r, tg.t, opt.Config) {
					suite.add(junitCase{ClassName: visible(tg.t.ID), Name: visible(r.ID), File: path})
				}
			}
			for _, f := range tg.findings {
				if !seen[f.Rule] {
					suite.add(junitFinding(path, tg.t.ID, f, opt.FailOn))
				}
			}
		}
		for _, f := range g.loose {
			suite.add(junitFinding(path, path, f, opt.FailOn))
		}
		root.Tests += suite.Tests
		root.Failures += suite.Failures
		root.Skipped += suite.Skipped
		root.Suites = append(root.Suites, suite)
	}

	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return write(w, &buf)
}

// junitFinding is the test case for one finding: failing when the
// finding is at or above failOn (Off: every finding), else skipped.
func junitFinding(path, class string, f lint.Finding, failOn message.Severity) junitCase {
	name := f.Rule
	if f.Line > 0 {
		name += " at " + strconv.Itoa(f.Line)
		if f.Column > 0 {
			name += ":" + strconv.Itoa(f.Column)
		}
	}
	body := location(path, f) + ": " + f.Severity.String() + " " + visible(f.Rule) + ": " + visibleText(f.Message)
	if f.Hint != "" {
		body += "\nhint: " + visibleText(f.Hint)
	}
	c := junitCase{ClassName: visible(class), Name: visible(name), File: path}
	if f.Severity >= failOn {
		c.Failure = &junitFail{Type: f.Severity.String(), Message: visibleText(f.Message), Text: xmlText(body)}
	} else {
		c.Skipped = &junitSkip{Message: f.Severity.String() + " below --fail-on: " + visibleText(f.Message)}
		c.SystemOut = &junitOut{Text: xmlText(body)}
	}
	return c
}

func (s *junitSuite) add(c junitCase) {
	s.Tests++
	if c.Failure != nil {
		s.Failures++
	}
	if c.Skipped != nil {
		s.Skipped++
	}
	s.Cases = append(s.Cases, c)
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr,omitempty"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr,omitempty"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	ClassName string     `xml:"classname,attr"`
	Name      string     `xml:"name,attr"`
	File      string     `xml:"file,attr,omitempty"`
	Failure   *junitFail `xml:"failure"`
	Skipped   *junitSkip `xml:"skipped"`
	SystemOut *junitOut  `xml:"system-out"`
}

type junitSkip struct {
	Message string `xml:"message,attr"`
}

type junitOut struct {
	Text string `xml:",innerxml"` // escaped by xmlText
}

type junitFail struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",innerxml"` // escaped by xmlText
}

// xmlText escapes s as XML character data, keeping quotes and line breaks
// readable: & < > are escaped, CR is kept as a reference, and characters
// XML 1.0 cannot hold (and invalid UTF-8) become U+FFFD.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '\r':
			b.WriteString("&#xD;")
		case r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= unicode.MaxRune:
			b.WriteRune(r)
		default:
			b.WriteRune('\uFFFD')
		}
	}
	return b.String()
}
