package message

import (
	"html"
	"strings"
)

// AppendDecoded appends raw, which sits at file offset off, decoding HTML
// character references (&amp; &rsquo; &#8217;) and, when backslash is true,
// Markdown backslash escapes, while keeping positions.
func AppendDecoded(b *TextBuilder, raw string, off int, backslash bool) {
	start := 0
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '&':
			semi := strings.IndexByte(raw[i:min(len(raw), i+40)], ';')
			if semi < 2 {
				continue
			}
			ref := raw[i : i+semi+1]
			dec := html.UnescapeString(ref)
			if dec == ref {
				continue
			}
			AppendLines(b, raw[start:i], off+start)
			b.Mapped(dec, off+i, off+i+len(ref))
			i += len(ref) - 1
			start = i + 1
		case backslash && c == '\\' && i+1 < len(raw) && isASCIIPunct(raw[i+1]):
			AppendLines(b, raw[start:i], off+start)
			b.Mapped(raw[i+1:i+2], off+i, off+i+2)
			i++
			start = i + 1
		}
	}
	AppendLines(b, raw[start:], off+start)
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// AppendLines copies s verbatim except that CRLF becomes LF.
func AppendLines(b *TextBuilder, s string, off int) {
	for {
		i := strings.Index(s, "\r\n")
		if i < 0 {
			b.Verbatim(s, off)
			return
		}
		b.Verbatim(s[:i], off)
		b.Mapped("\n", off+i, off+i+2)
		s, off = s[i+2:], off+i+2
	}
}
