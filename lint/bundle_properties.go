package lint

import (
	"strconv"
	"unicode/utf16"
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
		var key TextBuilder
		keyStart := i
		i = propText(&key, data, i, true)
		// Separator: white space, then at most one = or :, then white space.
		i = skipPropSpace(data, i)
		if i < len(data) && (data[i] == '=' || data[i] == ':') {
			i++
			i = skipPropSpace(data, i)
		}
		var val TextBuilder
		val.setHost(host{str: strProperties})
		valStart := i
		i = propText(&val, data, i, false)
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
// after it.
func propText(b *TextBuilder, data []byte, i int, isKey bool) int {
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
			return i
		case isKey && (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f'):
			flush(i)
			return i
		case c == '\\':
			flush(i)
			if i+1 >= len(data) {
				return i + 1
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
				r, width := propUnicode(data, i)
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
	return i
}

// propUnicode decodes \uXXXX (and a following low surrogate) at i.
func propUnicode(data []byte, i int) (string, int) {
	if i+6 > len(data) {
		return "\uFFFD", len(data) - i
	}
	v, err := strconv.ParseUint(string(data[i+2:i+6]), 16, 32)
	if err != nil {
		return "\uFFFD", 2
	}
	r := rune(v)
	if utf16.IsSurrogate(r) && i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
		if v2, err := strconv.ParseUint(string(data[i+8:i+12]), 16, 32); err == nil {
			if d := utf16.DecodeRune(r, rune(v2)); d != '\uFFFD' {
				return string(d), 12
			}
		}
	}
	if utf16.IsSurrogate(r) {
		return "\uFFFD", 6
	}
	return string(r), 6
}
