package load

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// parseAndroidStrings reads an Android string resource file
// (res/values-de/strings.xml): every <string name>, every <item> of a
// <plurals> (keyed name.quantity) and of a <string-array> (keyed
// name.index) is a message. Android's escapes (\' \" \n \t \@ \? \uXXXX)
// and quoting ("…" keeps white space, elsewhere runs of white space are
// one space) are resolved with positions; translatable="false" entries
// and references (@string/other) are skipped; a product="tablet" variant
// is keyed name[tablet]; <xliff:g> keeps its
// content (the placeholder or literal it protects), and HTML styling tags
// (<b>, <a href>) stay in the text as markup.
func parseAndroidStrings(data []byte, start int) ([]bundleEntry, error) {
	if len(bytes.TrimSpace(data[start:])) == 0 {
		return nil, nil // an empty file: the encoding rule reports it
	}
	root, err := parseXMLTree(data, start)
	if err != nil {
		return nil, err
	}
	if root.name != "resources" {
		return nil, &bundleError{off: root.start, msg: "the root element is <" + root.name + ">, not <resources>: not an Android string resource file"}
	}
	var out []bundleEntry
	for _, el := range root.elements() {
		name, _ := el.attr("name")
		if name == "" || androidUntranslatable(el) {
			continue
		}
		if prod, _ := el.attr("product"); prod != "" && prod != "default" {
			name += "[" + prod + "]" // a variant for one device type: its own message
		}
		switch el.name {
		case "string":
			out = appendAndroidValue(out, data, el, []string{name})
		case "item":
			if typ, _ := el.attr("type"); typ == "string" {
				out = appendAndroidValue(out, data, el, []string{name})
			}
		case "plurals":
			for _, it := range el.elements() {
				if q, _ := it.attr("quantity"); it.name == "item" && q != "" {
					out = appendAndroidValue(out, data, it, []string{name, q})
				}
			}
		case "string-array":
			n := 0
			for _, it := range el.elements() {
				if it.name == "item" {
					out = appendAndroidValue(out, data, it, []string{name, strconv.Itoa(n)})
					n++
				}
			}
		}
	}
	return out, nil
}

func androidUntranslatable(el *xmlNode) bool {
	v, ok := el.attr("translatable")
	return ok && v == "false"
}

// androidRefRe is a resource reference value: @string/x, ?attr/y.
var androidRefRe = regexp.MustCompile(`^[@?](?:[\w.]+:)?(?:\w+/)?[\w.]+$`)

func appendAndroidValue(out []bundleEntry, data []byte, el *xmlNode, key []string) []bundleEntry {
	var units []androidUnit
	flattenAndroid(&units, data, el, 0)
	text, escapedStart := androidText(units)
	if !escapedStart && androidRefRe.MatchString(text.String()) {
		return out
	}
	s, e := el.cStart, el.cEnd
	if s == e {
		s, e = el.start, el.end
	}
	return append(out, bundleEntry{path: key, text: text, start: s, end: e})
}

// androidUnit is one character of a resource value with the file range
// it comes from; raw units are markup copied as written.
type androidUnit struct {
	s      string
	fs, fe int
	raw    bool
}

// androidStyleTags are the HTML tags Android string resources style text
// with; they stay in the text as markup. Other elements (xliff:g,
// annotation) are dropped and their content kept.
var androidStyleTags = map[string]bool{
	"b": true, "i": true, "u": true, "a": true, "em": true, "strong": true, "big": true, "small": true,
	"sup": true, "sub": true, "font": true, "br": true, "p": true, "span": true, "tt": true, "strike": true,
	"s": true, "li": true, "ul": true, "ol": true, "div": true,
}

func flattenAndroid(units *[]androidUnit, data []byte, el *xmlNode, depth int) {
	for _, it := range el.items {
		if it.node == nil {
			forXMLChars(data, it.start, it.end, it.cdata, func(s string, fs, fe int) {
				*units = append(*units, androidUnit{s: s, fs: fs, fe: fe})
			})
			continue
		}
		n := it.node
		style := androidStyleTags[strings.ToLower(n.name)]
		if style {
			*units = append(*units, androidUnit{s: string(data[n.start:n.cStart]), fs: n.start, fe: n.cStart, raw: true})
		}
		if depth < maxBundleDepth {
			flattenAndroid(units, data, n, depth+1)
		}
		if style && n.cEnd < n.end {
			*units = append(*units, androidUnit{s: string(data[n.cEnd:n.end]), fs: n.cEnd, fe: n.end, raw: true})
		}
	}
}

// androidText resolves Android quoting, escapes and white space over the
// units of one value. escapedStart tells whether the value starts with an
// escape (\@ is text, not a reference).
func androidText(units []androidUnit) (message.Text, bool) {
	var b message.TextBuilder
	quoted, space, started, escapedStart := false, false, false, false
	emit := func(s string, fs, fe int, verbatim bool) {
		if space && started {
			b.Mapped(" ", fs, fs)
		}
		space, started = false, true
		if verbatim {
			b.Verbatim(s, fs)
		} else {
			b.Mapped(s, fs, fe)
		}
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		verbatim := u.fe-u.fs == len(u.s)
		switch {
		case u.raw:
			emit(u.s, u.fs, u.fe, true)
		case u.s == "\\" && i+1 < len(units) && !units[i+1].raw:
			if !started && !space {
				escapedStart = true
			}
			rep, n := androidEscape(units[i+1:])
			end := units[i+n].fe
			emit(rep, u.fs, end, false)
			i += n
		case u.s == "\"":
			quoted = !quoted
		case !quoted && (u.s == " " || u.s == "\t" || u.s == "\n" || u.s == "\r"):
			space = true
		default:
			emit(u.s, u.fs, u.fe, verbatim)
		}
	}
	return b.Text(), escapedStart
}

// androidEscape decodes the escape whose character(s) start rest (after
// the backslash); n is how many units it uses.
func androidEscape(rest []androidUnit) (string, int) {
	switch c := rest[0].s; c {
	case "n":
		return "\n", 1
	case "t":
		return "\t", 1
	case "u":
		if len(rest) >= 5 {
			hex := ""
			for _, u := range rest[1:5] {
				hex += u.s
			}
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil && len(hex) == 4 {
				return string(rune(v)), 5
			}
		}
		return "u", 1
	default:
		return c, 1
	}
}
