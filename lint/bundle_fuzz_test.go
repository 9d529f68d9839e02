package lint

import (
	"errors"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// checkBundleRanges fails when a template, part, placeholder or problem of
// a bundle points outside the file or the text.
func checkBundleRanges(t *testing.T, ts []*message.Template, size int) {
	t.Helper()
	for _, tp := range ts {
		if tp.Start < 0 || tp.End > size || tp.Start > tp.End {
			t.Fatalf("template %q range %d..%d of %d", tp.ID, tp.Start, tp.End, size)
		}
		parts := append([]*message.Part(nil), tp.Parts...)
		if tp.Original != nil {
			parts = append(parts, tp.Original)
		}
		for _, p := range parts {
			n := p.Text.Len()
			for i := 0; i <= n; i++ {
				a, b := p.Text.FileRange(i, n)
				if a < 0 || b > size || a > b {
					t.Fatalf("%q: text range %d..%d → %d..%d of %d", tp.ID, i, n, a, b, size)
				}
			}
			last := 0
			for _, ph := range p.Placeholders {
				if ph.Start < last || ph.End > n || ph.End <= ph.Start {
					t.Fatalf("%q: placeholder %+v in text of %d", tp.ID, ph, n)
				}
				last = ph.End
			}
		}
		for _, pr := range tp.Problems {
			if pr.Start < 0 || pr.End > size || pr.Start > pr.End {
				t.Fatalf("%q: problem %+v of %d", tp.ID, pr, size)
			}
		}
	}
}

func fuzzBundle(f *testing.F, path string, seeds ...string) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ts, err := load.Load(path, []byte(s), load.DefaultConfig())
		if err != nil {
			var ie *load.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("not an InputError: %v", err)
			}
			return
		}
		checkBundleRanges(t, ts, len(s))
	})
}

func FuzzJSONBundle(f *testing.F) {
	fuzzBundle(f, "locales/de.json",
		`{"a": {"b": "x {{y}} \u00e9\n", "c": ["d", 1, true, null]}, "e": {"message": "m", "description": "d"}}`,
		`{"de": {"n_one": "{n, plural, one {# x} other {# y}}", "t": "<0>a</0> &amp; <b>b</b>"}}`,
		`{"a": "\ud83d\ude00 \ud800 x"}`, `{"a": `, `{}`, "\xEF\xBB\xBF{\"a\":\"b\"}")
}

func FuzzYAMLBundle(f *testing.F) {
	fuzzBundle(f, "config/locales/de.yml",
		"de:\n  a: x %{y}\n  b: \"q\\u00e9\\n\"\n  c: 'it''s'\n  d: |\n    l1\n\n    l2\n  e: >\n    f1\n    f2\n",
		"de:\n  x: &a v\n  y: *a\n  m:\n    <<: {k: w}\n  n: 3\n  o:\n  p: plain\n    folded\n",
		"a: [1, 'x', {b: c}]\n---\nb: d\n", "a: b: c\n", "&a [*a]\n")
}

func FuzzPOBundle(f *testing.F) {
	fuzzBundle(f, "po/de.po",
		"msgid \"\"\nmsgstr \"Language: de\\n\"\n\n#, fuzzy\nmsgctxt \"c\"\nmsgid \"a %s\"\nmsgstr \"b \"\n\"%s\"\n",
		"msgid \"x\"\nmsgid_plural \"%d y\"\nmsgstr[0] \"\"\nmsgstr[1] \"%d z \\t\\x41\\101\"\n\n#~ msgid \"o\"\n",
		"msgid \"a\nmsgstr \"b\"\n", "\"x\"\n")
}

func FuzzPropertiesBundle(f *testing.F) {
	fuzzBundle(f, "res/messages_de.properties",
		"# c\na = b {0}\\\n  c\nd:e\\u00e9\\n\nf g\n\\u00", "k\\ e\\:y = v\\\r\n w\r\n!x\n", "=\n:\n\\\n")
}

func FuzzScanSyntax(f *testing.F) {
	for _, s := range []string{"{n, plural, one {# {x}} other {'{'#'}'}}", ":name at 10:30 %s %(x)d %1$s", "{{#a}}{{/a}}{{!-- x --}}{{{y}}}",
		"{% if a %}{{ b|c({'d': {'e': 1}}) }}{% endif %}{# c #}", "<0>a</0><1/>", "{{- if .X -}}{{/* c */}}{{ end }}",
		"[% IF a %][% b | html %][% END %]", "<%! x %>\n% if a:\n${ b }\n% endif\n## c\n<%namespace file=\"x\" />", "<?= $v['t'] ?><?php if ($x) { ?>",
		"{if $a}{$b|nl2br}{/if}{intl l=\"x\"}", "<%= a %><% if b %>"} {
		f.Add(s, uint16(0xFFFF))
	}
	f.Fuzz(func(t *testing.T, s string, syn uint16) {
		phs, issues := message.ScanSyntax(s, message.Syntax(syn)&(message.SyntaxMustache|message.SyntaxJinja|message.SyntaxGo|message.SyntaxICU|message.SyntaxRuby|message.SyntaxLaravel|message.SyntaxPrintf|
			message.SyntaxSmarty|message.SyntaxERB|message.SyntaxTT|message.SyntaxMako|message.SyntaxPHP))
		last := 0
		for _, p := range phs {
			if p.Start < last || p.End > len(s) || p.End <= p.Start {
				t.Fatalf("bad placeholder %+v in %q", p, s)
			}
			last = p.End
		}
		for _, is := range issues {
			if is.Start < 0 || is.End > len(s) || is.Start > is.End {
				t.Fatalf("bad issue %+v", is)
			}
		}
		message.CheckSyntax(s, message.Syntax(syn))
	})
}
