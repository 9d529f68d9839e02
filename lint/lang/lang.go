// Package lang holds notelint's language data (phrases, patterns, stop
// words, syllable rules) and the matchers that rules use on message text.
//
// Data lives in data/<language>/<topic>.toml, embedded into the binary: a
// language is a folder, so adding Italian is adding data/it/ and no code.
// Every file has the same shape:
//
//	[lists]      # named phrase lists, matched case-insensitively on word boundaries
//	vague_eta = ["soon", "as soon as possible"]
//	[patterns]   # named lists of regular expressions (Go RE2 syntax)
//	time = ['\d{1,2}:\d{2}']
//	[numbers]    # named numbers, such as readability thresholds
//	max_sentence_words = 25
//
// Files of one language are merged; a name defined twice is an error.
package lang

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

//go:embed data
var dataFS embed.FS

// Language is the merged data of one language.
type Language struct {
	Code     string
	lists    map[string]*Matcher
	patterns map[string][]*regexp.Regexp
	numbers  map[string]float64
	raw      map[string][]string
}

// Set is the language data of every language notelint supports.
type Set struct {
	langs map[string]*Language
}

type fileShape struct {
	Lists    map[string][]string `toml:"lists"`
	Patterns map[string][]string `toml:"patterns"`
	Numbers  map[string]float64  `toml:"numbers"`
}

// Load parses language data from fsys, which holds one folder per language.
func Load(fsys fs.FS) (*Set, error) {
	s := &Set{langs: map[string]*Language{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || path.Ext(p) != ".toml" {
			return nil
		}
		code := path.Base(path.Dir(p))
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		var f fileShape
		if err := toml.NewDecoder(strings.NewReader(string(data))).DisallowUnknownFields().Decode(&f); err != nil {
			return fmt.Errorf("language data %s: %w", p, err)
		}
		l := s.langs[code]
		if l == nil {
			l = &Language{Code: code, lists: map[string]*Matcher{}, patterns: map[string][]*regexp.Regexp{}, numbers: map[string]float64{}, raw: map[string][]string{}}
			s.langs[code] = l
		}
		for name, phrases := range f.Lists {
			if _, dup := l.raw[name]; dup {
				return fmt.Errorf("language data %s: list %q is defined twice for %s", p, name, code)
			}
			l.raw[name] = phrases
			l.lists[name] = NewMatcher(phrases)
		}
		for name, pats := range f.Patterns {
			if _, dup := l.patterns[name]; dup {
				return fmt.Errorf("language data %s: pattern %q is defined twice for %s", p, name, code)
			}
			for _, src := range pats {
				re, err := regexp.Compile(src)
				if err != nil {
					return fmt.Errorf("language data %s: pattern %q: %w", p, name, err)
				}
				l.patterns[name] = append(l.patterns[name], re)
			}
		}
		for name, v := range f.Numbers {
			if _, dup := l.numbers[name]; dup {
				return fmt.Errorf("language data %s: number %q is defined twice for %s", p, name, code)
			}
			l.numbers[name] = v
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// builtin parses the embedded data once; it is read-only afterwards.
var builtin = sync.OnceValues(func() (*Set, error) {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Builtin returns the embedded language data. It panics only if the
// embedded data is broken, which the package tests rule out.
func Builtin() *Set {
	s, err := builtin()
	if err != nil {
		panic(err)
	}
	return s
}

// Get returns the data for a locale, falling back from a regional variant
// ("de-CH", "fr_CA") to its base language. ok is false when notelint has no
// data for the language.
func (s *Set) Get(locale string) (*Language, bool) {
	code := strings.ToLower(locale)
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	l, ok := s.langs[code]
	return l, ok
}

// Codes returns the supported language codes, sorted.
func (s *Set) Codes() []string {
	out := make([]string, 0, len(s.langs))
	for c := range s.langs {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// List returns the matcher for a named phrase list (an empty matcher when
// the language does not define it).
func (l *Language) List(name string) *Matcher {
	if m, ok := l.lists[name]; ok {
		return m
	}
	return NewMatcher(nil)
}

// Phrases returns the raw phrases of a named list.
func (l *Language) Phrases(name string) []string { return l.raw[name] }

// Patterns returns the compiled regular expressions of a named pattern list.
func (l *Language) Patterns(name string) []*regexp.Regexp { return l.patterns[name] }

// Number returns a named number and whether the language defines it.
func (l *Language) Number(name string) (float64, bool) {
	v, ok := l.numbers[name]
	return v, ok
}
