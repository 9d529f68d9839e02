package rules

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// readabilityOptions are the options of the readability rule.
type readabilityOptions struct {
	// MaxSentenceWords is the longest sentence allowed, by language; a
	// language not listed uses its data default; 0 switches the check off.
	MaxSentenceWords map[string]int `toml:"max_sentence_words"`
	// MinEase is the lowest reading-ease score allowed, by language; a
	// language not listed uses its data default; 0 switches the check off.
	MinEase map[string]float64 `toml:"min_ease"`
	// MinWords is the number of words a text needs before its ease score
	// is judged (scores of very short texts are noise).
	MinWords int `toml:"min_words"`
}

func (o *readabilityOptions) Validate() error {
	for l, n := range o.MaxSentenceWords {
		if n < 0 {
			return fmt.Errorf("max_sentence_words.%s must not be negative (0 switches the check off)", l)
		}
	}
	for l, n := range o.MinEase {
		if n < 0 || n > 120 {
			return fmt.Errorf("min_ease.%s must be 0 to 120 (0 switches the check off)", l)
		}
	}
	if o.MinWords < 1 {
		return errors.New("min_words must be at least 1")
	}
	return nil
}

func readability() *lint.Rule {
	return &lint.Rule{
		ID:       "readability",
		Summary:  "Sentences too long or text too hard to read for its language",
		Severity: message.Info,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &readabilityOptions{MinWords: 30} },
		Doc: `Notifications are read on a phone, in passing. A long sentence or a text
full of long words is skimmed, misread, and answered with a call.

notelint checks the body in two ways:

- **sentence length**: a sentence with more words than the language's
  limit: en 27 and fr 27, so a sentence of 28 words or more is reported
  (Flesch rates sentences of 25 words "difficult" and of 29 or more "very
  difficult"), and de 22, as German
  compounds pack more into one word. Style guides aim lower (GOV.UK and
  the Australian Style Manual: 25 at most); notelint reports only the
  sentences readers clearly struggle with, not those a word or two over
  a target. Words are runs
  of text between spaces with a letter or digit; a placeholder or a number
  written in groups ("0800 123 4567") is one word; links are no words
  (readers skip them): URLs, and placeholders named for a link
  ("{{reset_url}}", "[{history_url}]");
- **reading ease** of the whole body, once it has at least min_words
  words: Flesch Reading Ease for English (206.835 − 1.015·ASL −
  84.6·ASW), Flesch–Amstad for German (180 − ASL − 58.5·ASW), Kandel–Moles
  for French (207 − 1.015·ASL − 73.6·ASW), where ASL is words a sentence
  and ASW syllables a word. Syllables are counted per language: vowel
  groups, with silent final e/es/ed in English, ei/au/eu/ie/... as one in
  German, silent final -e/-es/-ent in French. Numbers, URLs and
  placeholders do not count for the score. Defaults: en 50, fr 40 (below
  is "fairly difficult" and worse) and de 30 (below is "very difficult":
  German compounds put ordinary business prose in the 30s); a text of
  fewer than 100 words must score 20 points below, as one long word moves
  a short text's score by a whole band. The score is reported only
  when no sentence is too long: splitting long sentences comes first, and
  changes the score.

Both are hints (severity info): short texts and technical words make
scores noisy, so the finding says the numbers and leaves the judgement to
the writer.

Bad (en, 33 words in one sentence):

    We would like to inform you that due to unforeseen operational
    circumstances affecting our regional distribution centre your parcel
    could not be dispatched as originally scheduled and will therefore
    arrive later than planned.

Good:

    Your parcel is late: our depot had a problem. It will now arrive
    tomorrow between 10:00 and 12:00.

Options:

    [rules.readability]
    max_sentence_words = { en = 27, de = 22, fr = 27 }   # 0 = do not check
    min_ease = { en = 50, de = 30, fr = 40 }             # 0 = do not check
    min_words = 30                                       # judge ease only from this many words`,
		Check: checkReadability,
	}
}

