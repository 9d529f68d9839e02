package load

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// poField is one keyword of a gettext entry with its string pieces.
type poField struct {
	text       message.TextBuilder
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
	var headerErr error // a malformed header, found when its entry ends
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
			if at, v, ok := poHeaderAt(hdr.String(), "Plural-Forms"); ok {
				if err := CheckPluralForms(v); err != nil {
					off, _ := hdr.FileRange(at, at)
					headerErr = &bundleError{off: off, msg: "malformed Plural-Forms header: " + err.Error()}
				}
			}
			return
		}
		key := id.String()
		if e.ctxt.set {
			ctxt := e.ctxt.text.Text()
			key = ctxt.String() + "::" + key
		}
		var probs []message.Problem
		if e.fuzzy && key != "" {
			probs = append(probs, message.Problem{Kind: message.TranslationProblem, Start: e.str.start, End: e.str.end, Severity: message.Info,
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
		if headerErr != nil {
			return nil, headerErr
		}
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
	if headerErr != nil {
		return nil, headerErr
	}
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
	f.text.SetHost(message.Host{Str: message.StrPO})
	run := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '"':
			return &bundleError{off: base + i, msg: "unescaped \" inside a string"}
		case '\\':
			if i > run {
				f.text.Verbatim(body[run:i], base+run)
			}
			j, err := poEscapes(&f.text, body, i, base)
			if err != nil {
				return err
			}
			i = j - 1
			run = j
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

// poEscapes decodes the run of escapes starting at body[i] (a backslash)
// and returns the index after it. Each escape stands for one byte; the
// bytes are read as UTF-8, so "sp\303\244t" is "spät". base is the file
// offset of body.
func poEscapes(b *message.TextBuilder, body string, i, base int) (int, error) {
	var bytes []byte
	var from []int // file offset where the escape of each byte starts
	for i < len(body) && body[i] == '\\' {
		c, n, err := cEscape(body[i:])
		if err != nil {
			return 0, &bundleError{off: base + i, msg: err.Error()}
		}
		bytes = append(bytes, c)
		from = append(from, base+i)
		i += n
	}
	from = append(from, base+i)
	for k := 0; k < len(bytes); {
		r, size := utf8.DecodeRune(bytes[k:])
		if r == utf8.RuneError && size <= 1 {
			return 0, &bundleError{off: from[k], msg: fmt.Sprintf("escaped byte 0x%02X is not part of a UTF-8 character; notelint reads .po files as UTF-8", bytes[k])}
		}
		b.Mapped(string(bytes[k:k+size]), from[k], from[k+size])
		k += size
	}
	return i, nil
}

// cEscape decodes the escape at the start of s (a backslash and at least
// one more byte) into the byte it stands for and its length: the C escapes
// gettext reads (\n \t \r \a \b \f \v \\ \" \' \?), one to three
// octal digits, or \x and one or two hex digits.
func cEscape(s string) (byte, int, error) {
	if len(s) < 2 {
		return 0, 0, errors.New("string ends with a lone backslash")
	}
	switch s[1] {
	case 'n':
		return '\n', 2, nil
	case 't':
		return '\t', 2, nil
	case 'r':
		return '\r', 2, nil
	case 'a':
		return '\a', 2, nil
	case 'b':
		return '\b', 2, nil
	case 'f':
		return '\f', 2, nil
	case 'v':
		return '\v', 2, nil
	case '"', '\\', '\'', '?':
		return s[1], 2, nil
	case 'x':
		j := 2
		for j < len(s) && j < 4 && isHexDigit(s[j]) {
			j++
		}
		if j == 2 {
			return 0, 0, errors.New(`\x is not followed by a hex digit`)
		}
		v, _ := strconv.ParseUint(s[2:j], 16, 8)
		return byte(v), j, nil
	}
	if s[1] >= '0' && s[1] <= '7' {
		j := 1
		for j < len(s) && j < 4 && s[j] >= '0' && s[j] <= '7' {
			j++
		}
		v, _ := strconv.ParseUint(s[1:j], 8, 16)
		if v > 0xFF {
			return 0, 0, fmt.Errorf("octal escape \\%s is over \\377, the largest byte", s[1:j])
		}
		return byte(v), j, nil
	}
	r, _ := utf8.DecodeRuneInString(s[1:])
	return 0, 0, fmt.Errorf("unknown escape \\%c (gettext reads \\n \\t \\r \\\" \\\\ \\a \\b \\f \\v, octal \\101 and hex \\x41)", r)
}

// poHeader returns a field of a gettext header ("Language: de\n…").
func poHeader(header, name string) string {
	_, v, _ := poHeaderAt(header, name)
	return v
}

// poHeaderAt finds a field of a gettext header: the offset of its line in
// header, its value, and whether it is there.
func poHeaderAt(header, name string) (int, string, bool) {
	at := 0
	for _, l := range strings.SplitAfter(header, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.EqualFold(strings.TrimSpace(k), name) {
			return at, strings.TrimSpace(v), true
		}
		at += len(l)
	}
	return 0, "", false
}
