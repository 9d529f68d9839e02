package message

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template/parse"
)

var (
	goEvidenceRe = regexp.MustCompile(`\{\{-?\s*(?:\.[A-Za-z_]|\$[A-Za-z_]|/\*|(?:end|if|range|with|template|define)\b)`)
	handlebarsRe = regexp.MustCompile(`\{\{~?\s*[#/^!>]`)
	goErrLineRe  = regexp.MustCompile(`^template: [^:]*:(\d+):`)
	// sectionRe finds Mustache sections and their Handlebars forms:
	// {{#name}}, {{^name}}, {{/name}}, the partial block {{#> layout}} and
	// the inline partial {{#*inline "x"}} (closed by {{/layout}} and
	// {{/inline}}).
	sectionRe     = regexp.MustCompile(`\{\{~?\s*([#^/])\s*[>*]?\s*([A-Za-z_][\w.-]*)`)
	jinjaBlockRe  = regexp.MustCompile(`\{%-?\s*([a-z]+)`)
	jinjaOpenTags = map[string]bool{
		"if": true, "for": true, "block": true, "macro": true, "unless": true, "case": true, "capture": true,
		"raw": true, "comment": true, "filter": true, "spaceless": true, "autoescape": true, "embed": true,
		"apply": true, "verbatim": true, "tablerow": true, "call": true,
	}
)

// CheckSyntax looks at a whole text (a file's body, a bundle value) in the
// syntaxes of syn and returns where and why it does not parse: a Go
// template that text/template rejects, a Mustache section or a Twig/Jinja
// block that is never closed. bad is false when all is well.
func CheckSyntax(text string, syn Syntax) (off int, msg string, bad bool) {
	if syn&SyntaxGo != 0 && goEvidenceRe.MatchString(text) && (syn&SyntaxMustache == 0 || !handlebarsRe.MatchString(text)) {
		tr := parse.New("t")
		tr.Mode = parse.SkipFuncCheck | parse.ParseComments
		if _, err := tr.Parse(text, "", "", map[string]*parse.Tree{}); err != nil {
			e := err.Error()
			off := 0
			if m := goErrLineRe.FindStringSubmatch(e); m != nil {
				if n, err := strconv.Atoi(m[1]); err == nil {
					off = lineOffset(text, n)
				}
			}
			if i := strings.LastIndex(e, ": "); i >= 0 {
				e = e[i+2:]
			}
			return off, "does not parse as a Go template (" + e + ")", true
		}
	}
	if syn&SyntaxMustache != 0 {
		if off, msg, bad := checkSections(text); bad {
			return off, msg, true
		}
	}
	if syn&SyntaxJinja != 0 {
		if off, msg, bad := checkBlocks(text); bad {
			return off, msg, true
		}
	}
	if syn&SyntaxSmarty != 0 {
		if off, msg, bad := checkSmartyBlocks(text); bad {
			return off, msg, true
		}
	}
	return 0, "", false
}

// checkSections reports a Mustache section that is never closed, or a
// closing tag that closes nothing. A text with closing tags but no section
// opened anywhere does not use Mustache sections ({{depend x}}…{{/depend}}
// is Magento's own block syntax): nothing is reported for it.
func checkSections(text string) (int, string, bool) {
	type open struct {
		name string
		at   int
	}
	var stack []open
	ms := sectionRe.FindAllStringSubmatchIndex(text, -1)
	opens := 0
	for _, m := range ms {
		if text[m[2]:m[3]] != "/" {
			opens++
		}
	}
	if opens == 0 {
		return 0, "", false
	}
	for _, m := range ms {
		kind, name := text[m[2]:m[3]], text[m[4]:m[5]]
		if kind != "/" {
			stack = append(stack, open{name, m[0]})
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1].name != name {
			return m[0], fmt.Sprintf("section {{/%s}} closes nothing that is open", name), true
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		o := stack[len(stack)-1]
		return o.at, fmt.Sprintf("section {{#%s}} is never closed with {{/%s}}", o.name, o.name), true
	}
	return 0, "", false
}

func checkBlocks(text string) (int, string, bool) {
	type open struct {
		tag string
		at  int
	}
	var stack []open
	for _, m := range jinjaBlockRe.FindAllStringSubmatchIndex(text, -1) {
		tag := text[m[2]:m[3]]
		switch {
		case jinjaOpenTags[tag]:
			stack = append(stack, open{tag, m[0]})
		case strings.HasPrefix(tag, "end") && jinjaOpenTags[tag[3:]]:
			if len(stack) == 0 || stack[len(stack)-1].tag != tag[3:] {
				return m[0], fmt.Sprintf("{%% %s %%} closes no open {%% %s %%}", tag, tag[3:]), true
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		o := stack[len(stack)-1]
		return o.at, fmt.Sprintf("{%% %s %%} is never closed with {%% end%s %%}", o.tag, o.tag), true
	}
	return 0, "", false
}

func lineOffset(text string, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return off
		}
		off += i + 1
	}
	return off
}

// FileCheck counts placeholder problems of one file so that a file in a
// syntax notelint misreads yields a few findings, not a flood.
type FileCheck struct {
	Reported, dropped int
	unparsed          bool
	// first is the template of the first issue not listed, at the file
	// range [firstStart, firstEnd).
	first                *Template
	firstStart, firstEnd int
}

// maxPlaceholderIssues is how many unbalanced placeholders one file
// reports; the rest are summed up in one info finding.
const maxPlaceholderIssues = 3

// unparsedProblem is the one info finding of a file that does not parse
// in its syntax.
func unparsedProblem(start, end int, syn Syntax, msg string) Problem {
	return Problem{Kind: PlaceholderProblem, Start: start, End: end, Severity: Info,
		Message: "the text " + msg + "; placeholders were read as well as possible (syntax: " + syn.String() + ")",
		Hint:    "fix the template syntax, or set the syntax in the config ([lint] syntax or [[lint.bundle]] syntax)"}
}

// Add records one placeholder issue of t at the file range [s, e).
func (fc *FileCheck) Add(t *Template, is PlaceholderIssue, s, e int) {
	if is.Unparsed {
		if !fc.unparsed {
			fc.unparsed = true
			t.Problems = append(t.Problems, unparsedProblem(s, e, t.Syntax, strings.TrimSuffix(is.Message, ".")))
		}
		return
	}
	if fc.Reported >= maxPlaceholderIssues {
		if fc.dropped == 0 {
			fc.first, fc.firstStart, fc.firstEnd = t, s, e
		}
		fc.dropped++
		return
	}
	fc.Reported++
	p := Problem{Kind: PlaceholderProblem, Start: s, End: e,
		Message: "unbalanced placeholder: " + is.Message,
		Hint:    "close the placeholder, or remove the stray braces"}
	t.Problems = append(t.Problems, p)
}

// Summarise adds one info finding for the issues that were not listed, at
// the first of them.
func (fc *FileCheck) Summarise() {
	if fc.dropped == 0 || fc.first == nil {
		return
	}
	what := fmt.Sprintf("%d more unbalanced placeholders in this file are not listed; the first is here", fc.dropped)
	if fc.dropped == 1 {
		what = "1 more unbalanced placeholder in this file is not listed; it is here"
	}
	fc.first.Problems = append(fc.first.Problems, Problem{Kind: PlaceholderProblem, Start: fc.firstStart, End: fc.firstEnd, Severity: Info,
		Message: what,
		Hint:    "if the file uses a syntax notelint misreads, set it in the config ([lint] syntax)"})
}
