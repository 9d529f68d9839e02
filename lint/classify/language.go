package classify

import (
	"github.com/notelint/notelint/lint/lang"
)

// Language is a guess of a text's language.
type Language struct {
	Code string
	// Sure is true when the text has enough stop words of one language and
	// clearly more than of any other.
	Sure bool
	// Hits counts the stop words of Code found.
	Hits int
}

// minLanguageHits is how many stop words a text needs before its language
// is named at all.
const minLanguageHits = 3

// Language names the language of text among those with data, from their
// stop words; Code is "" when the text is too short to tell.
func (c *Classifier) Language(text string) Language {
	f := lang.Fold(text)
	best, second := Language{}, 0
	for _, code := range c.codes {
		l, ok := c.data.Get(code)
		if !ok {
			continue
		}
		n := len(l.List("stop_words").FindAll(f))
		switch {
		case n > best.Hits:
			second = best.Hits
			best = Language{Code: code, Hits: n}
		case n > second:
			second = n
		}
	}
	if best.Hits < minLanguageHits {
		return Language{}
	}
	best.Sure = best.Hits >= 2*second+1
	return best
}

// Hits counts the stop words of the language code in text.
func (c *Classifier) Hits(text, code string) int {
	l, ok := c.data.Get(code)
	if !ok {
		return 0
	}
	return len(l.List("stop_words").FindAll(lang.Fold(text)))
}
