package sms

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// referenceAnalyze is Analyze written the simple way, rune by rune and
// cluster by cluster with uniseg, without fast paths: the differential tests
// compare the two.
func referenceAnalyze(text string, opt Options) Result {
	var res Result
	septets, u16 := 0, 0
	listed := map[rune]int{} // rune -> index in res.NonGSM
	for i, r := range text {
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(text[i:])
		}
		septets += Septets(r)
		if r > 0xFFFF {
			u16 += 2
		} else {
			u16++
		}
		if !IsGSM(r) {
			ch := text[i : i+size]
			if r == utf8.RuneError && size == 1 {
				ch = "\uFFFD"
			}
			res.NonGSMRunes++
			if k, ok := listed[r]; ok {
				res.NonGSM[k].Count++
			} else if len(res.NonGSM) < MaxNonGSM {
				listed[r] = len(res.NonGSM)
				rep, ok := Replacement(r)
				res.NonGSM = append(res.NonGSM, NonGSM{Char: ch, Offset: i, Len: size, Count: 1, Replacement: rep, HasReplacement: ok})
			}
		}
	}
	single, part := GSM7Single, GSM7Part
	res.Encoding, res.Units = GSM7, septets
	if res.NonGSM != nil {
		single, part = UCS2Single, UCS2Part
		res.Encoding, res.Units = UCS2, u16
	}
	res.Characters = uniseg.GraphemeClusterCount(text)
	if res.Units <= single {
		res.PerSegment, res.Segments = single, 1
		res.Parts = []Segment{{Start: 0, End: len(text), Units: res.Units}}
		return res
	}
	res.PerSegment = part
	var parts []Segment
	cur := Segment{}
	add := func(at, u int) {
		if cur.Units+u > part {
			cur.End = at
			parts = append(parts, cur)
			cur = Segment{Start: at}
		}
		cur.Units += u
	}
	addRunes := func(from, to int) {
		for i, r := range text[from:to] {
			add(from+i, partUnits(string(r), res.Encoding))
		}
	}
	if opt.Split == Minimal {
		addRunes(0, len(text))
	} else {
		g := uniseg.NewGraphemes(text)
		for g.Next() {
			from, to := g.Positions()
			if u := partUnits(text[from:to], res.Encoding); u <= part {
				add(from, u)
			} else {
				addRunes(from, to)
			}
		}
	}
	cur.End = len(text)
	res.Parts = append(parts, cur)
	res.Segments = len(res.Parts)
	res.TooLong = res.Segments > MaxParts
	return res
}

// checkReference fails when Analyze and referenceAnalyze disagree on text.
func checkReference(t *testing.T, text string) {
	t.Helper()
	for _, opt := range []Options{{Split: Graphemes}, {Split: Minimal}} {
		got, want := Analyze(text, opt), referenceAnalyze(text, opt)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Analyze(%q, %v) =\n%+v\nreference:\n%+v", text, opt.Split, got, want)
		}
	}
}

func TestAnalyzeMatchesReferenceRealWorld(t *testing.T) {
	texts := append(syntheticTexts(), gsmText(2000), ucs2Text(2000))
	if testing.Short() {
		checkAll(t, texts)
		return
	}
	checkAll(t, append(texts, corporaTextsOrNone(t)...))
}

func checkAll(t *testing.T, texts []string) {
	t.Helper()
	for _, s := range texts {
		checkReference(t, s)
	}
}

// corporaTextsOrNone returns the corpora texts, or none when the corpora are
// absent (corporaTexts would skip the whole test).
func corporaTextsOrNone(t *testing.T) []string {
	var texts []string
	t.Run("corpora", func(t *testing.T) { texts = corporaTexts(t) })
	return texts
}

func FuzzAnalyzeReference(f *testing.F) {
	for _, s := range []string{
		"", "hello", rep("a", 161), rep("д", 71), rep("a", 66) + "😀" + rep("a", 66),
		rep("ع", 80) + "\u064b", "\u0600" + rep("ب", 70), "a\u2019b\u2026" + rep("c", 70),
		rep("д", 65) + "\U0001F1E9\U0001F1EA" + rep("д", 10), rep("a", 152) + "\r\n" + rep("a", 10),
		"ab\xffc\xf0\x9f\x98", "e\u0301\u200d😀\ufe0f", rep("👩\u200d👩\u200d👧\u200d👦", 10),
		"\u2010\u0301\u2026\u200d\u2027\u203c", "\u0669\u0670 \u0660\u200d",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkReference(t, text) })
}

// TestAnalyzeReferenceRandomMixed compares Analyze with referenceAnalyze on
// random mixed texts: GSM-7 words, words in scripts GSM-7 cannot write,
// emoji sequences, punctuation with replacements, invalid bytes, and runs of
// many distinct characters that overflow MaxNonGSM, from short texts to
// texts of many parts.
func TestAnalyzeReferenceRandomMixed(t *testing.T) {
	words := []string{
		"Hello", "parcel", "4021", " ", " ", ".", ",", "\n", "\r\n", "{code}", "€5", "Ümlaut", "è",
		"Привет", "посылка", "مرحبا", "طلبك", "Γειά", "Ω", "नमस्ते", "क्षि", "您的包裹", "こんにちは", "한국어",
		"’", "“", "”", "—", "…", "\u00a0", "\u200b", "ç", "`", "\t", "😀", "🇩🇪", "👍🏽", "👩\u200d👩\u200d👧",
		"e\u0301", "\xff", "\xf0\x9f", "\uFFFD", "\u0600", "\r",
	}
	rng := rand.New(rand.NewPCG(13, 2))
	n := 1500
	if testing.Short() {
		n = 200
	}
	for range n {
		var b strings.Builder
		size := rng.IntN(120)
		if rng.IntN(3) == 0 {
			size += rng.IntN(600)
		}
		for range size {
			if rng.IntN(40) == 0 {
				// A run of distinct CJK ideographs: more than MaxNonGSM
				// distinct characters in some texts.
				base := 0x4E00 + rng.IntN(5000)
				for k := range rng.IntN(80) {
					b.WriteRune(rune(base + k))
				}
				continue
			}
			b.WriteString(words[rng.IntN(len(words))])
		}
		checkReference(t, b.String())
	}
}
