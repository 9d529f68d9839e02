package classify

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

// referenceTokens is Tokens rune by rune, building each token from runes.
func referenceTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if unicode.IsUpper(r) && unicode.IsLower(prev) {
				flush()
			}
			cur = append(cur, r)
		default:
			flush()
		}
		prev = r
	}
	flush()
	return out
}

func TestTokensMatchReference(t *testing.T) {
	alphabet := []string{"a", "B", "_", ".", "/", "-", "7", "é", "É", "ß", "ª", "ⅰ", "ⓐ", "Σ", "ς", "\xff", "日", "İ", " "}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(20) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := Tokens(s), referenceTokens(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokens(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzTokensReference(f *testing.F) {
	for _, s := range []string{"emails.orderShipped_subject/de-DE", "aBc", "\xffA", "ªB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Tokens(s), referenceTokens(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Tokens(%q) = %q, want %q", s, got, want)
		}
	})
}