func checkReadability(p *lint.Pass) {
	opt := p.Options.(*readabilityOptions)
	t := p.Template
	part := t.Body()
	if part == nil || part.Text.Len() == 0 {
		return
	}
	d, ok := contentLangs.For(p.Template)
	if !ok || !d.read.hasReadCoeff {
		return
	}
	rd := &d.read
	maxWords := rd.maxWords
	if n, ok := opt.MaxSentenceWords[d.code]; ok {
		maxWords = n
	}
	minEase := rd.minEase
	if n, ok := opt.MinEase[d.code]; ok {
		minEase = n
	}
	text := branchBreaks(prose.Filled(part), part)
	sents := prose.Sentences(text, d.sent)
	if part.Format == message.HTML {
		// In HTML a line break is an explicit <br> or block end: readers
		// see a new line, so it ends the sentence.
		sents = splitAtLines(text, sents)
	}
	counted := withoutLinks(text, part)
	var words, syllables, sentences int
	long := false
	for _, s := range sents {
		st := countSentence(counted[s.Start:s.End], rd)
		if maxWords > 0 && st.words > maxWords {
			long = true
			p.Report(lint.Diagnostic{Part: part, Start: s.Start, End: s.End,
				Message: fmt.Sprintf("sentence of %d words (limit %d for %s): long sentences are hard to follow on a phone, and readers skim past what is in them", st.words, maxWords, d.code),
				Hint:    "split it into shorter sentences, one statement each",
			})
		}
		if st.easeWords > 0 {
			sentences++
			words += st.easeWords
			syllables += st.syllables
		}
	}
	if long || minEase <= 0 || words < opt.MinWords || sentences == 0 {
		return
	}
	// A text of headings and "Label: value" lines has no sentences to
	// speak of: a reading-ease score of it measures its labels, not prose.
	if float64(words)/float64(sentences) < minProseSentence {
		return
	}
	asl := float64(words) / float64(sentences)
	asw := float64(syllables) / float64(words)
	ease := rd.base - rd.aslWeight*asl - rd.aswWeight*asw
	if words < reliableWords {
		// Under 100 words one long word moves the score by a band:
		// only a score clearly past the line says the text is hard.
		minEase -= shortTextMargin
	}
	if ease >= minEase {
		return
	}
	start, end := 0, len(text)
	if len(sents) > 0 {
		start, end = sents[0].Start, sents[0].End
	}
	formula := rd.formula
	if formula == "" {
		formula = "reading ease"
	}
	score := scoreText(ease, minEase)
	p.Report(lint.Diagnostic{Part: part, Start: start, End: end,
		Message: fmt.Sprintf("the text is hard to read: %s %s, below %.0f for %s (%.1f words a sentence, %.2f syllables a word): customers who don't understand a message call instead", formula, score, minEase, d.code, asl, asw),
		Hint:    "use shorter sentences and shorter, everyday words",
	})
}

// scoreText prints a reading-ease score under limit with as many decimals
// as it takes to differ from the limit: "39.6, below 40", not "40, below
// 40".
func scoreText(score, limit float64) string {
	text := strconv.FormatFloat(score, 'f', 0, 64)
	for prec := 1; prec <= 3 && text == strconv.FormatFloat(limit, 'f', prec-1, 64); prec++ {
		text = strconv.FormatFloat(score, 'f', prec, 64)
	}
	return text
}

// sentenceStats are the counts of one sentence.
type sentenceStats struct {
	words     int // all words, placeholders included (links are blanked before)
	easeWords int // words of letters only, counted for reading ease
	syllables int // syllables of the ease words
}

// countSentence counts the words of a sentence of filled text (placeholders
// are underscores) and the syllables of its plain words.
func countSentence(s string, rd *readData) sentenceStats {
	var st sentenceStats
	prevNumber := false
	for _, tok := range strings.Fields(s) {
		hasLetter, hasDigit, hasPH := false, false, false
		for _, r := range tok {
			switch {
			case unicode.IsLetter(r):
				hasLetter = true
			case unicode.IsDigit(r):
				hasDigit = true
			case r == '_':
				hasPH = true
			}
		}
		hasDigitOrPH := hasDigit || hasPH
		if !hasLetter && !hasDigitOrPH {
			continue
		}
		// A number written in groups ("0800 123 4567", "10 000") is one word.
		number := hasDigit && !hasLetter && !hasPH
		if number && prevNumber {
			continue
		}
		prevNumber = number
		st.words++
		if !hasLetter || hasDigitOrPH || strings.Contains(tok, "://") || strings.Contains(tok, "@") ||
			strings.HasPrefix(strings.ToLower(tok), "www.") {
			continue
		}
		st.easeWords++
		st.syllables += syllableCount(tok, rd)
	}
	return st
}

// syllableCount estimates the syllables of a word: vowel groups (split at
// the language's diphthong pairs where it lists them; "u" after "q" is no
// vowel), less a silent ending; at least 1.
func syllableCount(word string, rd *readData) int {
	w := strings.ToLower(word)
	var letters []rune
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters = append(letters, r)
		}
	}
	n := 0
	for i := 0; i < len(letters); {
		if !isVowel(letters, i, rd) {
			i++
			continue
		}
		j := i
		for j < len(letters) && isVowel(letters, j, rd) {
			j++
		}
		n += groupSyllables(letters[i:j], rd)
		i = j
	}
	if n > 1 {
		lw := string(letters)
		for _, se := range rd.silent {
			if n < se.min || !strings.HasSuffix(lw, se.suffix) || len(lw) <= len(se.suffix) {
				continue
			}
			before, _ := utf8.DecodeLastRuneInString(lw[:len(lw)-len(se.suffix)])
			if strings.ContainsRune(se.notAfter, before) {
				continue
			}
			n--
			break
		}
	}
	return max(n, 1)
}

