package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
	yaml "go.yaml.in/yaml/v3"
)

// YAML bundles are read with go.yaml.in/yaml/v3, the YAML organisation's
// maintained fork of gopkg.in/yaml.v3 (archived): its yaml.Node gives the
// line and column of every key and value, which findings need.

// Aliases (*name) expand to the node they name, so a small file can stand
// for an exponentially large tree ("billion laughs"). The walk pays one unit
// per node it visits, plus the length of every string it reads, from a
// budget of yamlBudgetPerByte units per byte of the file (at least
// yamlBudgetMin): a file without aliases never comes close.
const (
	yamlBudgetPerByte = 64
	yamlBudgetMin     = 1 << 16
)

var yamlErrLineRe = regexp.MustCompile(`line (\d+)`)

// yamlDirectiveRe finds a %YAML 1.x directive other than 1.1.
var yamlDirectiveRe = regexp.MustCompile(`(?m)^%YAML[ \t]+1\.[02-9]\b`)

// yamlVersion11 returns doc with every %YAML 1.0 or 1.2 directive read as
// 1.1, the version the decoder takes: the documents of those versions that
// bundles use read the same (osTicket's templates say %YAML 1.0). The
// bytes keep their offsets; doc itself is not changed.
func yamlVersion11(doc []byte) []byte {
	locs := yamlDirectiveRe.FindAllIndex(doc, -1)
	if locs == nil {
		return doc
	}
	out := bytes.Clone(doc)
	for _, l := range locs {
		out[l[1]-1] = '1'
	}
	return out
}

// parseYAMLBundle reads a YAML bundle (Rails i18n and others): every
// string scalar is a message keyed by its dotted path; aliases and merge
// keys (<<) are followed. Each document of a multi-document file is read.
func parseYAMLBundle(data []byte, start int) ([]bundleEntry, error) {
	doc := yamlVersion11(data[start:])
	lines := lineStarts(doc)
	dec := yaml.NewDecoder(bytes.NewReader(doc))
	w := &yamlWalker{data: data, base: start, lines: lines, budget: max(yamlBudgetMin, yamlBudgetPerByte*len(doc))}
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			off := start
			if m := yamlErrLineRe.FindStringSubmatch(err.Error()); m != nil {
				if l, e := strconv.Atoi(m[1]); e == nil && l >= 1 && l <= len(lines) {
					off = start + lines[l-1]
				}
			}
			msg := strings.TrimPrefix(err.Error(), "yaml: ")
			if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
				msg = msg[i+2:]
			}
			return nil, &bundleError{off: off, msg: msg}
		}
		w.walk(&n, nil, 0)
		if w.budget < 0 {
			return nil, &bundleError{off: w.overAt, msg: fmt.Sprintf("aliases expand too far: more than %d nodes and characters from %d bytes of YAML (the limit is %d per byte)",
				max(yamlBudgetMin, yamlBudgetPerByte*len(doc)), len(doc), yamlBudgetPerByte)}
		}
	}
	return w.out, nil
}

type yamlWalker struct {
	data    []byte
	records int // lists of records the walk is inside (see bundleEntry.positional)
	base    int
	lines   []int
	out     []bundleEntry
	budget  int // units of work left; below 0 the walk stops
	overAt  int // file offset of the node that exhausted the budget
}

// spend takes n units from the budget and reports whether the walk goes on.
func (w *yamlWalker) spend(n int, at *yaml.Node) bool {
	if w.budget < 0 {
		return false
	}
	w.budget -= n
	if w.budget < 0 {
		w.overAt = w.offset(at.Line, at.Column)
		return false
	}
	return true
}

func (w *yamlWalker) walk(n *yaml.Node, path []string, depth int) {
	if n == nil || depth > maxBundleDepth || !w.spend(1, n) {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			w.walk(c, path, depth+1)
		}
	case yaml.AliasNode:
		w.walk(n.Alias, path, depth+1)
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Value == "<<" && k.Tag != "!!str" {
				w.walk(v, path, depth+1) // merge key: the merged keys are ours
				continue
			}
			w.walk(v, append(path, k.Value), depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			rec := c.Kind == yaml.MappingNode
			if rec {
				w.records++
			}
			w.walk(c, append(path, strconv.Itoa(i)), depth+1)
			if rec {
				w.records--
			}
		}
	case yaml.ScalarNode:
		if path == nil {
			return
		}
		tag := n.ShortTag()
		if tag != "!!str" && tag != "!!null" {
			return
		}
		if !w.spend(len(n.Value), n) {
			return
		}
		off := w.offset(n.Line, n.Column)
		var text message.Text
		end := off
		if tag == "!!str" {
			text, end = yamlScalarText(w.data, off, n)
		}
		w.out = append(w.out, bundleEntry{path: append([]string(nil), path...), text: text, start: off, end: max(end, off), positional: w.records > 0})
	}
}

