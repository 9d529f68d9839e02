package lang

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// referenceFold is the eager Fold: folded text and the full offset map.
func referenceFold(text string) (string, []int) {
	var sb strings.Builder
	var orig []int
	prevSpace := false
	for i, r := range text {
		switch r {
		case '’', '‘', '`', '´', 'ʼ':
			r = '\''
		case '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r', '\f', '\v':
			r = ' '
		case '–', '—', '‐', '‑':
			r = '-'
		}
		if r == ' ' {
			if prevSpace {
				continue
			}
			prevSpace = true
		} else {
			prevSpace = false
		}
		n := sb.Len()
		sb.WriteRune(unicode.ToLower(r))
		for j := n; j < sb.Len(); j++ {
			orig = append(orig, i)
		}
	}
	return sb.String(), append(orig, len(text))
}

func checkFold(t *testing.T, text string) {
	t.Helper()
	s, orig := referenceFold(text)
	f := Fold(text)
	if f.S != s {
		t.Fatalf("Fold(%q).S = %q, want %q", text, f.S, s)
	}
	for i := -1; i <= len(orig)+1; i++ {
		want := 0
		switch {
		case i >= len(orig):
			want = orig[len(orig)-1]
		case i >= 0:
			want = orig[i]
		}
		if got := f.Orig(i); got != want {
			t.Fatalf("Fold(%q).Orig(%d) = %d, want %d", text, i, got, want)
		}
	}
}

func TestFoldMatchesReference(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "  ", "\t", "\n", "`", "’", "\u00a0", "–", "É", "İ", "ß", "\xff", "д", "Д", "😀", "x", "."}
	for _, s := range []string{"", " ", "plain text", "Plain  Text", "it’s\u00a0OK"} {
		checkFold(t, s)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		checkFold(t, b.String())
	}
}

func FuzzFoldReference(f *testing.F) {
	for _, s := range []string{"", "a  b", "İstanbul", "it’s – OK\t\n", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(checkFold)
}

// referenceFindAll is FindAll without the gram filter.
func referenceFindAll(m *Matcher, f *Folded) []Match {
	var all []Match
	for _, p := range m.phrases {
		for from := 0; ; {
			i := strings.Index(f.S[from:], p)
			if i < 0 {
				break
			}
			if s := from + i; AtWordBoundary(f.S, s, s+len(p)) {
				all = append(all, Match{Start: s, End: s + len(p), Phrase: p})
			}
			from += i + 1
		}
	}
	if len(all) < 2 {
		return all
	}
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

func TestFindAllMatchesReference(t *testing.T) {
	m := NewMatcher([]string{"click here", "here", "a", "ab", "ba b", "ça", "it's", "x-y", "übernacht", "d d", "y x", "nacht a", "zz"})
	if m.Len() < minFiltered {
		t.Fatalf("%d phrases do not exercise the gram filter", m.Len())
	}
	alphabet := []string{"a", "b", " ", "here", "click", "Ç", "ç", "it’s", "x", "-", "y", "d", "Über", "nacht", "\xff"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(25) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		f := Fold(b.String())
		got, want := m.FindAll(f), referenceFindAll(m, f)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("FindAll(%q) = %v, want %v", f.S, got, want)
		}
		if m.Contains(f) != (len(want) > 0) {
			t.Fatalf("Contains(%q) = %v, want %v", f.S, !m.Contains(f), len(want) > 0)
		}
	}
}
