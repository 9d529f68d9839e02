package timeexpr

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/rules/internal/prose"
)

// numberGrammar recognises time expressions built around numbers, driven by
// the language's word lists (time.toml): clock times (14:00, 3pm, 15 Uhr,
// 15h30, um 15.30), numeric and written dates (4/25, 24.11., 2026-11-24,
// 25th of April, 1er novembre, 24. November, April 25, the 25th), ranges
// (between 9 and 11) and durations (2 hours, 48h, an hour, fünf Werktage).
// It scans the folded text once, number by number: regular expressions
// with this many alternatives cost too much per template.
type numberGrammar struct {
	clockSuffix, clockPrefix, units, unitAdj, months, ordSuffix []string
	dayMonthJoin, ordPrefix, rangeStart, rangeJoin, dateSeps    []string
	agoBefore, agoAfter                                         []string
	numberWords                                                 *lang.Matcher
}

func compileNumbers(l *lang.Language) numberGrammar {
	list := func(name string) []string {
		out := prose.FoldedList(l.Phrases(name))
		// Longest first, so "a.m." wins over "a.m" and "minutes" over "min".
		sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
		return out
	}
	return numberGrammar{
		clockSuffix: list("time_clock_suffix"), clockPrefix: list("time_clock_prefix"),
		units: list("time_units"), unitAdj: list("time_unit_adjectives"),
		months: list("time_months"), ordSuffix: list("time_ordinal_suffix"),
		dayMonthJoin: list("time_day_month_joiners"), ordPrefix: list("time_ordinal_prefix"),
		rangeStart: list("time_range_start"), rangeJoin: list("time_range_join"),
		dateSeps: list("time_date_separators"), agoBefore: list("time_ago_before"),
		agoAfter: list("time_ago_after"), numberWords: l.List("time_number_words"),
	}
}

// scan returns the time expressions of folded text s, and separately the
// durations that are in the past ("2 hours ago", "vor 2 Stunden").
func (g *numberGrammar) scan(f *lang.Folded) (times, ago []prose.Span) {
	s := f.S
	urls := prose.URLs(s)
	covered := 0 // numbers before this offset belong to a time found already
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		a := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		b := i
		if a > 0 {
			// Digits glued to letters ("x4711", "AB12") are codes, not times.
			if r, _ := utf8.DecodeLastRuneInString(s[:a]); unicode.IsLetter(r) {
				continue
			}
		}
		if a < covered || (prose.Span{Start: a, End: b}).OverlapsAny(urls) {
			continue
		}
		found := g.numberTimes(s, a, b)
		if e := g.duration(s, b); e > 0 && !(prose.Span{Start: a, End: e}).WithinAny(found) {
			if g.isAgo(s, a, e) {
				ago = append(ago, prose.Span{Start: a, End: e})
			} else {
				found = append(found, prose.Span{Start: a, End: e})
			}
		}
		for _, sp := range found {
			covered = max(covered, sp.End)
		}
		times = append(times, found...)
	}
	if g.numberWords.Len() > 0 && len(g.units) > 0 {
		for _, m := range g.numberWords.FindAll(f) {
			if e := g.duration(s, m.End); e > 0 {
				if g.isAgo(s, m.Start, e) {
					ago = append(ago, prose.Span{Start: m.Start, End: e})
				} else {
					times = append(times, prose.Span{Start: m.Start, End: e})
				}
			}
		}
	}
	return times, ago
}

