package lint

import (
	"strconv"
	"strings"
)

// poField is one keyword of a gettext entry with its string pieces.
type poField struct {
	text       TextBuilder
	start, end int // file range from the first quote to the last
	set        bool
}

type poEntry struct {
	ctxt, id, idPlural poField
	str                poField
	plural             []poField
	fuzzy, obsolete    bool
	refs               []string // "#:" source references
	line               int
}

// parsePOBundle reads a gettext .po file line by line: each entry's
// msgstr (or msgstr[n] for plural forms) is a message keyed by its msgid
// (prefixed with "msgctxt::" when it has a context), with the msgid kept
// as the original text. The header's Language sets the locale. Obsolete
// (#~) entries are skipped.
func parsePOBundle(data []byte, start int) ([]bundleEntry, error) {
	var out []bundleEntry
	var cur *poEntry
	var field *poField
	language := ""
	flush := func() {
		if cur == nil {
			return
		}
		e := cur
		cur, field = nil, nil
		if e.obsolete || !e.id.set {
			return
		}
		id := e.id.text.Text()
		if id.String() == "" && !e.ctxt.set {
			hdr := e.str.text.Text()
			if l := poHeader(hdr.String(), "Language"); validLocale(l) {
				language = l
			}
			return
		}
		key := id.String()
		if e.ctxt.set {
			ctxt := e.ctxt.text.Text()
			key = ctxt.String() + "::" + key
		}
		var probs []Problem
		if e.fuzzy && key != "" {
			probs = append(probs, Problem{Kind: TranslationProblem, Start: e.str.start, End: e.str.end, Severity: Info,
				Message: "the translation is marked fuzzy: gettext does not use it, readers see the source text",
				Hint:    "review the translation and remove the fuzzy flag"})
		}
		if len(e.plural) == 0 {
			out = append(out, bundleEntry{path: []string{key}, text: e.str.text.Text(), start: e.str.start, end: e.str.end, original: &id, problems: probs, refs: e.refs})
			return
		}
		idp := e.idPlural.text.Text()
		for n := range e.plural {
			f := &e.plural[n]
			if !f.set {
				continue
			}
			orig := &id
			if n > 0 && e.idPlural.set {
				orig = &idp
			}
			ns := strconv.Itoa(n)
			out = append(out, bundleEntry{path: []string{key + "[" + ns + "]"}, text: f.text.Text(), start: f.start, end: f.end,
				original: orig, plural: ns, problems: probs, refs: e.refs})
			probs = nil
		}
	}
	pos := start
	line := 0
	for pos < len(data) {
		line++
		eol := pos
		for eol < len(data) && data[eol] != '\n' {
			eol++
		}
		raw := strings.TrimRight(string(data[pos:eol]), "\r")
		lineStart := pos
		pos = eol + 1
		trimmed := strings.TrimLeft(raw, " \t")
		off := lineStart + len(raw) - len(trimmed)
		switch {
		case trimmed == "":
			flush()
			continue
		case strings.HasPrefix(trimmed, "#~"):
			if cur == nil || cur.str.set {
				flush()
				cur = &poEntry{line: line}
			}
			cur.obsolete = true
			continue
		case strings.HasPrefix(trimmed, "#,"):
			if cur != nil && (cur.str.set || len(cur.plural) > 0) {
				flush()
			}
			if cur == nil {
				cur = &poEntry{line: line}
			}
			if strings.Contains(trimmed, "fuzzy") {
				cur.fuzzy = true
			}
			continue
		case strings.HasPrefix(trimmed, "#:"):
			if cur != nil && (cur.str.set || len(cur.plural) > 0) {
				flush()
			}
			if cur == nil {
				cur = &poEntry{line: line}
			}
			cur.refs = append(cur.refs, strings.Fields(trimmed[2:])...)
			continue
		case strings.HasPrefix(trimmed, "#"):
			if cur != nil && (cur.str.set || len(cur.plural) > 0) {
				flush()
			}
			continue
		case strings.HasPrefix(trimmed, `"`):
			if field == nil {
				return nil, &bundleError{off: off, msg: "a string continues no msgid or msgstr"}
			}
			if err := poString(field, data, off, lineStart+len(raw)); err != nil {
				return nil, err
			}
			continue
		}
		kw, rest, _ := strings.Cut(trimmed, " ")
		restOff := min(off+len(kw)+1+(len(rest)-len(strings.TrimLeft(rest, " \t"))), lineStart+len(raw))
		if cur != nil && (kw == "msgctxt" || kw == "msgid") && (cur.str.set || len(cur.plural) > 0 || (kw == "msgctxt" && cur.id.set)) {
			flush()
		}
		if cur == nil {
			cur = &poEntry{line: line}
		}
		switch {
		case kw == "msgctxt":
			field = &cur.ctxt
		case kw == "msgid":
			field = &cur.id
		case kw == "msgid_plural":
			field = &cur.idPlural
		case kw == "msgstr":
			field = &cur.str
		case strings.HasPrefix(kw, "msgstr[") && strings.HasSuffix(kw, "]"):
			n, err := strconv.Atoi(kw[7 : len(kw)-1])
			if err != nil || n < 0 || n > 9 {
				return nil, &bundleError{off: off, msg: "invalid plural index in " + kw}
			}
			for len(cur.plural) <= n {
				cur.plural = append(cur.plural, poField{})
			}
			field = &cur.plural[n]
		default:
			return nil, &bundleError{off: off, msg: "unknown keyword " + strconv.Quote(kw) + " (want msgctxt, msgid, msgid_plural or msgstr)"}
		}
		if field.set {
			return nil, &bundleError{off: off, msg: kw + " appears twice in one entry"}
		}
		field.set = true
		field.start = restOff
		if err := poString(field, data, restOff, lineStart+len(raw)); err != nil {
			return nil, err
		}
	}
	flush()
	if language != "" {
		for i := range out {
			out[i].locale = language
		}
	}
	return out, nil
}

