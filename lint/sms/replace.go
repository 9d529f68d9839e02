package sms

import "unicode/utf8"

// replacements maps runes outside GSM-7 to GSM-7 text, in the spirit of
// Twilio's and Sinch's "smart encoding" plus GOV.UK Notify's mapping of
// accented letters to their base letters. An empty value means the rune is
// invisible and is removed. Every key is outside GSM-7 and every value is
// GSM-7 only (both checked by the tests). Fullwidth ASCII (U+FF01–U+FF5E) is
// handled in Replacement.
var replacements = map[rune]string{
	// Single quotes, apostrophes, primes.
	'`':      "'", // grave accent (not in GSM-7)
	'\u00B4': "'", // acute accent
	'\u2018': "'", // left single quotation mark
	'\u2019': "'", // right single quotation mark
	'\u201A': "'", // single low-9 quotation mark
	'\u201B': "'", // single high-reversed-9 quotation mark
	'\u2032': "'", // prime
	'\u2035': "'", // reversed prime
	'\u2039': "'", // single left-pointing angle quotation mark
	'\u203A': "'", // single right-pointing angle quotation mark
	'\u02B9': "'", // modifier letter prime
	'\u02BB': "'", // modifier letter turned comma
	'\u02BC': "'", // modifier letter apostrophe
	'\u02BD': "'", // modifier letter reversed comma

	// Double quotes.
	'\u00AB': `"`, // left-pointing double angle quotation mark
	'\u00BB': `"`, // right-pointing double angle quotation mark
	'\u201C': `"`, // left double quotation mark
	'\u201D': `"`, // right double quotation mark
	'\u201E': `"`, // double low-9 quotation mark
	'\u201F': `"`, // double high-reversed-9 quotation mark
	'\u2033': `"`, // double prime
	'\u2036': `"`, // reversed double prime
	'\u02BA': `"`, // modifier letter double prime

	// Dashes, hyphens, bullets.
	'\u2010': "-", // hyphen
	'\u2011': "-", // non-breaking hyphen
	'\u2012': "-", // figure dash
	'\u2013': "-", // en dash
	'\u2014': "-", // em dash
	'\u2015': "-", // horizontal bar
	'\u2212': "-", // minus sign
	'\u2043': "-", // hyphen bullet
	'\u2022': "-", // bullet
	'\u2023': "-", // triangular bullet
	'\uFE63': "-", // small hyphen-minus

	// Other punctuation and symbols.
	'\u2026': "...", // horizontal ellipsis
	'\u203C': "!!",  // double exclamation mark
	'\u2047': "??",  // double question mark
	'\u2048': "?!",  // question exclamation mark
	'\u2049': "!?",  // exclamation question mark
	'\u2044': "/",   // fraction slash
	'\u2215': "/",   // division slash
	'\u00F7': "/",   // division sign
	'\u00D7': "x",   // multiplication sign
	'\u00B1': "+/-", // plus-minus sign
	'\u00A6': "|",   // broken bar
	'\u00BC': "1/4", // vulgar fraction one quarter
	'\u00BD': "1/2", // vulgar fraction one half
	'\u00BE': "3/4", // vulgar fraction three quarters
	'\u2153': "1/3", // vulgar fraction one third
	'\u2154': "2/3", // vulgar fraction two thirds
	'\u00B9': "1",   // superscript one
	'\u00B2': "2",   // superscript two
	'\u00B3': "3",   // superscript three
	'\u2122': "TM",  // trade mark sign
	'\u00A9': "(c)", // copyright sign
	'\u00AE': "(R)", // registered sign
	'\u2117': "(P)", // sound recording copyright
	'\u2116': "No",  // numero sign
	'\u02C6': "^",   // modifier letter circumflex accent
	'\u02DC': "~",   // small tilde
	'\u223C': "~",   // tilde operator
	'\u2028': "\n",  // line separator
	'\u2029': "\n",  // paragraph separator
	'\u0085': "\n",  // next line (C1 control)
	'\t':     " ",   // character tabulation
	'\u000B': "\n",  // line tabulation
	'\u2024': ".",   // one dot leader
	'\u2025': "..",  // two dot leader
	'\uFE50': ",",   // small comma
	'\uFE52': ".",   // small full stop
	'\uFE54': ";",   // small semicolon
	'\uFE55': ":",   // small colon
	'\uFE56': "?",   // small question mark
	'\uFE57': "!",   // small exclamation mark
	'\uFE59': "(",   // small left parenthesis
	'\uFE5A': ")",   // small right parenthesis
	'\uFE5F': "#",   // small number sign
	'\uFE60': "&",   // small ampersand
	'\uFE61': "*",   // small asterisk
	'\uFE62': "+",   // small plus sign
	'\uFE64': "<",   // small less-than sign
	'\uFE65': ">",   // small greater-than sign
	'\uFE66': "=",   // small equals sign
	'\uFE69': "$",   // small dollar sign
	'\uFE6A': "%",   // small percent sign
	'\uFE6B': "@",   // small commercial at
	'\u2217': "*",   // asterisk operator
	'\u2223': "|",   // divides

	// Spaces.
	'\u00A0': " ", // no-break space
	'\u1680': " ", // ogham space mark
	'\u2000': " ", // en quad
	'\u2001': " ", // em quad
	'\u2002': " ", // en space
	'\u2003': " ", // em space
	'\u2004': " ", // three-per-em space
	'\u2005': " ", // four-per-em space
	'\u2006': " ", // six-per-em space
	'\u2007': " ", // figure space
	'\u2008': " ", // punctuation space
	'\u2009': " ", // thin space
	'\u200A': " ", // hair space
	'\u202F': " ", // narrow no-break space
	'\u205F': " ", // medium mathematical space
	'\u3000': " ", // ideographic space

	// Invisible characters: removed. The zero-width joiner (U+200D) and the
	// variation selectors are left alone: they are part of emoji.
	'\u00AD': "", // soft hyphen
	'\u180E': "", // Mongolian vowel separator
	'\u200B': "", // zero-width space
	'\u200C': "", // zero-width non-joiner
	'\u200E': "", // left-to-right mark
	'\u200F': "", // right-to-left mark
	'\u202A': "", // left-to-right embedding
	'\u202B': "", // right-to-left embedding
	'\u202C': "", // pop directional formatting
	'\u202D': "", // left-to-right override
	'\u202E': "", // right-to-left override
	'\u2060': "", // word joiner
	'\u2061': "", // function application
	'\u2062': "", // invisible times
	'\u2063': "", // invisible separator
	'\u2064': "", // invisible plus
	'\u2066': "", // left-to-right isolate
	'\u2067': "", // right-to-left isolate
	'\u2068': "", // first strong isolate
	'\u2069': "", // pop directional isolate
	'\uFEFF': "", // zero-width no-break space (byte order mark)

	// Latin-1 letters outside GSM-7, mapped to their base letters.
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A",
	'È': "E", 'Ê': "E", 'Ë': "E",
	'Ì': "I", 'Í': "I", 'Î': "I", 'Ï': "I",
	'Ð': "D",
	'Ò': "O", 'Ó': "O", 'Ô': "O", 'Õ': "O",
	'Ù': "U", 'Ú': "U", 'Û': "U",
	'Ý': "Y", 'Þ': "Th",
	'á': "a", 'â': "a", 'ã': "a",
	'ç': "c",
	'ê': "e", 'ë': "e",
	'í': "i", 'î': "i", 'ï': "i",
	'ð': "d",
	'ó': "o", 'ô': "o", 'õ': "o",
	'ú': "u", 'û': "u",
	'ý': "y", 'ÿ': "y", 'þ': "th",

	// Latin Extended-A.
	'Ā': "A", 'ā': "a", 'Ă': "A", 'ă': "a", 'Ą': "A", 'ą': "a",
	'Ć': "C", 'ć': "c", 'Ĉ': "C", 'ĉ': "c", 'Ċ': "C", 'ċ': "c", 'Č': "C", 'č': "c",
	'Ď': "D", 'ď': "d", 'Đ': "D", 'đ': "d",
	'Ē': "E", 'ē': "e", 'Ĕ': "E", 'ĕ': "e", 'Ė': "E", 'ė': "e", 'Ę': "E", 'ę': "e", 'Ě': "E", 'ě': "e",
	'Ĝ': "G", 'ĝ': "g", 'Ğ': "G", 'ğ': "g", 'Ġ': "G", 'ġ': "g", 'Ģ': "G", 'ģ': "g",
	'Ĥ': "H", 'ĥ': "h", 'Ħ': "H", 'ħ': "h",
	'Ĩ': "I", 'ĩ': "i", 'Ī': "I", 'ī': "i", 'Ĭ': "I", 'ĭ': "i", 'Į': "I", 'į': "i", 'İ': "I", 'ı': "i",
	'Ĳ': "IJ", 'ĳ': "ij",
	'Ĵ': "J", 'ĵ': "j",
	'Ķ': "K", 'ķ': "k", 'ĸ': "k",
	'Ĺ': "L", 'ĺ': "l", 'Ļ': "L", 'ļ': "l", 'Ľ': "L", 'ľ': "l", 'Ŀ': "L", 'ŀ': "l", 'Ł': "L", 'ł': "l",
	'Ń': "N", 'ń': "n", 'Ņ': "N", 'ņ': "n", 'Ň': "N", 'ň': "n", 'ŉ': "'n", 'Ŋ': "N", 'ŋ': "n",
	'Ō': "O", 'ō': "o", 'Ŏ': "O", 'ŏ': "o", 'Ő': "O", 'ő': "o",
	'Œ': "OE", 'œ': "oe",
	'Ŕ': "R", 'ŕ': "r", 'Ŗ': "R", 'ŗ': "r", 'Ř': "R", 'ř': "r",
	'Ś': "S", 'ś': "s", 'Ŝ': "S", 'ŝ': "s", 'Ş': "S", 'ş': "s", 'Š': "S", 'š': "s",
	'Ţ': "T", 'ţ': "t", 'Ť': "T", 'ť': "t", 'Ŧ': "T", 'ŧ': "t",
	'Ũ': "U", 'ũ': "u", 'Ū': "U", 'ū': "u", 'Ŭ': "U", 'ŭ': "u", 'Ů': "U", 'ů': "u", 'Ű': "U", 'ű': "u", 'Ų': "U", 'ų': "u",
	'Ŵ': "W", 'ŵ': "w",
	'Ŷ': "Y", 'ŷ': "y", 'Ÿ': "Y",
	'Ź': "Z", 'ź': "z", 'Ż': "Z", 'ż': "z", 'Ž': "Z", 'ž': "z",
	'ſ': "s",

	// Latin Extended-B letters in everyday use (Romanian, Vietnamese).
	'Ș': "S", 'ș': "s", 'Ț': "T", 'ț': "t",
	'Ơ': "O", 'ơ': "o", 'Ư': "U", 'ư': "u",
}

