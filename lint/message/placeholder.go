package message

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// goControlWords start Go-template and Liquid/Jinja control actions.
var goControlWords = map[string]bool{
	"if": true, "else": true, "end": true, "range": true, "with": true,
	"define": true, "template": true, "block": true, "break": true, "continue": true,
	"endif": true, "endfor": true, "for": true, "elif": true, "unless": true,
}

// PlaceholderIssue is a syntax problem found while scanning placeholders.
type PlaceholderIssue struct {
	Start, End int // text byte range
	Message    string
	// Unparsed is true when the text does not parse in its syntax (an ICU
	// argument with unbalanced braces, an unclosed section): reported once
	// per file as information, while the rest is still read.
	Unparsed bool
}

// ScanPlaceholders finds placeholders in text in the default syntaxes
// ({{ name }}, {{.Name}}, {{ name | filter }}, {% tag %}, %{name}, {name}
// and ICU arguments) and reports unbalanced delimiters.
func ScanPlaceholders(text string) ([]Placeholder, []PlaceholderIssue) {
	return ScanSyntax(text, DefaultSyntax)
}

// ScanSyntax finds placeholders and control tags in text in the syntaxes
// of syn (DefaultSyntax when 0). Placeholders come in text order and never
// overlap; control syntax (tags, comments, ICU plural skeletons, rich-text
// tags) is marked Control so text rules can blank it.
func ScanSyntax(text string, syn Syntax) ([]Placeholder, []PlaceholderIssue) {
	if syn == 0 {
		syn = DefaultSyntax
	}
	s := &phScanner{text: text, syn: syn}
	s.scan(0, len(text), "")
	return s.phs, s.issues
}

// maxICUDepth bounds the nesting of ICU plural and select arguments.
const maxICUDepth = 16

type phScanner struct {
	text    string
	syn     Syntax
	phs     []Placeholder
	issues  []PlaceholderIssue
	depth   int
	printfN int // unnamed printf directives seen
	// noClose remembers closers ("%}") not found before a text end, so
	// a text full of openers is scanned in linear time.
	noClose map[string]int
}

// find returns the index of closer in t[from:], or -1.
func (s *phScanner) find(t string, from int, closer string) int {
	if end, ok := s.noClose[closer]; ok && end == len(t) {
		return -1
	}
	i := strings.Index(t[from:], closer)
	if i < 0 {
		if s.noClose == nil {
			s.noClose = map[string]int{}
		}
		s.noClose[closer] = len(t)
	}
	return i
}

func (s *phScanner) add(ph Placeholder) { s.phs = append(s.phs, ph) }

func (s *phScanner) issue(start, end int, msg string, unparsed bool) {
	s.issues = append(s.issues, PlaceholderIssue{Start: start, End: end, Message: msg, Unparsed: unparsed})
}