// poString appends the quoted C string at data[off:end] to f.
func poString(f *poField, data []byte, off, end int) error {
	s := strings.TrimRight(string(data[off:end]), " \t")
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return &bundleError{off: off, msg: "expected a string in double quotes"}
	}
	body := s[1 : len(s)-1]
	base := off + 1
	f.text.setHost(host{str: strPO})
	run := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '"':
			return &bundleError{off: base + i, msg: "unescaped \" inside a string"}
		case '\\':
			if i+1 >= len(body) {
				return &bundleError{off: base + i, msg: "string ends with a lone backslash"}
			}
			if i > run {
				f.text.Verbatim(body[run:i], base+run)
			}
			rep, n := cEscape(body[i:])
			f.text.Mapped(rep, base+i, base+i+n)
			i += n - 1
			run = i + 1
		}
	}
	if len(body) > run {
		f.text.Verbatim(body[run:], base+run)
	}
	f.end = off + len(s)
	if f.start == 0 || f.start > off {
		f.start = off
	}
	return nil
}

// cEscape decodes the C escape at the start of s (gettext strings).
func cEscape(s string) (string, int) {
	switch s[1] {
	case 'n':
		return "\n", 2
	case 't':
		return "\t", 2
	case 'r':
		return "\r", 2
	case 'a':
		return "\a", 2
	case 'b':
		return "\b", 2
	case 'f':
		return "\f", 2
	case 'v':
		return "\v", 2
	case '"', '\\', '\'', '?':
		return s[1:2], 2
	case 'x':
		j := 2
		for j < len(s) && j < 4 && strings.IndexByte("0123456789abcdefABCDEF", s[j]) >= 0 {
			j++
		}
		if v, err := strconv.ParseUint(s[2:j], 16, 8); err == nil {
			return string(rune(v)), j
		}
	}
	if s[1] >= '0' && s[1] <= '7' {
		j := 1
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '7' {
			j++
		}
		if v, err := strconv.ParseUint(s[1:j], 8, 8); err == nil {
			return string(rune(v)), j
		}
	}
	return s[1:2], 2
}

// poHeader returns a field of a gettext header ("Language: de\n…").
func poHeader(header, name string) string {
	for _, l := range strings.Split(header, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
