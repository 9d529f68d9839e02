package message

import (
	"fmt"
	"sort"
	"strings"
)

// Syntax is a set of placeholder syntaxes, one bit each. A file is read
// with the union of the syntaxes set for it or detected in it.
type Syntax uint16

// Placeholder syntaxes.
const (
	// SyntaxMustache is Mustache and Handlebars (and i18next's {{x}}):
	// {{ x }}, {{{ raw }}}, sections {{#x}}…{{/x}}, {{^x}}, comments
	// {{! c }} and partials {{> p }}.
	SyntaxMustache Syntax = 1 << iota
	// SyntaxJinja is Twig, Jinja, Liquid and Nunjucks: {% tag %},
	// {# comment #}, filters and literals inside {{ }}.
	SyntaxJinja
	// SyntaxGo is Go's text/template: {{ .X }}, {{ if }}…{{ end }},
	// {{- trim -}}, {{/* comment */}}.
	SyntaxGo
	// SyntaxICU is ICU MessageFormat (also Java MessageFormat {0} and
	// PrestaShop {x}): {x}, {n, plural, one {…} other {…}}, select, and
	// rich-text tags <0>…</0>.
	SyntaxICU
	// SyntaxRuby is Ruby i18n (Rails): %{x}.
	SyntaxRuby
	// SyntaxLaravel is Laravel's :name (never a clock time like 10:30).
	SyntaxLaravel
	// SyntaxPrintf is printf-style: %s, %d, %1$s, %(name)s (gettext
	// c-format and python-format).
	SyntaxPrintf
	// SyntaxSmarty is Smarty (.tpl): {$x}, {$x|nl2br}, {if}…{/if},
	// {foreach}…{/foreach}, {* comment *}, function tags {f a=$x}.
	SyntaxSmarty
	// SyntaxERB is ERB and EJS: <%= x %>, <%- x %>, <% code %>, <%# c %>.
	SyntaxERB
	// SyntaxTT is Perl's Template Toolkit: [% x %], [% IF a %]…[% END %].
	SyntaxTT
	// SyntaxMako is Mako (and ${x} of FreeMarker and JavaScript template
	// literals): ${ x }, <%! code %>, <%namespace … />, "% if x:" lines.
	SyntaxMako
	// SyntaxPHP is PHP's tags in a template: <?= $x ?>, <?php … ?>.
	SyntaxPHP
)

// DefaultSyntax is what notelint reads when nothing is configured or
// detected: the double-brace families, ICU arguments and Ruby %{x}.
const DefaultSyntax = SyntaxMustache | SyntaxJinja | SyntaxGo | SyntaxICU | SyntaxRuby

// doubleBrace are the syntaxes written with {{ }}.
const doubleBrace = SyntaxMustache | SyntaxJinja | SyntaxGo

var syntaxNames = []struct {
	s     Syntax
	names []string
}{
	{SyntaxMustache, []string{"mustache", "handlebars", "i18next"}},
	{SyntaxJinja, []string{"jinja", "twig", "liquid", "nunjucks", "django"}},
	{SyntaxGo, []string{"go", "gotemplate"}},
	{SyntaxICU, []string{"icu", "messageformat", "java", "prestashop", "formatjs"}},
	{SyntaxRuby, []string{"ruby", "rails"}},
	{SyntaxLaravel, []string{"laravel"}},
	{SyntaxPrintf, []string{"printf", "c-format", "python-format", "gettext"}},
	{SyntaxSmarty, []string{"smarty"}},
	{SyntaxERB, []string{"erb", "ejs"}},
	{SyntaxTT, []string{"tt", "template-toolkit"}},
	{SyntaxMako, []string{"mako", "freemarker", "dollar-brace"}},
	{SyntaxPHP, []string{"php"}},
}

// SyntaxNames returns the names accepted in the config's syntax lists.
func SyntaxNames() []string {
	out := []string{"auto"}
	for _, n := range syntaxNames {
		out = append(out, n.names...)
	}
	sort.Strings(out)
	return out
}

// ParseSyntax reads a config syntax list such as ["twig", "laravel"].
// auto is true when the list is empty or names "auto": syntaxes found in
// each file are then added to the listed ones.
func ParseSyntax(names []string) (s Syntax, auto bool, err error) {
	if len(names) == 0 {
		return 0, true, nil
	}
	for _, n := range names {
		n = strings.ToLower(strings.TrimSpace(n))
		if n == "auto" {
			auto = true
			continue
		}
		found := false
		for _, sn := range syntaxNames {
			for _, name := range sn.names {
				if name == n {
					s |= sn.s
					found = true
				}
			}
		}
		if !found {
			return 0, false, fmt.Errorf("unknown placeholder syntax %q (want one of %s)", n, strings.Join(SyntaxNames(), ", "))
		}
	}
	return s, auto, nil
}

// String names the syntaxes in the set: "jinja+laravel".
func (s Syntax) String() string {
	var out []string
	for _, sn := range syntaxNames {
		if s&sn.s != 0 {
			out = append(out, sn.names[0])
		}
	}
	if len(out) == 0 {
		return "none"
	}
	return strings.Join(out, "+")
}
