package prose

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// Word is one word of a part's prose.
type Word struct {
	Span  // byte range in the part's text
	Text  string
	Lower string
	// SentenceStart is true for the first word of the text, of a line, or
	// after . ! ? : ; • · — where capitals say nothing about the word.
	SentenceStart bool
	// Quoted is true inside quotation marks ("…", “…”, „…“, «…»): names
	// and labels, often of another language on purpose.
	Quoted bool
}

// quotePairs maps opening quotation marks to the marks that close them.
var quotePairs = map[rune]string{'"': "\"", '“': "”", '„': "“”", '«': "»", '‹': "›", '»': "«"}

// Words splits a part's prose (see Text) into words. Letters, digits and
// inner hyphens make a word ("E-Mail"); apostrophes split ("you're" gives
// "you", "re"); words with digits are left out.
func Words(part *message.Part) []Word {
	s := Text(part)
	var out []Word
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
			out = append(out, Word{Span: Span{i, j}, Text: w, Lower: strings.ToLower(w), SentenceStart: boundary, Quoted: closer != ""})
		}
		boundary = false
		i = j
	}
	return out
}

// IsCapitalised reports whether a word starts with an upper-case letter.
func IsCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// NameWords splits a placeholder name into lower-case words:
// "restoreTime", "restore_time" and "restore-time" all give restore, time;
// a capital after a lower-case letter or a digit starts a word
// ("order2Date" gives order2, date).
func NameWords(name string) []string {
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

// FirstWord returns the range of the first word of s (at least one
// character), for findings that point at the start of a text; the empty
// span when s is blank.
func FirstWord(s string) Span {
	start := 0
	for start < len(s) {
		r, n := utf8.DecodeRuneInString(s[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	if start >= len(s) {
		return Span{}
	}
	return Span{start, NonSpaceEnd(s, start)}
}

// NonSpaceEnd returns where the run of non-space characters of s that
// starts at i ends (i itself when s[i] is a space).
func NonSpaceEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// PrevWord returns the word that ends before offset i of s (skipping
// spaces and punctuation other than sentence ends) and its start; "" at a
// sentence end or the start of s.
func PrevWord(s string, i int) (string, int) {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if lang.IsWordRune(r) {
			break
		}
		if r == '.' || r == '!' || r == '?' || r == '\n' {
			return "", j
		}
		j -= n
	}
	end := j
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !lang.IsWordRune(r) && r != '\'' {
			break
		}
		j -= n
	}
	return s[j:end], j
}
