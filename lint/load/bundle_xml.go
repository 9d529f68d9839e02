package load

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// xmlNode is an element of an XML bundle (Android resources, XLIFF) with
// the file ranges its readers need: the whole element, its content, and
// its children in order (elements, text and CDATA runs).
type xmlNode struct {
	name         string // qualified name as written: "string", "xliff:g"
	attrs        []xmlAttr
	start, end   int // the element, from "<" to the end of its end tag
	cStart, cEnd int // the content between start and end tag
	items        []xmlItem
}

// xmlAttr is one attribute with its decoded value.
type xmlAttr struct {
	name, value string
}

// xmlItem is one child of an element: an element, or a run of text or
// CDATA content at [start, end).
type xmlItem struct {
	node       *xmlNode
	cdata      bool
	start, end int
}

// attr returns the value of the attribute named name (or ending in
// ":"+name when the name is given without a prefix), and whether it is set.
func (n *xmlNode) attr(name string) (string, bool) {
	for _, a := range n.attrs {
		if a.name == name || strings.HasSuffix(a.name, ":"+name) && !strings.Contains(name, ":") {
			return a.value, true
		}
	}
	return "", false
}

// local is the element name without its namespace prefix.
func (n *xmlNode) local() string {
	if i := strings.LastIndexByte(n.name, ':'); i >= 0 {
		return n.name[i+1:]
	}
	return n.name
}

// elements returns the child elements of n.
func (n *xmlNode) elements() []*xmlNode {
	var out []*xmlNode
	for _, it := range n.items {
		if it.node != nil {
			out = append(out, it.node)
		}
	}
	return out
}

// parseXMLTree reads an XML document into its root element. It checks
// what a bundle reader needs (tags closed in order, quoted attributes,
// terminated comments and CDATA sections) and reports the first error at
// its offset; it does not resolve DTDs or namespaces.
func parseXMLTree(data []byte, start int) (*xmlNode, error) {
	p := &xmlParser{data: data, pos: start}
	var root *xmlNode
	var stack []*xmlNode
	for p.pos < len(data) {
		c := data[p.pos]
		if c != '<' {
			s := p.pos
			i := bytes.IndexByte(data[s:], '<')
			if i < 0 {
				i = len(data) - s
			}
			p.pos = s + i
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				top.items = append(top.items, xmlItem{start: s, end: p.pos})
			} else if strings.TrimSpace(string(data[s:p.pos])) != "" {
				return nil, &bundleError{off: s, msg: "text outside the root element"}
			}
			continue
		}
		rest := string(data[p.pos:min(len(data), p.pos+9)])
		switch {
		case strings.HasPrefix(rest, "<!--"):
			if err := p.skipTo("-->", "comment is never closed with -->"); err != nil {
				return nil, err
			}
		case strings.HasPrefix(rest, "<![CDATA["):
			s := p.pos
			if err := p.skipTo("]]>", "CDATA section is never closed with ]]>"); err != nil {
				return nil, err
			}
			if len(stack) == 0 {
				return nil, &bundleError{off: s, msg: "CDATA outside the root element"}
			}
			top := stack[len(stack)-1]
			top.items = append(top.items, xmlItem{cdata: true, start: s + 9, end: p.pos - 3})
		case strings.HasPrefix(rest, "<?"):
			if err := p.skipTo("?>", "processing instruction is never closed with ?>"); err != nil {
				return nil, err
			}
		case strings.HasPrefix(rest, "<!"):
			if err := p.doctype(); err != nil {
				return nil, err
			}
		case strings.HasPrefix(rest, "</"):
			s := p.pos
			p.pos += 2
			name := p.name()
			p.ws()
			if name == "" || p.pos >= len(data) || data[p.pos] != '>' {
				return nil, &bundleError{off: s, msg: "malformed end tag"}
			}
			p.pos++
			if len(stack) == 0 {
				return nil, &bundleError{off: s, msg: "end tag </" + name + "> closes nothing"}
			}
			top := stack[len(stack)-1]
			if top.name != name {
				return nil, &bundleError{off: s, msg: "end tag </" + name + "> does not match <" + top.name + ">"}
			}
			top.cEnd, top.end = s, p.pos
			stack = stack[:len(stack)-1]
		default:
			n, self, err := p.startTag()
			if err != nil {
				return nil, err
			}
			switch {
			case len(stack) > 0:
				top := stack[len(stack)-1]
				top.items = append(top.items, xmlItem{node: n, start: n.start})
			case root != nil:
				return nil, &bundleError{off: n.start, msg: "a second root element <" + n.name + ">"}
			default:
				root = n
			}
			if !self {
				if len(stack) >= maxBundleDepth {
					return nil, &bundleError{off: n.start, msg: "elements are nested too deeply"}
				}
				stack = append(stack, n)
			}
		}
	}
	if len(stack) > 0 {
		top := stack[len(stack)-1]
		return nil, &bundleError{off: top.start, msg: "<" + top.name + "> is never closed"}
	}
	if root == nil {
		return nil, &bundleError{off: start, msg: "no root element"}
	}
	return root, nil
}

type xmlParser struct {
	data []byte
	pos  int
}

