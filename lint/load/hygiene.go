package load

import (
	"bytes"
	"fmt"

	"github.com/notelint/notelint/lint/message"
)

// FileHygiene checks the bytes of a file that is valid UTF-8: a UTF-8
// byte order mark, mixed line endings (CRLF next to LF, or bare CR), and
// emptiness, and text that went through the wrong encoding (mojibake).
// Invalid UTF-8 is an InputError raised before this.
func FileHygiene(src *message.Source) []message.Problem {
	data := src.Content
	var out []message.Problem
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		out = append(out, message.Problem{Kind: message.EncodingProblem, Start: 0, End: 3, Severity: message.Info,
			Message: "the file starts with a UTF-8 byte order mark (BOM); notelint ignores it, but some tools send it as an invisible character",
			Hint:    "save the file as UTF-8 without BOM"})
		data = data[3:]
	}
	if len(bytes.TrimSpace(data)) == 0 {
		out = append(out, message.Problem{Kind: message.EncodingProblem, Start: 0, End: len(src.Content), Severity: message.Info,
			Message: "the file is empty: there is no message to check",
			Hint:    "write the message, or delete the file"})
		return out
	}
	crlf := bytes.Count(data, []byte("\r\n"))
	lf := bytes.Count(data, []byte("\n")) - crlf
	cr := bytes.Count(data, []byte("\r")) - crlf
	if (crlf > 0 && lf > 0) || cr > 0 {
		off := firstMinorityBreak(src.Content, crlf, lf)
		out = append(out, message.Problem{Kind: message.EncodingProblem, Start: off, End: off + 1, Severity: message.Warning,
			Message: fmt.Sprintf("mixed line endings (%d CRLF, %d LF, %d bare CR): line breaks may be sent as stray characters or doubled", crlf, lf, cr),
			Hint:    "convert the file to one line ending (LF), e.g. with your editor or .gitattributes"})
	}
	return append(out, mojibakeProblem(src)...)
}

// firstMinorityBreak returns the offset of the first line break of the
// less common kind (the one that is probably a mistake).
func firstMinorityBreak(data []byte, crlf, lf int) int {
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				return i // bare CR
			}
			if crlf <= lf {
				return i
			}
			i++
		case '\n':
			if lf < crlf {
				return i
			}
		}
	}
	return 0
}
