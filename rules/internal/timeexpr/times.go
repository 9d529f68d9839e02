package timeexpr

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// Grammar is one language's time expressions, compiled once.
type Grammar struct {
	words    *lang.Matcher // time_words and time_not; longest match wins
	not      map[string]bool
	numbers  numberGrammar
	past     map[string]bool // time_past: "since", "seit", "depuis"
	vague    *lang.Matcher   // vague_eta and vague_eta_not; longest match wins
	vagueNot map[string]bool
	phAfter  []string // time_placeholder_after, folded: "on", "am", "jusqu'au"
}

var grammars = prose.NewPerLanguage(func(l *lang.Language) *Grammar {
	g := &Grammar{numbers: compileNumbers(l), past: prose.FoldedSet(l.Phrases("time_past"))}
	g.words, g.not = prose.MatcherWithNot(l.Phrases("time_words"), l.Phrases("time_not"))
	g.vague, g.vagueNot = prose.MatcherWithNot(l.Phrases("vague_eta"), l.Phrases("vague_eta_not"))
	g.phAfter = prose.FoldedList(l.Phrases("time_placeholder_after"))
	return g
})

// Of returns the grammar of a language.
func Of(l *lang.Language) *Grammar {
	g, _ := grammars.Get(l.Code)
	return g
}

// HasVague reports whether the language has vague time phrases.
func (g *Grammar) HasVague() bool { return g.vague.Len() > 0 }

// Vague returns the folded ranges of vague time phrases ("soon", "in
// Kürze"), leaving out phrases that only contain one ("later than", "à
// bientôt").
func (g *Grammar) Vague(f *lang.Folded) []prose.Span {
	var out []prose.Span
	for _, m := range g.vague.FindAll(f) {
		if !g.vagueNot[m.Phrase] {
			out = append(out, prose.Span{Start: m.Start, End: m.End})
		}
	}
	return out
}

// Times returns the folded ranges of concrete time expressions: clock
// times, dates, weekdays, relative days, durations. Vague phrases are found
// first and win ("plus tard" is not a time), phrases that only look like
// times are dropped ("24/7", "Guten Morgen"), and so are times in the past:
// durations with "ago" / "vor" / "il y a", and times right after a word
// such as "since" / "seit" / "depuis" (with the times chained to them).
func (g *Grammar) Times(f *lang.Folded) []prose.Span {
	var cands, drop []prose.Span
	for _, m := range g.words.FindAll(f) {
		if g.not[m.Phrase] {
			drop = append(drop, prose.Span{Start: m.Start, End: m.End})
		} else {
			cands = append(cands, prose.Span{Start: m.Start, End: m.End})
		}
	}
	found, ago := g.numbers.scan(f)
	cands = append(cands, found...)
	if len(cands) == 0 {
		return nil
	}
	drop = append(drop, ago...)
	drop = append(drop, g.Vague(f)...)
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].Start != cands[j].Start {
			return cands[i].Start < cands[j].Start
		}
		return cands[i].End < cands[j].End
	})
	out := cands[:0]
	past := prose.Span{Start: -1, End: -1} // the last time found to be in the past
	for k, c := range cands {
		if k > 0 && c == cands[k-1] {
			continue // "11h" is a clock time and a duration
		}
		if c.OverlapsAny(drop) {
			continue
		}
		// "since 8:00 this morning": a time chained to a past one is past.
		if g.afterPastWord(f.S, c.Start) || (past.End >= 0 && c.Start >= past.End && timeChained(f.S[past.End:c.Start])) {
			past = c
			continue
		}
		out = append(out, c)
	}
	return out
}

// timesKey and vagueKey name a grammar's spans in a view's memo.
type timesKey struct{ g *Grammar }
type vagueKey struct{ g *Grammar }

// TimesIn returns the times of a view (folded offsets), found once per
// view.
func (g *Grammar) TimesIn(v *prose.View) []prose.Span { return v.Spans(timesKey{g}, g.Times) }

// VagueIn returns the vague time phrases of a view (folded offsets), found
// once per view.
func (g *Grammar) VagueIn(v *prose.View) []prose.Span { return v.Spans(vagueKey{g}, g.Vague) }

// PartTimes returns the part text ranges of the times in a view: time
// expressions, and placeholders that stand for a time by their type or
// name (the default names, see DefaultVarNames) or by the word before them.
func (g *Grammar) PartTimes(t *message.Template, v *prose.View) []prose.Span {
	var out []prose.Span
	for _, ts := range g.TimesIn(v) {
		out = append(out, v.PartRange(ts))
	}
	for _, ph := range v.Part.Placeholders {
		if IsPlaceholder(t, ph, placeholderWords().words) || g.PositionalTime(v.Part, ph) {
			out = append(out, prose.Span{Start: ph.Start, End: ph.End})
		}
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
func (g *Grammar) afterPastWord(s string, i int) bool {
	if len(g.past) == 0 {
		return false
	}
	for n := 0; n < 2; n++ {
		w, start := prose.PrevWord(s, i)
		if w == "" {
			return false
		}
		if g.past[w] {
			return true
		}
		i = start
	}
	return false
}
