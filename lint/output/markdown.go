package output

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// MaxMarkdown is the size the Markdown report stays under, in bytes, so it
// fits a GitHub pull-request comment (65,536 characters) with room to spare.
const MaxMarkdown = 60_000

// markdownMarker starts the Markdown report, so a bot can find and update
// its earlier comment instead of adding one per push.
const markdownMarker = "<!-- notelint-report -->"

// markdownFold is the number of findings above which every file's table is
// folded into a <details> element (open when the file has errors).
const markdownFold = 20

// Markdown prints a GitHub-flavored Markdown report for a pull-request
// comment or a job summary:
//
//	<!-- notelint-report -->
//	## notelint: 1 error, 1 warning in 12 templates (9 files)
//
//	| rule | error | warning | info |
//	|:--|--:|--:|--:|
//	| `placeholder` | 1 | 0 | 0 |
//	| **total** | **1** | **1** | **0** |
//
//	### templates/sms/delay.en.txt
//
//	| line:col | severity | rule | message | hint |
//	|--:|:--|:--|:--|:--|
//	| 6:4 | ❌ error | `placeholder` | placeholder "name" is not declared | declare it |
//
// Files come in the order of the findings (paths relative to Root), each
// with its findings in order. With more than 20 findings, each file's
// table is folded into a <details> element, open when the file has errors.
// Text from messages and hints is escaped so it cannot open markup, links,
// tables or mentions; line breaks become <br>. The report stays under
// MaxMarkdown bytes: findings that do not fit are left out and counted in
// a closing "N more findings not shown" line.
func Markdown(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	var buf bytes.Buffer
	buf.WriteString(markdownMarker + "\n")
	buf.WriteString("## notelint: " + mdEscape(summary(fs, opt)) + "\n\n")
	if len(fs) == 0 {
		buf.WriteString("No findings. ✅\n")
		writeMarkdownFooter(&buf, opt)
		return write(w, &buf)
	}

	buf.WriteString("| rule | error | warning | info |\n|:--|--:|--:|--:|\n")
	var total ruleCount
	for _, rc := range countByRule(fs) {
		buf.WriteString("| " + mdCode(rc.rule) + " | " + strconv.Itoa(rc.errors) + " | " +
			strconv.Itoa(rc.warnings) + " | " + strconv.Itoa(rc.info) + " |\n")
		total.errors += rc.errors
		total.warnings += rc.warnings
		total.info += rc.info
	}
	buf.WriteString("| **total** | **" + strconv.Itoa(total.errors) + "** | **" +
		strconv.Itoa(total.warnings) + "** | **" + strconv.Itoa(total.info) + "** |\n")

	// Group by file in order of first appearance.
	type fileFindings struct {
		path     string
		findings []lint.Finding
		counts   []int // findings each row stands for (a repeat counts them all)
		errors   int
	}
	var files []*fileFindings
	byFile := map[string]*fileFindings{}
	for _, r := range groupRepeats(fs, opt.Contents) {
		f := r.first
		if len(r.others) > 0 {
			f.Message += " (" + r.repeatLine(func(o lint.Finding) string { path, _ := p.rel(o.File); return location(path, o) }) + ")"
		}
		ff := byFile[f.File]
		if ff == nil {
			path, _ := p.rel(f.File)
			ff = &fileFindings{path: path}
			byFile[f.File] = ff
			files = append(files, ff)
		}
		ff.findings = append(ff.findings, f)
		ff.counts = append(ff.counts, 1+len(r.others))
		if f.Severity == message.Error {
			ff.errors++
		}
	}

	fold := len(fs) > markdownFold
	const tableHead = "| line:col | severity | rule | message | hint |\n|--:|:--|:--|:--|:--|\n"
	// reserve is room for closing a section and the "more" line and footer.
	const reserve = 1024
	shown, full := 0, false
	for _, ff := range files {
		var head, tail string
		if fold {
			open := ""
			if ff.errors > 0 {
				open = " open"
			}
			head = "\n<details" + open + "><summary><strong>" + htmlEscape(ff.path) + "</strong>: " +
				plural(len(ff.findings), "finding", "findings") + "</summary>\n\n" + tableHead
			tail = "\n</details>\n"
		} else {
			head = "\n### " + mdEscape(ff.path) + "\n\n" + tableHead
		}
		if buf.Len()+len(head)+len(markdownRow(ff.findings[0]))+len(tail)+reserve > MaxMarkdown {
			break
		}
		buf.WriteString(head)
		for i, f := range ff.findings {
			row := markdownRow(f)
			if buf.Len()+len(row)+len(tail)+reserve > MaxMarkdown {
				full = true
				break
			}
			buf.WriteString(row)
			shown += ff.counts[i]
		}
		buf.WriteString(tail)
		if full {
			break
		}
	}
	if hidden := len(fs) - shown; hidden > 0 {
		buf.WriteString("\n**" + plural(hidden, "more finding", "more findings") +
			" not shown** (the comment would be too long); run `notelint check` for the full list.\n")
	}
	writeMarkdownFooter(&buf, opt)
	return write(w, &buf)
}

func writeMarkdownFooter(buf *bytes.Buffer, opt Options) {
	buf.WriteString("\n<sub>")
	buf.WriteString("[notelint](" + toolURI + ")")
	if opt.Version != "" {
		buf.WriteString(" " + mdEscape(opt.Version))
	}
	buf.WriteString("</sub>\n")
}

// markdownRow is one table row for a finding.
func markdownRow(f lint.Finding) string {
	loc := ""
	if f.Line > 0 {
		loc = strconv.Itoa(f.Line)
		if f.Column > 0 {
			loc += ":" + strconv.Itoa(f.Column)
		}
	}
	return "| " + loc + " | " + severityLabel(f.Severity) + " | " + mdCode(f.Rule) + " | " +
		mdCell(f.Message) + " | " + mdCell(f.Hint) + " |\n"
}

// severityLabel is a severity with a symbol, so it does not rely on color.
func severityLabel(s message.Severity) string {
	switch s {
	case message.Error:
		return "❌ error"
	case message.Warning:
		return "⚠️ warning"
	case message.Info:
		return "ℹ️ info"
	}
	return s.String()
}

// mdCell escapes text for a table cell: markup as mdEscape, and line
// breaks as <br>.
func mdCell(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = mdEscape(l)
	}
	return strings.Join(lines, "<br>")
}

// mdEscape escapes inline text so GitHub renders it literally: the ASCII
// punctuation that can start emphasis, code, a link, an entity, HTML,
// strikethrough, math or a table cell gets a backslash (block markup such
// as "# " or "- " cannot start inside a heading or a cell); an @ gets a
// word joiner after it so it mentions no one; line breaks and tabs become
// spaces; invalid UTF-8 and control characters become U+FFFD.
func mdEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune('\uFFFD')
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || isWideControl(r):
			b.WriteRune('\uFFFD')
		case strings.ContainsRune("\\`*_[]<>&|~$", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '@':
			b.WriteString("@\u2060")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdCode writes s as a code span when it is a plain id, else escaped text.
func mdCode(s string) string {
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./", r)
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool { return !plain(r) }) < 0 {
		return "`" + s + "`"
	}
	return mdEscape(s)
}

// htmlEscape escapes text for HTML inside the Markdown (a <summary>).
func htmlEscape(s string) string {
	var b strings.Builder
	for _, r := range mdEscapeControls(s) {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '@':
			b.WriteString("@\u2060")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdEscapeControls replaces line breaks with spaces and control characters
// and invalid UTF-8 with U+FFFD.
func mdEscapeControls(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case r < 0x20 || r == 0x7f || isWideControl(r):
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
