package output

import (
	"bytes"
	"cmp"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// MaxAnnotations is how many annotations of one level GitHub shows per
// step; GitHub prints the rest only in the log.
const MaxAnnotations = 10

// GitHub prints GitHub Actions workflow commands, most severe first:
//
//	::error file=P,line=L,endLine=L2,col=C,endColumn=C2,title=notelint RULE::MESSAGE%0Ahint: HINT
//
// (warning, and notice for info). Control characters in paths, rule ids and
// messages are made visible (see visible) or escaped as the workflow
// command syntax wants. Paths are relative to Root; col and
// endColumn (exclusive) are left out when the finding spans lines. At most
// MaxAnnotations annotations per level are written; when some are left out,
// one more notice says how many (it counts against the notice limit), and
// every finding follows as a plain text line so nothing is lost. A summary
// line ends the output.
func GitHub(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b lint.Finding) int {
		return cmp.Compare(b.Severity, a.Severity)
	})

	perLevel := map[string]int{}
	for _, f := range sorted {
		perLevel[ghCommand(f.Severity)]++
	}
	overflow := false
	for _, n := range perLevel {
		overflow = overflow || n > MaxAnnotations
	}
	limit := map[string]int{"error": MaxAnnotations, "warning": MaxAnnotations, "notice": MaxAnnotations}
	if overflow {
		limit["notice"]-- // room for the notice about the rest
	}

	var buf bytes.Buffer
	shown := map[string]int{}
	hidden := 0
	for _, f := range sorted {
		cmd := ghCommand(f.Severity)
		if shown[cmd] >= limit[cmd] {
			hidden++
			continue
		}
		shown[cmd]++
		path, _ := p.rel(f.File)
		writeAnnotation(&buf, cmd, visible(path), f)
	}
	if hidden > 0 {
		buf.WriteString("::notice::")
		buf.WriteString(escapeData(plural(hidden, "more finding", "more findings") +
			" not shown as annotations; see the full list in the job log"))
		buf.WriteByte('\n')
		for _, f := range sorted {
			path, _ := p.rel(f.File)
			if strings.HasPrefix(path, "::") {
				path = "./" + path // never a workflow command
			}
			writeTextFinding(&buf, path, f, false)
		}
	}
	buf.WriteString(summary(fs, opt))
	buf.WriteByte('\n')
	return write(w, &buf)
}

// ghCommand maps a severity to a workflow command.
func ghCommand(s message.Severity) string {
	switch s {
	case message.Error:
		return "error"
	case message.Warning:
		return "warning"
	}
	return "notice"
}

// writeAnnotation writes one workflow command for f.
func writeAnnotation(buf *bytes.Buffer, cmd, path string, f lint.Finding) {
	r := regionOf(f)
	var props []string
	if path != "" {
		props = append(props,
			"file="+escapeProperty(path),
			"line="+strconv.Itoa(r.startLine),
			"endLine="+strconv.Itoa(r.endLine))
		if r.startLine == r.endLine {
			props = append(props,
				"col="+strconv.Itoa(r.startColumn),
				"endColumn="+strconv.Itoa(r.endColumn))
		}
	}
	props = append(props, "title="+escapeProperty("notelint "+visible(f.Rule)))
	msg := visibleText(f.Message)
	if f.Hint != "" {
		msg += "\nhint: " + visibleText(f.Hint)
	}
	buf.WriteString("::")
	buf.WriteString(cmd)
	buf.WriteByte(' ')
	buf.WriteString(strings.Join(props, ","))
	buf.WriteString("::")
	buf.WriteString(escapeData(msg))
	buf.WriteByte('\n')
}

// escapeData escapes a workflow command message: % CR LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command property value: % CR LF : ,.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
