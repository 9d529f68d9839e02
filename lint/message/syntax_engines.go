package message

import (
	"fmt"
	"regexp"
	"strings"
)

// smartyControl are Smarty tags that are markup (blocks, assignments,
// includes), not output.
var smartyControl = map[string]bool{
	"if": true, "elseif": true, "else": true, "foreach": true, "foreachelse": true, "section": true,
	"sectionelse": true, "for": true, "forelse": true, "while": true, "capture": true, "strip": true,
	"assign": true, "append": true, "include": true, "extends": true, "block": true, "function": true,
	"call": true, "config_load": true, "nocache": true, "ldelim": true, "rdelim": true, "break": true,
	"continue": true, "setfilter": true, "literal": true,
}

// smartyBlocks are the Smarty tags closed with {/tag}.
var smartyBlocks = map[string]bool{
	"if": true, "foreach": true, "section": true, "for": true, "while": true, "capture": true, "strip": true,
	"block": true, "function": true, "nocache": true, "setfilter": true, "literal": true,
}

// smartyTag returns the end of the Smarty tag that starts at t[i] == '{'
// ({$x}, {$x|nl2br}, {if $a}…{/if}, {formatdate date=$d}, {* c *}), or
// -1 when the brace starts no tag (a brace followed by white space is
// text in Smarty 3, as in CSS).
func smartyTag(t string, i int) int {
	if i+1 >= len(t) {
		return -1
	}
	switch c := t[i+1]; {
	case c == '*':
		if e := strings.Index(t[i+2:], "*}"); e >= 0 {
			return i + 2 + e + 2
		}
		return -1
	case c == '$' || c == '/' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
	default:
		return -1
	}
	depth := 0
	var quote byte
	for j := i + 1; j < len(t) && j-i < maxArgLen; j++ {
		c := t[j]
		switch {
		case quote != 0:
			if c == '\\' {
				j++
			} else if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '{':
			depth++
		case c == '}':
			if depth == 0 {
				return j + 1
			}
			depth--
		case c == '\n' && t[i+1] != '$' && t[i+1] != '/' && depth == 0 && quote == 0 && !smartyControl[smartyWord(t[i+1:j])]:
			return -1 // "{Note\n…": text, not a function call
		}
	}
	return -1
}

// smartyWord is the tag name at the start of s.
func smartyWord(s string) string {
	end := 0
	for end < len(s) && IsIdentByte(s[end]) {
		end++
	}
	return s[:end]
}

var smartyVarRe = regexp.MustCompile(`\$([A-Za-z_][A-Za-z0-9_]*)`)

// smarty reads a Smarty tag at i into a placeholder: {$x…} is a value
// named x; a block, closing tag or comment is control; a function call
// ({formatdate date=$d}) is a value named after its first variable, or
// after the function. {literal}…{/literal} content is text. It returns
// the offset after the tag, or i+1 when there is none.
func (s *phScanner) smarty(t string, i int) int {
	end := smartyTag(t, i)
	if end < 0 {
		if i+1 < len(t) && (t[i+1] == '$' || t[i+1] == '/') {
			s.issue(i, i+1, "Smarty tag \"{"+t[i+1:i+2]+"\" is never closed with \"}\"", false)
		}
		return i + 1
	}
	inner := t[i+1 : end-1]
	var ref string
	if m := smartyVarRe.FindStringSubmatch(inner); m != nil {
		ref = m[1]
	}
	switch {
	case strings.HasPrefix(inner, "*"), strings.HasPrefix(inner, "/"):
		s.add(Placeholder{Start: i, End: end, Control: true})
	case inner[0] == '$':
		s.add(Placeholder{Name: ref, Start: i, End: end})
	default:
		word := smartyWord(inner)
		if !smartyControl[word] {
			name := ref
			if name == "" {
				name = word
			}
			s.add(Placeholder{Name: name, Start: i, End: end})
			break
		}
		s.add(Placeholder{Start: i, End: end, Control: true, Ref: ref})
		if word == "literal" {
			if e := strings.Index(t[end:], "{/literal}"); e >= 0 {
				s.add(Placeholder{Start: end + e, End: end + e + len("{/literal}"), Control: true})
				return end + e + len("{/literal}")
			}
		}
	}
	return end
}

