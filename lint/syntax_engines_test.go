package lint

import (
	"reflect"
	"strings"
	"testing"
)

func TestScanEngineSyntaxes(t *testing.T) {
	cases := []struct {
		name   string
		syn    Syntax
		text   string
		want   []string
		issues int
		prose  string
	}{
		{"smarty values and blocks", SyntaxSmarty | DefaultSyntax,
			"Hi {$Name|escape}, {if $Approved}approved{else}pending{/if}. {foreach from=$Items item=i}{$i->Name} {/foreach}{* note *}",
			[]string{"Name", "!Approved", "!", "!", "!Items", "i", "!", "!"}, 0, "Hi , approved pending ."},
		{"smarty functions", SyntaxSmarty, "Start: {formatdate date=$StartDate key=email} {translate key='Hello'} {control type=\"X\"}",
			[]string{"StartDate", "translate", "control"}, 0, "Start:"},
		{"smarty literal and css braces", SyntaxSmarty | DefaultSyntax, "p { color: red } {literal}{x}{/literal} {$a}",
			[]string{"!", "!", "a"}, 0, "p { color: red } {x}"},
		{"smarty unclosed", SyntaxSmarty, "Hi {$Name", nil, 1, ""},
		{"erb values and code", SyntaxERB, "Hi <%= @user.name %>, <% if late? %>late<% end %> <%# c %><%- raw %> <%% lit",
			[]string{"user.name", "!late", "!", "!", "raw"}, 0, "Hi , late <%% lit"},
		{"ejs blocks", SyntaxERB, "<% items.forEach(function(i){ %><%= i.title %><% }) %>", []string{"!", "i.title", "!"}, 0, ""},
		{"erb unclosed", SyntaxERB, "Hi <%= name", nil, 1, ""},
	}
	for _, c := range cases {
		got, issues := phSummary(c.text, c.syn)
		if !reflect.DeepEqual(got, c.want) || len(issues) != c.issues {
			t.Errorf("%s: got %q (issues %v), want %q (%d issues)", c.name, got, issues, c.want, c.issues)
		}
		if c.prose != "" {
			phs, _ := ScanSyntax(c.text, c.syn)
			p := &Part{Text: VerbatimText(c.text, 0), Placeholders: phs}
			if got := strings.Join(strings.Fields(p.Masked()), " "); got != c.prose {
				t.Errorf("%s: prose %q, want %q", c.name, got, c.prose)
			}
		}
	}
}

func TestEngineFiles(t *testing.T) {
	cases := []struct {
		path, content string
		format        Format
		syntax        Syntax // must be included
		id            string
		placeholders  []string
	}{
		{"mail/de/order.html.twig", "<p>Hallo {{ name }}</p>", HTML, SyntaxJinja, "mail/de/order", []string{"name"}},
		{"mail/de/order.txt.twig", "Hallo {{ name }}", Plain, SyntaxJinja, "mail/de/order", []string{"name"}},
		{"lang/en_us/Created.tpl", "<p>Hi {$Name}</p>{if $X}<br/>{/if}", HTML, SyntaxSmarty, "lang/en_us/Created", []string{"Name"}},
		{"mail/plain.tpl", "Hi {$Name}", Plain, SyntaxSmarty, "mail/plain", []string{"Name"}},
		{"mail/welcome.text.erb", "Hi <%= @user.name %>", Plain, SyntaxERB, "mail/welcome.text", []string{"user.name"}},
		{"mail/welcome.html.erb", "<p>Hi <%= @user.name %></p>", HTML, SyntaxERB, "mail/welcome", []string{"user.name"}},
		{"mail/welcome.ejs", "<p>Hi <%= user %></p>", HTML, SyntaxERB, "mail/welcome", []string{"user"}},
		{"mail/a.liquid", "Hi {{ customer.name }}{% if x %}!{% endif %}", Plain, SyntaxJinja, "mail/a", []string{"customer.name"}},
		{"mail/b.hbs", "<p>Hi {{name}}</p>", HTML, SyntaxMustache, "mail/b", []string{"name"}},
		{"mail/c.mustache", "Hi {{name}}", Plain, SyntaxMustache, "mail/c", []string{"name"}},
		{"mail/d.jinja", "Hi {{ name }}", Plain, SyntaxJinja, "mail/d", []string{"name"}},
		{"mail/e.j2", "Hi {{ name }}", Plain, SyntaxJinja, "mail/e", []string{"name"}},
	}
	for _, c := range cases {
		tp := load1(t, c.path, c.content)
		b := tp.Body()
		var names []string
		for _, ph := range b.Placeholders {
			if !ph.Control {
				names = append(names, ph.Name)
			}
		}
		if b.Format != c.format || tp.Syntax&c.syntax == 0 || tp.ID != c.id || !reflect.DeepEqual(names, c.placeholders) {
			t.Errorf("%s: format %v syntax %v id %q placeholders %q", c.path, b.Format, tp.Syntax, tp.ID, names)
		}
	}
	if tp := load1(t, "charts/helm.tpl", "{{ .Values.x }}"); tp.Syntax&SyntaxSmarty != 0 {
		t.Errorf("a .tpl without Smarty tags is not read as Smarty: %v", tp.Syntax)
	}
}
