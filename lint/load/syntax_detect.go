package load

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

var (
	// smartySniffRe finds Smarty tags in a .tpl file.
	smartySniffRe = regexp.MustCompile(`\{\$[A-Za-z_]|\{/(?:if|foreach|section|capture|block)\}|\{(?:if|foreach) |\{\*`)
	// smartyTagSniffRe finds Smarty tags in a file of another type
	// (Thelia's order_confirmation.txt): {$var}, a closing {/tag} or a
	// function call with attributes ({intl l="Hello"}), none of them
	// inside Handlebars' {{ }}.
	smartyTagSniffRe = regexp.MustCompile(`(?:^|[^{])\{(?:\$[A-Za-z_]|/[a-z_]+\}|[a-z_]+\s+[a-z_]+=["'$])`)
	// ttSniffRe finds Template Toolkit tags: [% x %].
	ttSniffRe = regexp.MustCompile(`\[%[-+~]?\s[^\n]*?%\]`)
	// makoSniffRe finds Mako's own tags and control lines; dollarSniffRe
	// its ${x} values (also FreeMarker's and JavaScript's).
	makoSniffRe   = regexp.MustCompile(`<%!|<%(?:namespace|inherit|def|block)\b|(?m)^[ \t]*%[ \t]*(?:if|for|endif|endfor|else|elif)\b`)
	dollarSniffRe = regexp.MustCompile(`\$\{[ \t]*[A-Za-z_][^}\n]*\}`)
	// phpSniffRe finds PHP tags in a template: <?= $x ?>, <?php.
	phpSniffRe = regexp.MustCompile(`<\?(?:=|php\b)`)
	// appleFormatRe finds Apple format specifiers (%@, %1$@, %lld).
	appleFormatRe = regexp.MustCompile(`%(?:\d+\$)?@|%(?:\d+\$)?ll[du]\b`)
	printfRe      = regexp.MustCompile(`%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:l|ll|h)?[sdif]\b|%\([A-Za-z_][A-Za-z0-9_]*\)[-+#0]*\d*(?:\.\d+)?[sdifr]`)
)

// DetectSyntax returns the syntaxes to read the file at path with: the
// configured ones (cfg's [lint] syntax, or the bundle's), plus, when
// detection is on, DefaultSyntax and any syntax whose marks the text
// shows (Laravel :name, always in PHP bundles; printf %s in bundles;
// Smarty in .tpl files that use it, and in .txt and .html files with
// two or more of its tags; ERB/EJS in .erb and .ejs files).
// text is the file's message text: the file content, or a bundle's
// values.
func DetectSyntax(path string, text []byte, cfg *Config) message.Syntax {
	names := cfg.Lint.Syntax
	if b := cfg.BundleFor(path); b != nil && len(b.Syntax) > 0 {
		names = b.Syntax
	}
	set, auto, err := message.ParseSyntax(names)
	if err != nil { // validated when the config was loaded
		auto = true
	}
	if !auto {
		return set
	}
	set |= message.DefaultSyntax
	if hasLaravel(text) {
		set |= message.SyntaxLaravel
	}
	ext := strings.ToLower(filepath.Ext(path))
	if bundleFormats[ext] == "" {
		set |= templateLanguages(text)
	}
	switch ext {
	case ".tpl":
		// Smarty, unless its only braces are Handlebars' {{ }}.
		if smartySniffRe.Match(text) && smartyTagSniffRe.Match(text) {
			set |= message.SyntaxSmarty
		}
	case ".txt", ".text", ".html", ".htm":
		if len(smartyTagSniffRe.FindAllIndex(text, 2)) == 2 {
			set |= message.SyntaxSmarty
		}
	case ".erb", ".ejs":
		set |= message.SyntaxERB
	case ".php":
		set |= message.SyntaxLaravel
		if printfRe.Match(text) {
			set |= message.SyntaxPrintf
		}
	case ".xml", ".strings", ".xcstrings", ".xlf", ".xliff":
		if printfRe.Match(text) || appleFormatRe.Match(text) {
			set |= message.SyntaxPrintf
		}
	case ".po", ".pot":
		if bytes.Contains(text, []byte("c-format")) || bytes.Contains(text, []byte("python-format")) ||
			bytes.Contains(text, []byte("php-format")) || printfRe.Match(text) {
			set |= message.SyntaxPrintf
		}
	case ".properties", ".json", ".yml", ".yaml":
		if printfRe.Match(text) {
			set |= message.SyntaxPrintf
		}
	}
	return set
}

// templateLanguages returns the template languages a template file shows
// by its content, whatever its extension: Template Toolkit ([% x %],
// twice), Mako (its tags or "% if" lines, or ${x} twice) and PHP tags.
func templateLanguages(text []byte) message.Syntax {
	var set message.Syntax
	// The byte searches spare most files the regular expressions.
	if bytes.Contains(text, []byte("[%")) && len(ttSniffRe.FindAllIndex(text, 2)) == 2 {
		set |= message.SyntaxTT
	}
	if bytes.Contains(text, []byte("${")) && (makoSniffRe.Match(text) && dollarSniffRe.Match(text) || len(dollarSniffRe.FindAllIndex(text, 2)) == 2) {
		set |= message.SyntaxMako
	}
	if bytes.Contains(text, []byte("<?")) && phpSniffRe.Match(text) {
		set |= message.SyntaxPHP
	}
	return set
}

// hasLaravel reports whether content holds a Laravel-style :name that is
// not part of a clock time, a URL, a label or an :emoji: shortcode.
func hasLaravel(content []byte) bool {
	s := string(content)
	for i := strings.IndexByte(s, ':'); i >= 0; {
		if message.LaravelAt(s, i) > 0 {
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
