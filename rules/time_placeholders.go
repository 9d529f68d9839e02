package rules

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// This file decides which placeholders stand for a time ("{{eta}}",
// "{{zustelltermin}}", "{date_prevue}", "$StartDate"), from the
// time_placeholder_* lists of every language's time.toml: a template's
// placeholder names often follow the code base's language, not the
// message's.

// timePlaceholderData is the union of every language's placeholder words.
type timePlaceholderData struct {
	words    []string // names or name words that stand for a time
	suffixes []string // word endings that do ("startdate", "liefertermin")
	not      map[string]bool
}

var timePlaceholders = sync.OnceValue(func() timePlaceholderData {
	var d timePlaceholderData
	d.not = map[string]bool{}
	set := lang.Builtin()
	for _, code := range set.Codes() {
		l, _ := set.Get(code)
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

// defaultTimeVarNames returns the placeholder names (or words of names)
// that stand for a time by default: time_placeholder_words of every
// language.
func defaultTimeVarNames() []string {
	return slices.Clone(timePlaceholders().words)
}

// timeVarTypes are the declared types of placeholders that hold a time.
var timeVarTypes = []string{"time", "date", "datetime", "duration"}

// isTimePlaceholder reports whether a placeholder holds a time: by its
// declared type, or by its name, a word of its name ("restoreTime",
// "start_time", "time2") or a word ending in one of the time suffixes
// ("startdate", "zustelltermin").
func isTimePlaceholder(t *message.Template, ph message.Placeholder, names []string) bool {
	if ph.Control || ph.Name == "" {
		return false
	}
	if v := t.VarFor(ph); v != nil && slices.Contains(timeVarTypes, strings.ToLower(v.Type)) {
		return true
	}
	if slices.Contains(names, message.NormalizeVarName(ph.Name)) {
		return true
	}
	d := timePlaceholders()
	for _, w := range nameWords(ph.Name) {
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

// positionalTime reports whether an unnamed placeholder (%s, %1$s, {0})
// stands for a time by the word before it: "on %s", "am %s", "jusqu'au
// %s" (time_placeholder_after). A named placeholder is judged by its name:
// "on {{resource}}" is no time.
func (d *contentData) positionalTime(part *message.Part, ph message.Placeholder) bool {
	if ph.Control || !positionalName(ph.Name) || len(d.phAfter) == 0 || ph.Start > part.Text.Len() {
		return false
	}
	before := lang.Fold(part.Text.String()[:ph.Start]).S
	_, ok := tgEndsWith(before, d.phAfter)
	return ok
}

// positionalName reports whether a placeholder name only gives a position
// or a printf verb: "", "0", "%s", "%1$s", "%d".
func positionalName(name string) bool {
	n := strings.TrimPrefix(name, "%")
	n = strings.TrimLeftFunc(n, unicode.IsDigit)
	n = strings.TrimPrefix(n, "$")
	return len(n) <= 1 && strings.IndexFunc(n, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// nameWords splits a placeholder name into lower-case words: "restoreTime",
// "restore_time" and "restore-time" all give restore, time.
func nameWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	prevLower := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && prevLower {
				flush()
			}
			cur = append(cur, r)
			prevLower = unicode.IsLower(r) || unicode.IsDigit(r)
		default:
			flush()
			prevLower = false
		}
	}
	flush()
	return words
}
