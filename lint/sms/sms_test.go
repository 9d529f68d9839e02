package sms

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func rep(s string, n int) string { return strings.Repeat(s, n) }

func TestAnalyzeKnownCases(t *testing.T) {
	family := "\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466" // 👩‍👩‍👧‍👦
	flag := "\U0001F1E9\U0001F1EA"                                         // 🇩🇪
	tests := []struct {
		name       string
		text       string
		split      SplitMode
		enc        Encoding
		units      int
		segments   int
		chars      int // -1: do not check
		per        int
		partUnits  []int // nil: do not check
		tooLong    bool
		nonGSMRune int // NonGSMRunes, -1: do not check
	}{
		{"empty", "", Graphemes, GSM7, 0, 1, 0, 160, []int{0}, false, 0},
		{"160 a", rep("a", 160), Graphemes, GSM7, 160, 1, 160, 160, []int{160}, false, 0},
		{"161 a", rep("a", 161), Graphemes, GSM7, 161, 2, 161, 153, []int{153, 8}, false, 0},
		{"306 a", rep("a", 306), Graphemes, GSM7, 306, 2, 306, 153, []int{153, 153}, false, 0},
		{"307 a", rep("a", 307), Graphemes, GSM7, 307, 3, 307, 153, []int{153, 153, 1}, false, 0},
		{"153 ]", rep("]", 153), Graphemes, GSM7, 306, 3, 153, 153, []int{152, 152, 2}, false, 0},
		{"153 ] minimal", rep("]", 153), Minimal, GSM7, 306, 3, 153, 153, []int{152, 152, 2}, false, 0},
		{"152a € 152a", rep("a", 152) + "€" + rep("a", 152), Graphemes, GSM7, 306, 3, 305, 153, []int{152, 153, 1}, false, 0},
		{"80 form feeds", rep("\f", 80), Graphemes, GSM7, 160, 1, 80, 160, []int{160}, false, 0},
		{"81 form feeds", rep("\f", 81), Graphemes, GSM7, 162, 2, 81, 153, []int{152, 10}, false, 0},
		{"every extension char", "\f^{}\\[~]|€", Graphemes, GSM7, 20, 1, 10, 160, []int{20}, false, 0},
		{"70 д", rep("д", 70), Graphemes, UCS2, 70, 1, 70, 70, []int{70}, false, 70},
		{"71 д", rep("д", 71), Graphemes, UCS2, 71, 2, 71, 67, []int{67, 4}, false, 71},
		{"134 д", rep("д", 134), Graphemes, UCS2, 134, 2, 134, 67, []int{67, 67}, false, 134},
		{"135 д", rep("д", 135), Graphemes, UCS2, 135, 3, 135, 67, []int{67, 67, 1}, false, 135},
		{"70 ç", rep("ç", 70), Graphemes, UCS2, 70, 1, 70, 70, nil, false, 70},
		{"70 é is GSM", rep("é", 70), Graphemes, GSM7, 70, 1, 70, 160, nil, false, 0},
		{"66a 😀 66a", rep("a", 66) + "😀" + rep("a", 66), Graphemes, UCS2, 134, 3, 133, 67, []int{66, 67, 1}, false, 1},
		{"66a 😀 66a minimal", rep("a", 66) + "😀" + rep("a", 66), Minimal, UCS2, 134, 3, 133, 67, []int{66, 67, 1}, false, 1},
		{"ZWJ family", family, Graphemes, UCS2, 11, 1, 1, 70, []int{11}, false, 7},
		{"flag straddles graphemes", rep("д", 65) + flag + rep("д", 10), Graphemes, UCS2, 79, 2, 76, 67, []int{65, 14}, false, -1},
		{"flag straddles minimal", rep("д", 65) + flag + rep("д", 10), Minimal, UCS2, 79, 2, 76, 67, []int{67, 12}, false, -1},
		{"CRLF straddles graphemes", rep("a", 152) + "\r\n" + rep("a", 10), Graphemes, GSM7, 164, 2, 163, 153, []int{152, 12}, false, 0},
		{"CRLF straddles minimal", rep("a", 152) + "\r\n" + rep("a", 10), Minimal, GSM7, 164, 2, 163, 153, []int{153, 11}, false, 0},
		{"CRLF", "a\r\nb\n\rc", Graphemes, GSM7, 7, 1, 6, 160, nil, false, 0},
		{"255 parts", rep("a", 153*255), Graphemes, GSM7, 153 * 255, 255, 153 * 255, 153, nil, false, 0},
		{"256 parts", rep("a", 153*255+1), Graphemes, GSM7, 153*255 + 1, 256, 153*255 + 1, 153, nil, true, 0},
		{"256 parts UCS-2", rep("д", 67*255+1), Graphemes, UCS2, 67*255 + 1, 256, 67*255 + 1, 67, nil, true, 67*255 + 1},
		{"mixed scripts", "Hello Привет 😀 こんにちは", Graphemes, UCS2, 21, 1, 20, 70, nil, false, 12},
		{"oversized cluster", "a" + rep("\u0301", 100), Graphemes, UCS2, 101, 2, 1, 67, []int{67, 34}, false, 100},
		{"oversized cluster after text", rep("д", 10) + "a" + rep("\u0301", 100), Graphemes, UCS2, 111, 2, 11, 67, []int{67, 44}, false, 110},
		{"invalid UTF-8", "ab\xffc", Graphemes, UCS2, 4, 1, 4, 70, nil, false, 1},
		{"ESC is not GSM", "a\x1bb", Graphemes, UCS2, 3, 1, 3, 70, nil, false, 1},
		{"NUL is not @", "a\x00b", Graphemes, UCS2, 3, 1, 3, 70, nil, false, 1},
		{"Greek capital alpha", "\u0391\u0394", Graphemes, UCS2, 2, 1, 2, 70, nil, false, 1},
		{"GSM Greek", "ΔΦΓΛΩΠΨΣΘΞ", Graphemes, GSM7, 10, 1, 10, 160, nil, false, 0},
		{"backtick", "`", Graphemes, UCS2, 1, 1, 1, 70, nil, false, 1},
		{"decomposed e acute", "e\u0301", Graphemes, UCS2, 2, 1, 1, 70, nil, false, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Analyze(tc.text, Options{Split: tc.split})
			if res.Encoding != tc.enc {
				t.Errorf("Encoding = %v, want %v", res.Encoding, tc.enc)
			}
			if res.Units != tc.units {
				t.Errorf("Units = %d, want %d", res.Units, tc.units)
			}
			if res.Segments != tc.segments {
				t.Errorf("Segments = %d, want %d", res.Segments, tc.segments)
			}
			if tc.chars >= 0 && res.Characters != tc.chars {
				t.Errorf("Characters = %d, want %d", res.Characters, tc.chars)
			}
			if res.PerSegment != tc.per {
				t.Errorf("PerSegment = %d, want %d", res.PerSegment, tc.per)
			}
			if tc.partUnits != nil {
				got := make([]int, len(res.Parts))
				for i, p := range res.Parts {
					got[i] = p.Units
				}
				if !equalInts(got, tc.partUnits) {
					t.Errorf("part units = %v, want %v", got, tc.partUnits)
				}
			}
			if res.TooLong != tc.tooLong {
				t.Errorf("TooLong = %v, want %v", res.TooLong, tc.tooLong)
			}
			if tc.nonGSMRune >= 0 && res.NonGSMRunes != tc.nonGSMRune {
				t.Errorf("NonGSMRunes = %d, want %d", res.NonGSMRunes, tc.nonGSMRune)
			}
			checkInvariants(t, tc.text, Options{Split: tc.split}, res)
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAnalyzeFlagBoundary(t *testing.T) {
	flag := "\U0001F1E9\U0001F1EA"
	text := rep("д", 65) + flag + rep("д", 10)
	g := Analyze(text, Options{})
	if got, want := g.Parts[0].End, 65*len("д"); got != want {
		t.Errorf("graphemes: first part ends at %d, want %d (before the flag)", got, want)
	}
	m := Analyze(text, Options{Split: Minimal})
	if got, want := m.Parts[0].End, 65*len("д")+4; got != want {
		t.Errorf("minimal: first part ends at %d, want %d (between the regional indicators)", got, want)
	}
}

func TestAnalyzeNonGSMDetails(t *testing.T) {
	text := "Don’t\u00a0go…\xff😀ç’\xff\uFFFDç"
	res := Analyze(text, Options{})
	want := []NonGSM{
		{Char: "’", Offset: 3, Len: 3, Count: 2, Replacement: "'", HasReplacement: true},
		{Char: "\u00a0", Offset: 7, Len: 2, Count: 1, Replacement: " ", HasReplacement: true},
		{Char: "…", Offset: 11, Len: 3, Count: 1, Replacement: "...", HasReplacement: true},
		{Char: "\uFFFD", Offset: 14, Len: 1, Count: 3}, // invalid bytes and U+FFFD itself
		{Char: "😀", Offset: 15, Len: 4, Count: 1},
		{Char: "ç", Offset: 19, Len: 2, Count: 2, Replacement: "c", HasReplacement: true},
	}
	if res.NonGSMRunes != 10 {
		t.Errorf("NonGSMRunes = %d, want 10", res.NonGSMRunes)
	}
	if len(res.NonGSM) != len(want) {
		t.Fatalf("NonGSM = %+v, want %+v", res.NonGSM, want)
	}
	for i := range want {
		if res.NonGSM[i] != want[i] {
			t.Errorf("NonGSM[%d] = %+v, want %+v", i, res.NonGSM[i], want[i])
		}
	}
	// Removal of an invisible character: HasReplacement with "".
	res = Analyze("a\u200bb", Options{})
	if len(res.NonGSM) != 1 || res.NonGSM[0].Replacement != "" || !res.NonGSM[0].HasReplacement {
		t.Errorf("zero-width space: NonGSM = %+v", res.NonGSM)
	}
}

func TestBasicSet(t *testing.T) {
	// The basic set as listed in 3GPP TS 23.038 §6.2.1, in table order,
	// without the escape code.
	basic := "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
		"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
	if n := utf8.RuneCountInString(basic); n != 127 {
		t.Fatalf("test table has %d runes, want 127", n)
	}
	seen := 0
	for _, r := range basic {
		if !IsGSM(r) || Septets(r) != 1 {
			t.Errorf("%q: IsGSM=%v Septets=%d, want true 1", r, IsGSM(r), Septets(r))
		}
		seen++
	}
	// Spot-check positions in the table.
	for code, r := range map[int]rune{0x00: '@', 0x02: '$', 0x09: 'Ç', 0x11: '_', 0x24: '¤', 0x40: '¡', 0x5F: '§', 0x60: '¿', 0x7F: 'à'} {
		if gsmBasic[code] != r {
			t.Errorf("gsmBasic[%#x] = %q, want %q", code, gsmBasic[code], r)
		}
	}
	// Exactly 127 basic and 10 extension runes in all of Unicode.
	var nBasic, nExt int
	for r := rune(0); r <= utf8.MaxRune; r++ {
		switch Septets(r) {
		case 1:
			nBasic++
		case 2:
			nExt++
		}
	}
	if nBasic != 127 || nExt != 10 {
		t.Errorf("basic %d, extension %d runes; want 127, 10", nBasic, nExt)
	}
}

func TestExtensionTable(t *testing.T) {
	for _, r := range "\f^{}\\[~]|€" {
		if !IsGSM(r) || Septets(r) != 2 {
			t.Errorf("%q: IsGSM=%v Septets=%d, want true 2", r, IsGSM(r), Septets(r))
		}
	}
}

func TestNotGSM(t *testing.T) {
	for _, r := range []rune{'ç', '`', '\t', 0x1B, 0, 0x7F, 'Α', 'Β', 'д', '😀', 'á', 'ê', 'ô', 0xFFFD, 0xA0, '’', '–', 'Ø' + 1, 0x20AD, -1, utf8.MaxRune + 1} {
		if IsGSM(r) || Septets(r) != 0 {
			t.Errorf("%U: IsGSM=%v Septets=%d, want false 0", r, IsGSM(r), Septets(r))
		}
	}
}

func TestStrings(t *testing.T) {
	if GSM7.String() != "GSM-7" || UCS2.String() != "UCS-2" {
		t.Errorf("Encoding strings: %q %q", GSM7, UCS2)
	}
	if Graphemes.String() != "graphemes" || Minimal.String() != "minimal" {
		t.Errorf("SplitMode strings: %q %q", Graphemes, Minimal)
	}
}

// checkInvariants verifies the properties every Result must have.
func checkInvariants(t *testing.T, text string, opt Options, res Result) {
	t.Helper()
	// Recompute units, encoding and NonGSM the slow way.
	var septets, u16, nonGSM int
	var occurrences []NonGSM
	for i, r := range text {
		if !IsGSM(r) {
			nonGSM++
			_, size := utf8.DecodeRuneInString(text[i:])
			occurrences = append(occurrences, NonGSM{Char: string(r), Offset: i, Len: size})
		}
		septets += Septets(r)
		if r > 0xFFFF {
			u16 += 2
		} else {
			u16++
		}
	}
	single, part := 160, 153
	wantEnc, wantUnits := GSM7, septets
	if nonGSM > 0 {
		single, part = 70, 67
		wantEnc, wantUnits = UCS2, u16
	}
	if res.Encoding != wantEnc || res.Units != wantUnits {
		t.Fatalf("Encoding/Units = %v/%d, want %v/%d", res.Encoding, res.Units, wantEnc, wantUnits)
	}
	if (res.Encoding == GSM7) != (len(res.NonGSM) == 0) || res.NonGSMRunes != nonGSM {
		t.Fatalf("NonGSMRunes = %d, want %d", res.NonGSMRunes, nonGSM)
	}
	checkNonGSM(t, text, res, occurrences)
	if want := uniseg.GraphemeClusterCount(text); res.Characters != want {
		t.Fatalf("Characters = %d, uniseg says %d", res.Characters, want)
	}

	// Parts: contiguous, covering the input, units summing to Units.
	if len(res.Parts) != res.Segments || res.Segments < 1 {
		t.Fatalf("len(Parts) = %d, Segments = %d", len(res.Parts), res.Segments)
	}
	if res.TooLong != (res.Segments > MaxParts) {
		t.Fatalf("TooLong = %v with %d segments", res.TooLong, res.Segments)
	}
	wantPer := single
	if res.Units > single {
		wantPer = part
	} else if res.Segments != 1 {
		t.Fatalf("Units %d <= %d but Segments = %d", res.Units, single, res.Segments)
	}
	if res.PerSegment != wantPer {
		t.Fatalf("PerSegment = %d, want %d", res.PerSegment, wantPer)
	}
	sum, pos := 0, 0
	for i, p := range res.Parts {
		if p.Start != pos || p.End < p.Start || p.End > len(text) {
			t.Fatalf("part %d = %+v not contiguous at %d", i, p, pos)
		}
		if p.Units > res.PerSegment {
			t.Fatalf("part %d has %d units > %d", i, p.Units, res.PerSegment)
		}
		if p.End == p.Start && len(text) > 0 {
			t.Fatalf("part %d is empty", i)
		}
		if got := partUnits(text[p.Start:p.End], res.Encoding); got != p.Units {
			t.Fatalf("part %d says %d units, counts %d", i, p.Units, got)
		}
		sum += p.Units
		pos = p.End
	}
	if pos != len(text) || sum != res.Units {
		t.Fatalf("parts cover [0,%d) with %d units; want [0,%d) with %d", pos, sum, len(text), res.Units)
	}
	if res.Segments == 1 {
		return
	}

	// Boundaries: rune boundaries always; grapheme boundaries in Graphemes
	// mode unless a cluster exceeds a part. Parts are filled greedily.
	runeStart := map[int]int{} // offset -> units of the rune there
	for i, r := range text {
		runeStart[i] = partUnits(string(r), res.Encoding)
	}
	clusterAt := map[int][2]int{} // start offset -> end, units
	oversized := map[int]bool{}   // offsets strictly inside an oversized cluster
	g := uniseg.NewGraphemes(text)
	for g.Next() {
		from, to := g.Positions()
		u := partUnits(text[from:to], res.Encoding)
		clusterAt[from] = [2]int{to, u}
		if u > res.PerSegment {
			for i := from + 1; i < to; i++ {
				oversized[i] = true
			}
		}
	}
	for i, p := range res.Parts[1:] {
		b := p.Start
		prev := res.Parts[i]
		ru, ok := runeStart[b]
		if !ok {
			t.Fatalf("part boundary %d is not a rune boundary", b)
		}
		if opt.Split == Minimal || oversized[b] {
			if prev.Units+ru <= res.PerSegment {
				t.Fatalf("part %d (%d units) could have taken the next rune (%d units)", i, prev.Units, ru)
			}
			continue
		}
		c, ok := clusterAt[b]
		if !ok {
			t.Fatalf("part boundary %d splits a grapheme cluster", b)
		}
		next := c[1]
		if c[1] > res.PerSegment {
			next = runeStart[b]
		}
		if prev.Units+next <= res.PerSegment {
			t.Fatalf("part %d (%d units) could have taken the next cluster (%d units)", i, prev.Units, next)
		}
	}
}

// checkNonGSM verifies res.NonGSM against every occurrence of a non-GSM
// rune (occurrences, in input order) and NonGSMOccurrences against them.
func checkNonGSM(t *testing.T, text string, res Result, occurrences []NonGSM) {
	t.Helper()
	k := 0
	for ng := range NonGSMOccurrences(text) {
		if k >= len(occurrences) || ng.Offset != occurrences[k].Offset || ng.Len != occurrences[k].Len ||
			ng.Char != occurrences[k].Char || ng.Count != 1 {
			t.Fatalf("NonGSMOccurrences: %+v at position %d, want %+v", ng, k, occurrences)
		}
		k++
	}
	if k != len(occurrences) {
		t.Fatalf("NonGSMOccurrences yields %d, want %d", k, len(occurrences))
	}
	first := map[string]NonGSM{}
	var order []string
	for _, o := range occurrences {
		if f, ok := first[o.Char]; ok {
			f.Count++
			first[o.Char] = f
			continue
		}
		o.Count = 1
		first[o.Char] = o
		order = append(order, o.Char)
	}
	if want := min(len(order), MaxNonGSM); len(res.NonGSM) != want {
		t.Fatalf("len(NonGSM) = %d, want %d distinct", len(res.NonGSM), want)
	}
	for i, ng := range res.NonGSM {
		w := first[order[i]]
		if ng.Char != w.Char || ng.Offset != w.Offset || ng.Len != w.Len || ng.Count != w.Count {
			t.Fatalf("NonGSM[%d] = %+v, want %+v", i, ng, w)
		}
	}
}

// partUnits counts septets or UTF-16 units the slow way.
func partUnits(s string, enc Encoding) int {
	n := 0
	for _, r := range s {
		if enc == GSM7 {
			n += Septets(r)
		} else if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func FuzzAnalyze(f *testing.F) {
	seeds := []string{
		"", "hello", rep("a", 161), rep("]", 153), rep("д", 71),
		rep("a", 66) + "😀" + rep("a", 66), rep("\f", 81),
		rep("д", 65) + "\U0001F1E9\U0001F1EA" + rep("д", 10),
		rep("a", 152) + "\r\n" + rep("a", 10),
		"a" + rep("\u0301", 100), "ab\xffc\xf0\x9f\x98", "e\u0301\u200d😀\ufe0f",
		rep("👩\u200d👩\u200d👧\u200d👦", 10), rep("\U0001F1E9", 75),
		"Votre colis arrive à 14h. Où êtes-vous ? Ça ira, très bientôt !",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, opt := range []Options{{Split: Graphemes}, {Split: Minimal}} {
			res := Analyze(text, opt)
			checkInvariants(t, text, opt, res)
		}
		out := ReplaceAll(text)
		allReplaceable := true
		for _, r := range text {
			if _, ok := Replacement(r); !IsGSM(r) && !ok {
				allReplaceable = false
			}
		}
		if allReplaceable && utf8.ValidString(text) {
			for _, r := range out {
				if !IsGSM(r) {
					t.Fatalf("ReplaceAll(%q) = %q contains non-GSM %U", text, out, r)
				}
			}
		}
	})
}

// gsmText returns about n bytes of ordinary GSM-7 notification text.
func gsmText(n int) string {
	const para = "Hi Sam, your parcel 4021-7788 from Acme Ltd arrives today between 9:00 and 11:00. " +
		"Track it at https://acme.example/t/4021 or reply STOP to opt out (£0.00, rates apply).\n" +
		"Your code is 581 204; it expires in 10 minutes. Questions? Call 0800 123 456 - or email help@acme.example!\r\n"
	return rep(para, n/len(para)+1)[:n]
}

// ucs2Text returns about n bytes of text that needs UCS-2.
func ucs2Text(n int) string {
	const para = "Здравствуйте, Сэм! Ваша посылка 4021 прибудет сегодня с 9:00 до 11:00 😀. " +
		"Don’t reply — your code is 581 204 🇩🇪 👩‍👩‍👧‍👦 ça va, très bien…\n"
	s := rep(para, n/len(para)+1)
	// Cut at a rune boundary.
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func BenchmarkAnalyzeGSM(b *testing.B) {
	text := gsmText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, Options{})
	}
}

func BenchmarkAnalyzeGSMMinimal(b *testing.B) {
	text := gsmText(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, Options{Split: Minimal})
	}
}

func BenchmarkAnalyzeGSMShort(b *testing.B) {
	text := gsmText(300)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, Options{})
	}
}