func (p *xmlParser) skipTo(end, msg string) error {
	i := bytes.Index(p.data[p.pos:], []byte(end))
	if i < 0 {
		return &bundleError{off: p.pos, msg: msg}
	}
	p.pos += i + len(end)
	return nil
}

// doctype skips <!DOCTYPE …> with an internal subset in brackets.
func (p *xmlParser) doctype() error {
	s := p.pos
	depth := 0
	var quote byte
	for p.pos++; p.pos < len(p.data); p.pos++ {
		c := p.data[p.pos]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[':
			depth++
		case c == ']':
			depth--
		case c == '>' && depth <= 0:
			p.pos++
			return nil
		}
	}
	return &bundleError{off: s, msg: "declaration <! is never closed with >"}
}

func (p *xmlParser) ws() {
	for p.pos < len(p.data) && isXMLSpace(p.data[p.pos]) {
		p.pos++
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *xmlParser) name() string {
	s := p.pos
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		if isXMLSpace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'' {
			break
		}
		p.pos++
	}
	return string(p.data[s:p.pos])
}

// startTag reads <name attr="v" …> or <name …/> at p.pos.
func (p *xmlParser) startTag() (*xmlNode, bool, error) {
	s := p.pos
	p.pos++
	n := &xmlNode{start: s, name: p.name()}
	if n.name == "" {
		return nil, false, &bundleError{off: s, msg: "\"<\" starts no tag (write &lt; for a literal <)"}
	}
	for {
		p.ws()
		if p.pos >= len(p.data) {
			return nil, false, &bundleError{off: s, msg: "tag <" + n.name + " is never closed with >"}
		}
		switch p.data[p.pos] {
		case '>':
			p.pos++
			n.cStart, n.cEnd, n.end = p.pos, p.pos, p.pos
			return n, false, nil
		case '/':
			if p.pos+1 < len(p.data) && p.data[p.pos+1] == '>' {
				p.pos += 2
				n.cStart, n.cEnd, n.end = p.pos, p.pos, p.pos
				return n, true, nil
			}
		}
		as := p.pos
		an := p.name()
		p.ws()
		if an == "" || p.pos >= len(p.data) || p.data[p.pos] != '=' {
			return nil, false, &bundleError{off: as, msg: "malformed attribute in <" + n.name + "> (want name=\"value\")"}
		}
		p.pos++
		p.ws()
		if p.pos >= len(p.data) || (p.data[p.pos] != '"' && p.data[p.pos] != '\'') {
			return nil, false, &bundleError{off: p.pos, msg: "attribute " + an + " needs a quoted value"}
		}
		q := p.data[p.pos]
		vs := p.pos + 1
		i := bytes.IndexByte(p.data[vs:], q)
		if i < 0 {
			return nil, false, &bundleError{off: p.pos, msg: "attribute " + an + " value is never closed"}
		}
		var b message.TextBuilder
		appendXMLText(&b, p.data, vs, vs+i, false)
		v := b.Text()
		n.attrs = append(n.attrs, xmlAttr{name: an, value: v.String()})
		p.pos = vs + i + 1
	}
}

// appendXMLText appends data[start:end], XML text or (cdata) CDATA
// content, decoding character and entity references while keeping
// positions; CRLF becomes LF. An unknown entity stays as written.
func appendXMLText(b *message.TextBuilder, data []byte, start, end int, cdata bool) {
	forXMLChars(data, start, end, cdata, func(s string, fs, fe int) {
		if fe-fs == len(s) && string(data[fs:fe]) == s {
			b.Verbatim(s, fs)
		} else {
			b.Mapped(s, fs, fe)
		}
	})
}

// forXMLChars calls fn for every character of data[start:end] (XML text
// or CDATA) with the file range it comes from: one rune, a reference
// (&amp; &#233;) or a CRLF pair.
func forXMLChars(data []byte, start, end int, cdata bool, fn func(s string, fs, fe int)) {
	for i := start; i < end; {
		c := data[i]
		switch {
		case c == '\r' && i+1 < end && data[i+1] == '\n':
			fn("\n", i, i+2)
			i += 2
			continue
		case c == '&' && !cdata:
			if s, n := xmlEntity(data[i:end]); n > 0 {
				fn(s, i, i+n)
				i += n
				continue
			}
		}
		_, n := utf8.DecodeRune(data[i:end])
		fn(string(data[i:i+n]), i, i+n)
		i += n
	}
}

// xmlEntity decodes the reference at the start of s (&lt; &#10; &#xE9;);
// n is 0 when there is none.
func xmlEntity(s []byte) (string, int) {
	semi := bytes.IndexByte(s[:min(len(s), 12)], ';')
	if semi < 2 {
		return "", 0
	}
	ref := string(s[1:semi])
	switch ref {
	case "lt":
		return "<", semi + 1
	case "gt":
		return ">", semi + 1
	case "amp":
		return "&", semi + 1
	case "quot":
		return "\"", semi + 1
	case "apos":
		return "'", semi + 1
	}
	if ref[0] != '#' {
		return "", 0
	}
	base, digits := 10, ref[1:]
	if strings.HasPrefix(digits, "x") || strings.HasPrefix(digits, "X") {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(digits, base, 32)
	if err != nil || digits == "" || v > utf8.MaxRune || (v >= 0xD800 && v < 0xE000) {
		return "", 0
	}
	return string(rune(v)), semi + 1
}
