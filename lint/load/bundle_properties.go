package load

import (
	"bytes"
	"fmt"
	"strconv"
	"unicode"
	"unicode/utf16"

	"github.com/notelint/notelint/lint/message"
)

// parseProperties reads a Java .properties bundle: key = value, key: value
// or key value; # and ! comments; \uXXXX, \t, \n escapes; lines continued
// with a trailing backslash. The file is read as UTF-8 (Java 9+ resource
// bundles); \uXXXX escapes cover the rest.
func parseProperties(data []byte, start int) ([]bundleEntry, error) {
	var out []bundleEntry
	i := start
	for i < len(data) {
		// Start of a natural line: skip leading white space.
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\f') {
			i++
		}
		if i >= len(data) {
			break
		}
		if c := data[i]; c == '\n' || c == '\r' {
			i++
			continue
		}
		if data[i] == '#' || data[i] == '!' {
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
			continue
		}
		var key message.TextBuilder
		keyStart := i
		var err error
		if i, err = propText(&key, data, i, true); err != nil {
			return nil, err
		}
		// Separator: white space, then at most one = or :, then white space.
		i = skipPropSpace(data, i)
		if i < len(data) && (data[i] == '=' || data[i] == ':') {
			i++
			i = skipPropSpace(data, i)
		}
		var val message.TextBuilder
		val.SetHost(message.Host{Str: message.StrProperties})
		valStart := i
		if i, err = propText(&val, data, i, false); err != nil {
			return nil, err
		}
		k := key.Text()
		if k.Len() == 0 && i == keyStart {
			i++ // cannot happen; guards against a stuck loop
			continue
		}
		out = append(out, bundleEntry{path: []string{k.String()}, text: val.Text(), start: valStart, end: i})
	}
	return out, nil
}

func skipPropSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\f') {
		i++
	}
	// A continuation right after the separator continues the value.
	if i+1 < len(data) && data[i] == '\\' && (data[i+1] == '\n' || data[i+1] == '\r') {
		j := skipLineBreak(data, i+1)
		for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\f') {
			j++
		}
		return skipPropSpace(data, j)
	}
	return i
}

func skipLineBreak(data []byte, i int) int {
	if i < len(data) && data[i] == '\r' {
		i++
	}
	if i < len(data) && data[i] == '\n' {
		i++
	}
	return i
}

// propText reads a key (stopping at an unescaped separator) or a value
// (stopping at the end of the logical line) into b; it returns the offset
// after it. A malformed \u escape is an error.
func propText(b *message.TextBuilder, data []byte, i int, isKey bool) (int, error) {
	run := i
	flush := func(to int) {
		if to > run {
			b.Verbatim(string(data[run:to]), run)
		}
	}
	for i < len(data) {
		c := data[i]
		switch {
		case c == '\n' || c == '\r':
			flush(i)
			return i, nil
		case isKey && (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f'):
			flush(i)
			return i, nil
		case c == '\\':
			flush(i)
			if i+1 >= len(data) {
				return i + 1, nil
			}
			n := data[i+1]
			switch n {
			case '\n', '\r':
				j := skipLineBreak(data, i+1)
				for j < len(data) && (data[j] == ' ' || data[j] == '\t' || data[j] == '\f') {
					j++
				}
				i = j
			case 'u':
				r, width, err := propUnicode(data, i)
				if err != nil {
					return 0, err
				}
				b.Mapped(r, i, i+width)
				i += width
			default:
				rep := string(n)
				switch n {
				case 't':
					rep = "\t"
				case 'n':
					rep = "\n"
				case 'r':
					rep = "\r"
				case 'f':
					rep = "\f"
				}
				b.Mapped(rep, i, i+2)
				i += 2
			}
			run = i
		default:
			i++
		}
	}
	flush(i)
	return i, nil
}

// propUnicode decodes \uXXXX at i, with the low surrogate \uXXXX that
// must follow a high one. Java refuses a malformed \u escape ("Malformed
// \uxxxx encoding"), and half a surrogate pair is no character.
func propUnicode(data []byte, i int) (string, int, error) {
	v, ok := propHex4(data, i)
	if !ok {
		end := min(i+6, len(data))
		if j := bytes.IndexAny(data[i:end], "\r\n"); j >= 0 {
			end = i + j
		}
		return "", 0, &bundleError{off: i, msg: fmt.Sprintf("malformed escape %q: \\u takes four hex digits", data[i:end])}
	}
	r := rune(v)
	if !utf16.IsSurrogate(r) {
		return string(r), 6, nil
	}
	if r < 0xDC00 {
		if low, ok := propHex4(data, i+6); ok {
			if d := utf16.DecodeRune(r, rune(low)); d != unicode.ReplacementChar {
				return string(d), 12, nil
			}
		}
	}
	return "", 0, &bundleError{off: i, msg: fmt.Sprintf("escape \\u%04X is half of a UTF-16 surrogate pair without its other half", v)}
}

// propHex4 reads the four hex digits of a \u escape at i.
func propHex4(data []byte, i int) (uint64, bool) {
	if i+6 > len(data) || data[i] != '\\' || data[i+1] != 'u' {
		return 0, false
	}
	for _, c := range data[i+2 : i+6] {
		if !isHexDigit(c) {
			return 0, false
		}
	}
	v, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 32)
	return v, err == nil
}
