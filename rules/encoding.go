package rules

import (
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

func encoding() *lint.Rule {
	return &lint.Rule{
		ID:       "encoding",
		Summary:  "Files are clean UTF-8: no byte order mark, one kind of line ending, not empty",
		Severity: message.Info,
		Doc: `Template files travel through editors, spreadsheets and export tools that
add invisible bytes: a UTF-8 byte order mark (BOM) at the start, Windows
line endings (CRLF) mixed with Unix ones (LF), or nothing at all. Some
sending systems pass these bytes on: a stray character before the first
word, doubled line breaks, or an empty message.

notelint reads such files correctly (the BOM is skipped, CRLF counts as
one line break, HTML entities such as &agrave; are decoded before text
rules run) and reports, once per file: a BOM (info), mixed line endings
(warning) and an empty file (info). A file that is not valid UTF-8 is
an input error naming its line.

Bad: a file saved "UTF-8 with BOM" with CRLF and LF lines.

Good: UTF-8 without BOM, LF line endings (enforce with .gitattributes:
` + "`* text=auto eol=lf`" + `).`,
		Owns: []message.ProblemKind{message.EncodingProblem},
	}
}
