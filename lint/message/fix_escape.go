package message

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Host is the syntax a piece of message text is written in inside its
// file: a string syntax (JSON string, YAML scalar, TOML string, …) and,
// inside it, a markup (Markdown or HTML text). The loaders record it on
// every span of a Text, so --fix can write an edit in the form the file
// needs, or leave the text alone when no form would read the same.
type Host struct {
	Str    hostString
	Markup hostMarkup
	Quote  byte // the quote around an HTML attribute value: '"', '\'' or 0 (unquoted)
}

// hostString is the string syntax around message text.
type hostString uint8

// String syntaxes. strNone (the zero value) means text --fix never edits.
const (
	StrNone             hostString = iota
	StrRaw                         // the file's own text: .txt, .md, .html
	StrJSON                        // a JSON string
	StrYAMLDouble                  // a YAML double-quoted scalar
	StrYAMLSingle                  // a YAML single-quoted scalar
	StrYAMLPlain                   // a YAML plain (unquoted) scalar
	StrYAMLBlock                   // a YAML literal (|) or folded (>) block scalar
	StrTOMLBasic                   // a TOML basic string "…"
	StrTOMLLiteral                 // a TOML literal string '…'
	StrTOMLMultiBasic              // a TOML multi-line basic string """…"""
	StrTOMLMultiLiteral            // a TOML multi-line literal string '''…'''
	StrPO                          // a gettext .po string
	StrProperties                  // a Java .properties value
)

// hostMarkup is the markup layer inside the string syntax.
type hostMarkup uint8

// Markups.
const (
	markupNone         hostMarkup = iota
	markupMarkdown                // Markdown text
	markupMarkdownCode            // a Markdown code span or block: no escapes
	markupHTMLText                // HTML text between tags
	MarkupHTMLAttr                // an HTML attribute value (alt text)
)

// The hosts of text copied from plain, Markdown and HTML files.
var (
	HostRaw        = Host{Str: StrRaw}
	HostMarkdown   = Host{Str: StrRaw, Markup: markupMarkdown}
	HostMarkdownCd = Host{Str: StrRaw, Markup: markupMarkdownCode}
	HostHTML       = Host{Str: StrRaw, Markup: markupHTMLText}
)

// escapeContext is what an escape needs to know about the file around an
// edit.
type escapeContext struct {
	before, after byte // file bytes just before and after the edit (0 at the ends)
	lineStart     bool // only blanks separate the edit from the start of its line
	valueStart    bool // the edit starts the string value (nothing of it before)
	crlf          bool // the file ends its lines with CR LF
	ICU           bool // the text is read as ICU MessageFormat, where ' quotes
}

// NewEscapeContext describes where the file range [start, end) of data
// sits, for escaping a replacement written there.
func NewEscapeContext(data []byte, start, end int, valueStart bool) escapeContext {
	c := escapeContext{valueStart: valueStart, crlf: bytes.Contains(data[:min(len(data), 4096)], []byte("\r\n"))}
	if start > 0 {
		c.before = data[start-1]
	}
	if end < len(data) {
		c.after = data[end]
	}
	c.lineStart = true
	for i := start - 1; i >= 0 && data[i] != '\n'; i-- {
		if data[i] != ' ' && data[i] != '\t' {
			c.lineStart = false
			break
		}
	}
	return c
}

// Escape returns text written for host h so that it reads as text, or an
// error saying why no such form exists.
func (h Host) Escape(text string, c escapeContext) (string, error) {
	if strings.ContainsAny(text, "{}") {
		return "", fmt.Errorf("a brace could start or end a placeholder")
	}
	if c.ICU && icuQuoteChange(text, c) {
		return "", fmt.Errorf("an apostrophe next to {, }, # or ' starts quoted text in ICU MessageFormat")
	}
	s, err := escapeMarkup(h, text, c)
	if err != nil {
		return "", err
	}
	return escapeString(h.Str, s, c)
}