// offset converts the parser's 1-based line and column (in characters)
// into a file offset.
func (w *yamlWalker) offset(line, col int) int {
	if line < 1 || line > len(w.lines) {
		return w.base
	}
	off := w.base + w.lines[line-1]
	for c := 1; c < col && off < len(w.data) && w.data[off] != '\n'; c++ {
		_, n := utf8.DecodeRune(w.data[off:])
		off += n
	}
	return off
}

// lineStarts returns the offset of each line as the YAML parser counts
// lines: after LF, CR LF, a lone CR, NEL (U+0085), and the line and
// paragraph separators (U+2028, U+2029), so positions after such a
// character still point at the right scalar.
func lineStarts(b []byte) []int {
	out := []int{0}
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\n':
			out = append(out, i+1)
		case b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n'):
			out = append(out, i+1)
		case b[i] == 0xC2 && i+1 < len(b) && b[i+1] == 0x85:
			out = append(out, i+2)
		case b[i] == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9):
			out = append(out, i+3)
		}
	}
	return out
}

// yamlScalarText rebuilds the scalar n, written at file offset off, with
// the position of every character. When the rebuilt text differs from the
// parser's value (a YAML corner notelint does not model), the value is
// mapped as a whole to the scalar's first line.
func yamlScalarText(data []byte, off int, n *yaml.Node) (message.Text, int) {
	var b message.TextBuilder
	// Skip an anchor (&name) or a tag (!!str) written before the value.
	for off < len(data) && (data[off] == '&' || data[off] == '!') {
		for off < len(data) && data[off] != ' ' && data[off] != '\t' && data[off] != '\n' {
			off++
		}
		for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
			off++
		}
	}
	end := off
	ok := false
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0 && off < len(data) && data[off] == '"':
		end, ok = yamlQuoted(&b, data, off, '"')
	case n.Style&yaml.SingleQuotedStyle != 0 && off < len(data) && data[off] == '\'':
		end, ok = yamlQuoted(&b, data, off, '\'')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && off < len(data) && (data[off] == '|' || data[off] == '>'):
		end, ok = yamlBlock(&b, data, off, data[off] == '>')
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle|yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0:
		end, ok = yamlPlain(&b, data, off, n.Value)
	}
	t := b.Text()
	if ok && (t.String() == n.Value || t.String() == strings.TrimRight(n.Value, " \n")) {
		return t, end
	}
	eol := off
	for eol < len(data) && data[eol] != '\n' {
		eol++
	}
	var fb message.TextBuilder
	fb.Mapped(n.Value, off, eol)
	return fb.Text(), eol
}

// yamlPlain maps a plain scalar: one line verbatim, or lines folded into
// one with single spaces.
func yamlPlain(b *message.TextBuilder, data []byte, off int, value string) (int, bool) {
	b.SetHost(message.Host{Str: message.StrYAMLPlain})
	if off+len(value) <= len(data) && string(data[off:off+len(value)]) == value {
		b.Verbatim(value, off)
		return off + len(value), true
	}
	return yamlFold(b, data, off, value, 0)
}

// yamlFold maps a multi-line flow scalar (plain or quoted body from off,
// closing quote q or 0): line breaks with their indentation become one
// space, blank lines become line feeds.
func yamlFold(b *message.TextBuilder, data []byte, off int, value string, q byte) (int, bool) {
	i := off
	for b.Len() < len(value) && i < len(data) {
		eol := i
		for eol < len(data) && data[eol] != '\n' && !(q != 0 && data[eol] == q) {
			eol++
		}
		line := strings.TrimRight(string(data[i:eol]), " \t\r")
		b.Verbatim(line, i)
		if eol >= len(data) || data[eol] != '\n' {
			return i + len(line), true
		}
		j := eol + 1
		blank := 0
		for {
			k := j
			for k < len(data) && (data[k] == ' ' || data[k] == '\t') {
				k++
			}
			if k < len(data) && (data[k] == '\n' || data[k] == '\r') {
				blank++
				for k < len(data) && data[k] != '\n' {
					k++
				}
				j = k + 1
				continue
			}
			j = k
			break
		}
		if b.Len() >= len(value) {
			return i + len(line), true
		}
		sep := " "
		if blank > 0 {
			sep = strings.Repeat("\n", blank)
		}
		b.Mapped(sep, eol, j)
		i = j
	}
	return i, true
}

