package rules

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// mixedLanguageOptions are the options of the mixed-language rule.
type mixedLanguageOptions struct {
	// Allow lists words never reported (names, accepted loanwords).
	Allow []string `toml:"allow"`
	// MinWeak is how many weak marker words in a row (articles,
	// prepositions) make a foreign phrase; one strong marker always does.
	MinWeak int `toml:"min_weak"`
}

// Validate checks the options.
func (o *mixedLanguageOptions) Validate() error {
	if o.MinWeak < 1 {
		return fmt.Errorf("min_weak must be at least 1")
	}
	return nil
}

func mixedLanguage() *lint.Rule {
	return &lint.Rule{
		ID:       "mixed-language",
		Summary:  "Words of another language inside a message",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true, OtherLanguage: true},
		Options:  func() any { return &mixedLanguageOptions{MinWeak: 3} },
		Doc: `A word of another language in a message ("(Number: 12345)" in a German
e-mail) is usually a leftover of a copied template or a missed
translation. Customers read it as careless, or as a sign of a fake
message.

notelint knows, for English, German and French, words that mark each
language clearly ("your", "please", "number"; "bitte", "Ihre"; "votre",
"numéro") and words each language borrows ("Online", "Team", "E-Mail"),
which are never reported. One clear marker is enough; articles and
prepositions ("the", "de la") count only as a run of three, and
capitalised ones mid-sentence are taken for names.

Bad (de):

    +++
    locale = "de"
    +++
    der Status Ihrer Bestellung (Number: {{ order.orderNumber }}) hat sich geändert.

Good:

    +++
    locale = "de"
    +++
    der Status Ihrer Bestellung (Nummer: {{ order.orderNumber }}) hat sich geändert.

Options:

    [rules.mixed-language]
    allow = ["Click & Collect"]   # words never reported
    min_weak = 3                  # weak words in a row that make a phrase`,
		Check: checkMixedLanguage,
	}
}

func checkMixedLanguage(p *lint.Pass) {
	t := p.Template
	own, _ := i18nLangs.For(t)
	if own == nil {
		return
	}
	if other, ok := i18nLangs.Get(t.Scope.WrittenIn); ok && other != nil {
		body := t.Body()
		if body == nil {
			return
		}
		p.Report(lint.Diagnostic{Part: body, Start: 0, End: 0,
			Message: fmt.Sprintf("the %s message is written in %s: customers who expect %s get a message that was not translated",
				own.name, other.name, own.name),
			Hint: fmt.Sprintf("translate it into %s, or fix its locale if it is meant to be in %s", own.name, other.name)})
		return
	}
	opt := p.Options.(*mixedLanguageOptions)
	allow := map[string]bool{}
	for _, a := range opt.Allow {
		for _, w := range strings.Fields(a) {
			allow[strings.ToLower(w)] = true
		}
	}
	langs := i18nLangs.All()
	codes := make([]string, 0, len(langs))
	for c := range langs {
		if c != own.code {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	type found struct {
		part       *message.Part
		start, end int
		phrase     string
		words      int
	}
	runs := map[string][]found{} // by foreign language code
	for _, part := range t.Parts {
		words := prose.Words(part)
		reported := map[int]bool{}
		for _, c := range codes {
			for _, run := range foreignRuns(words, langs[c], own, allow, opt.MinWeak) {
				if reported[run.Start] {
					continue
				}
				reported[run.Start] = true
				first, last := words[run.Start], words[run.End-1]
				runs[c] = append(runs[c], found{part, first.Start, last.End, part.Text.String()[first.Start:last.End], run.End - run.Start})
			}
		}
	}
	for _, c := range codes {
		fs := runs[c]
		if len(fs) >= untranslatedRuns {
			// One problem, one finding: the message was not translated.
			p.Report(lint.Diagnostic{Part: fs[0].part, Start: fs[0].start, End: fs[0].end,
				Message: fmt.Sprintf("the %s message reads as %s in %d places (first: %q): customers get a message that was not translated",
					own.name, langs[c].name, len(fs), fs[0].phrase),
				Hint: fmt.Sprintf("translate the whole message into %s, or fix its locale if it is meant to be in %s", own.name, langs[c].name)})
			continue
		}
		for _, f := range fs {
			noun := "word"
			if f.words > 1 {
				noun = "words"
			}
			p.Report(lint.Diagnostic{Part: f.part, Start: f.start, End: f.end,
				Message: fmt.Sprintf("%s %s %q in a %s message: customers read a switch of language as careless, or as a sign of a fake message",
					langs[c].name, noun, f.phrase, own.name),
				Hint: fmt.Sprintf("translate it into %s, or add it to [rules.mixed-language] allow if it is a name or an accepted loanword", own.name)})
		}
	}
}

// untranslatedRuns is how many passages in one other language make a
// message untranslated rather than mixed: reported once, not per passage.
const untranslatedRuns = 3

// foreignRuns returns the ranges of word indexes of phrases in the
// foreign language: from one marker word of it to the last one before a
// word of the message's own language or the end of the sentence, holding
// one strong marker or minWeak weak ones. Words neither language knows
// ("parcel", names) sit inside a run but do not start or end one; quoted
// words and capitalised weak words mid-sentence (names) end it.
func foreignRuns(words []prose.Word, foreign, own *i18nData, allow map[string]bool, minWeak int) []prose.Span {
	var out []prose.Span
	start, last, strong, weak := -1, -1, 0, 0
	flush := func() {
		if start >= 0 && (strong > 0 || weak >= minWeak) {
			out = append(out, prose.Span{Start: start, End: last + 1})
		}
		start, last, strong, weak = -1, -1, 0, 0
	}
	for i, w := range words {
		if w.SentenceStart && i > 0 {
			flush()
		}
		switch {
		case w.Quoted || own.own[w.Lower] || allow[w.Lower]:
			flush()
		case isAcronym(w.Text):
			// "MIT", "TAN": an abbreviation, not a word of either language.
		case foreign.strong[w.Lower]:
			if start < 0 {
				start = i
			}
			last = i
			strong++
		case foreign.weak[w.Lower]:
			if !w.SentenceStart && prose.IsCapitalised(w.Text) {
				flush()
				continue
			}
			if start < 0 {
				start = i
			}
			last = i
			weak++
		}
	}
	flush()
	return out
}

// isAcronym reports whether w is written in capitals only ("MIT", "SMS").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}
