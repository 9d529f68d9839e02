package prose

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// Code returns the base language of the template's locale ("de" for
// "de-CH"), or "en" when it has none: the loaders always set a locale, and
// "en" is their built-in default.
func Code(t *message.Template) string {
	if t.Locale == "" {
		return "en"
	}
	return t.Language()
}

// Language returns the language data of the template's language; ok is
// false when notelint has none (the language rule reports that once, and
// the rules that read words stay silent).
func Language(t *message.Template) (*lang.Language, bool) {
	return lang.Builtin().Get(Code(t))
}

// Languages returns the data of every built-in language, sorted by code.
func Languages() []*lang.Language {
	set := lang.Builtin()
	out := make([]*lang.Language, 0, len(set.Codes()))
	for _, code := range set.Codes() {
		l, _ := set.Get(code)
		out = append(out, l)
	}
	return out
}

// PerLanguage holds what a rule compiles from each built-in language's
// data, compiled once, on first use. It is safe for concurrent use.
type PerLanguage[T any] struct {
	all func() map[string]T
}

// NewPerLanguage returns the data compile makes of every built-in language.
func NewPerLanguage[T any](compile func(*lang.Language) T) *PerLanguage[T] {
	return &PerLanguage[T]{all: sync.OnceValue(func() map[string]T {
		out := map[string]T{}
		for _, l := range Languages() {
			out[l.Code] = compile(l)
		}
		return out
	})}
}

// Get returns the data of a language code ("de"); ok is false when
// notelint has no data for it.
func (p *PerLanguage[T]) Get(code string) (T, bool) {
	d, ok := p.all()[code]
	return d, ok
}

// All returns the data of every language, by code.
func (p *PerLanguage[T]) All() map[string]T { return maps.Clone(p.all()) }

// For returns the data of the template's language (see Language).
func (p *PerLanguage[T]) For(t *message.Template) (T, bool) {
	l, ok := Language(t)
	if !ok {
		var zero T
		return zero, false
	}
	return p.Get(l.Code)
}

// FoldedSet returns the set of the phrases folded and trimmed (see
// lang.Fold), leaving out empty ones.
func FoldedSet(phrases []string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, f := range FoldedList(phrases) {
		m[f] = true
	}
	return m
}

// FoldedList returns the phrases folded and trimmed, in order, leaving out
// empty ones.
func FoldedList(phrases []string) []string {
	var out []string
	for _, p := range phrases {
		if f := strings.TrimSpace(lang.Fold(p).S); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// LowerSet returns the set of the words of all lists, lower-cased and
// trimmed.
func LowerSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[strings.ToLower(strings.TrimSpace(w))] = true
		}
	}
	return m
}

// ExactSet returns the set of the words of list, trimmed, case kept.
func ExactSet(list []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range list {
		m[strings.TrimSpace(w)] = true
	}
	return m
}

// MatcherWithNot compiles phrases together with "not" phrases that contain
// them without meaning the same ("later than" for "later"): the matcher
// prefers the longest overlapping phrase, and the caller drops matches of
// a phrase in the returned set.
func MatcherWithNot(phrases, not []string) (*lang.Matcher, map[string]bool) {
	all := append(slices.Clone(phrases), not...)
	return lang.NewMatcher(all), FoldedSet(not)
}
