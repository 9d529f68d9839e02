package rules

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// This file holds what mixed-language and formality share: the words of
// a part's prose (placeholders, control tags, URLs and e-mail addresses
// blanked) and each language's i18n data (i18n.toml), compiled once.

// proseWord is one word of a part's text.
type proseWord struct {
	start, end int // byte range in the part text
	text       string
	lower      string
	// sentenceStart is true for the first word of the text, of a line, or
	// after . ! ? : ; — where capitals say nothing about the word.
	sentenceStart bool
	// quoted is true inside quotation marks ("…", “…”, „…“, «…»): names
	// and labels, often of another language on purpose.
	quoted bool
}

// quotePairs maps opening quotation marks to the marks that close them.
var quotePairs = map[rune]string{'"': "\"", '“': "”", '„': "“”", '«': "»", '‹': "›", '»': "«"}

// blankAddresses replaces URLs (http://, https://, www.) and e-mail
// addresses with spaces: they are not words of any language.
func blankAddresses(s string) string {
	var b []byte
	blank := func(from, to int) {
		if b == nil {
			b = []byte(s)
		}
		for i := from; i < to; i++ {
			b[i] = ' '
		}
	}
	lower := strings.ToLower(s)
	for _, mark := range []string{"http://", "https://", "www."} {
		for from := 0; ; {
			i := strings.Index(lower[from:], mark)
			if i < 0 {
				break
			}
			i += from
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\n' && s[j] != '\t' {
				j++
			}
			blank(i, j)
			from = j
		}
	}
	addr := func(c byte) bool { return isASCIIWord(c) || c == '.' || c == '-' || c == '+' || c == '_' }
	for from := 0; ; {
		i := strings.IndexByte(s[from:], '@')
		if i < 0 {
			break
		}
		i += from
		l, r := i, i+1
		for l > 0 && addr(s[l-1]) {
			l--
		}
		for r < len(s) && addr(s[r]) {
			r++
		}
		if l < i && strings.Contains(s[i+1:r], ".") {
			blank(l, r)
		}
		from = i + 1
	}
	if b == nil {
		return s
	}
	return string(b)
}

func isASCIIWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// proseWords splits a part's customer-visible text into words. Letters,
// digits and inner hyphens make a word ("E-Mail"); apostrophes split
// ("you're" gives "you", "re"); words with digits are dropped.
func proseWords(part *message.Part) []proseWord {
	s := blankAddresses(part.Masked())
	var out []proseWord
	boundary := true
	closer := "" // the marks that close the open quotation, "" outside one
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !lang.IsWordRune(r) {
			switch {
			case closer != "" && strings.ContainsRune(closer, r):
				closer = ""
			case closer == "" && quotePairs[r] != "":
				closer = quotePairs[r]
			case r == '\n':
				closer = ""
			}
			switch r {
			case '.', '!', '?', ':', ';', '\n', '•', '·':
				boundary = true
			}
			i += n
			continue
		}
		j := i
		digits := false
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if lang.IsWordRune(r2) {
				if unicode.IsDigit(r2) {
					digits = true
				}
				j += n2
				continue
			}
			if r2 == '-' && j+n2 < len(s) {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); lang.IsWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		if !digits {
			w := s[i:j]
			out = append(out, proseWord{start: i, end: j, text: w, lower: strings.ToLower(w), sentenceStart: boundary, quoted: closer != ""})
		}
		boundary = false
		i = j
	}
	return out
}

// isCapitalised reports whether a word starts with an upper-case letter.
func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// i18nData is one language's data for mixed-language and formality.
type i18nData struct {
	code, name   string
	strong, weak map[string]bool // words that mark this language
	own          map[string]bool // words never foreign in this language
	formal       map[string]bool
	informal     map[string]bool
	formalLower  map[string]bool
	notAfter     map[string]bool
	// Words around a lower-case "ihr" that refers to someone else.
	lowerCoord, lowerDet, lowerPrep map[string]bool
	caseFormal                      bool // formal forms count only capitalised mid-sentence
}

var i18nLangs = sync.OnceValue(func() map[string]*i18nData {
	set := lang.Builtin()
	out := map[string]*i18nData{}
	for _, code := range set.Codes() {
		l, _ := set.Get(code)
		d := &i18nData{code: code, name: code,
			strong: lowerSet(l.Phrases("mixed_strong")), weak: lowerSet(l.Phrases("mixed_weak")),
			own:         lowerSet(l.Phrases("stop_words"), l.Phrases("mixed_strong"), l.Phrases("mixed_weak"), l.Phrases("mixed_words"), l.Phrases("mixed_loanwords")),
			informal:    lowerSet(l.Phrases("informal")),
			formalLower: exactSet(l.Phrases("formal_lower")),
			notAfter:    lowerSet(l.Phrases("informal_not_after")),
			lowerCoord:  lowerSet(l.Phrases("formal_lower_coordinators")),
			lowerDet:    lowerSet(l.Phrases("formal_lower_determiners")),
			lowerPrep:   lowerSet(l.Phrases("formal_lower_prepositions")),
		}
		if n := l.Phrases("language_name"); len(n) > 0 {
			d.name = n[0]
		}
		if v, ok := l.Number("formality_case_sensitive"); ok && v != 0 {
			d.caseFormal = true
			d.formal = exactSet(l.Phrases("formal"))
		} else {
			d.formal = lowerSet(l.Phrases("formal"))
		}
		out[code] = d
	}
	return out
})

func lowerSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[strings.ToLower(strings.TrimSpace(w))] = true
		}
	}
	return m
}

func exactSet(list []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range list {
		m[strings.TrimSpace(w)] = true
	}
	return m
}

// templateLanguage returns the i18n data of the template's language, or
// nil when notelint has none.
func templateLanguage(t *message.Template) *i18nData {
	return i18nLangs()[message.BaseLanguage(t.Locale)]
}
