package load

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// parseXLIFF reads an XLIFF 1.2 (<trans-unit><source><target>) or 2.0
// (<unit><segment><source><target>) file. Each unit is a message keyed by
// its resname or name, else its id. When the file names a target language
// (target-language, trgLang) the message is the target text in that
// locale, with the source text as its original (like a gettext msgid);
// a unit without a target is an empty translation. A file without a
// target language is read as source text. Standalone inline codes (<x/>,
// <ph>, <it>) become placeholders {id}; paired codes (<g>, <pc>, <mrk>)
// keep their content; <bx/>, <ex/>, <bpt>, <ept>, <sc/>, <ec/> are markup
// and dropped. translate="no" units are skipped.
func parseXLIFF(data []byte, start int) ([]bundleEntry, error) {
	if len(bytes.TrimSpace(data[start:])) == 0 {
		return nil, nil // an empty file: the encoding rule reports it
	}
	root, err := parseXMLTree(data, start)
	if err != nil {
		return nil, err
	}
	if root.local() != "xliff" {
		return nil, &bundleError{off: root.start, msg: "the root element is <" + root.name + ">, not <xliff>"}
	}
	x := &xliffReader{data: data}
	x.srcLang, _ = root.attr("srcLang")
	x.trgLang, _ = root.attr("trgLang")
	for _, f := range root.elements() {
		if f.local() != "file" {
			continue
		}
		src, trg := x.srcLang, x.trgLang
		if v, ok := f.attr("source-language"); ok {
			src = v
		}
		if v, ok := f.attr("target-language"); ok {
			trg = v
		}
		x.units(f, src, trg, 0)
	}
	return x.out, nil
}

type xliffReader struct {
	data             []byte
	srcLang, trgLang string
	out              []bundleEntry
}

// units reads the units under n (a <file>, <body> or <group>).
func (x *xliffReader) units(n *xmlNode, src, trg string, depth int) {
	if depth > maxBundleDepth {
		return
	}
	for _, el := range n.elements() {
		switch el.local() {
		case "trans-unit", "unit":
			if v, _ := el.attr("translate"); v == "no" {
				continue
			}
			x.unit(el, src, trg)
		case "body", "group":
			if v, _ := el.attr("translate"); v == "no" {
				continue
			}
			x.units(el, src, trg, depth+1)
		}
	}
}

// unit reads one trans-unit (1.2) or unit (2.0).
func (x *xliffReader) unit(el *xmlNode, src, trg string) {
	key, _ := el.attr("resname")
	if key == "" {
		key, _ = el.attr("name")
	}
	if key == "" {
		key, _ = el.attr("id")
	}
	if key == "" {
		return
	}
	var sb, tb message.TextBuilder
	sRange, tRange := [2]int{-1, -1}, [2]int{-1, -1}
	hasTarget := false
	part := func(container *xmlNode, ignorable bool) {
		var srcEl, trgEl *xmlNode
		for _, c := range container.elements() {
			switch c.local() {
			case "source":
				srcEl = c
			case "target":
				trgEl = c
			}
		}
		if srcEl != nil {
			x.inline(&sb, srcEl, 0)
			widen(&sRange, srcEl)
		}
		switch {
		case trgEl != nil:
			x.inline(&tb, trgEl, 0)
			widen(&tRange, trgEl)
			if !ignorable {
				hasTarget = true
			}
		case ignorable && srcEl != nil:
			x.inline(&tb, srcEl, 0)
		}
	}
	if el.local() == "trans-unit" {
		part(el, false)
	} else {
		for _, c := range el.elements() {
			if c.local() == "segment" || c.local() == "ignorable" {
				part(c, c.local() == "ignorable")
			}
		}
	}
	if sRange[0] < 0 {
		return
	}
	source := sb.Text()
	e := bundleEntry{path: []string{key}, source: src}
	switch {
	case trg == "":
		e.text, e.start, e.end, e.locale = source, sRange[0], sRange[1], src
	case hasTarget:
		e.text, e.start, e.end, e.locale, e.original = tb.Text(), tRange[0], tRange[1], trg, &source
	default:
		e.start, e.end, e.locale, e.original = el.start, el.end, trg, &source
	}
	if e.locale != "" && !validLocale(e.locale) {
		e.locale = ""
	}
	if e.source != "" && !validLocale(e.source) {
		e.source = ""
	}
	x.out = append(x.out, e)
}

// widen extends a file range to cover the content of n.
func widen(r *[2]int, n *xmlNode) {
	if r[0] < 0 {
		r[0] = n.cStart
	}
	r[1] = n.cEnd
}

// inline appends the text of a <source> or <target> element, reading its
// inline codes.
func (x *xliffReader) inline(b *message.TextBuilder, n *xmlNode, depth int) {
	for _, it := range n.items {
		if it.node == nil {
			appendXMLText(b, x.data, it.start, it.end, it.cdata)
			continue
		}
		c := it.node
		switch c.local() {
		case "x", "ph", "it":
			id, _ := c.attr("id")
			b.Mapped("{"+xliffPlaceholderName(id, c.local())+"}", c.start, c.end)
		case "g", "pc", "mrk":
			if depth < maxBundleDepth {
				x.inline(b, c, depth+1)
			}
		case "cp":
			hex, _ := c.attr("hex")
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil && v <= 0x10FFFF && (v < 0xD800 || v > 0xDFFF) {
				b.Mapped(string(rune(v)), c.start, c.end)
			}
		}
	}
}

// xliffPlaceholderName makes an inline code's id usable as an ICU
// argument name.
func xliffPlaceholderName(id, element string) string {
	var s strings.Builder
	for i := 0; i < len(id); i++ {
		if message.IsIdentByte(id[i]) {
			s.WriteByte(id[i])
		}
	}
	name := s.String()
	if name == "" || !message.IsIdent(name) && !message.AllDigits(name) {
		return element + name
	}
	return name
}
