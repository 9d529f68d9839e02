package rules

// Sentences of message text: where one ends (not at "z. B." or "14.30"),
// list items, salutations and lead-ins.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentenceSpans splits text into sentences and returns their ranges
// (trimmed of white space). A sentence ends at . ! ? or … followed by white
// space (not after an abbreviation of rd, a single letter, or — where the
// language writes ordinals with a dot, as German does — a number), at a
// blank line, and before a line that starts a list item.
func sentenceSpans(text string, rd *readData) []span {
	var out []span
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
			out = append(out, span{start, e})
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
			// A blank line, a list item, or a line that ends a salutation
			// or lead-in ("Hello Anna," / "The new status:") ends the
			// sentence.
			if j < len(text) && text[j] == '\n' || startsListItem(text[j:]) || endsLeadIn(text[start:i]) {
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
			if r == '.' && j == i+1 && notSentenceEnd(text, start, i, j, rd) {
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

// notSentenceEnd reports whether the full stop at text[dot] ends an
// abbreviation ("z. B.", "approx.", "M.") or, in languages with ordinal
// dots, a number ("am 24. November") rather than a sentence.
func notSentenceEnd(text string, sentStart, dot, after int, rd *readData) bool {
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
	if rd == nil {
		return false
	}
	if rd.abbrev[strings.ToLower(tok)] {
		return true
	}
	if rd.ordinalDot && strings.IndexFunc(tok, unicode.IsDigit) >= 0 && strings.IndexFunc(tok, unicode.IsLetter) < 0 {
		// "24." or "24.11." followed on the same line by more text.
		rest := strings.TrimLeft(text[after:], " \t")
		if rest != "" && rest[0] != '\n' {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}
	}
	return false
}

// sentenceAt returns the sentence holding part offset off, or the empty span.
func sentenceAt(sents []span, off int) span {
	for _, s := range sents {
		if off >= s.start && off < s.end {
			return s
		}
	}
	return span{}
}

// endsLeadIn reports whether a line ends like a salutation or a lead-in: a
// comma or colon before the line break.
func endsLeadIn(s string) bool {
	s = strings.TrimRight(s, " \t\r")
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ":")
}
