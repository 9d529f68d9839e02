package classify

import (
	"strings"

	"github.com/notelint/notelint/lint/lang"
)

// maxHypotheticalGap is the most words between a hypothetical marker and
// the kind phrase it governs: "to avoid any interruption" (1), "um eine
// Unterbrechung des Dienstes zu vermeiden" (2).
const maxHypotheticalGap = 3

// actual returns the kind matches ms of the folded text s that name an
// event, dropping those a hypothetical marker governs: a marker of before
// ending at most maxHypotheticalGap words ahead of the match ("to avoid
// any interruption", "en cas de panne"), or one of after starting at most
// that many words behind it ("Unterbrechung zu vermeiden"), with no end
// of sentence between.
func actual(s string, ms, before, after []lang.Match) []lang.Match {
	if len(before) == 0 && len(after) == 0 {
		return ms
	}
	out := ms[:0:0]
	for _, m := range ms {
		if !governed(s, m, before, after) {
			out = append(out, m)
		}
	}
	return out
}

// governed reports whether a marker governs the match m in s.
func governed(s string, m lang.Match, before, after []lang.Match) bool {
	for _, b := range before {
		if b.End <= m.Start && closeBy(s[b.End:m.Start]) {
			return true
		}
	}
	for _, a := range after {
		if a.Start >= m.End && closeBy(s[m.End:a.Start]) {
			return true
		}
	}
	return false
}

// closeBy reports whether gap, the text between a marker and a match, is a
// few words within one clause.
func closeBy(gap string) bool {
	if strings.ContainsAny(gap, ".!?;:\n") {
		return false
	}
	return len(strings.Fields(gap)) <= maxHypotheticalGap
}
