package load

import (
	"bytes"
	"fmt"
	"sync"

	"github.com/notelint/notelint/lint/message"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmark's inline parser rescans the rest of a paragraph (or line) for
// every unclosed link, code span or emphasis opener, and nested block
// quotes and lists cost time quadratic in their depth: "[a](" repeated
// 60,000 times took 40 s. Before parsing, markdownGuard estimates that work
// from the text alone, in linear time; past a budget the document is parsed
// without inline markup and without quotes and lists, which is linear.
const (
	// mdInlineBudget bounds the estimated inline work of a document: per
	// paragraph, its bytes times its markup characters (times its lines
	// for backticks, whose unclosed code spans are rescanned line by
	// line). Ordinary templates use a few thousandths of it.
	mdInlineBudget = 1 << 25
	// mdMaxNesting bounds the block quotes and list items opened on one
	// line.
	mdMaxNesting = 32
)

// markdownGuard returns the offset of the line starting the paragraph or
// nesting that makes src too costly to parse in full, or -1 when it is not.
func markdownGuard(src []byte) int {
	budget := mdInlineBudget
	runStart := -1
	marks, ticks, lines := 0, 0, 0
	closeRun := func(end int) bool {
		if runStart < 0 {
			return false
		}
		size, work := end-runStart, marks
		over := ticks > 0 && lines > budget/ticks
		if !over {
			work += ticks * lines
			over = work > 0 && size > budget/work
		}
		runStart, marks, ticks, lines = -1, 0, 0, 0
		if over {
			return true
		}
		budget -= size * work
		return false
	}
	for off := 0; off < len(src); {
		eol := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if eol >= 0 {
			eol += off
			next = eol + 1
		} else {
			eol = len(src)
		}
		l := src[off:eol]
		if len(bytes.TrimSpace(l)) == 0 {
			if start := runStart; closeRun(off) {
				return start
			}
			off = next
			continue
		}
		if containerDepth(l) > mdMaxNesting {
			return off
		}
		if runStart < 0 {
			runStart = off
			if htmlBlockStart(l) {
				// Raw HTML up to the next blank line: no inline parsing.
				for next < len(src) && len(bytes.TrimSpace(lineAt(src, next))) > 0 {
					next += len(lineAt(src, next)) + 1
				}
				runStart = -1
				off = next
				continue
			}
		}
		lines++
		for _, c := range l {
			switch c {
			case '`':
				ticks++
			case '[', ']', '(', ')', '<', '>', '*', '_', '!', '\\', '&':
				marks++
			}
		}
		off = next
	}
	if start := runStart; closeRun(len(src)) {
		return start
	}
	return -1
}

// lineAt returns the line that starts at off, without its line feed.
func lineAt(src []byte, off int) []byte {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return src[off : off+i]
	}
	return src[off:]
}

// htmlBlockTags are the tag names that start a CommonMark HTML block of
// type 6, which ends only at a blank line.
var htmlBlockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "base": true, "basefont": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "col": true, "colgroup": true, "dd": true, "details": true, "dialog": true, "dir": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true, "footer": true, "form": true,
	"frame": true, "frameset": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"header": true, "hr": true, "html": true, "iframe": true, "legend": true, "li": true, "link": true, "main": true,
	"menu": true, "menuitem": true, "nav": true, "noframes": true, "ol": true, "optgroup": true, "option": true, "p": true,
	"param": true, "search": true, "section": true, "summary": true, "table": true, "tbody": true, "td": true, "tfoot": true,
	"th": true, "thead": true, "title": true, "tr": true, "track": true, "ul": true,
}

// htmlBlockStart reports whether line l, outside any quote or list, opens
// an HTML block of type 6 (<div, </table, …).
func htmlBlockStart(l []byte) bool {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i >= len(l) || l[i] != '<' {
		return false
	}
	i++
	if i < len(l) && l[i] == '/' {
		i++
	}
	j := i
	for j < len(l) && (l[j] >= 'a' && l[j] <= 'z' || l[j] >= 'A' && l[j] <= 'Z' || l[j] >= '0' && l[j] <= '9') {
		j++
	}
	if !htmlBlockTags[string(bytes.ToLower(l[i:j]))] {
		return false
	}
	return j == len(l) || l[j] == ' ' || l[j] == '\t' || l[j] == '\r' || l[j] == '>' || (l[j] == '/' && j+1 < len(l) && l[j+1] == '>')
}

// containerDepth counts the block quote markers and list item markers that
// open a line ("> > - 1. x" has 4). It over-counts thematic breaks such as
// "- - -", which is harmless: they are short.
func containerDepth(l []byte) int {
	depth := 0
	i := 0
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		if i >= len(l) {
			return depth
		}
		switch c := l[i]; {
		case c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 >= len(l) || (l[j] != '.' && l[j] != ')') || (l[j+1] != ' ' && l[j+1] != '\t') {
				return depth
			}
			i = j + 1
		default:
			return depth
		}
		depth++
	}
}

// markdownParsers pools the two Markdown parsers (full and cheap): building
// one costs more than parsing a short template with it.
var markdownParsers = [2]sync.Pool{
	{New: func() any { return newMarkdownParser(false) }},
	{New: func() any { return newMarkdownParser(true) }},
}

// parseMarkdown parses src with the full CommonMark parser, or when cheap is
// set with the one newMarkdownParser describes.
func parseMarkdown(src []byte, cheap bool) ast.Node {
	i := 0
	if cheap {
		i = 1
	}
	p := markdownParsers[i].Get().(parser.Parser)
	defer markdownParsers[i].Put(p)
	return p.Parse(text.NewReader(src))
}

// newMarkdownParser returns the full CommonMark parser, or when cheap is set
// one that reads paragraphs, headings, code and HTML blocks but no inline
// markup, block quotes or lists: every line is text.
func newMarkdownParser(cheap bool) parser.Parser {
	if !cheap {
		return goldmark.DefaultParser()
	}
	return parser.NewParser(parser.WithBlockParsers(
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(parser.NewATXHeadingParser(), 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	))
}

// markdownTooComplex is the note for a document read by the cheap parser
// because of the line at file offset start.
func markdownTooComplex(src *message.Source, start int) message.Problem {
	end := start
	for end < len(src.Content) && src.Content[end] != '\n' {
		end++
	}
	line := src.Position(start).Line
	return message.Problem{Kind: message.EncodingProblem, Start: start, End: end, Severity: message.Info,
		Message: fmt.Sprintf("the Markdown from line %d has too much unclosed or nested markup to parse in reasonable time; "+
			"the file is read as plain paragraphs: links, emphasis, quotes and lists are not recognised", line),
		Hint: "split long paragraphs with blank lines and close brackets and backticks"}
}