// erb reads an ERB or EJS tag at i (t[i:] starts with "<%"): <%= x %> and
// EJS <%- x %> are values; <% code %>, <%# comment %> and Ruby blocks are
// control. <%% is a literal "<%".
func (s *phScanner) erb(t string, i int) int {
	if strings.HasPrefix(t[i:], "<%%") {
		return i + 3
	}
	e := s.find(t, i+2, "%>")
	if e < 0 {
		s.issue(i, i+2, "\"<%\" is never closed with \"%>\"", false)
		return i + 2
	}
	end := i + 2 + e + 2
	inner := t[i+2 : i+2+e]
	kind := byte(' ')
	if inner != "" && strings.IndexByte("=-#_", inner[0]) >= 0 {
		kind, inner = inner[0], inner[1:]
	}
	code := strings.TrimSpace(strings.Trim(strings.TrimSpace(inner), "-_"))
	value := kind == '=' || kind == '-' && !erbControlCode(code)
	if !value {
		ref := ""
		if w, rest, _ := strings.Cut(code, " "); kind != '#' && (w == "if" || w == "unless" || w == "elsif" || w == "while") {
			ref = firstIdent(strings.TrimLeft(rest, "@"))
		} else if kind != '#' && strings.Contains(code, ".each") {
			ref = firstIdent(strings.TrimLeft(code[:strings.Index(code, ".each")], "@"))
		}
		s.add(Placeholder{Start: i, End: end, Control: true, Ref: ref})
		return end
	}
	s.add(Placeholder{Name: firstIdent(strings.TrimLeft(code, "@")), Start: i, End: end, Translated: IsTranslationCall(code)})
	return end
}

// erbControlWords start ERB/EJS code that is control flow.
var erbControlWords = map[string]bool{"if": true, "else": true, "elsif": true, "end": true, "unless": true,
	"for": true, "while": true, "case": true, "when": true, "begin": true, "rescue": true, "ensure": true,
	"include": true}

func erbControlCode(code string) bool {
	w, _, _ := strings.Cut(code, " ")
	return erbControlWords[w] || strings.HasPrefix(code, "}") || strings.HasSuffix(code, "{") ||
		strings.Contains(code, " do") || strings.HasSuffix(code, "do")
}

// smartyBlockRe finds Smarty block tags and their closers.
var smartyBlockRe = regexp.MustCompile(`\{(/?)([a-z_]+)[\s}]`)

// checkSmartyBlocks reports a Smarty block ({if}, {foreach}) that is
// never closed, or a closing tag that closes nothing.
func checkSmartyBlocks(text string) (int, string, bool) {
	type open struct {
		tag string
		at  int
	}
	var stack []open
	for _, m := range smartyBlockRe.FindAllStringSubmatchIndex(text, -1) {
		tag := text[m[4]:m[5]]
		if !smartyBlocks[tag] {
			continue
		}
		if m[3] == m[2] {
			stack = append(stack, open{tag, m[0]})
			continue
		}
		if len(stack) == 0 || stack[len(stack)-1].tag != tag {
			return m[0], fmt.Sprintf("{/%s} closes no open {%s}", tag, tag), true
		}
		stack = stack[:len(stack)-1]
	}
	if len(stack) > 0 {
		o := stack[len(stack)-1]
		return o.at, fmt.Sprintf("{%s} is never closed with {/%s}", o.tag, o.tag), true
	}
	return 0, "", false
}

// rubyInterp reads a Ruby interpolation at i (t[i:] starts with "#{"):
// #{ticket.title} is a value, #{t('…')} a translation call. A "#{" not
// closed on its line is text.
func (s *phScanner) rubyInterp(t string, i int) int {
	e := s.find(t, i+2, "}")
	if e < 0 || e > maxArgLen || strings.ContainsRune(t[i+2:i+2+e], '\n') {
		return i + 1
	}
	code := t[i+2 : i+2+e]
	s.add(Placeholder{Name: firstIdent(strings.TrimSpace(code)), Start: i, End: i + 2 + e + 1, Translated: IsTranslationCall(code)})
	return i + 2 + e + 1
}