// icuQuoteChange reports whether an apostrophe in text would quote or
// pair with its neighbours in ICU MessageFormat.
func icuQuoteChange(text string, c escapeContext) bool {
	for i := 0; i < len(text); i++ {
		if text[i] != '\'' {
			continue
		}
		prev, next := c.before, c.after
		if i > 0 {
			prev = text[i-1]
		}
		if i+1 < len(text) {
			next = text[i+1]
		}
		if prev == '\'' || strings.IndexByte("{}#|'", next) >= 0 {
			return true
		}
	}
	return false
}

func escapeMarkup(h Host, text string, c escapeContext) (string, error) {
	var b strings.Builder
	switch h.Markup {
	case markupNone:
		return text, nil
	case markupMarkdownCode:
		if strings.ContainsAny(text, "`\n") {
			return "", fmt.Errorf("a %s cannot be written in Markdown code", describe(text))
		}
		return text, nil
	case markupMarkdown:
		if strings.Contains(text, "\n") {
			return "", fmt.Errorf("a line break would change the Markdown paragraph")
		}
		for i := 0; i < len(text); i++ {
			ch := text[i]
			first := i == 0 && c.lineStart
			next := c.after
			if i+1 < len(text) {
				next = text[i+1]
			}
			prev := c.before
			if i > 0 {
				prev = text[i-1]
			}
			switch {
			case strings.IndexByte("\\`*_[]<>&|~{}", ch) >= 0,
				ch == '!' && next == '[',
				ch == '(' && prev == ']',
				first && strings.IndexByte("#-+=", ch) >= 0:
				b.WriteByte('\\')
			}
			b.WriteByte(ch)
		}
		return b.String(), nil
	case markupHTMLText, MarkupHTMLAttr:
		for _, r := range text {
			switch {
			case r == '&':
				b.WriteString("&amp;")
			case r == '<':
				b.WriteString("&lt;")
			case r == '>':
				b.WriteString("&gt;")
			case r == '"' && h.Markup == MarkupHTMLAttr && h.Quote != '\'':
				b.WriteString("&quot;")
			case r == '\'' && h.Markup == MarkupHTMLAttr && h.Quote != '"':
				b.WriteString("&#39;")
			case (r == ' ' || r == '=' || r == '`') && h.Markup == MarkupHTMLAttr && h.Quote == 0:
				fmt.Fprintf(&b, "&#%d;", r)
			case r == '\n' || r == '\t':
				return "", fmt.Errorf("a %s reads as a space in HTML", describe(string(r)))
			default:
				b.WriteRune(r)
			}
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("the text is not in a syntax notelint can edit")
}

// escapeString writes s in the string syntax str.
func escapeString(str hostString, s string, c escapeContext) (string, error) {
	nl := "\n"
	if c.crlf {
		nl = "\r\n"
	}
	var b strings.Builder
	for i, r := range s {
		esc, err := escapeRune(str, r, i == 0, i+utf8.RuneLen(r) == len(s), c, nl)
		if err != nil {
			return "", err
		}
		b.WriteString(esc)
	}
	return b.String(), nil
}

// escapeRune writes one rune of an edit in str; first and last tell where
// it sits in the edit.
func escapeRune(str hostString, r rune, first, last bool, c escapeContext, nl string) (string, error) {
	lit := string(r)
	control := r < 0x20 || r == 0x7F
	switch str {
	case StrRaw:
		if r == '\n' {
			return nl, nil
		}
		return lit, nil
	case StrJSON, StrTOMLBasic, StrTOMLMultiBasic, StrYAMLDouble, StrPO:
		switch r {
		case '"', '\\':
			return `\` + lit, nil
		case '\n':
			return `\n`, nil
		case '\t':
			return `\t`, nil
		case ' ':
			// A space next to a line break of a folded YAML scalar would
			// be folded away: escape it.
			if str == StrYAMLDouble && ((last && (c.after == '\n' || c.after == '\r')) || (first && c.lineStart)) {
				return `\ `, nil
			}
		}
		if control {
			if str == StrPO {
				return "", fmt.Errorf("a control character cannot be written in a .po string")
			}
			if str == StrYAMLDouble {
				return fmt.Sprintf(`\x%02X`, r), nil
			}
			return fmt.Sprintf(`\u%04X`, r), nil
		}
		return lit, nil
	case StrProperties:
		switch {
		case r == '\\':
			return `\\`, nil
		case r == '\n':
			return `\n`, nil
		case r == '\t':
			return `\t`, nil
		case (r == ' ' || r == '\f') && first && c.valueStart:
			return `\` + lit, nil
		case control:
			return fmt.Sprintf(`\u%04X`, r), nil
		}
		return lit, nil
	case StrTOMLLiteral:
		if r == '\'' || (control && r != '\t') {
			return "", fmt.Errorf("a %s cannot be written in a TOML literal string ('…')", describe(lit))
		}
		return lit, nil
	case StrTOMLMultiLiteral:
		if r == '\'' && (c.before == '\'' || c.after == '\'') {
			return "", fmt.Errorf("a ' next to another ' could end the TOML literal string ('''…''')")
		}
		if r == '\n' {
			return nl, nil
		}
		if control && r != '\t' {
			return "", fmt.Errorf("a control character cannot be written in a TOML literal string")
		}
		return lit, nil
	case StrYAMLSingle:
		if r == '\'' {
			return "''", nil
		}
		if control && r != '\t' || r == '\n' {
			return "", fmt.Errorf("a %s cannot be written in a single-quoted YAML string", describe(lit))
		}
		if r == ' ' && ((last && (c.after == '\n' || c.after == '\r')) || (first && c.lineStart)) {
			return "", fmt.Errorf("a space at a line break of a YAML string would be folded away")
		}
		return lit, nil
	case StrYAMLPlain:
		return yamlPlainRune(r, first, last, c)
	case StrYAMLBlock:
		if r == '\n' || control && r != '\t' || (r == ' ' || r == '\t') && first && c.lineStart {
			return "", fmt.Errorf("a %s cannot be written there in a YAML block scalar", describe(lit))
		}
		return lit, nil
	}
	return "", fmt.Errorf("the text is not in a syntax notelint can edit")
}

// yamlPlainRune checks one rune of an edit to a plain (unquoted) YAML
// scalar, which has no escapes: characters that would start a comment, a
// mapping, a quoted or flow value are refused.
func yamlPlainRune(r rune, first, last bool, c escapeContext) (string, error) {
	lit := string(r)
	refuse := func() (string, error) {
		return "", fmt.Errorf("a %s would change the meaning of an unquoted YAML value (quote the value, then run --fix again)", describe(lit))
	}
	switch {
	case r == '\n' || r < 0x20 && r != '\t' || r == 0x7F:
		return refuse()
	case first && c.valueStart && strings.ContainsRune("-?:,[]{}#&*!|>'\"%@`", r):
		return refuse()
	case r == '#' && first && (c.before == ' ' || c.before == '\t'):
		return refuse()
	case r == ':' && last && (c.after == ' ' || c.after == '\t' || c.after == '\n' || c.after == '\r' || c.after == 0 || strings.IndexByte(",[]{}", c.after) >= 0):
		return refuse()
	case (r == ' ' || r == '\t') && (first && c.before == ':' || last && (c.after == '#' || c.after == '\n' || c.after == '\r' || c.after == 0)):
		return refuse()
	case strings.ContainsRune(",[]{}", r):
		// Flow indicators end a value inside [ ] or { }; refused
		// everywhere rather than tracking the flow level.
		return refuse()
	}
	return lit, nil
}

// describe names the character(s) an edit would write, for notes.
func describe(s string) string {
	switch s {
	case "\n":
		return "line break"
	case "\t":
		return "tab"
	case " ":
		return "space"
	}
	if r, _ := utf8.DecodeRuneInString(s); r < 0x20 || r == 0x7F {
		return fmt.Sprintf("control character U+%04X", r)
	}
	if s == `"` {
		return `'"'`
	}
	return `"` + s + `"`
}
