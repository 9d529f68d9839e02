package lint

import (
	"strings"
	"testing"
)

// TestNewReadersFixes checks what --fix may edit in the new bundle
// formats: PHP, Android, Apple .strings and XLIFF record no string syntax
// --fix can write, so no edit lands there (a ' written into a PHP '…'
// string would end it); an Xcode catalog value is a JSON string, edited
// with JSON escapes; an Xcode catalog key is never edited.
func TestNewReadersFixes(t *testing.T) {
	cases := []struct{ path, src, id, char, repl, want string }{
		{"lang/en/a.php", "<?php return ['a' => 'It’ll – now'];", "a", "’", "'", ""},
		{"lang/en/a.php", "<?php return ['a' => \"Say ”hi” – now\"];", "a", "”", "\"", ""},
		{"res/values/strings.xml", "<resources><string name=\"a\">It’ll – now</string></resources>", "a", "’", "'", ""},
		{"en.lproj/Localizable.strings", "\"a\" = \"Say ”hi” – now\";", "a", "”", "\"", ""},
		{"m.xlf", `<xliff><file source-language="en"><trans-unit id="a"><source>1 ＜ 2 – now</source></trans-unit></file></xliff>`, "a", "＜", "<", ""},
		{"Localizable.xcstrings", `{"sourceLanguage": "en", "strings": {"k": {"localizations": {"en": {"stringUnit": {"value": "Say ”hi” – now"}}}}}}`, "k", "”", "\"", `\"`},
		{"Localizable.xcstrings", `{"sourceLanguage": "en", "strings": {"Say ”hi” – now": {}}}`, "Say ”hi” – now", "–", "-", ""},
	}
	for _, c := range cases {
		ts := bundleTemplates(t, c.path, c.src)
		tp := ts[c.id]
		if tp == nil {
			t.Fatalf("%s: no %q in %v", c.path, c.id, keys(ts))
		}
		body := tp.Body()
		i := strings.Index(body.Text.String(), c.char)
		fs, fe := body.Text.FileRange(i, i+len(c.char))
		if c.src[fs:fe] != c.char {
			t.Fatalf("%s: %q maps to %q", c.path, c.char, c.src[fs:fe])
		}
		fix, reason := vetFix(tp, tp.Source, body, &Fix{Edits: []Edit{{Start: fs, End: fe, New: c.repl}}})
		switch {
		case c.want == "" && fix != nil:
			t.Errorf("%s: fix %+v applied, want none", c.path, fix.Edits)
		case c.want != "" && (fix == nil || fix.Edits[0].New != c.want):
			t.Errorf("%s: fix %+v (%s), want %q", c.path, fix, reason, c.want)
		}
	}
}
