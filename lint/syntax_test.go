package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// phSummary lists a scan as "name" for values and "!ref" for control tags.
func phSummary(text string, syn message.Syntax) ([]string, []message.PlaceholderIssue) {
	phs, issues := message.ScanSyntax(text, syn)
	var out []string
	for _, p := range phs {
		if p.Control {
			out = append(out, "!"+p.Ref)
		} else {
			out = append(out, p.Name)
		}
	}
	return out, issues
}

func TestScanSyntaxes(t *testing.T) {
	cases := []struct {
		name   string
		syn    message.Syntax
		text   string
		want   []string
		issues int
		prose  string // Masked() of the text, spaces collapsed; "" skips
	}{
		{"handlebars sections", message.SyntaxMustache, "{{#if name}}Hi {{name}}{{else}}Hello{{/if}} {{^items}}none{{/items}}",
			[]string{"!name", "name", "!", "!", "!items", "!"}, 0, "Hi Hello none"},
		{"handlebars comments and partials", message.SyntaxMustache, "{{!-- a }} b --}}Hi {{> footer}} {{! note }}{{{raw}}}",
			[]string{"!", "!", "!", "raw"}, 0, "Hi"},
		{"twig tags, filters (a translation filter prints copy), hash literals", message.SyntaxJinja | message.SyntaxMustache,
			"{% if a.b %}{{ a.b ~ ' ' }}{% endif %}{{ \"x\"|trans({'%a%': b}) }} {{ d|date('d.m.Y') }} {# c #}",
			[]string{"!a.b", "a.b", "!", "", "d", "!"}, 0, ""},
		{"twig nested braces in a call", message.SyntaxJinja, "Link: {{ rawUrl('x', { 'k': o.c }, s|first.url) }} end",
			[]string{"!"}, 0, "Link: end"},
		{"go actions and trimming", message.SyntaxGo, "{{- if .X -}}Hi {{ .Name }}{{ else }}Hey{{ end -}} {{/* c */}}{{ index .Identity \"id\" }}",
			[]string{"!X", "Name", "!", "!", "!", "Identity"}, 0, "Hi Hey"},
		{"icu plural branches", message.SyntaxICU, "You have {count, plural, =0 {no messages} one {# message} other {# messages}} from {name}.",
			[]string{"!count", "!count", "count", "!count", "count", "!count", "name"}, 0, "You have no messages message messages from ."},
		{"icu select nested", message.SyntaxICU, "{g, select, male {He has {n, plural, one {# item} other {# items}}} other {They}}",
			[]string{"!g", "!n", "n", "!n", "n", "!n", "!g", "!g"}, 0, "He has item items They"},
		{"icu simple, typed, java positional", message.SyntaxICU, "{name} paid {amount, number, currency} on {0} {1,date,short}",
			[]string{"name", "amount", "0", "1"}, 0, ""},
		{"icu rich text tags", message.SyntaxICU, "Read <0>the terms</0> and <1/>.", []string{"!", "!", "!"}, 0, "Read the terms and ."},
		{"icu unbalanced plural", message.SyntaxICU, "{n, plural, one {x} other {y}", []string{"x", "y"}, 1, ""},
		{"icu quoted brace", message.SyntaxICU, "{n, plural, one {'{'x'}'} other {y}}", []string{"!n", "!n", "!n"}, 0, ""},
		{"ruby", message.SyntaxRuby, "Hi %{name}, 100% sure", []string{"name"}, 0, ""},
		{"laravel not clock times", message.SyntaxLaravel, ":name status changed at 10:30 from :old_status (see https://x.io:8080) :smile:",
			[]string{"name", "old_status"}, 0, "status changed at 10:30 from (see https://x.io:8080) :smile:"},
		{"laravel french spacing", message.SyntaxLaravel, "Statut : :app_name.", []string{"app_name"}, 0, ""},
		{"prestashop braces", message.SyntaxICU, "Hello {firstname} {lastname}, order {order_name}", []string{"firstname", "lastname", "order_name"}, 0, ""},
		{"printf", message.SyntaxPrintf, "%s has %d items, %2$s %(name)s 50%% off, 20%discount", []string{"%1$s", "%2$d", "%2$s", "name"}, 0, ""},
		{"default: no laravel, no printf", message.DefaultSyntax, "At 10:30 :name got %s", nil, 0, ""},
		{"stray closing", message.DefaultSyntax, "a }} b", nil, 1, ""},
	}
	for _, c := range cases {
		got, issues := phSummary(c.text, c.syn)
		if !reflect.DeepEqual(got, c.want) || len(issues) != c.issues {
			t.Errorf("%s: got %q (issues %v), want %q (%d issues)", c.name, got, issues, c.want, c.issues)
		}
		if c.prose != "" {
			phs, _ := message.ScanSyntax(c.text, c.syn)
			p := &message.Part{Text: message.VerbatimText(c.text, 0), Placeholders: phs}
			if got := strings.Join(strings.Fields(p.Masked()), " "); got != c.prose {
				t.Errorf("%s: prose %q, want %q", c.name, got, c.prose)
			}
		}
	}
}