// numberTimes recognises the clock times, dates and ranges that contain the
// number s[a:b].
func (g *numberGrammar) numberTimes(s string, a, b int) []prose.Span {
	var out []prose.Span
	n := b - a
	small := n <= 2
	// 14:00, 9:30 pm
	if small && hasAt(s, b, ":") && digitsAt(s, b+1) == 2 && atoi(s[a:b]) <= 24 && atoi(s[b+1:b+3]) <= 59 {
		e := b + 3
		if se := phraseAt(s, skipSpace(s, e), g.clockSuffix, e == skipSpace(s, e)); se > 0 {
			e = se
		}
		out = append(out, prose.Span{Start: a, End: e})
	}
	// Numeric dates: 4/25, 24/11/2026, 24.11., 24.11.2026
	for _, sep := range g.dateSeps {
		if !small || !hasAt(s, b, sep) {
			continue
		}
		m := digitsAt(s, b+len(sep))
		if m < 1 || m > 2 {
			continue
		}
		e := b + len(sep) + m
		switch {
		case hasAt(s, e, sep) && digitsAt(s, e+len(sep)) >= 2 && digitsAt(s, e+len(sep)) <= 4:
			e += len(sep) + digitsAt(s, e+len(sep))
		case sep == ".":
			// "24.11." needs its closing dot; "15.30" is not a date.
			if !hasAt(s, e, ".") {
				continue
			}
			e++
		}
		if e < len(s) && isDigit(s[e]) {
			continue
		}
		out = append(out, prose.Span{Start: a, End: e})
	}
	// 2026-11-24
	if n == 4 && hasAt(s, b, "-") && digitsAt(s, b+1) == 2 && hasAt(s, b+3, "-") && digitsAt(s, b+4) == 2 {
		out = append(out, prose.Span{Start: a, End: b + 6})
	}
	if !small {
		return out
	}
	// 15.30 Uhr, um 15.30
	if hasAt(s, b, ".") && digitsAt(s, b+1) == 2 && !hasAt(s, b+3, ".") && atoi(s[b+1:b+3]) <= 59 {
		if se := phraseAt(s, skipSpace(s, b+3), g.clockSuffix, false); se > 0 {
			out = append(out, prose.Span{Start: a, End: se})
		} else if ps, ok := endsWith(s[:a], g.clockPrefix); ok {
			out = append(out, prose.Span{Start: ps, End: b + 3})
		}
	}
	// 3pm, 10 a.m., 15 Uhr, 15h30, 15 h 30
	for _, j := range []int{b, skipSpace(s, b)} {
		se := phraseAt(s, j, g.clockSuffix, j == b)
		if se <= 0 {
			continue
		}
		if k := skipSpace(s, se); digitsAt(s, k) == 2 && atoi(s[k:k+2]) <= 59 {
			se = k + 2
		}
		out = append(out, prose.Span{Start: a, End: se})
		break
	}
	// 25th, 1er, 24. (German ordinal dot), then an optional "of" and a month.
	ord := b
	if oe := phraseAt(s, b, g.ordSuffix, true); oe > 0 {
		ord = oe
		if ps, ok := endsWith(s[:a], g.ordPrefix); ok {
			out = append(out, prose.Span{Start: ps, End: ord}) // the 25th
		}
	} else if hasAt(s, b, ".") && slices.Contains(g.dateSeps, ".") {
		ord = b + 1
	}
	j := skipSpace(s, ord)
	if j > ord {
		if je := phraseAt(s, j, g.dayMonthJoin, false); je > 0 {
			j = skipSpace(s, je)
		}
		if me := phraseAt(s, j, g.months, false); me > 0 {
			out = append(out, prose.Span{Start: a, End: me})
		}
	}
	// April 25, Dec. 1st
	if ms, ok := endsWith(strings.TrimRight(s[:a], " ."), g.months); ok {
		e := b
		if oe := phraseAt(s, b, g.ordSuffix, true); oe > 0 {
			e = oe
		}
		out = append(out, prose.Span{Start: ms, End: e})
	}
	// between 9 and 11, zwischen 9 und 11, entre 9 et 11
	if rs, ok := endsWith(s[:a], g.rangeStart); ok {
		if je := phraseAt(s, skipSpace(s, b), g.rangeJoin, false); je > 0 {
			k := skipSpace(s, je)
			if m := digitsAt(s, k); m >= 1 && m <= 2 {
				out = append(out, prose.Span{Start: rs, End: k + m})
			}
		}
	}
	return out
}

// duration returns the end of "[adjective] unit" after a number ending at
// b ("2 hours", "48h", "5 working days"), or 0.
func (g *numberGrammar) duration(s string, b int) int {
	for _, j := range []int{b, skipSpace(s, b)} {
		k := j
		if ae := phraseAt(s, k, g.unitAdj, k == b); ae > 0 {
			k = skipSpace(s, ae)
		}
		if ue := phraseAt(s, k, g.units, k == b); ue > 0 {
			if ue < len(s) && isDigit(s[ue]) {
				continue // "15h30" is a clock time
			}
			return ue
		}
	}
	return 0
}

// isAgo reports whether the duration s[a:e] is in the past.
func (g *numberGrammar) isAgo(s string, a, e int) bool {
	if _, ok := endsWith(s[:a], g.agoBefore); ok {
		return true
	}
	return phraseAt(s, skipSpace(s, e), g.agoAfter, false) > 0
}

// phraseAt returns the end of the first phrase of list found at s[i:]
// and not followed by a letter, or 0. Unless attached (glued to a number,
// as in "3pm"), the phrase must also start a word.
func phraseAt(s string, i int, list []string, attached bool) int {
	if i >= len(s) {
		return 0
	}
	if !attached && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); lang.IsWordRune(r) {
			return 0
		}
	}
	for _, p := range list {
		if !strings.HasPrefix(s[i:], p) {
			continue
		}
		e := i + len(p)
		if e < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[e:]); unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				continue
			}
		}
		return e
	}
	return 0
}

// endsWith reports whether s ends (after spaces) with one of the
// phrases of list as whole words, and where that phrase starts. A phrase's
// own final full stop is optional ("ca." matches "ca").
func endsWith(s string, list []string) (int, bool) {
	t := strings.TrimRight(s, " ")
	for _, p := range list {
		for _, q := range []string{p, strings.TrimSuffix(p, ".")} {
			if q == "" || !strings.HasSuffix(t, q) {
				continue
			}
			st := len(t) - len(q)
			if st > 0 {
				if r, _ := utf8.DecodeLastRuneInString(t[:st]); lang.IsWordRune(r) {
					continue
				}
			}
			return st, true
		}
	}
	return 0, false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digitsAt returns the number of ASCII digits starting at s[i].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

func hasAt(s string, i int, p string) bool { return i <= len(s) && strings.HasPrefix(s[i:], p) }

func skipSpace(s string, i int) int {
	if i < len(s) && s[i] == ' ' {
		return i + 1
	}
	return i
}

// atoi parses a short run of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
