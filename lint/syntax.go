package lint

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
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

var (
	// smartySniffRe finds Smarty tags in a .tpl file.
	smartySniffRe = regexp.MustCompile(`\{\$[A-Za-z_]|\{/(?:if|foreach|section|capture|block)\}|\{(?:if|foreach) |\{\*`)
	// appleFormatRe finds Apple format specifiers (%@, %1$@, %lld).
	appleFormatRe = regexp.MustCompile(`%(?:\d+\$)?@|%(?:\d+\$)?ll[du]\b`)
	printfRe      = regexp.MustCompile(`%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:l|ll|h)?[sdif]\b|%\([A-Za-z_][A-Za-z0-9_]*\)[-+#0]*\d*(?:\.\d+)?[sdifr]`)
)

// DetectSyntax returns the syntaxes to read the file at path with: the
// configured ones (cfg's [lint] syntax, or the bundle's), plus, when
// detection is on, DefaultSyntax and any syntax whose marks the text
// shows (Laravel :name, always in PHP bundles; printf %s in bundles;
// Smarty in .tpl files that use it; ERB/EJS in .erb and .ejs files).
// text is the file's message text: the file content, or a bundle's
// values.
func DetectSyntax(path string, text []byte, cfg *Config) Syntax {
	names := cfg.Lint.Syntax
	if b := cfg.bundleFor(path); b != nil && len(b.Syntax) > 0 {
		names = b.Syntax
	}
	set, auto, err := ParseSyntax(names)
	if err != nil { // validated when the config was loaded
		auto = true
	}
	if !auto {
		return set
	}
	set |= DefaultSyntax
	if hasLaravel(text) {
		set |= SyntaxLaravel
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tpl":
		if smartySniffRe.Match(text) {
			set |= SyntaxSmarty
		}
	case ".erb", ".ejs":
		set |= SyntaxERB
	case ".php":
		set |= SyntaxLaravel
		if printfRe.Match(text) {
			set |= SyntaxPrintf
		}
	case ".xml", ".strings", ".xcstrings", ".xlf", ".xliff":
		if printfRe.Match(text) || appleFormatRe.Match(text) {
			set |= SyntaxPrintf
		}
	case ".po", ".pot":
		if bytes.Contains(text, []byte("c-format")) || bytes.Contains(text, []byte("python-format")) ||
			bytes.Contains(text, []byte("php-format")) || printfRe.Match(text) {
			set |= SyntaxPrintf
		}
	case ".properties", ".json", ".yml", ".yaml":
		if printfRe.Match(text) {
			set |= SyntaxPrintf
		}
	}
	return set
}

// hasLaravel reports whether content holds a Laravel-style :name that is
// not part of a clock time, a URL, a label or an :emoji: shortcode.
func hasLaravel(content []byte) bool {
	s := string(content)
	for i := strings.IndexByte(s, ':'); i >= 0; {
		if laravelAt(s, i) > 0 {
			return true
		}
		next := strings.IndexByte(s[i+1:], ':')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}