// Replacement returns a GSM-7 replacement for r, which is not in GSM-7.
// ok is false when there is none, or when r is already GSM-7; an empty string
// with ok true means r is invisible and should be removed.
func Replacement(r rune) (string, bool) {
	switch {
	case IsGSM(r):
		return "", false
	case r >= 0xFF01 && r <= 0xFF5E:
		// Fullwidth ASCII forms: the ASCII character they stand for.
		a := r - 0xFEE0
		if a == '`' {
			return "'", true
		}
		return asciiStrings[a], true
	case isCombiningDiacritic(r):
		// Combining accents: removed, like the accents of precomposed
		// letters (ReplaceAll recomposes the ones GSM-7 has).
		return "", true
	case noReplacement(r):
		// Greek, Cyrillic, other scripts, emoji: no replacement (fast path).
		return "", false
	}
	s, ok := replacements[r]
	return s, ok
}

// noReplacement reports whether r is in a range where no rune has a
// replacement: Greek to Ogham, and emoji and everything above U+1F000.
func noReplacement(r rune) bool {
	return r >= 0x0370 && r < 0x1680 || r >= 0x1F000
}

// asciiStrings holds one-character strings for ASCII, so that replacing
// fullwidth forms does not allocate.
var asciiStrings = func() (a [128]string) {
	for i := range a {
		a[i] = string(rune(i))
	}
	return
}()

