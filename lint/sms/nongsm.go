package sms

import (
	"iter"
	"unicode/utf8"
)

// MaxNonGSM bounds Result.NonGSM: at most this many distinct characters are
// listed, so a long text in a script GSM-7 cannot write costs a short list,
// not one entry per character.
const MaxNonGSM = 16

// NonGSM is a character that forces UCS-2, with its GSM-7 replacement if
// there is one. In Result.NonGSM it stands for every occurrence of the
// character: Offset and Len are those of the first, Count says how many
// there are. NonGSMOccurrences yields one per occurrence, Count 1.
type NonGSM struct {
	Char           string // the character; "\uFFFD" for an invalid UTF-8 byte
	Offset         int    // byte offset in the input (of the first occurrence in Result.NonGSM)
	Len            int    // bytes it occupies at Offset (1 for an invalid byte)
	Count          int    // occurrences in the input
	Replacement    string // GSM-7 replacement; "" when none or when it is removed
	HasReplacement bool   // Replacement is meaningful (also for removal, "")
}

// NonGSMOccurrences yields every rune of text that forces UCS-2, in input
// order, each with Count 1. Invalid UTF-8 bytes are yielded one by one as
// U+FFFD.
func NonGSMOccurrences(text string) iter.Seq[NonGSM] {
	return func(yield func(NonGSM) bool) {
		for i := 0; i < len(text); {
			c := text[i]
			if c < utf8.RuneSelf {
				if septetTable[c] == 0 && !yield(newNonGSM(text, i, 1, rune(c))) {
					return
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if Septets(r) == 0 && !yield(newNonGSM(text, i, size, r)) {
				return
			}
			i += size
		}
	}
}

// newNonGSM describes the rune r of size bytes at byte offset i of text,
// which is not GSM-7.
func newNonGSM(text string, i, size int, r rune) NonGSM {
	ng := NonGSM{Char: text[i : i+size], Offset: i, Len: size, Count: 1}
	if r == utf8.RuneError && size == 1 {
		ng.Char = string(utf8.RuneError)
	}
	if !noReplacement(r) {
		ng.Replacement, ng.HasReplacement = Replacement(r)
	}
	return ng
}

// distinctSlots is the size of the open-addressing table of nonGSMSet:
// a power of two, 4 × MaxNonGSM so that probes stay short.
const (
	distinctBits  = 7
	distinctSlots = 1 << distinctBits
)

// nonGSMSet collects the distinct non-GSM runes of a text, the first
// MaxNonGSM of them with the offset of their first occurrence and their
// count, and counts all occurrences. It lives on the stack: the list is
// built once, at its final size, by list.
type nonGSMSet struct {
	keys  [distinctSlots]rune  // rune + 1 (0: empty slot)
	index [distinctSlots]uint8 // position in first and count
	first [MaxNonGSM]int       // byte offset of the first occurrence
	count [MaxNonGSM]int       // occurrences
	n     int                  // distinct runes listed
	total int                  // occurrences, listed or not
}

// add records the non-GSM rune r at byte offset i.
func (s *nonGSMSet) add(i int, r rune) {
	s.total++
	key := r + 1
	h := (uint32(r) * 0x9E3779B1) >> (32 - distinctBits)
	for {
		switch s.keys[h] {
		case key:
			s.count[s.index[h]]++
			return
		case 0:
			if s.n == MaxNonGSM {
				return
			}
			s.keys[h], s.index[h] = key, uint8(s.n)
			s.first[s.n], s.count[s.n] = i, 1
			s.n++
			return
		}
		h = (h + 1) & (distinctSlots - 1)
	}
}

// list returns the distinct characters of text recorded by add.
func (s *nonGSMSet) list(text string) []NonGSM {
	list := make([]NonGSM, s.n)
	for k := range list {
		i := s.first[k]
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		list[k] = newNonGSM(text, i, size, r)
		list[k].Count = s.count[k]
	}
	return list
}

// scanUCS2 goes on from byte offset i of text, where the first non-GSM
// rune is, and returns the UTF-16 units of text[i:] and its non-GSM
// characters. Septets no longer matter once the text is UCS-2.
func scanUCS2(text string, i int) (u16 int, list []NonGSM, total int) {
	var s nonGSMSet
	n := len(text)
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if septetTable[c] == 0 {
				s.add(i, rune(c))
			}
			u16++
			i++
			continue
		}
		r, size := decodeRune(text, i)
		if Septets(r) == 0 {
			s.add(i, r)
		}
		if size == 4 {
			u16 += 2
		} else {
			u16++
		}
		i += size
	}
	return u16, s.list(text), s.total
}

// decodeRune decodes the rune at byte offset i of text like
// utf8.DecodeRuneInString, with the two- and three-byte forms inline.
func decodeRune(text string, i int) (rune, int) {
	c := text[i]
	switch {
	case c < utf8.RuneSelf:
		return rune(c), 1
	case c >= 0xC2 && c < 0xE0 && i+1 < len(text):
		if c1 := text[i+1]; c1&0xC0 == 0x80 {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	case c >= 0xE1 && c < 0xF0 && c != 0xED && i+2 < len(text):
		// E0 and ED have narrower second-byte ranges: left to utf8.
		if c1, c2 := text[i+1], text[i+2]; c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(text[i:])
}
