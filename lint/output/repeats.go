package output

import (
	"strings"

	"github.com/notelint/notelint/lint"
)

// minRepeatFiles is how many files must share a finding before the
// line-based reports for people (text, Markdown) print it once with the
// list of the other places: a shared footer or a copied sentence is one
// thing to fix, not 140.
const minRepeatFiles = 3

// maxRepeatPlaces is how many other places a grouped finding names.
const maxRepeatPlaces = 5

// repeat is a finding as the reports for people print it: the first
// occurrence, and the same finding elsewhere.
type repeat struct {
	first lint.Finding
	// others are the same rule, message, hint and offending text in other
	// files, in the order of fs.
	others []lint.Finding
}

// groupRepeats folds findings that are the same (rule, message, hint and
// the text they point at, unless the finding is about the whole message)
// in at least minRepeatFiles files into one
// repeat at the first occurrence; every other finding stays a repeat of
// its own. The order of fs is kept. Machine formats (JSON, SARIF, …)
// keep every location and do not use this.
func groupRepeats(fs []lint.Finding, contents map[string][]byte) []repeat {
	key := func(f lint.Finding) string {
		return f.Rule + "\x00" + f.Message + "\x00" + f.Hint + "\x00" + offending(f, contents)
	}
	files := map[string]map[string]bool{}
	for _, f := range fs {
		k := key(f)
		if files[k] == nil {
			files[k] = map[string]bool{}
		}
		files[k][f.File] = true
	}
	var out []repeat
	at := map[string]int{}
	for _, f := range fs {
		k := key(f)
		if len(files[k]) < minRepeatFiles {
			out = append(out, repeat{first: f})
			continue
		}
		if i, ok := at[k]; ok {
			out[i].others = append(out[i].others, f)
			continue
		}
		at[k] = len(out)
		out = append(out, repeat{first: f})
	}
	return out
}

// offending is the file text a finding points at, or "" when the
// contents are not at hand or the finding is about the whole message
// (where it points is only an anchor: "no sender" in three SMS is one
// finding, whatever their first words).
func offending(f lint.Finding, contents map[string][]byte) string {
	if f.Whole {
		return ""
	}
	data, ok := contents[f.File]
	if !ok || f.Offset < 0 || f.Offset > f.EndOffset || f.EndOffset > len(data) {
		return ""
	}
	return string(data[f.Offset:f.EndOffset])
}

// repeatLine says where else a grouped finding is: "same finding in 33
// more files: a.txt:3:5, b.txt:3:5, … and 28 more".
func (r repeat) repeatLine(place func(lint.Finding) string) string {
	n := map[string]bool{}
	for _, f := range r.others {
		n[f.File] = true
	}
	delete(n, r.first.File)
	var b strings.Builder
	b.WriteString("same finding in ")
	b.WriteString(plural(len(n), "more file", "more files"))
	b.WriteString(": ")
	for i, f := range r.others {
		if i == maxRepeatPlaces {
			b.WriteString(", and ")
			b.WriteString(plural(len(r.others)-maxRepeatPlaces, "more", "more"))
			break
		}
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(place(f))
	}
	return b.String()
}
