package lang

import "strings"

// Matcher finds phrases in folded text, case-insensitively and on word
// boundaries.
type Matcher struct {
	phrases []string   // folded
	grams   [][]uint16 // grams[i]: the byte-pair hashes of phrases[i]
}

// Match is one phrase found in folded text.
type Match struct {
	Start, End int // byte range in the folded text
	Phrase     string
}

// NewMatcher compiles a phrase list. Longer phrases win over shorter ones
// that overlap them ("click here" over "here").
func NewMatcher(phrases []string) *Matcher {
	m := &Matcher{}
	for _, p := range phrases {
		f := strings.TrimSpace(Fold(p).S)
		if f != "" {
			m.phrases = append(m.phrases, f)
			m.grams = append(m.grams, phraseGrams(f))
		}
	}
	return m
}

// Len returns the number of phrases.
func (m *Matcher) Len() int { return len(m.phrases) }

// FindAll returns the non-overlapping phrase matches in f.S, in order.
func (m *Matcher) FindAll(f *Folded) []Match {
	var all []Match
	set := m.gramsOf(f)
	for k, p := range m.phrases {
		if set != nil && !set.hasAll(m.grams[k]) {
			continue
		}
		from := 0
		for {
			i := strings.Index(f.S[from:], p)
			if i < 0 {
				break
			}
			s := from + i
			e := s + len(p)
			if AtWordBoundary(f.S, s, e) {
				all = append(all, Match{Start: s, End: e, Phrase: p})
			}
			from = s + 1
		}
	}
	if len(all) < 2 {
		return all
	}
	// Keep the longest of overlapping matches, then order by position.
	sortMatches(all)
	out := all[:0]
	for _, mt := range all {
		if n := len(out); n > 0 && mt.Start < out[n-1].End {
			continue
		}
		out = append(out, mt)
	}
	return out
}

// Contains reports whether any phrase occurs in f.
func (m *Matcher) Contains(f *Folded) bool {
	set := m.gramsOf(f)
	for k, p := range m.phrases {
		if set != nil && !set.hasAll(m.grams[k]) {
			continue
		}
		from := 0
		for {
			i := strings.Index(f.S[from:], p)
			if i < 0 {
				break
			}
			if AtWordBoundary(f.S, from+i, from+i+len(p)) {
				return true
			}
			from += i + 1
		}
	}
	return false
}

// Equal reports whether the whole of s (after folding and trimming
// punctuation and spaces) is one of the phrases; used for link texts.
func (m *Matcher) Equal(s string) (string, bool) {
	f := strings.Trim(Fold(s).S, " .:!?»«\"'()[]-–—>→…")
	for _, p := range m.phrases {
		if f == p {
			return p, true
		}
	}
	return "", false
}

func sortMatches(ms []Match) {
	// Insertion sort: lists are short. Order by start, longer first.
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && less(ms[j], ms[j-1]); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func less(a, b Match) bool {
	if a.Start != b.Start {
		return a.Start < b.Start
	}
	return a.End-a.Start > b.End-b.Start
}
