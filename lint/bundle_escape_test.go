package lint

import (
	"errors"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
)

// TestPOEscapes: octal and hex escapes are bytes, read as UTF-8; they used
// to be read as code points ("sp\303\244t" gave "spÃ¤t").
func TestPOEscapes(t *testing.T) {
	cases := []struct{ str, want string }{
		{`sp\303\244t`, "spät"},
		{`sp\xc3\xA4t`, "spät"},
		{`\342\202\254 5`, "€ 5"},
		{`\101\x42\103\n\t\"\\\'\?`, "ABC\n\t\"\\'?"},
		{`a\0b`, "a\x00b"},
	}
	for _, c := range cases {
		src := "msgid \"x\"\nmsgstr \"" + c.str + "\"\n"
		ts, err := load.Load("po/de.po", []byte(src), load.DefaultConfig())
		if err != nil {
			t.Fatalf("%s: %v", c.str, err)
		}
		body := ts[0].Body().Text
		if got := body.String(); got != c.want {
			t.Errorf("%s: %q, want %q", c.str, got, c.want)
		}
		checkBundleRanges(t, ts, len(src))
	}
	// The ä of "sp\303\244t" maps to both of its escapes.
	src := "msgid \"x\"\nmsgstr \"sp\\303\\244t\"\n"
	ts, _ := load.Load("po/de.po", []byte(src), load.DefaultConfig())
	if s, e := ts[0].Body().Text.FileRange(2, 4); src[s:e] != `\303\244` {
		t.Errorf("ä maps to %q", src[s:e])
	}
}

func TestPOEscapeErrors(t *testing.T) {
	cases := []struct{ str, want string }{
		{`a\qb`, `:2: column 10: invalid po bundle: unknown escape \q`},
		{`\303`, `:2: column 9: invalid po bundle: escaped byte 0xC3 is not part of a UTF-8 character`},
		{`\303x`, `escaped byte 0xC3`},
		{`\777`, `octal escape \777 is over \377`},
		{`\xZZ`, `\x is not followed by a hex digit`},
		{`\u00e9`, `unknown escape \u`},
	}
	for _, c := range cases {
		src := "msgid \"x\"\nmsgstr \"" + c.str + "\"\n"
		_, err := load.Load("po/de.po", []byte(src), load.DefaultConfig())
		var ie *load.InputError
		if !errors.As(err, &ie) || ie.Line != 2 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want line 2 and %q", c.str, err, c.want)
		}
	}
}

// TestPOPluralForms: a malformed Plural-Forms header is an input error on
// its line; it used to pass silently.
func TestPOPluralForms(t *testing.T) {
	cases := []struct{ value, want string }{
		{"nplurals=2; plural=(n != 1);", ""},
		{"nplurals=1; plural=0;", ""},
		{"nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);", ""},
		{"nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);", ""},
		{"nplurals=2; plural=n>1", ""},
		{"nplurals=2; plural=!(n==1);", ""},
		{"nplurals=INTEGER; plural=EXPRESSION;", ""}, // xgettext's placeholder
		{"nplurals=2; plural=(n != 1;", "missing ) at column"},
		{"nplurals=x; plural=(n != 1);", "nplurals=x is not a number from 1 to 100"},
		{"plural=(n != 1);", "want nplurals=N; plural=EXPRESSION;"},
		{"nplurals=2;", "want nplurals=N; plural=EXPRESSION;"},
		{"nplurals=2; plural=n;", "gives form 2 for n = 2, but nplurals=2"},
		{"nplurals=2; plural=n%0;", "division by zero for n = 0"},
		{"nplurals=2; plural=n = 1;", `unexpected "= 1" at column 3`},
		{"nplurals=2; plural=n | 1;", `unexpected "| 1"`},
		{"nplurals=2; plural=;", "the expression ends too early"},
		{"nplurals=2; plural=" + strings.Repeat("(", 100) + "n" + strings.Repeat(")", 100) + ";", "too deeply nested"},
		{"nplurals=2; plural=n != 1; extra=1", `unknown field "extra"`},
		{"", "want nplurals=N"},
	}
	for _, c := range cases {
		src := "msgid \"\"\nmsgstr \"\"\n\"Language: de\\n\"\n\"Plural-Forms: " + c.value + "\\n\"\n\nmsgid \"a\"\nmsgstr \"b\"\n"
		ts, err := load.Load("po/de.po", []byte(src), load.DefaultConfig())
		if c.want == "" {
			if err != nil || len(ts) != 1 {
				t.Errorf("%s: %v", c.value, err)
			}
			continue
		}
		var ie *load.InputError
		if !errors.As(err, &ie) || ie.Line != 4 || !strings.Contains(err.Error(), "malformed Plural-Forms header: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want line 4 and %q", c.value, err, c.want)
		}
	}
}

// TestPropertiesUnicodeEscapes: a malformed \u escape is an error on its
// line, as in Java; it used to become U+FFFD silently.
func TestPropertiesUnicodeEscapes(t *testing.T) {
	ok := []struct{ value, want string }{
		{`caf\u00e9`, "café"},
		{`\uD83D\uDE00!`, "😀!"},
		{`\u20AC`, "€"},
	}
	for _, c := range ok {
		src := "# c\nk = " + c.value + "\n"
		ts, err := load.Load("res/messages_de.properties", []byte(src), load.DefaultConfig())
		if err != nil {
			t.Fatalf("%s: %v", c.value, err)
		}
		if got := ts[0].Body().Text.String(); got != c.want {
			t.Errorf("%s: %q, want %q", c.value, got, c.want)
		}
	}
	bad := []struct{ value, want string }{
		{`x\uZZZZ`, `malformed escape "\\uZZZZ": \u takes four hex digits`},
		{`x\u12`, `malformed escape "\\u12"`},
		{`x\u+123`, `malformed escape "\\u+123"`},
		{`\uD800 x`, `escape \uD800 is half of a UTF-16 surrogate pair`},
		{`\uDE00`, `escape \uDE00 is half`},
		{`\uD83D\u0041`, `escape \uD83D is half`},
	}
	for _, c := range bad {
		src := "# c\nk = " + c.value + "\nm = n\n"
		_, err := load.Load("res/messages_de.properties", []byte(src), load.DefaultConfig())
		var ie *load.InputError
		if !errors.As(err, &ie) || ie.Line != 2 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want line 2 and %q", c.value, err, c.want)
		}
	}
	// In a key, too.
	if _, err := load.Load("res/messages_de.properties", []byte("k\\uXYZW = v\n"), load.DefaultConfig()); err == nil {
		t.Error("malformed escape in a key accepted")
	}
}

func FuzzPluralForms(f *testing.F) {
	for _, s := range []string{"nplurals=2; plural=(n != 1);", "nplurals=3; plural=n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2;",
		"nplurals=2; plural=!!n/0;", "nplurals=1; plural=((((n))));", "plural=n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = load.CheckPluralForms(s) // must not panic
	})
}
