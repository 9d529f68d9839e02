package sms

import "unicode/utf8"

// escape marks the position of the escape code (0x1B) in gsmBasic. It is not
// a character: U+001B in the input is not GSM-7.
const escape rune = -1

// gsmBasic is the GSM 7-bit default alphabet (3GPP TS 23.038 §6.2.1), indexed
// by septet value.
var gsmBasic = [128]rune{
	// 0x00
	'@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
	// 0x10
	'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', escape, 'Æ', 'æ', 'ß', 'É',
	// 0x20
	' ', '!', '"', '#', '¤', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
	// 0x30
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
	// 0x40
	'¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
	// 0x50
	'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
	// 0x60
	'¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
	// 0x70
	'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
}

// gsmExtension is the GSM 7-bit default alphabet extension table
// (3GPP TS 23.038 §6.2.1.1): each character is sent as the escape code 0x1B
// followed by the septet value given here, so it costs two septets.
var gsmExtension = map[rune]byte{
	'\f': 0x0A, // form feed (page break)
	'^':  0x14,
	'{':  0x28,
	'}':  0x29,
	'\\': 0x2F,
	'[':  0x3C,
	'~':  0x3D,
	']':  0x3E,
	'|':  0x40,
	'€':  0x65,
}

// tableSize covers Latin-1, Latin Extended and Greek, where every basic-set
// character outside ASCII lives. The only other GSM-7 character is €.
const tableSize = 0x400

// septetTable gives the septet cost of every rune below tableSize: 0 for
// runes outside GSM-7, 1 for the basic set, 2 for the extension table.
var septetTable = buildSeptetTable()

func buildSeptetTable() *[tableSize]uint8 {
	var t [tableSize]uint8
	for _, r := range gsmBasic {
		if r != escape {
			t[r] = 1
		}
	}
	for r := range gsmExtension {
		if r < tableSize {
			t[r] = 2
		}
	}
	return &t
}

// plainTable marks the bytes that are one GSM-7 character of one septet on
// their own: ASCII in the basic set, except CR (which may start CR LF).
var plainTable = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = septetTable[c] == 1 && c != '\r'
	}
	return t
}()

// plainRun returns the end of the run of plain bytes (see plainTable)
// starting at byte offset i of text, at most limit.
func plainRun(text string, i, limit int) int {
	for i < limit && plainTable[text[i]] {
		i++
	}
	return i
}

// Septets returns the number of septets r costs in GSM-7: 1 for the basic
// set, 2 for the extension table (escape + code), 0 if r is not GSM-7.
func Septets(r rune) int {
	if uint32(r) < tableSize {
		return int(septetTable[r])
	}
	if r == '€' {
		return 2
	}
	return 0
}

// IsGSM reports whether r is in the GSM-7 basic set or its extension table.
// U+001B (the escape code itself) and utf8.RuneError are not.
func IsGSM(r rune) bool {
	return Septets(r) != 0
}

// utf16Units returns the UTF-16 code units r occupies: 2 for runes outside
// the Basic Multilingual Plane, else 1 (invalid runes count as U+FFFD).
func utf16Units(r rune) int {
	if r > 0xFFFF && r <= utf8.MaxRune {
		return 2
	}
	return 1
}
