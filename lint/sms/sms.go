// Package sms works out how an SMS text is encoded and split into parts:
// GSM-7 or UCS-2 (3GPP TS 23.038), how many septets or UTF-16 units it
// costs, and where a sender splits it into concatenated parts
// (3GPP TS 23.040). It also lists the characters that force UCS-2 (each
// once, with its count; NonGSMOccurrences yields every occurrence) and
// offers GSM-7 replacements for them.
//
// By default a part never ends inside a grapheme cluster, the model of
// Twilio's segment calculator and Android's SmsMessage.fragmentText, with
// current Unicode rules (github.com/rivo/uniseg). Minimal splitting follows
// the specification's minimum instead.
package sms

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Limits of one SMS (3GPP TS 23.040): a single message holds 160 septets or
// 70 UCS-2 units; a part of a concatenated message (8-bit reference UDH)
// holds 153 or 67; a concatenated message has at most 255 parts.
const (
	GSM7Single = 160 // septets in a single GSM-7 message
	GSM7Part   = 153 // septets in one part of a concatenated GSM-7 message
	UCS2Single = 70  // UTF-16 units in a single UCS-2 message
	UCS2Part   = 67  // UTF-16 units in one part of a concatenated UCS-2 message
	MaxParts   = 255 // parts a concatenated message can have
)

// Encoding is the data coding of a message: GSM-7 or UCS-2.
type Encoding int

// The two encodings a sender picks between.
const (
	GSM7 Encoding = iota // GSM 7-bit default alphabet and extension table
	UCS2                 // UCS-2 / UTF-16, needed by any other character
)

// String returns "GSM-7" or "UCS-2".
func (e Encoding) String() string {
	if e == UCS2 {
		return "UCS-2"
	}
	return "GSM-7"
}

// SplitMode chooses what a part boundary must not cut.
type SplitMode int

// Split modes. The zero value, Graphemes, is what senders are billed by.
const (
	// Graphemes never splits a grapheme cluster (Twilio, Android), unless one
	// cluster alone exceeds a part; that cluster is split between runes.
	Graphemes SplitMode = iota
	// Minimal only never splits a GSM-7 escape pair or a UTF-16 surrogate
	// pair, the minimum TS 23.040 requires.
	Minimal
)

// String returns "graphemes" or "minimal".
func (m SplitMode) String() string {
	if m == Minimal {
		return "minimal"
	}
	return "graphemes"
}

// Options tunes Analyze. The zero value is the default.
type Options struct {
	Split SplitMode // where parts may be split; default Graphemes
}

// Segment is one part of a message: the bytes [Start, End) of the input and
// the septets or UTF-16 units they cost.
type Segment struct {
	Start, End int // byte offsets in the input, End exclusive
	Units      int // septets (GSM-7) or UTF-16 code units (UCS-2) in this part
}

// Result describes how a text is sent as SMS.
type Result struct {
	Encoding    Encoding
	Units       int       // total septets (extension characters count 2) or UTF-16 code units
	Segments    int       // parts needed; 1 for the empty text, as Twilio counts it
	Characters  int       // grapheme clusters (what a reader counts as characters)
	PerSegment  int       // capacity of a part: 160 or 153 (GSM-7), 70 or 67 (UCS-2)
	Parts       []Segment // the parts, contiguous, covering the input; one empty part for ""
	NonGSM      []NonGSM  // distinct characters that force UCS-2, by first occurrence, at most MaxNonGSM
	NonGSMRunes int       // occurrences of characters that force UCS-2, listed or not
	TooLong     bool      // more than MaxParts parts: cannot be sent as one concatenated SMS
}

