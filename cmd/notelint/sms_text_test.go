package main

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/sms"
)

func TestSMSTextListsDistinctCharacters(t *testing.T) {
	// 40 distinct ideographs, the first twice: a bounded list, counts, and
	// the occurrences beyond the list summed up.
	var b strings.Builder
	b.WriteString("Hi 一")
	for r := rune(0x4E00); r < 0x4E00+40; r++ {
		b.WriteRune(r)
	}
	out, errOut, code := runCLI(t, "", "sms", b.String())
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"  byte 3 (first of 2): \"一\" U+4E00  no replacement\n",
		"  byte 9: \"丁\" U+4E01  no replacement\n",
		"  and 24 more, of characters not listed\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if got := strings.Count(out, "no replacement"); got != sms.MaxNonGSM {
		t.Errorf("%d characters listed, want %d:\n%s", got, sms.MaxNonGSM, out)
	}
}
