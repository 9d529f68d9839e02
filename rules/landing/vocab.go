package landing

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
)

// Vocab is the language data the judgement needs.
type Vocab struct {
	// Generic matches titles and headings that name no topic ("Home",
	// "Startseite", "Accueil", "Welcome", "Sign in"), in any language.
	Generic *lang.Matcher
	// Welcome matches greetings that start a generic title ("Welcome to",
	// "Willkommen bei", "Bienvenue chez").
	Welcome *lang.Matcher
	// Vague matches link and button texts that say nothing ("click here",
	// "mehr", "en savoir plus"), in any language.
	Vague *lang.Matcher
	// Stop holds stop words of every language, lower-case, for cleaning
	// titles.
	Stop map[string]bool
	// memo caches generic() per text and site: a page's title is judged
	// once per run, not once per template.
	memo sync.Map
}

// NewVocab builds the judgement's vocabulary from language data: generic
// titles (landing_generic_titles, landing_welcome), vague link texts (cta_vague_link_text,
// shared with vague-cta) and stop words (stop_words) of every language.
func NewVocab(set *lang.Set) *Vocab {
	var generic, welcome, vague []string
	stop := map[string]bool{}
	for _, code := range set.Codes() {
		l, _ := set.Get(code)
		generic = append(generic, l.Phrases("landing_generic_titles")...)
		welcome = append(welcome, l.Phrases("landing_welcome")...)
		vague = append(vague, l.Phrases("cta_vague_link_text")...)
		for _, w := range l.Phrases("stop_words") {
			stop[strings.ToLower(w)] = true
		}
	}
	return &Vocab{Generic: lang.NewMatcher(generic), Welcome: lang.NewMatcher(welcome), Vague: lang.NewMatcher(vague), Stop: stop}
}

func withWords(set map[string]bool, s string) map[string]bool {
	out := make(map[string]bool, len(set)+4)
	for k := range set {
		out[k] = true
	}
	for _, w := range Words(s) {
		out[w] = true
	}
	return out
}

// isGeneric is generic, memoised per text and site key.
func (v *Vocab) isGeneric(text string, site map[string]bool, siteKey string) bool {
	k := text + "\x02" + siteKey
	if g, ok := v.memo.Load(k); ok {
		return g.(bool)
	}
	g := v.generic(text, site)
	v.memo.Store(k, g)
	return g
}

// generic reports whether a title or heading names nothing but the site
// and generic words:
//   - what remains after removing site-name words, stop words and generic
//     phrases is empty ("Acme – Home" on acme.example, "Sign in");
//   - or, split at separators (" | ", " – ", ...), one segment is generic
//     and the others are short names ("Startseite | Acme Energie GmbH");
//   - or it is a greeting and a short name ("Welcome to Acme Energy").
func (v *Vocab) generic(text string, site map[string]bool) bool {
	if v.onlyGeneric(text, site) {
		return true
	}
	if segs := splitTitle(text); len(segs) >= 2 {
		anyGeneric, allShort := false, true
		for _, sg := range segs {
			switch {
			case v.onlyGeneric(sg, site) && v.Generic != nil && v.Generic.Contains(lang.Fold(sg)):
				anyGeneric = true
			case v.onlyGeneric(sg, site):
				// the site's name alone
			case WordCount(sg) > 3:
				allShort = false
			}
		}
		if anyGeneric && allShort {
			return true
		}
	}
	if v.Welcome != nil {
		f := lang.Fold(strings.TrimSpace(text))
		for _, m := range v.Welcome.FindAll(f) {
			if m.Start == 0 && WordCount(f.S[m.End:]) <= 3 {
				return true
			}
		}
	}
	return false
}

var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " • ", " :: ", " / ", " » "}

func splitTitle(s string) []string {
	segs := []string{s}
	for _, sep := range titleSeparators {
		var next []string
		for _, sg := range segs {
			next = append(next, strings.Split(sg, sep)...)
		}
		segs = next
	}
	out := segs[:0]
	for _, sg := range segs {
		if strings.TrimSpace(sg) != "" {
			out = append(out, sg)
		}
	}
	return out
}

func (v *Vocab) onlyGeneric(text string, site map[string]bool) bool {
	var kept []string
	for _, w := range Words(text) {
		if !site[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		return true
	}
	f := lang.Fold(strings.Join(kept, " "))
	rest := f.S
	if v.Generic != nil {
		ms := v.Generic.FindAll(f)
		var b strings.Builder
		last := 0
		for _, m := range ms {
			b.WriteString(f.S[last:m.Start])
			b.WriteByte(' ')
			last = m.End
		}
		b.WriteString(f.S[last:])
		rest = b.String()
	}
	for _, w := range Words(rest) {
		if utf8.RuneCountInString(w) < 2 || v.Stop[w] || !hasLetter(w) {
			continue
		}
		return false
	}
	return true
}