// Analyze works out the encoding, cost and parts of text. Invalid UTF-8
// bytes count as U+FFFD (which forces UCS-2, one UTF-16 unit each).
func Analyze(text string, opt Options) Result {
	var (
		res     Result
		septets int
		runes   int
		crlf    int
		n       = len(text)
	)
	// Count septets until the first character that is not GSM-7; from there
	// on the text is UCS-2 and scanUCS2 counts UTF-16 units and lists the
	// non-GSM characters.
	i := 0
	for i < n {
		if j := plainRun(text, i, n); j > i {
			septets += j - i
			runes += j - i
			if i = j; i == n {
				break
			}
		}
		c := text[i]
		if c < utf8.RuneSelf {
			s := septetTable[c]
			if s == 0 {
				break
			}
			if c == '\r' && i+1 < n && text[i+1] == '\n' {
				crlf++
			}
			septets += int(s)
			runes++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		s := Septets(r)
		if s == 0 {
			break
		}
		septets += s
		runes++
		i += size
	}
	single, part := GSM7Single, GSM7Part
	res.Encoding, res.Units = GSM7, septets
	if i < n {
		more, list, total := scanUCS2(text, i)
		single, part = UCS2Single, UCS2Part
		res.Encoding, res.Units = UCS2, runes+more // GSM-7 runes are one UTF-16 unit
		res.NonGSM, res.NonGSMRunes = list, total
	}

	if res.Units <= single {
		res.PerSegment = single
		res.Segments = 1
		res.Parts = []Segment{{Start: 0, End: n, Units: res.Units}}
		if res.Encoding == GSM7 {
			res.Characters = runes - crlf
		} else {
			res.Characters = countClusters(text)
		}
		return res
	}

	res.PerSegment = part
	p := packer{per: part, parts: make([]Segment, 0, res.Units/part+2)}
	switch {
	case res.Encoding == GSM7:
		// Every GSM-7 character is a grapheme cluster of its own, except
		// CR LF, which is one cluster of two runes.
		p.packGSM(text, opt.Split == Graphemes)
		res.Characters = runes - crlf
	case opt.Split == Minimal:
		p.packRunes(text, 0, n)
		res.Characters = countClusters(text)
	default:
		res.Characters = p.packClusters(text)
	}
	res.Parts = p.finish(n)
	res.Segments = len(res.Parts)
	res.TooLong = res.Segments > MaxParts
	return res
}

// packer fills parts greedily with atoms of at most per units.
type packer struct {
	per   int
	start int // byte offset where the current part starts
	units int // units in the current part
	parts []Segment
}

// add puts an atom of u units (u <= per) starting at byte offset at into the
// current part, or starts a new part with it if it does not fit.
func (p *packer) add(at, u int) {
	if p.units+u > p.per {
		p.parts = append(p.parts, Segment{Start: p.start, End: at, Units: p.units})
		p.start, p.units = at, 0
	}
	p.units += u
}

// finish closes the last part at byte offset end and returns all parts.
func (p *packer) finish(end int) []Segment {
	return append(p.parts, Segment{Start: p.start, End: end, Units: p.units})
}

// packGSM packs GSM-7 text rune by rune (an extension character is one
// atom of 2 septets). With crlfAtomic, CR LF is one atom.
func (p *packer) packGSM(text string, crlfAtomic bool) {
	n := len(text)
	per := p.per
	start, units := p.start, p.units
	for i := 0; i < n; {
		// Plain bytes cost one septet each: take as many as fit.
		if j := plainRun(text, i, min(n, i+per-units)); j > i {
			units += j - i
			if i = j; i == n {
				break
			}
		}
		c := text[i]
		var u, size int
		if c < utf8.RuneSelf {
			u, size = int(septetTable[c]), 1
			if crlfAtomic && c == '\r' && i+1 < n && text[i+1] == '\n' {
				u, size = 2, 2
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			u = Septets(r)
		}
		if units+u > per {
			p.parts = append(p.parts, Segment{Start: start, End: i, Units: units})
			start, units = i, 0
		}
		units += u
		i += size
	}
	p.start, p.units = start, units
}

// packRunes packs text[from:to] with runes as atoms (UCS-2: a surrogate
// pair is one atom of 2 units).
func (p *packer) packRunes(text string, from, to int) {
	for i := from; i < to; {
		r, size := utf8.DecodeRuneInString(text[i:to])
		p.add(i, utf16Units(r))
		i += size
	}
}

// packClusters packs UCS-2 text with grapheme clusters as atoms and returns
// the number of clusters. A cluster larger than a part is split between its
// runes, filling the current part first.
func (p *packer) packClusters(text string) int {
	count := 0
	state := -1
	for i := 0; i < len(text); {
		end, u, next := nextCluster(text, i, state)
		state = next
		if u <= p.per {
			p.add(i, u)
		} else {
			p.packRunes(text, i, end)
		}
		count++
		i = end
	}
	return count
}

// countClusters returns the number of grapheme clusters in text.
func countClusters(text string) int {
	count := 0
	state := -1
	for i := 0; i < len(text); count++ {
		i, _, state = nextCluster(text, i, state)
	}
	return count
}

// nextCluster returns the end of the grapheme cluster starting at byte
// offset i (a cluster boundary), the UTF-16 units it occupies and the uniseg
// state for the next call. Common cases skip uniseg: when the next rune is
// "simple" (see simpleNext), there is always a boundary before it unless the
// current rune is CR or a Prepend character, so the cluster is the current
// rune alone.
func nextCluster(text string, i, state int) (end, units, next int) {
	n := len(text)
	if c := text[i]; c < utf8.RuneSelf && c != '\r' && i+1 < n && text[i+1] < utf8.RuneSelf {
		// ASCII (not CR) before ASCII: a boundary (GB9 and GB9a need a
		// non-ASCII mark after it).
		return i + 1, 1, -1
	}
	x, sx := decodeRune(text, i)
	j := i + sx
	if j == n {
		return j, utf16Units(x), -1
	}
	switch {
	case x == '\r':
		// GB3, GB4: CR LF is one cluster; there is a boundary after it and
		// after a CR alone.
		if text[j] == '\n' {
			return j + 1, 2, -1
		}
		return j, 1, -1
	case x < 0x600 || simpleNext(x):
		y, _ := decodeRune(text, j)
		if simpleNext(y) {
			return j, utf16Units(x), -1
		}
	}
	cluster, _, _, state := uniseg.FirstGraphemeClusterInString(text[i:], state)
	for _, r := range cluster {
		units += utf16Units(r)
	}
	return i + len(cluster), units, state
}

// simpleNext reports whether a grapheme boundary always precedes r unless
// the rune before it is CR or a Prepend character (UAX #29): r's
// Grapheme_Cluster_Break is Other, Control, CR or LF, and it is neither a
// regional indicator, Hangul, an Indic consonant nor an extended pictograph
// that could follow a ZWJ (© and ® are pictographs, but x is never ZWJ when
// this matters: ZWJ is not below U+0600 and is not simple itself).
func simpleNext(r rune) bool {
	switch {
	case r < 0x300: // ASCII, Latin-1, Latin Extended-A/B, IPA, spacing modifiers
		return true
	case r < 0x370: // combining diacritical marks
		return false
	case r < 0x530: // Greek and Coptic, Cyrillic, Cyrillic Supplement
		return r < 0x483 || r > 0x489 // except combining Cyrillic marks
	case r >= 0x620 && r <= 0x64A: // Arabic letters
		return true
	case r >= 0x660 && r <= 0x669: // Arabic-Indic digits
		return true
	case r >= 0x2010 && r <= 0x2027: // dashes, quotation marks, bullets, ellipsis
		return true
	case r >= 0x5D0 && r <= 0x5EA: // Hebrew letters
		return true
	case r >= 0x3041 && r <= 0x3096: // Hiragana letters
		return true
	case r >= 0x30A1 && r <= 0x30FA: // Katakana letters
		return true
	case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		return true
	}
	return false
}