// scan reads text[from:to]. plural names the enclosing ICU plural
// argument, whose # stands for the number ("" outside plural branches).
func (s *phScanner) scan(from, to int, plural string) {
	t := s.text[:to]
	i := from
	for i < to {
		c := t[i]
		if s.syn&SyntaxMako != 0 && (c == ' ' || c == '\t' || c == '%' || c == '#') && atLineStart(t, i) {
			if j := s.makoLine(t, i); j != i {
				i = j
				continue
			}
		}
		switch {
		case c == '[' && s.syn&SyntaxTT != 0 && strings.HasPrefix(t[i:], "[%"):
			i = s.tt(t, i)
		case c == '$' && s.syn&SyntaxMako != 0 && strings.HasPrefix(t[i:], "${"):
			i = s.dollarBrace(t, i)
		case c == '<' && s.syn&SyntaxMako != 0 && makoTagEnd(t[i:]) > 0:
			e := makoTagEnd(t[i:])
			s.add(Placeholder{Start: i, End: i + e, Control: true})
			i += e
		case c == '<' && s.syn&SyntaxMako != 0 && strings.HasPrefix(t[i:], "<%"):
			i = s.erb(t, i)
		case c == '<' && s.syn&SyntaxPHP != 0 && strings.HasPrefix(t[i:], "<?"):
			i = s.php(t, i)
		case c == '{' && s.syn&SyntaxSmarty != 0 && i+1 < to && t[i+1] != '{' && t[i+1] != ' ':
			i = s.smarty(t, i)
		case c == '<' && s.syn&SyntaxERB != 0 && strings.HasPrefix(t[i:], "<%"):
			i = s.erb(t, i)
		case c == '{' && s.syn&doubleBrace != 0 && strings.HasPrefix(t[i:], "{{"):
			i = s.double(t, i)
		case c == '{' && s.syn&SyntaxJinja != 0 && strings.HasPrefix(t[i:], "{%"):
			i = s.jinjaTag(t, i)
		case c == '{' && s.syn&SyntaxJinja != 0 && strings.HasPrefix(t[i:], "{#"):
			if e := s.find(t, i+2, "#}"); e >= 0 {
				s.add(Placeholder{Start: i, End: i + 2 + e + 2, Control: true})
				i += 2 + e + 2
			} else {
				i += 2
			}
		case c == '}' && s.syn&doubleBrace != 0 && strings.HasPrefix(t[i:], "}}"):
			s.issue(i, i+2, "\"}}\" has no opening \"{{\"", false)
			i += 2
		case c == '#' && s.syn&SyntaxRuby != 0 && strings.HasPrefix(t[i:], "#{"):
			i = s.rubyInterp(t, i)
		case c == '%' && s.syn&SyntaxRuby != 0 && strings.HasPrefix(t[i:], "%{"):
			end := s.find(t, i+2, "}")
			if end < 0 {
				s.issue(i, i+2, "\"%{\" is never closed with \"}\"", false)
				i += 2
				continue
			}
			if name := strings.TrimSpace(t[i+2 : i+2+end]); IsIdent(name) {
				s.add(Placeholder{Name: name, Start: i, End: i + 2 + end + 1})
			}
			i += 2 + end + 1
		case c == '{' && s.syn&SyntaxICU != 0:
			i = s.icu(t, i, plural)
		case c == '#' && plural != "":
			s.add(Placeholder{Name: plural, Start: i, End: i + 1})
			i++
		case c == '<' && s.syn&SyntaxICU != 0:
			if n := richTag(t[i:]); n > 0 {
				s.add(Placeholder{Start: i, End: i + n, Control: true})
				i += n
			} else {
				i++
			}
		case c == ':' && s.syn&SyntaxLaravel != 0:
			if n := LaravelAt(t, i); n > 0 {
				s.add(Placeholder{Name: t[i+1 : i+n], Start: i, End: i + n})
				i += n
			} else {
				i++
			}
		case c == '%' && s.syn&SyntaxPrintf != 0:
			i = s.printf(t, i)
		default:
			i++
		}
	}
}

// double reads {{ … }} at i: comments, triple mustaches and expressions
// whose quoted strings and hash literals may hold braces.
func (s *phScanner) double(t string, i int) int {
	rest := t[i:]
	for _, c := range []struct{ open, close string }{{"{{!--", "--}}"}, {"{{!", "}}"}, {"{{/*", "*/}}"}, {"{{- /*", "*/ -}}"}} {
		if strings.HasPrefix(rest, c.open) {
			if e := s.find(t, i+len(c.open), c.close); e >= 0 {
				end := i + len(c.open) + e + len(c.close)
				s.add(Placeholder{Start: i, End: end, Control: true})
				return end
			}
		}
	}
	if strings.HasPrefix(rest, "{{{") {
		if e := s.find(t, i+3, "}}}"); e >= 0 && !strings.Contains(rest[3:3+e], "{{") {
			end := i + 3 + e + 3
			s.add(Placeholder{Name: firstIdent(t[i+3 : i+3+e]), Start: i, End: end})
			return end
		}
	}
	end := closeDouble(t, i+2)
	if end < 0 {
		s.issue(i, i+2, "\"{{\" is never closed with \"}}\"", false)
		return i + 2
	}
	inner := t[i+2 : end]
	name, control := parseMustacheInner(inner)
	ph := Placeholder{Name: name, Start: i, End: end + 2, Control: control}
	if IsTranslationCall(inner) { // prints copy, whatever the engine takes it for
		ph.Control, ph.Translated = false, true
	}
	if control {
		ph.Ref = controlRef(inner)
	}
	s.add(ph)
	return end + 2
}

