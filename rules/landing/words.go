package landing

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

// Words splits text into lower-cased words: runs of letters, digits and
// marks. Hyphens and apostrophes separate words, so "Techniker-Termin"
// gives "techniker", "termin" and "l'adresse" gives "l", "adresse".
func Words(text string) []string {
	var out []string
	start := -1
	for i, r := range text {
		if lang.IsWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, strings.ToLower(text[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, strings.ToLower(text[start:]))
	}
	return out
}

// stemLen is the number of characters a stem keeps. Six is enough to tell
// topics apart and short enough to join inflections and German compounds:
// delivery/delivered, Lieferung/Lieferungen, Sendung/Sendungsverfolgung,
// livraison/livraisons.
const stemLen = 6

// Stem reduces a lower-cased word to a crude stem for overlap counting:
// a plural -s is dropped from longer words and the word is cut to six
// characters. It is deliberately language-neutral.
func Stem(w string) string {
	n := utf8.RuneCountInString(w)
	if n >= 5 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		w = w[:len(w)-1]
		n--
	}
	if n <= stemLen {
		return w
	}
	i, count := 0, 0
	for i < len(w) && count < stemLen {
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
		count++
	}
	return w[:i]
}

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// collapse trims s and reduces runs of white space to one space.
func collapse(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// WordCount counts the words of s.
func WordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := lang.IsWordRune(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