// yamlQuoted maps a single- or double-quoted scalar at off.
func yamlQuoted(b *message.TextBuilder, data []byte, off int, q byte) (int, bool) {
	if q == '"' {
		b.SetHost(message.Host{Str: message.StrYAMLDouble})
	} else {
		b.SetHost(message.Host{Str: message.StrYAMLSingle})
	}
	i := off + 1
	run := i
	flush := func(to int) {
		if to > run {
			b.Verbatim(string(data[run:to]), run)
		}
	}
	for i < len(data) {
		c := data[i]
		switch {
		case c == q && q == '\'' && i+1 < len(data) && data[i+1] == '\'':
			flush(i)
			b.Mapped("'", i, i+2)
			i += 2
			run = i
		case c == q:
			flush(i)
			return i + 1, true
		case c == '\\' && q == '"':
			flush(i)
			n := yamlEscape(b, data, i)
			if n == 0 {
				return i, false
			}
			i += n
			run = i
		case c == '\n' || c == '\r':
			end := i
			for end > run && (data[end-1] == ' ' || data[end-1] == '\t') {
				end--
			}
			flush(end)
			j := i
			blank := 0
			for j < len(data) && (data[j] == '\n' || data[j] == '\r' || data[j] == ' ' || data[j] == '\t') {
				if data[j] == '\n' {
					blank++
				}
				j++
			}
			sep := " "
			if blank > 1 {
				sep = strings.Repeat("\n", blank-1)
			}
			b.Mapped(sep, end, j)
			i = j
			run = i
		default:
			i++
		}
	}
	return i, false
}

// yamlEscape decodes a double-quoted escape at i and returns its length.
func yamlEscape(b *message.TextBuilder, data []byte, i int) int {
	if i+1 >= len(data) {
		return 0
	}
	simple := map[byte]string{'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
		'r': "\r", 'e': "\x1b", ' ': " ", '"': `"`, '/': "/", '\\': `\`, 'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029"}
	c := data[i+1]
	if rep, ok := simple[c]; ok {
		b.Mapped(rep, i, i+2)
		return 2
	}
	width := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
	if width > 0 && i+2+width <= len(data) {
		v, err := strconv.ParseUint(string(data[i+2:i+2+width]), 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0
		}
		b.Mapped(string(rune(v)), i, i+2+width)
		return 2 + width
	}
	if c == '\n' || c == '\r' {
		j := i + 1
		for j < len(data) && (data[j] == '\n' || data[j] == '\r' || data[j] == ' ' || data[j] == '\t') {
			j++
		}
		return j - i // escaped line break: the lines join without a space
	}
	return 0
}

// yamlBlock maps a literal (|) or folded (>) block scalar whose indicator
// is at off: each content line without its indentation; literal blocks
// keep line breaks, folded ones turn single breaks into spaces.
func yamlBlock(b *message.TextBuilder, data []byte, off int, folded bool) (int, bool) {
	b.SetHost(message.Host{Str: message.StrYAMLBlock})
	i := off
	for i < len(data) && data[i] != '\n' {
		i++
	}
	if i >= len(data) {
		return i, true
	}
	i++
	indent := -1
	end := i
	prevBlank := false
	first := true
	for i < len(data) {
		eol := i
		for eol < len(data) && data[eol] != '\n' {
			eol++
		}
		line := strings.TrimRight(string(data[i:eol]), "\r")
		sp := len(line) - len(strings.TrimLeft(line, " "))
		if strings.TrimSpace(line) == "" {
			if !first {
				b.Mapped("\n", i, eol)
				prevBlank = true
			}
			i = eol + 1
			continue
		}
		if indent < 0 {
			indent = sp
		}
		if sp < indent || indent == 0 {
			break
		}
		if !first {
			sep := "\n"
			if folded && !prevBlank && sp == indent {
				sep = " "
			}
			if !(folded && prevBlank) {
				b.Mapped(sep, i-1, i)
			}
		}
		b.Verbatim(line[indent:], i+indent)
		end = i + len(line)
		first, prevBlank = false, false
		i = eol + 1
	}
	b.TrimRightSpace()
	return end, true
}