// closeDouble finds the "}}" closing an expression that starts at from,
// skipping quoted strings and {…} literals. It returns -1 when another
// "{{" or the end of the text comes first, or after maxArgLen bytes.
func closeDouble(t string, from int) int {
	depth := 0
	var quote byte
	for j := from; j < len(t) && j-from < maxArgLen; j++ {
		c := t[j]
		if quote != 0 {
			switch {
			case c == '\\':
				j++
			case c == quote:
				quote = 0
			case c == '\n':
				quote = 0 // not a string after all
			}
			continue
		}
		switch c {
		case '\'', '"':
			if j == from || !isWordByte(t[j-1]) {
				quote = c
			}
		case '{':
			if depth == 0 && j+1 < len(t) && t[j+1] == '{' {
				return -1
			}
			depth++
		case '}':
			if depth > 0 {
				depth--
			} else if j+1 < len(t) && t[j+1] == '}' {
				return j
			}
		}
	}
	return -1
}

// jinjaTag reads {% … %} at i.
func (s *phScanner) jinjaTag(t string, i int) int {
	e := s.find(t, i+2, "%}")
	if e < 0 {
		s.issue(i, i+2, "\"{%\" is never closed with \"%}\"", false)
		return i + 2
	}
	stop := i + 2 + e + 2
	s.add(Placeholder{Start: i, End: stop, Control: true, Ref: controlRef(t[i+2 : i+2+e])})
	return stop
}

// parseMustacheInner reads the inside of {{ ... }}: the variable name, or
// control=true for sections, comments, partials and template actions.
func parseMustacheInner(inner string) (string, bool) {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(inner), "-~{}"))
	s = strings.TrimSpace(s)
	if s == "" {
		return "", true
	}
	switch s[0] {
	case '#', '/', '^', '!', '>', '&', '@':
		if s[0] == '&' {
			return firstIdent(s[1:]), false
		}
		return "", true
	}
	if pipe := strings.IndexByte(s, '|'); pipe >= 0 {
		s = strings.TrimSpace(s[:pipe])
	}
	word := s
	if sp := strings.IndexAny(s, " \t\n("); sp >= 0 {
		word = s[:sp]
	}
	if goControlWords[word] || word == "else" {
		return "", true
	}
	if strings.HasPrefix(s, "$") && strings.Contains(s, ":=") {
		return "", true // Go variable declaration: prints nothing
	}
	if IsIdent(word) && word != s && !strings.HasPrefix(strings.TrimSpace(s[len(word):]), "(") {
		// A Go function applied to a field ({{ index .Identity "id" }},
		// {{ upper .Name }}): the field is the placeholder.
		for _, tok := range strings.Fields(s[len(word):]) {
			if tok[0] == '.' || tok[0] == '$' {
				if n := firstIdent(tok); n != "" {
					return n, false
				}
			}
		}
	}
	name := firstIdent(s)
	if name == "" {
		return "", true // a literal, a function call or an expression
	}
	return name, false
}

// refSkip are words in control tags that are not the variable tested.
var refSkip = map[string]bool{
	"if": true, "elif": true, "elseif": true, "unless": true, "with": true, "range": true, "each": true,
	"for": true, "not": true, "and": true, "or": true, "eq": true, "ne": true, "lt": true, "le": true,
	"gt": true, "ge": true, "len": true, "index": true, "in": true, "is": true, "defined": true,
	"true": true, "false": true, "none": true, "null": true, "nil": true, "empty": true, "case": true,
	"when": true, "else": true, "end": true, "set": true,
}

// refKeywords start control tags that test or loop over a variable.
var refKeywords = map[string]bool{"if": true, "elif": true, "elseif": true, "unless": true, "with": true,
	"range": true, "for": true, "each": true, "case": true}