func TestParseSyntax(t *testing.T) {
	s, auto, err := message.ParseSyntax([]string{"twig", "laravel"})
	if err != nil || auto || s != message.SyntaxJinja|message.SyntaxLaravel {
		t.Errorf("got %v %v %v", s, auto, err)
	}
	if _, _, err := message.ParseSyntax([]string{"velocity"}); err == nil || !strings.Contains(err.Error(), "unknown placeholder syntax") {
		t.Errorf("want an error, got %v", err)
	}
	if _, auto, _ := message.ParseSyntax(nil); !auto {
		t.Error("empty list must be auto")
	}
}

func TestDetectSyntax(t *testing.T) {
	cfg := DefaultConfig(nil)
	if s := load.DetectSyntax("a.txt", []byte("Incident :name at 10:30"), &cfg.Config); s&message.SyntaxLaravel == 0 {
		t.Errorf("laravel not detected: %v", s)
	}
	if s := load.DetectSyntax("a.txt", []byte("At 10:30, see http://x:80"), &cfg.Config); s&message.SyntaxLaravel != 0 {
		t.Errorf("laravel detected in clock time: %v", s)
	}
	if s := load.DetectSyntax("de.po", []byte("#, c-format\nmsgid \"%s\""), &cfg.Config); s&message.SyntaxPrintf == 0 {
		t.Errorf("printf not detected in .po: %v", s)
	}
	cfg.Lint.Syntax = []string{"go"}
	if s := load.DetectSyntax("a.txt", []byte(":name"), &cfg.Config); s != message.SyntaxGo {
		t.Errorf("configured syntax not used alone: %v", s)
	}
}

func TestCheckSyntax(t *testing.T) {
	cases := []struct {
		text string
		syn  message.Syntax
		bad  bool
	}{
		{"{{ if .X }}a{{ end }}", message.SyntaxGo, false},
		{"{{ if .X }}a", message.SyntaxGo, true},
		{"{{#a}}x{{/a}}", message.SyntaxMustache, false},
		{"{{#a}}x{{/b}}", message.SyntaxMustache, true},
		{"{{#a}}x{{/a}}{{/b}}", message.SyntaxMustache, true},
		// Magento's own blocks: closers, but no Mustache section anywhere.
		{"{{depend order}}Order {{var order.id}}{{/depend}} {{if x}}y{{/if}}", message.DefaultSyntax, false},
		// Handlebars partial blocks and inline partials beside other sections.
		{"{{#>BasicTextLayout}}Hi{{#if Items}}{{#each Items}}{{this}}{{/each}}{{/if}}{{/BasicTextLayout}}", message.DefaultSyntax, false},
		{"{{#> layout }}{{#*inline \"body\"}}x{{/inline}}{{#if a}}b{{/if}}{{/layout}}", message.SyntaxMustache, false},
		{"{{#>layout}}{{#if a}}b{{/if}}", message.SyntaxMustache, true},
		{"{% if a %}x{% endif %}{% for i in l %}{% endfor %}", message.SyntaxJinja, false},
		{"{% if a %}x", message.SyntaxJinja, true},
		{"{% set x = 1 %}", message.SyntaxJinja, false},
	}
	for _, c := range cases {
		if _, msg, bad := message.CheckSyntax(c.text, c.syn); bad != c.bad {
			t.Errorf("%q: bad=%v (%s), want %v", c.text, bad, msg, c.bad)
		}
	}
}
