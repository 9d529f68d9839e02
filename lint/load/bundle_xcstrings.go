package load

import (
	"bytes"

	"github.com/notelint/notelint/lint/message"
)

// jsonNode is a JSON value with file positions, for bundle formats whose
// meaning depends on the shape around a string (Xcode string catalogs).
type jsonNode struct {
	kind       byte // '{', '[', '"', or 'l' for a number, true, false, null
	start, end int
	str        message.Text // for strings
	lit        string
	keys       []message.Text // object keys, in order
	keyPos     [][2]int
	vals       []*jsonNode
}

// get returns the value of key in an object, or nil.
func (n *jsonNode) get(key string) *jsonNode {
	if n == nil || n.kind != '{' {
		return nil
	}
	for i, k := range n.keys {
		if k.String() == key {
			return n.vals[i]
		}
	}
	return nil
}

// parseJSONTree reads one JSON value at data[start:] into a tree.
func parseJSONTree(data []byte, start int) (*jsonNode, error) {
	p := &jsonParser{data: data, pos: start}
	n, err := jsonTreeValue(p, 0)
	if err != nil {
		return nil, err
	}
	p.ws()
	if p.pos < len(data) {
		return nil, p.fail("unexpected text after the end of the JSON value")
	}
	return n, nil
}

func jsonTreeValue(p *jsonParser, depth int) (*jsonNode, error) {
	if depth > maxBundleDepth {
		return nil, p.fail("values are nested too deeply")
	}
	p.ws()
	if p.pos >= len(p.data) {
		return nil, p.fail("unexpected end of file")
	}
	n := &jsonNode{kind: p.data[p.pos], start: p.pos}
	switch n.kind {
	case '"':
		s, err := p.str()
		if err != nil {
			return nil, err
		}
		n.str = s
	case '{', '[':
		closer := byte('}')
		if n.kind == '[' {
			closer = ']'
		}
		p.pos++
		p.ws()
		if p.pos < len(p.data) && p.data[p.pos] == closer {
			p.pos++
			break
		}
		for {
			if n.kind == '{' {
				p.ws()
				if p.pos >= len(p.data) || p.data[p.pos] != '"' {
					return nil, p.fail("expected a quoted key")
				}
				ks := p.pos
				k, err := p.str()
				if err != nil {
					return nil, err
				}
				n.keyPos = append(n.keyPos, [2]int{ks, p.pos})
				p.ws()
				if p.pos >= len(p.data) || p.data[p.pos] != ':' {
					return nil, p.fail("expected : after the key")
				}
				p.pos++
				n.keys = append(n.keys, k)
			}
			v, err := jsonTreeValue(p, depth+1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
			p.ws()
			if p.pos >= len(p.data) {
				return nil, p.fail("value is never closed with " + string(closer))
			}
			if c := p.data[p.pos]; c == ',' {
				p.pos++
				continue
			} else if c == closer {
				p.pos++
				break
			}
			return nil, p.fail("expected , or " + string(closer))
		}
	default:
		n.kind = 'l'
		if err := p.literal(); err != nil {
			return nil, err
		}
		for p.pos < len(p.data) && !isJSONDelim(p.data[p.pos]) {
			p.pos++
		}
		n.lit = string(p.data[n.start:p.pos])
	}
	n.end = p.pos
	return n, nil
}

func isJSONDelim(c byte) bool {
	return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t'
}

// parseXCStrings reads an Xcode string catalog (Localizable.xcstrings):
// for every key, each localization's stringUnit value is a message in
// that locale, and plural and device variations are messages keyed
// key.case (key.one, key.iphone.other); substitutions are keyed
// key.name.case. A key without a localization in the source language is
// its own source text. Keys marked shouldTranslate false are skipped.
func parseXCStrings(data []byte, start int) ([]bundleEntry, error) {
	if len(bytes.TrimSpace(data[start:])) == 0 {
		return nil, nil // an empty file: the encoding rule reports it
	}
	root, err := parseJSONTree(data, start)
	if err != nil {
		return nil, err
	}
	if root.kind != '{' {
		return nil, &bundleError{off: root.start, msg: "a string catalog must be a JSON object"}
	}
	source := ""
	if s := root.get("sourceLanguage"); s != nil && s.kind == '"' && validLocale(s.str.String()) {
		source = s.str.String()
	}
	strs := root.get("strings")
	if strs == nil || strs.kind != '{' {
		return nil, nil
	}
	var out []bundleEntry
	for i, k := range strs.keys {
		entry := strs.vals[i]
		key := k.String()
		if st := entry.get("shouldTranslate"); st != nil && st.lit == "false" {
			continue
		}
		locs := entry.get("localizations")
		hasSource := false
		if locs != nil && locs.kind == '{' {
			for j, l := range locs.keys {
				loc := l.String()
				if !validLocale(loc) {
					continue
				}
				if loc == source {
					hasSource = true
				}
				out = xcUnits(out, locs.vals[j], []string{key}, loc, source, 0)
			}
		}
		if !hasSource && source != "" && key != "" {
			out = append(out, bundleEntry{path: []string{key}, text: noFix(k), start: strs.keyPos[i][0], end: strs.keyPos[i][1], locale: source, source: source})
		}
	}
	return out, nil
}

// xcUnits appends the stringUnit values under a localization node n.
func xcUnits(out []bundleEntry, n *jsonNode, path []string, loc, source string, depth int) []bundleEntry {
	if n == nil || n.kind != '{' || depth > 8 {
		return out
	}
	if v := n.get("stringUnit").get("value"); v != nil && v.kind == '"' {
		out = append(out, bundleEntry{path: append([]string(nil), path...), text: v.str, start: v.start, end: v.end, locale: loc, source: source})
	}
	if vars := n.get("variations"); vars != nil && vars.kind == '{' {
		for _, kind := range vars.vals { // plural, device
			if kind.kind != '{' {
				continue
			}
			for c, name := range kind.keys {
				out = xcUnits(out, kind.vals[c], append(path, name.String()), loc, source, depth+1)
			}
		}
	}
	if subs := n.get("substitutions"); subs != nil && subs.kind == '{' {
		for i := range subs.keys {
			out = xcUnits(out, subs.vals[i], append(path, subs.keys[i].String()), loc, source, depth+1)
		}
	}
	return out
}