// controlRef returns the variable a control tag tests or loops over:
// "x" for {% if x %}, {{#if x}}, {{#x}}, {{^x}}, {{ range .X }}; "" for
// closing tags, comments and tags about no variable.
func controlRef(inner string) string {
	s := strings.TrimSpace(strings.Trim(strings.TrimSpace(inner), "-~"))
	if s == "" {
		return ""
	}
	section := false
	switch s[0] {
	case '/', '!', '>':
		return ""
	case '#', '^':
		s, section = strings.TrimSpace(s[1:]), true
	}
	if kw, _, _ := strings.Cut(s, " "); !section && !refKeywords[kw] {
		return "" // an expression, a literal, a function call, a closing tag
	}
	if strings.HasPrefix(s, "for ") {
		if _, after, ok := strings.Cut(s, " in "); ok {
			s = after
		}
	}
	if strings.HasPrefix(s, "end") || strings.HasPrefix(s, "else") && !strings.HasPrefix(s, "elseif") {
		return ""
	}
	for _, tok := range strings.Fields(s) {
		tok = strings.Trim(tok, "()")
		if refSkip[tok] || tok == "" {
			continue
		}
		if n := firstIdent(tok); n != "" && (tok[0] == '.' || tok[0] == '$' || IsIdentByte(tok[0])) {
			return n
		}
		if tok[0] == '"' || tok[0] == '\'' || tok[0] >= '0' && tok[0] <= '9' {
			continue
		}
	}
	return ""
}

// richTag returns the length of an ICU rich-text tag <0>, </0> or <0/> at
// the start of s, or 0.
func richTag(s string) int {
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	d := j
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	if j == d || j-d > 3 {
		return 0
	}
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if j < len(s) && s[j] == '/' && s[1] != '/' {
		j++
	}
	if j < len(s) && s[j] == '>' {
		return j + 1
	}
	return 0
}

// LaravelAt returns the length of a Laravel placeholder :name at i, or 0
// when the colon belongs to a clock time (10:30), a URL, a label
// ("Note:x") or an emoji shortcode (:smile:).
func LaravelAt(t string, i int) int {
	if i > 0 {
		r, _ := utf8.DecodeLastRuneInString(t[:i])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_:/\\.@&-", r) {
			return 0
		}
	}
	j := i + 1
	if j >= len(t) || !(t[j] == '_' || t[j] >= 'a' && t[j] <= 'z' || t[j] >= 'A' && t[j] <= 'Z') {
		return 0
	}
	for j < len(t) && IsIdentByte(t[j]) {
		j++
	}
	if j < len(t) {
		if t[j] == ':' {
			return 0
		}
		if r, _ := utf8.DecodeRuneInString(t[j:]); unicode.IsLetter(r) {
			return 0
		}
	}
	return j - i
}

// printf reads a printf directive at i: %s, %1$s, %(name)s, %.2f; %% is
// a literal percent sign.
func (s *phScanner) printf(t string, i int) int {
	j := i + 1
	if j < len(t) && t[j] == '%' {
		return j + 1
	}
	name := ""
	if j < len(t) && t[j] == '(' {
		k := strings.IndexByte(t[j:], ')')
		if k < 0 || !IsIdent(t[j+1:j+k]) {
			return i + 1
		}
		name = t[j+1 : j+k]
		j += k + 1
	} else {
		k := j
		for k < len(t) && t[k] >= '0' && t[k] <= '9' {
			k++
		}
		if k > j && k < len(t) && t[k] == '$' {
			name = "%" + t[j:k+1]
			j = k + 1
		}
	}
	for j < len(t) && strings.IndexByte("-+#0", t[j]) >= 0 {
		j++
	}
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j+1 < len(t) && t[j] == '.' && t[j+1] >= '0' && t[j+1] <= '9' {
		j++
		for j < len(t) && t[j] >= '0' && t[j] <= '9' {
			j++
		}
	}
	for j < len(t) && (t[j] == 'l' || t[j] == 'h') && j+1 < len(t) && strings.IndexByte("sdifuxXlh", t[j+1]) >= 0 {
		j++
	}
	if j >= len(t) || strings.IndexByte("sdifuxXoceEgGr@", t[j]) < 0 {
		return i + 1
	}
	if j+1 < len(t) && IsIdentByte(t[j+1]) && name == "" {
		return i + 1 // "%sale": a word, not a directive
	}
	verb := t[j : j+1]
	switch {
	case name == "":
		s.printfN++
		name = "%" + itoaSmall(s.printfN) + "$" + verb
	case strings.HasPrefix(name, "%"):
		name += verb
	}
	s.add(Placeholder{Name: name, Start: i, End: j + 1})
	return j + 1
}

func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaSmall(n/10) + string(rune('0'+n%10))
}
