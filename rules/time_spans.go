package rules

// Times and vague time phrases in folded message text, and the phrases
// that settle a matter (rules missing-eta and vague-eta).

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

// vagueSpans returns the folded ranges of vague time phrases ("soon",
// "in Kürze"), leaving out phrases that only contain one ("later than",
// "à bientôt").
func (d *contentData) vagueSpans(f *lang.Folded) []span {
	var out []span
	for _, m := range d.vague.FindAll(f) {
		if !d.vagueNot[m.Phrase] {
			out = append(out, span{m.Start, m.End})
		}
	}
	return out
}

// timeSpans returns the folded ranges of concrete time expressions: clock
// times, dates, weekdays, relative days, durations. Vague phrases are found
// first and win ("plus tard" is not a time), phrases that only look like
// times are dropped ("24/7", "Guten Morgen"), and so are times in the past:
// durations with "ago" / "vor" / "il y a", and times right after a word
// such as "since" / "seit" / "depuis" (with the times chained to them).
func (d *contentData) timeSpans(f *lang.Folded) []span {
	var cands, drop []span
	for _, m := range d.timeWords.FindAll(f) {
		if d.timeNot[m.Phrase] {
			drop = append(drop, span{m.Start, m.End})
		} else {
			cands = append(cands, span{m.Start, m.End})
		}
	}
	found, ago := d.timeGram.scan(f)
	cands = append(cands, found...)
	if len(cands) == 0 {
		return nil
	}
	drop = append(drop, ago...)
	drop = append(drop, d.vagueSpans(f)...)
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].start != cands[j].start {
			return cands[i].start < cands[j].start
		}
		return cands[i].end < cands[j].end
	})
	out := cands[:0]
	past := span{-1, -1} // the last time found to be in the past
	for k, c := range cands {
		if k > 0 && c == cands[k-1] {
			continue // "11h" is a clock time and a duration
		}
		if spanOverlapsAny(c, drop) {
			continue
		}
		// "since 8:00 this morning": a time chained to a past one is past.
		if d.afterPastWord(f.S, c.start) || (past.end >= 0 && c.start >= past.end && timeChained(f.S[past.end:c.start])) {
			past = c
			continue
		}
		out = append(out, c)
	}
	return out
}

// timeChained reports whether the text between two times joins them into one
// expression: only spaces and punctuation, or one short word ("on", "am").
func timeChained(gap string) bool {
	if strings.ContainsAny(gap, ".!?") {
		return false
	}
	letters := 0
	words := strings.FieldsFunc(gap, func(r rune) bool { return !lang.IsWordRune(r) })
	for _, w := range words {
		letters += utf8.RuneCountInString(w)
	}
	return len(words) == 0 || (len(words) == 1 && letters <= 3)
}

// afterPastWord reports whether one of the two words before offset i is a
// past marker such as "since" / "seit" / "depuis".
func (d *contentData) afterPastWord(s string, i int) bool {
	if len(d.timePast) == 0 {
		return false
	}
	for n := 0; n < 2; n++ {
		w, start := prevWordAt(s, i)
		if w == "" {
			return false
		}
		if d.timePast[w] {
			return true
		}
		i = start
	}
	return false
}

// prevWordAt returns the word that ends before offset i (skipping spaces
// and punctuation other than sentence ends) and its start.
func prevWordAt(s string, i int) (string, int) {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if lang.IsWordRune(r) {
			break
		}
		if r == '.' || r == '!' || r == '?' || r == '\n' {
			return "", j
		}
		j -= n
	}
	end := j
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !lang.IsWordRune(r) && r != '\'' {
			break
		}
		j -= n
	}
	return s[j:end], j
}