func isVowel(letters []rune, i int, rd *readData) bool {
	r := letters[i]
	if r == 'u' && i > 0 && letters[i-1] == 'q' {
		return false
	}
	return strings.ContainsRune(rd.vowels, r)
}

// groupSyllables counts the syllables of one run of vowels.
func groupSyllables(g []rune, rd *readData) int {
	if len(rd.diphthongs) == 0 {
		return 1
	}
	n := 0
	for i := 0; i < len(g); {
		if i+1 < len(g) && slices.Contains(rd.diphthongs, string(g[i:i+2])) {
			i += 2
		} else {
			i++
		}
		n++
	}
	return n
}

// branchWords start the tags of a conditional's branches: {if}, {else},
// {% elif %}, {{else}}, <% end %>, [% ELSIF %].
var branchWords = map[string]bool{"if": true, "else": true, "elif": true, "elseif": true, "elsif": true,
	"endif": true, "unless": true, "endunless": true, "end": true}

// branchBreaks returns filled text with a line break at each tag that
// starts or ends a branch of a conditional: the branches are alternatives,
// one of which is sent, never one sentence (two versions of a German
// sentence in {if}…{else}…{/if}).
func branchBreaks(text string, part *message.Part) string {
	raw := part.Text.String()
	var b []byte
	for _, ph := range part.Placeholders {
		if !ph.Control || ph.End > len(raw) || ph.Start >= len(text) {
			continue
		}
		tag := strings.ToLower(strings.Trim(raw[ph.Start:ph.End], "{}%#<>[]-=~ \t\n"))
		w, _, _ := strings.Cut(strings.TrimLeft(tag, "/"), " ")
		if !branchWords[w] {
			continue
		}
		if b == nil {
			b = []byte(text)
		}
		b[ph.Start] = '\n'
	}
	if b == nil {
		return text
	}
	return string(b)
}

// linkNameWords are placeholder name words that hold a link.
var linkNameWords = map[string]bool{"url": true, "link": true, "href": true, "uri": true, "permalink": true}

// withoutLinks returns filled text with its links blanked: URLs, and
// placeholders named for a link ({{reset_url}}, [{history_url}]) with the
// brackets around them. Readers skip a link; it is no word of the
// sentence.
func withoutLinks(text string, part *message.Part) string {
	b := []byte(text)
	for _, ph := range part.Placeholders {
		if ph.Control || ph.End > len(b) || !slices.ContainsFunc(prose.NameWords(ph.Name), func(w string) bool { return linkNameWords[w] }) {
			continue
		}
		s, e := ph.Start, ph.End
		if s > 0 && e < len(b) && (b[s-1] == '[' && b[e] == ']' || b[s-1] == '(' && b[e] == ')' || b[s-1] == '<' && b[e] == '>') {
			s, e = s-1, e+1
		}
		for i := s; i < e; i++ {
			b[i] = ' '
		}
	}
	for i := 0; i < len(b); {
		j := i
		for j < len(b) && b[j] != ' ' && b[j] != '\n' && b[j] != '\t' {
			j++
		}
		if tok := strings.ToLower(string(b[i:j])); strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") {
			for k := i; k < j; k++ {
				b[k] = ' '
			}
		}
		i = j + 1
	}
	return string(b)
}

// reliableWords is the sample a reading-ease formula was made for (Flesch
// scored 100-word samples); shortTextMargin is how far below its limit a
// shorter text must score to be reported.
const (
	reliableWords   = 100
	shortTextMargin = 20
)

// minProseSentence is the average sentence length, in words, below which
// a text is a list of labels rather than prose.
const minProseSentence = 6

// splitAtLines splits sentences at line breaks.
func splitAtLines(text string, sents []prose.Span) []prose.Span {
	var out []prose.Span
	for _, s := range sents {
		start := s.Start
		for i := s.Start; i < s.End; i++ {
			if text[i] != '\n' {
				continue
			}
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, prose.Span{Start: start, End: i})
			}
			start = i + 1
		}
		if strings.TrimSpace(text[start:s.End]) != "" {
			out = append(out, prose.Span{Start: start, End: s.End})
		}
	}
	return out
}
