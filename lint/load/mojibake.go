package load

import (
	"fmt"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// cp1252High maps the Windows-1252 characters of bytes 0x80–0x9F back to
// their byte; 0xA0–0xFF are the Latin-1 code points themselves.
var cp1252High = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// cp1252Byte returns the Windows-1252 byte of r, if r has one above 0x7F.
func cp1252Byte(r rune) (byte, bool) {
	if r >= 0xA0 && r <= 0xFF {
		return byte(r), true
	}
	b, ok := cp1252High[r]
	return b, ok
}

// mojibake finds UTF-8 text that was read as Windows-1252 and saved again
// ("PrestaShopâ„¢" for "PrestaShop™", "Ã¼ber" for "über"): a run of
// characters whose Windows-1252 bytes form one UTF-8 character of two to
// four bytes. It returns the first such run (byte offsets in text), what
// it should read, and how many runs the text has.
func mojibake(text []byte) (start, end int, want string, n int) {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		lead, ok := cp1252Byte(r)
		need := 0
		switch {
		case !ok:
		case lead >= 0xC2 && lead <= 0xDF:
			need = 1
		case lead >= 0xE0 && lead <= 0xEF:
			need = 2
		case lead >= 0xF0 && lead <= 0xF4:
			need = 3
		}
		if need == 0 {
			i += size
			continue
		}
		buf := []byte{lead}
		j := i + size
		for k := 0; k < need && j < len(text); k++ {
			c, cs := utf8.DecodeRune(text[j:])
			b, ok := cp1252Byte(c)
			if !ok && c >= 0x80 && c <= 0x9F { // C1 controls some decoders keep
				b, ok = byte(c), true
			}
			if !ok || b < 0x80 || b > 0xBF {
				break
			}
			buf = append(buf, b)
			j += cs
		}
		if len(buf) == need+1 {
			if d, _ := utf8.DecodeRune(buf); d != utf8.RuneError && utf8.ValidString(string(buf)) {
				if n == 0 {
					start, end, want = i, j, string(buf)
				}
				n++
				i = j
				continue
			}
		}
		i += size
	}
	return start, end, want, n
}

// mojibakeProblem reports double-encoded text in a file, once.
func mojibakeProblem(src *message.Source) []message.Problem {
	start, end, want, n := mojibake(src.Content)
	if n == 0 {
		return nil
	}
	more := ""
	if n > 1 {
		more = fmt.Sprintf(" (%d places in the file)", n)
	}
	return []message.Problem{{Kind: message.EncodingProblem, Start: start, End: end, Severity: message.Warning,
		Message: fmt.Sprintf("garbled characters: %q is %q saved through the wrong encoding%s; customers see the garble", string(src.Content[start:end]), want, more),
		Hint:    fmt.Sprintf("replace %q with %q (re-save the text as UTF-8 from its original)", string(src.Content[start:end]), want)}}
}
