package rules

import (
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// input reports the files and directories that could not be checked at
// all: the engine finds them, this rule words the finding.
func input() *lint.Rule {
	return &lint.Rule{
		ID:       "input",
		Summary:  "Every path given can be read, and every file is a template notelint can parse",
		Severity: message.Error,
		Owns:     []message.ProblemKind{message.InputProblem},
		Problem: func(pr message.Problem) lint.Diagnostic {
			return lint.Diagnostic{
				Message: "not checked: " + pr.Message,
				Hint:    "fix the path or the file, or leave it out with [lint] exclude",
			}
		},
		Doc: `A file that cannot be read is a file whose messages nobody checked: a
path that does not exist (a typo in the CI job), a directory without read
permission, a file that is not valid UTF-8 (saved as Latin-1 or UTF-16 by a
spreadsheet export), an i18n bundle with a syntax error, a file over the
size limit. notelint reports each as a finding at the file, line and column
it knows, goes on with the other files, and exits with code 2.

Bad (locales/de.json, a missing comma):

    {"sms": {"delay": "Acme: your parcel is late." "eta": "New time: {{eta}}."}}

Good (locales/de.json):

    {"sms": {"delay": "Acme: your parcel is late.", "eta": "New time: {{eta}}."}}`,
	}
}
