package sms

import (
	"testing"
	"unicode/utf8"
)

func allGSM(s string) bool {
	for _, r := range s {
		if !IsGSM(r) {
			return false
		}
	}
	return true
}

func TestReplacementTable(t *testing.T) {
	for r, s := range replacements {
		if IsGSM(r) {
			t.Errorf("%q (%U) is GSM-7 but has a replacement", r, r)
		}
		if !allGSM(s) {
			t.Errorf("replacement %q for %U is not all GSM-7", s, r)
		}
		if got, ok := Replacement(r); !ok || got != s {
			t.Errorf("Replacement(%U) = %q, %v; want %q, true", r, got, ok, s)
		}
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		s, ok := Replacement(r)
		if !ok || !allGSM(s) || utf8.RuneCountInString(s) != 1 {
			t.Errorf("Replacement(%U) = %q, %v; want one GSM-7 character", r, s, ok)
		}
	}
	for r := rune(0x300); r <= 0x36F; r++ {
		if s, ok := Replacement(r); !ok || s != "" {
			t.Errorf("Replacement(%U) = %q, %v; want removal", r, s, ok)
		}
	}
}

func TestReplacementNone(t *testing.T) {
	// GSM-7 characters never have a replacement.
	for _, r := range "éèùìòàäöüñÄÖÜÑÅåÆæøØÉßÇ€[]aZ@" {
		if s, ok := Replacement(r); ok {
			t.Errorf("Replacement(%q) = %q, true; GSM-7 needs none", r, s)
		}
	}
	// Emoji, CJK, Cyrillic, Greek lookalikes, ZWJ, variation selectors,
	// invalid UTF-8: no replacement.
	for _, r := range []rune{'😀', '中', 'こ', 'д', 'Д', 'Α', 0x200D, 0xFE0F, 0xFE0E, utf8.RuneError, 0x1B, '°'} {
		if s, ok := Replacement(r); ok {
			t.Errorf("Replacement(%U) = %q, true; want none", r, s)
		}
	}
}

func TestReplacement(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{
		{'‘', "'"}, {'’', "'"}, {'‚', "'"}, {'‛', "'"}, {'′', "'"}, {'‹', "'"}, {'›', "'"},
		{'“', `"`}, {'”', `"`}, {'„', `"`}, {'‟', `"`}, {'″', `"`}, {'«', `"`}, {'»', `"`},
		{'–', "-"}, {'—', "-"}, {'−', "-"}, {'‐', "-"}, {'‑', "-"}, {'‒', "-"}, {'―', "-"}, {'•', "-"},
		{'…', "..."}, {'‼', "!!"}, {'½', "1/2"}, {'¼', "1/4"}, {'¾', "3/4"},
		{'\u00A0', " "}, {'\u202F', " "}, {'\u2009', " "}, {'\u2002', " "}, {'\u2003', " "}, {'\u3000', " "},
		{'\u200B', ""}, {'\u200C', ""}, {'\u00AD', ""}, {'\uFEFF', ""}, {'\u2060', ""},
		{'™', "TM"}, {'©', "(c)"}, {'®', "(R)"},
		{'á', "a"}, {'ç', "c"}, {'ł', "l"}, {'ô', "o"}, {'ê', "e"}, {'â', "a"}, {'î', "i"},
		{'û', "u"}, {'ë', "e"}, {'ï', "i"}, {'œ', "oe"}, {'Œ', "OE"}, {'Ê', "E"}, {'ș', "s"},
		{'＂', `"`}, {'［', "["}, {'｀', "'"}, {'Ａ', "A"},
	}
	for _, tc := range tests {
		got, ok := Replacement(tc.r)
		if !ok || got != tc.want {
			t.Errorf("Replacement(%q) = %q, %v; want %q, true", tc.r, got, ok, tc.want)
		}
	}
}

func TestReplaceAll(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain GSM text €", "plain GSM text €"},
		{"“Hello” – it’s… fine", `"Hello" - it's... fine`},
		{"Votre colis arrivera à 14h. Où êtes-vous ? Ça, c’est très bientôt, garçon.",
			"Votre colis arrivera à 14h. Où etes-vous ? Ça, c'est très bientot, garcon."},
		{"Zażółć gęślą jaźń", "Zazolc gesla jazn"},
		{"zero\u200bwidth\u00adsoft\ufeff", "zerowidthsoft"},
		{"Cafe\u0301 Cafe\u0302 n\u0303 C\u0327 c\u0327", "Café Cafe ñ Ç c"},
		{"Привет 😀 ’", "Привет 😀 '"},
		{"bad \xff byte’", "bad \xff byte'"},
		{"a\u200db", "a\u200db"},
		{"tab\there", "tab here"},
	}
	for _, tc := range tests {
		if got := ReplaceAll(tc.in); got != tc.want {
			t.Errorf("ReplaceAll(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestReplaceAllMakesGSM(t *testing.T) {
	// A text made of every replaceable rune becomes GSM-7.
	var b []rune
	for r := range replacements {
		b = append(b, r, 'x')
	}
	for r := rune(0xFF01); r <= 0xFF5E; r++ {
		b = append(b, r)
	}
	for r := rune(0x300); r <= 0x36F; r++ {
		b = append(b, 'e', r)
	}
	text := string(b)
	out := ReplaceAll(text)
	if !allGSM(out) {
		t.Fatalf("ReplaceAll left non-GSM runes: %q", out)
	}
	if res := Analyze(out, Options{}); res.Encoding != GSM7 {
		t.Fatalf("Analyze(ReplaceAll(...)).Encoding = %v", res.Encoding)
	}
}

func TestReplaceAllNoAlloc(t *testing.T) {
	text := gsmText(1000)
	if n := testing.AllocsPerRun(10, func() { ReplaceAll(text) }); n != 0 {
		t.Errorf("ReplaceAll of GSM text allocates %v times", n)
	}
}
