package timeexpr

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// This file decides which placeholders stand for a time ("{{eta}}",
// "{{zustelltermin}}", "{date_prevue}", "$StartDate"), from the
// time_placeholder_* lists of every language's time.toml: a template's
// placeholder names often follow the code base's language, not the
// message's.

// placeholderData is the union of every language's placeholder words.
type placeholderData struct {
	words    []string // names or name words that stand for a time
	suffixes []string // word endings that do ("startdate", "liefertermin")
	not      map[string]bool
}

var placeholderWords = sync.OnceValue(func() placeholderData {
	var d placeholderData
	d.not = map[string]bool{}
	for _, l := range prose.Languages() {
		d.words = appendLower(d.words, l.Phrases("time_placeholder_words"))
		d.suffixes = appendLower(d.suffixes, l.Phrases("time_placeholder_suffixes"))
		for _, w := range l.Phrases("time_placeholder_not") {
			d.not[strings.ToLower(strings.TrimSpace(w))] = true
		}
	}
	return d
})

// appendLower appends the trimmed, lower-cased words of list not in out yet.
func appendLower(out, list []string) []string {
	for _, w := range list {
		w = strings.ToLower(strings.TrimSpace(w))
		if w != "" && !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// DefaultVarNames returns the placeholder names (or words of names) that
// stand for a time by default: time_placeholder_words of every language.
// The caller owns the slice.
func DefaultVarNames() []string {
	return slices.Clone(placeholderWords().words)
}

// varTypes are the declared types of placeholders that hold a time.
var varTypes = []string{"time", "date", "datetime", "duration"}

// IsPlaceholder reports whether a placeholder holds a time: by its
// declared type, or by its name being one of names, having a word in names
// ("restoreTime", "start_time", "time2") or a word ending in one of the
// time suffixes ("startdate", "zustelltermin").
func IsPlaceholder(t *message.Template, ph message.Placeholder, names []string) bool {
	if ph.Control || ph.Name == "" {
		return false
	}
	if v := t.VarFor(ph); v != nil && slices.Contains(varTypes, strings.ToLower(v.Type)) {
		return true
	}
	if slices.Contains(names, message.NormalizeVarName(ph.Name)) {
		return true
	}
	d := placeholderWords()
	for _, w := range prose.NameWords(ph.Name) {
		w = strings.TrimRightFunc(w, unicode.IsDigit)
		if w == "" || d.not[w] {
			continue
		}
		if slices.Contains(names, w) {
			return true
		}
		for _, suf := range d.suffixes {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	return false
}

// PositionalTime reports whether an unnamed placeholder (%s, %1$s, {0})
// stands for a time by the word before it: "on %s", "am %s", "jusqu'au
// %s" (time_placeholder_after). A named placeholder is judged by its name:
// "on {{resource}}" is no time.
func (g *Grammar) PositionalTime(part *message.Part, ph message.Placeholder) bool {
	if ph.Control || !PositionalName(ph.Name) || len(g.phAfter) == 0 || ph.Start > part.Text.Len() {
		return false
	}
	before := lang.Fold(part.Text.String()[:ph.Start]).S
	_, ok := endsWith(before, g.phAfter)
	return ok
}

// PositionalName reports whether a placeholder name only gives a position
// or a printf verb: "", "0", "%s", "%1$s", "%d".
func PositionalName(name string) bool {
	n := strings.TrimPrefix(name, "%")
	n = strings.TrimLeftFunc(n, unicode.IsDigit)
	n = strings.TrimPrefix(n, "$")
	return len(n) <= 1 && strings.IndexFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}
