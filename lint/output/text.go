package output

import (
	"bytes"
	"io"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// ANSI escape sequences used by the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiDim    = "\x1b[2m"
)

// Text prints one line per finding, `path:line:col: severity rule-id:
// message`, an indented `hint:` line when there is a hint, and a summary.
// A finding repeated in several files (a shared footer) is printed once,
// with an indented line naming the other places. Paths are printed as
// given, with control characters made visible (see visible); color only
// when opt.Color.
func Text(w io.Writer, fs []lint.Finding, opt Options) error {
	var buf bytes.Buffer
	for _, r := range groupRepeats(fs, opt.Contents) {
		writeTextFinding(&buf, r.first.File, r.first, opt.Color)
		if len(r.others) > 0 {
			buf.WriteString("    ")
			buf.WriteString(r.repeatLine(func(f lint.Finding) string { return location(visible(f.File), f) }))
			buf.WriteByte('\n')
		}
	}
	if !opt.Quiet {
		buf.WriteString(summary(fs, opt))
		buf.WriteByte('\n')
	}
	return write(w, &buf)
}

// writeTextFinding writes one finding in the text format under the given
// path. Line breaks inside the message or hint are indented so every
// finding starts a line of its own.
func writeTextFinding(buf *bytes.Buffer, path string, f lint.Finding, color bool) {
	loc := location(visible(path), f)
	sev := f.Severity.String()
	if color {
		loc = ansiBold + loc + ansiReset
		sev = severityColor(f.Severity) + sev + ansiReset
	}
	buf.WriteString(loc)
	buf.WriteString(": ")
	buf.WriteString(sev)
	buf.WriteByte(' ')
	buf.WriteString(visible(f.Rule))
	buf.WriteString(": ")
	buf.WriteString(indentLines(f.Message))
	buf.WriteByte('\n')
	if f.Hint != "" {
		label := "hint:"
		if color {
			label = ansiDim + label + ansiReset
		}
		buf.WriteString("    ")
		buf.WriteString(label)
		buf.WriteByte(' ')
		buf.WriteString(indentLines(f.Hint))
		buf.WriteByte('\n')
	}
}

func severityColor(s message.Severity) string {
	switch s {
	case message.Error:
		return ansiRed
	case message.Warning:
		return ansiYellow
	default:
		return ansiCyan
	}
}

// indentLines indents continuation lines by four spaces and drops carriage
// returns, so a multi-line message cannot look like a finding of its own;
// other control characters are made visible.
func indentLines(s string) string {
	s = visibleText(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.ReplaceAll(s, "\n", "\n    ")
}