// composeGSM maps a base letter followed by a combining mark to the
// precomposed GSM-7 letter they spell, so that decomposed text ("e" + U+0301)
// keeps its accent where GSM-7 has the letter.
var composeGSM = map[[2]rune]rune{
	{'a', 0x300}: 'à', {'e', 0x300}: 'è', {'i', 0x300}: 'ì', {'o', 0x300}: 'ò', {'u', 0x300}: 'ù',
	{'e', 0x301}: 'é', {'E', 0x301}: 'É',
	{'n', 0x303}: 'ñ', {'N', 0x303}: 'Ñ',
	{'a', 0x308}: 'ä', {'o', 0x308}: 'ö', {'u', 0x308}: 'ü',
	{'A', 0x308}: 'Ä', {'O', 0x308}: 'Ö', {'U', 0x308}: 'Ü',
	{'a', 0x30A}: 'å', {'A', 0x30A}: 'Å',
	{'C', 0x327}: 'Ç',
}

// isCombiningDiacritic reports whether r is in the Combining Diacritical
// Marks block (U+0300–U+036F).
func isCombiningDiacritic(r rune) bool {
	return r >= 0x300 && r <= 0x36F
}

// ReplaceAll applies every available GSM-7 replacement to text (this is what
// a fixer uses). Characters without a replacement, and invalid UTF-8, stay.
// A combining diacritic (U+0300–U+036F) is removed, except that an ASCII
// letter followed by a mark that together spell a GSM-7 letter (e + U+0301)
// become that letter (é).
func ReplaceAll(text string) string {
	// Find the first rune that changes; most texts need nothing.
	first := -1
	for i, r := range text {
		if r < utf8.RuneSelf && septetTable[r] != 0 {
			continue
		}
		if _, ok := Replacement(r); ok {
			first = i
			break
		}
	}
	if first < 0 {
		return text
	}
	buf := make([]byte, 0, len(text)+8)
	buf = append(buf, text[:first]...)
	for i := first; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isCombiningDiacritic(r) && len(buf) > 0 && buf[len(buf)-1] < utf8.RuneSelf {
			if c, ok := composeGSM[[2]rune{rune(buf[len(buf)-1]), r}]; ok {
				buf = utf8.AppendRune(buf[:len(buf)-1], c)
				i += size
				continue
			}
		}
		if rep, ok := Replacement(r); ok {
			buf = append(buf, rep...)
		} else {
			buf = append(buf, text[i:i+size]...)
		}
		i += size
	}
	return string(buf)
}