func BenchmarkAnalyzeUCS2(b *testing.B) {
	text := ucs2Text(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(text, Options{})
	}
}

func BenchmarkReplaceAll(b *testing.B) {
	text := ucs2Text(1 << 20)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ReplaceAll(text)
	}
}

func TestAnalyzeTrickyClusters(t *testing.T) {
	// Texts whose grapheme clusters exercise uniseg and the fast paths in
	// nextCluster; checkInvariants compares with uniseg.
	pieces := []string{
		"\r\n", "\r", "\n\r", "a\u0301", "д\u0483", "\u0600a", "a\u0600a", "\u0600д",
		"한국어", "\u1100\u1161\u11A8", "नमस्ते", "क्षि", "🇩🇪🇫🇷🇮", "👍🏽", "❤️‍🔥", "🧑‍🤝‍🧑",
		"\u200d©", "©\u200d©", "😀\u200d©", "a\u200d", "\u00ad", "שָׁלוֹם", "か\u3099", "\xff\u0301",
		"\x00", "\x1b[", "Ελληνικά", "日本語", "\u0e01\u0e33", "\t", "\u0085",
	}
	for _, p := range pieces {
		for _, text := range []string{p, "a" + p + "b", "д" + p + "д", rep(p+"x", 40), rep("д", 66) + p + rep("д", 3)} {
			for _, opt := range []Options{{Split: Graphemes}, {Split: Minimal}} {
				checkInvariants(t, text, opt, Analyze(text, opt))
			}
		}
	}
}

func TestAnalyzeRandom(t *testing.T) {
	// Random texts over an alphabet of runes with every grapheme break
	// property, checked against uniseg by checkInvariants.
	alphabet := []string{
		"a", "Z", " ", "]", "€", "\f", "\r", "\n", "\t", "\x00", "é", "ç", "Ç", "Δ", "Α",
		"д", "\u0483", "\u0301", "\u200d", "\u200c", "\ufe0f", "\U0001F1E9", "\U0001F1EA",
		"😀", "🏽", "©", "\u0600", "\u0915", "\u094d", "\u093f", "\u1100", "\u1161", "\u11a8",
		"\uac00", "\uac01", "\u0e33", "日", "か", "\u3099", "\xff", "\xf0\x9f", "\u00ad", "\u2060",
		"ع", "\u064b", "\u0600", "\u0669", "\u2019", "\u2026", "\u2010", "\u203c", "\u2028",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		n := rng.IntN(200)
		if rng.IntN(4) == 0 {
			n += 150
		}
		for range n {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		text := b.String()
		for _, opt := range []Options{{Split: Graphemes}, {Split: Minimal}} {
			checkInvariants(t, text, opt, Analyze(text, opt))
		}
		checkReference(t, text)
	}
}
