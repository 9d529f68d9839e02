package load

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlValue is the location of one key and its value in a TOML document.
type tomlValue struct {
	keyStart, keyEnd int // file byte range of the key
	raw              []byte
	start, end       int // file byte range of the raw value
	kind             unstable.Kind
}

// tomlParsers pools TOML parsers, which keep their node arena between
// documents.
var tomlParsers = sync.Pool{New: func() any { return new(unstable.Parser) }}

// tomlPositions maps dotted key paths to where they are written in doc,
// which starts at file offset base. Array tables get their index in the
// path: "message.0.body". Inline tables are walked too: "vars.eta.max".
// It returns nil when the document does not parse (the decoder reports why).
func tomlPositions(doc []byte, base int) map[string]tomlValue {
	p := tomlParsers.Get().(*unstable.Parser)
	defer func() {
		p.Reset(nil)
		tomlParsers.Put(p)
	}()
	p.Reset(doc)
	out := map[string]tomlValue{}
	var table []string
	arrayCount := map[string]int{}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var first, last int
			table, first, last = keyParts(e.Key())
			if e.Kind == unstable.ArrayTable {
				k := strings.Join(table, ".")
				idx := arrayCount[k]
				arrayCount[k] = idx + 1
				table = append(table, strconv.Itoa(idx))
				// Record the header itself so entries can point at it.
				hs, he := base+first, base+last
				for hs > base && doc[hs-base-1] == '[' {
					hs--
				}
				out[strings.Join(table, ".")] = tomlValue{keyStart: hs, keyEnd: he, start: hs, end: he}
			}
		case unstable.KeyValue:
			walkKeyValue(p, e, table, base, out)
		}
	}
	if p.Error() != nil {
		return nil
	}
	return out
}

func walkKeyValue(p *unstable.Parser, kv *unstable.Node, prefix []string, base int, out map[string]tomlValue) {
	val := kv.Value()
	key := kv.Key()
	var parts []string
	keyStart, keyEnd := -1, -1
	for key.Next() {
		n := key.Node()
		parts = append(parts, string(n.Data))
		if keyStart < 0 {
			keyStart = base + int(n.Raw.Offset)
		}
		keyEnd = base + int(n.Raw.Offset+n.Raw.Length)
	}
	full := append(append([]string(nil), prefix...), parts...)
	tv := tomlValue{keyStart: keyStart, keyEnd: keyEnd, kind: val.Kind}
	if val.Raw.Length > 0 {
		tv.raw = p.Raw(val.Raw)
		tv.start = base + int(val.Raw.Offset)
		tv.end = tv.start + int(val.Raw.Length)
	}
	if tv.raw == nil && val.Kind == unstable.Array {
		// Arrays carry no range of their own: span their elements.
		it := val.Children()
		for it.Next() {
			n := it.Node()
			if n.Raw.Length == 0 {
				continue
			}
			s, e := base+int(n.Raw.Offset), base+int(n.Raw.Offset+n.Raw.Length)
			if tv.end == 0 || s < tv.start {
				tv.start = s
			}
			if e > tv.end {
				tv.end = e
			}
		}
	}
	if tv.end == 0 {
		tv.start, tv.end = keyStart, keyEnd
	}
	out[strings.Join(full, ".")] = tv
	if val.Kind == unstable.InlineTable {
		it := val.Children()
		for it.Next() {
			walkKeyValue(p, it.Node(), full, base, out)
		}
	}
}

// keyParts returns the parts of a dotted key and the byte range (relative
// to the document) from its first to its last part.
func keyParts(it unstable.Iterator) (parts []string, first, last int) {
	first = -1
	for it.Next() {
		n := it.Node()
		parts = append(parts, string(n.Data))
		if first < 0 {
			first = int(n.Raw.Offset)
		}
		last = int(n.Raw.Offset + n.Raw.Length)
	}
	if first < 0 {
		first = 0
	}
	return parts, first, last
}

// appendTOMLString decodes the raw TOML string literal raw (quotes
// included), which sits at file offset fileStart, into b while keeping the
// position of every character.
func appendTOMLString(b *message.TextBuilder, raw string, fileStart int) {
	switch {
	case strings.HasPrefix(raw, `"""`) && len(raw) >= 6:
		body := raw[3 : len(raw)-3]
		off := fileStart + 3
		body, off = trimFirstNewline(body, off)
		b.SetHost(message.Host{Str: message.StrTOMLMultiBasic})
		appendBasic(b, body, off, true)
	case strings.HasPrefix(raw, `'''`) && len(raw) >= 6:
		body := raw[3 : len(raw)-3]
		off := fileStart + 3
		body, off = trimFirstNewline(body, off)
		b.SetHost(message.Host{Str: message.StrTOMLMultiLiteral})
		message.AppendLines(b, body, off)
	case strings.HasPrefix(raw, `"`) && len(raw) >= 2:
		b.SetHost(message.Host{Str: message.StrTOMLBasic})
		appendBasic(b, raw[1:len(raw)-1], fileStart+1, false)
	case strings.HasPrefix(raw, `'`) && len(raw) >= 2:
		b.SetHost(message.Host{Str: message.StrTOMLLiteral})
		b.Verbatim(raw[1:len(raw)-1], fileStart+1)
	default:
		b.Verbatim(raw, fileStart)
	}
}

func trimFirstNewline(s string, off int) (string, int) {
	if strings.HasPrefix(s, "\r\n") {
		return s[2:], off + 2
	}
	if strings.HasPrefix(s, "\n") {
		return s[1:], off + 1
	}
	return s, off
}

// appendBasic decodes a basic (escaped) TOML string body.
func appendBasic(b *message.TextBuilder, s string, off int, multiline bool) {
	start := 0
	flush := func(i int) {
		if i > start {
			message.AppendLines(b, s[start:i], off+start)
		}
	}
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			i++
			continue
		}
		flush(i)
		c := s[i+1]
		n := 2
		var rep string
		switch c {
		case 'b':
			rep = "\b"
		case 't':
			rep = "\t"
		case 'n':
			rep = "\n"
		case 'f':
			rep = "\f"
		case 'r':
			rep = "\r"
		case 'e':
			rep = "\x1b"
		case '"':
			rep = `"`
		case '\\':
			rep = `\`
		case 'u', 'U':
			width := 4
			if c == 'U' {
				width = 8
			}
			if i+2+width <= len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+2+width], 16, 32); err == nil && utf8.ValidRune(rune(v)) {
					rep = string(rune(v))
					n = 2 + width
				}
			}
		case 'x':
			if i+4 <= len(s) {
				if v, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
					rep = string(rune(v))
					n = 4
				}
			}
		case ' ', '\t', '\r', '\n':
			if multiline {
				// Line-ending backslash: trim all whitespace up to the next
				// non-whitespace character.
				j := i + 1
				for j < len(s) && strings.IndexByte(" \t\r\n", s[j]) >= 0 {
					j++
				}
				n = j - i
			}
		}
		b.Mapped(rep, off+i, off+i+n)
		i += n
		start = i
	}
	flush(len(s))
}
