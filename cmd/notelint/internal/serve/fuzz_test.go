package serve

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// unpairedSurrogate accepts exactly the JSON strings that decode without
// an unpaired surrogate turning into U+FFFD.
func FuzzUnpairedSurrogate(f *testing.F) {
	for _, s := range []string{`"a\ud83d\ude00b"`, `"\ud800"`, `"\udc00x"`, `"\\ud800"`, `"\ud800\u0041"`, `"x\"\ud83d"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		if !utf8.ValidString(doc) {
			return // refused before this check
		}
		var s string
		if json.Unmarshal([]byte(doc), &s) != nil {
			return
		}
		_, ok := unpairedSurrogate([]byte(doc))
		if strings.Contains(strings.ToLower(doc), `\ufffd`) || strings.Contains(doc, "\uFFFD") {
			return // a replacement character written on purpose
		}
		if bad := strings.ContainsRune(s, '\uFFFD'); ok == bad {
			t.Fatalf("%s decodes to %q; unpairedSurrogate ok=%v", doc, s, ok)
		}
	})
}
