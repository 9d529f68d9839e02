package load

import (
	"errors"
	"strings"
	"testing"
)

func TestNewBundleInputErrors(t *testing.T) {
	cases := []struct{ path, src, want string }{
		{"res/values/strings.xml", "<resources>\n  <string name=\"a\">x</resources>", "strings.xml:2: column 21: invalid android bundle: end tag </resources> does not match <string>"},
		{"res/values/strings.xml", "<manifest/>", "strings.xml:1: column 1: invalid android bundle: the root element is <manifest>"},
		{"res/values/strings.xml", "<resources>\n<!-- x\n</resources>", "strings.xml:2: column 1: invalid android bundle: comment is never closed"},
		{"res/values/strings.xml", "<resources><string name=a>x</string></resources>", "strings.xml:1: column 25: invalid android bundle: attribute name needs a quoted value"},
		{"de.lproj/Localizable.strings", "\"a\" = \"b\"\n\"c\" = \"d\";", "Localizable.strings:2: column 1: invalid strings bundle: expected ; after the value"},
		{"de.lproj/Localizable.strings", "\"a\" \"b\";", "Localizable.strings:1: column 5: invalid strings bundle: expected = after the key"},
		{"de.lproj/Localizable.strings", "\"a\" = \"b;\n", "Localizable.strings:1: column 7: invalid strings bundle: string is never closed"},
		{"de.lproj/Localizable.strings", "\"\x00a\x00\"\x00", "Localizable.strings:1: column 2: invalid strings bundle: the file looks like UTF-16"},
		{"de.lproj/Localizable.strings", "\xFF\xFE\"\x00a\x00\"\x00", "Localizable.strings: the file is UTF-16 text; save it as UTF-8"},
		{"Localizable.xcstrings", "{\"strings\": {\"a\": }}", "Localizable.xcstrings:1: column 19: invalid xcstrings bundle: expected a value"},
		{"Localizable.xcstrings", "[]", "Localizable.xcstrings:1: column 1: invalid xcstrings bundle: a string catalog must be a JSON object"},
		{"m.de.xlf", "<xliff><file><body><trans-unit id=\"a\"><source>x</body></file></xliff>", "m.de.xlf:1: column 48: invalid xliff bundle: end tag </body> does not match <source>"},
		{"m.de.xlf", "<html/>", "m.de.xlf:1: column 1: invalid xliff bundle: the root element is <html>, not <xliff>"},
		{"lang/de/a.php", "<?php\nreturn [\n  'a' => trans('x'),\n];", "a.php:3: column 10: invalid php bundle: a function call or constant trans as a value"},
		{"lang/de/a.php", "<?php\nreturn ['a' => 'x' . 'y'];", "a.php:2: column 20: invalid php bundle: a concatenation with ."},
		{"lang/de/a.php", "<?php\nreturn ['a' => $x];", "a.php:2: column 16: invalid php bundle: a variable x as a value"},
		{"lang/de/a.php", "<?php\nreturn ['a' => <<<EOT\nx\nEOT\n];", "a.php:2: column 16: invalid php bundle: a heredoc value"},
		{"lang/de/a.php", "<?php\nreturn ['a' => \"Hi $name\"];", "a.php:2: column 20: invalid php bundle: a variable inside a double-quoted string"},
		{"lang/de/a.php", "<?php\nreturn ['a' => 'x'", "a.php:2: column 19: invalid php bundle: the file ends after the value"},
		{"lang/de/a.php", "<?php\nreturn [FOO => 'x'];", "a.php:2: column 9: invalid php bundle: array key is not a quoted string or a number"},
		{"lang/de/a.php", "<?php\n$lang['a'] = strtoupper('x');", "a.php:2: column 14: invalid php bundle: a function call or constant strtoupper as a value"},
		{"lang/de/a.php", "<?php\nreturn ['a' => 'x];", "a.php:2: column 16: invalid php bundle: string is never closed"},
		{"lang/de/a.php", "<?php\n/* open", "a.php:2: column 1: invalid php bundle: comment is never closed"},
		{"lang/fr/a.php", "?php\n\nreturn ['a' => 'b'];", "a.php:1: column 1: invalid php bundle: no <?php opening tag"},
	}
	for _, c := range cases {
		_, err := Load(c.path, []byte(c.src), DefaultConfig())
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: got %v, want %q", c.path, c.src, err, c.want)
		}
	}
}
