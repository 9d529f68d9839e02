package prose

// Sentences of message text: where one ends (not at "z. B." or "14.30"),
// list items, salutations and lead-ins.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

// SentenceRules are one language's rules for where a sentence does not
// end: after its abbreviations and, where the language writes ordinals
// with a dot (German "am 24. November"), after a number.
type SentenceRules struct {
	Abbrev     map[string]bool // abbreviations, lower case, without their final dot
	OrdinalDot bool
}

// sentenceRules are the rules of every built-in language.
var sentenceRules = NewPerLanguage(func(l *lang.Language) *SentenceRules {
	r := &SentenceRules{Abbrev: FoldedSet(l.Phrases("readability_abbreviations"))}
	if n, ok := l.Number("readability_ordinal_dot"); ok && n != 0 {
		r.OrdinalDot = true
	}
	return r
})

// SentenceRulesOf returns the sentence rules of a language
// (readability_abbreviations and readability_ordinal_dot of its data).
func SentenceRulesOf(l *lang.Language) *SentenceRules {
	r, _ := sentenceRules.Get(l.Code)
	return r
}

// Sentences splits text into sentences and returns their ranges (trimmed
// of white space). A sentence ends at . ! ? or … followed by white space
// (not after a single letter or, with rules, an abbreviation or an ordinal
// number), at a blank line, before a line that starts a list item, and
// after a line that ends in a comma or colon (a salutation or lead-in).
// rules may be nil.
func Sentences(text string, rules *SentenceRules) []Span {
	var out []Span
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		e := end
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > start {
			out = append(out, Span{start, e})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if start < 0 {
			if !unicode.IsSpace(r) {
				start = i
			}
			i += n
			continue
		}
		switch {
		case r == '\n':
			j := i + 1
			for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			// A blank line, a list item, a line that ends a salutation or
			// lead-in ("Hello Anna," / "The new status:"), a "Label:
			// value" line before or after, or a rule line ("=== Reviews
			// ===", "-----") ends the sentence.
			if j < len(text) && text[j] == '\n' || startsListItem(text[j:]) || EndsLeadIn(text[start:i]) ||
				startsField(text[j:]) || isRuleLine(text[j:]) || fieldOrRule(text[lineStart(text, start, i):i]) {
				emit(i)
			}
			i = j
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			for j < len(text) {
				c, cn := utf8.DecodeRuneInString(text[j:])
				if !strings.ContainsRune(".!?…\"'”’»)]", c) {
					break
				}
				j += cn
			}
			if j < len(text) {
				c, _ := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(c) {
					i = j
					continue
				}
			}
			if r == '.' && j == i+1 && notSentenceEnd(text, start, i, j, rules) {
				i = j
				continue
			}
			emit(j)
			i = j
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

// startsListItem reports whether a line starts with a list marker.
func startsListItem(s string) bool {
	for _, m := range []string{"- ", "* ", "• ", "– ", "— "} {
		if strings.HasPrefix(s, m) {
			return true
		}
	}
	k := 0
	for k < len(s) && k < 3 && s[k] >= '0' && s[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(s) && (s[k] == '.' || s[k] == ')') && s[k+1] == ' '
}

// lineStart returns the start of the line holding text[i], not before
// from.
func lineStart(text string, from, i int) int {
	if k := strings.LastIndexByte(text[from:i], '\n'); k >= 0 {
		return from + k + 1
	}
	return from
}

// fieldOrRule reports whether a line is a field or a rule line.
func fieldOrRule(line string) bool { return startsField(line) || isRuleLine(line) }

// startsField reports whether a line starts with a field label: one to
// four words of letters starting with a capital, then a colon and a space
// or the end of the line ("Project: x", "Last ping: y", "Date :" in
// French typography).
func startsField(s string) bool {
	s = strings.TrimLeft(s, " \t")
	words, inWord := 0, false
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !inWord {
				if words == 0 && !unicode.IsUpper(r) {
					return false
				}
				words++
				inWord = true
			}
		case r == '-' || r == '\'' || r == '’':
			if !inWord {
				return false
			}
		case r == ' ' || r == '\u00a0' || r == '\u202f':
			inWord = false
		case r == ':':
			rest := s[i+1:]
			return words > 0 && words <= 4 && (rest == "" || rest[0] == ' ' || rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r')
		default:
			return false
		}
		if words > 4 {
			return false
		}
	}
	return false
}

// isRuleLine reports whether a line starts with a rule or heading frame
// of three or more = - _ * ~ # characters ("=== Reviews ===", "-----").
func isRuleLine(s string) bool {
	s = strings.TrimLeft(s, " \t")
	n := 0
	for n < len(s) && strings.IndexByte("=-_*~#", s[n]) >= 0 && s[n] == s[0] {
		n++
	}
	return n >= 3
}

// notSentenceEnd reports whether the full stop at text[dot] ends an
// abbreviation ("z. B.", "approx.", "M.") or, in languages with ordinal
// dots, a number ("am 24. November") rather than a sentence.
func notSentenceEnd(text string, sentStart, dot, after int, rules *SentenceRules) bool {
	k := dot
	for k > sentStart {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if unicode.IsSpace(r) || r == '(' || r == '"' || r == '«' || r == '„' {
			break
		}
		k -= n
	}
	tok := text[k:dot]
	if tok == "" {
		return false
	}
	if utf8.RuneCountInString(tok) == 1 {
		r, _ := utf8.DecodeRuneInString(tok)
		return unicode.IsLetter(r)
	}
	if rules == nil {
		return false
	}
	if rules.Abbrev[strings.ToLower(tok)] {
		return true
	}
	if rules.OrdinalDot && strings.IndexFunc(tok, unicode.IsDigit) >= 0 && strings.IndexFunc(tok, unicode.IsLetter) < 0 {
		// "24." or "24.11." followed on the same line by more text.
		rest := strings.TrimLeft(text[after:], " \t")
		if rest != "" && rest[0] != '\n' {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// EndsLeadIn reports whether a line ends like a salutation or a lead-in: a
// comma or colon before the line break.
func EndsLeadIn(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ":")
}

// SentenceAround returns the range of the sentence holding [start, end)
// by punctuation alone: from after the previous . ! ? or line break to the
// next one. It is cheaper than Sentences and does not know abbreviations.
func SentenceAround(s string, start, end int) Span {
	a := strings.LastIndexAny(s[:start], ".!?\n")
	a++
	b := strings.IndexAny(s[end:], ".!?\n")
	if b < 0 {
		b = len(s)
	} else {
		b += end
	}
	return Span{a, b}
}
