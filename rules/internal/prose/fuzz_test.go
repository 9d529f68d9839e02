package prose

import (
	"regexp"
	"testing"
)

func regexpMust(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// FuzzSentences splits arbitrary text into sentences and words with the
// rules of every language: no panics, and every range inside the text.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{
		"Am 24. November um 10 Uhr, z. B. morgen. Danach",
		"\xff\xfe İ ß ﬁ 24/7 z. B. 1. 2. 3.",
		"…!?  \n\n- a\n1. b",
		"Hi {{name}}, mail a@b.de or https://x.y/z „q“ «r»",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range Languages() {
			for _, sp := range Sentences(s, SentenceRulesOf(l)) {
				if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
					t.Fatalf("%s: sentence %d..%d of %d", l.Code, sp.Start, sp.End, len(s))
				}
			}
		}
		p := testPart(s)
		if got := Text(p); len(got) != len(s) {
			t.Fatalf("Text changed the length: %d, want %d", len(got), len(s))
		}
		for _, w := range Words(p) {
			if w.Start < 0 || w.End > len(s) || w.Start >= w.End {
				t.Fatalf("word %d..%d of %d", w.Start, w.End, len(s))
			}
		}
	})
}
