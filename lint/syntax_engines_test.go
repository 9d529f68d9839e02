package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestScanEngineSyntaxes(t *testing.T) {
	cases := []struct {
		name   string
		syn    message.Syntax
		text   string
		want   []string
		issues int
		prose  string
	}{
		{"smarty values and blocks", message.SyntaxSmarty | message.DefaultSyntax,
			"Hi {$Name|escape}, {if $Approved}approved{else}pending{/if}. {foreach from=$Items item=i}{$i->Name} {/foreach}{* note *}",
			[]string{"Name", "!Approved", "!", "!", "!Items", "i", "!", "!"}, 0, "Hi , approved pending ."},
		{"smarty functions", message.SyntaxSmarty, "Start: {formatdate date=$StartDate key=email} {translate key='Hello'} {control type=\"X\"}",
			[]string{"StartDate", "translate", "control"}, 0, "Start:"},
		{"smarty literal and css braces", message.SyntaxSmarty | message.DefaultSyntax, "p { color: red } {literal}{x}{/literal} {$a}",
			[]string{"!", "!", "a"}, 0, "p { color: red } {x}"},
		{"smarty unclosed", message.SyntaxSmarty, "Hi {$Name", nil, 1, ""},
		{"erb values and code", message.SyntaxERB, "Hi <%= @user.name %>, <% if late? %>late<% end %> <%# c %><%- raw %> <%% lit",
			[]string{"user.name", "!late", "!", "!", "raw"}, 0, "Hi , late <%% lit"},
		{"ejs blocks", message.SyntaxERB, "<% items.forEach(function(i){ %><%= i.title %><% }) %>", []string{"!", "i.title", "!"}, 0, ""},
		{"erb unclosed", message.SyntaxERB, "Hi <%= name", nil, 1, ""},
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

func TestEngineFiles(t *testing.T) {
	cases := []struct {
		path, content string
		format        message.Format
		syntax        message.Syntax // must be included
		id            string
		placeholders  []string
	}{
		{"mail/de/order.html.twig", "<p>Hallo {{ name }}</p>", message.HTML, message.SyntaxJinja, "mail/de/order", []string{"name"}},
		{"mail/de/order.txt.twig", "Hallo {{ name }}", message.Plain, message.SyntaxJinja, "mail/de/order", []string{"name"}},
		{"lang/en_us/Created.tpl", "<p>Hi {$Name}</p>{if $X}<br/>{/if}", message.HTML, message.SyntaxSmarty, "lang/en_us/Created", []string{"Name"}},
		{"mail/plain.tpl", "Hi {$Name}", message.Plain, message.SyntaxSmarty, "mail/plain", []string{"Name"}},
		{"mail/welcome.text.erb", "Hi <%= @user.name %>", message.Plain, message.SyntaxERB, "mail/welcome", []string{"user.name"}},
		{"mail/welcome.html.erb", "<p>Hi <%= @user.name %></p>", message.HTML, message.SyntaxERB, "mail/welcome", []string{"user.name"}},
		{"mail/welcome.ejs", "<p>Hi <%= user %></p>", message.HTML, message.SyntaxERB, "mail/welcome", []string{"user"}},
		{"mail/a.liquid", "Hi {{ customer.name }}{% if x %}!{% endif %}", message.Plain, message.SyntaxJinja, "mail/a", []string{"customer.name"}},
		{"mail/b.hbs", "<p>Hi {{name}}</p>", message.HTML, message.SyntaxMustache, "mail/b", []string{"name"}},
		{"mail/c.mustache", "Hi {{name}}", message.Plain, message.SyntaxMustache, "mail/c", []string{"name"}},
		{"mail/d.jinja", "Hi {{ name }}", message.Plain, message.SyntaxJinja, "mail/d", []string{"name"}},
		{"mail/e.j2", "Hi {{ name }}", message.Plain, message.SyntaxJinja, "mail/e", []string{"name"}},
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
	if tp := load1(t, "charts/helm.tpl", "{{ .Values.x }}"); tp.Syntax&message.SyntaxSmarty != 0 {
		t.Errorf("a .tpl without Smarty tags is not read as Smarty: %v", tp.Syntax)
	}
}
