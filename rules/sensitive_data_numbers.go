package rules

// Account and card numbers in message text: IBANs checked against the
// registry's lengths and their mod-97 check digits, card numbers against
// the issuers' prefixes and the Luhn check (rule sensitive-data).

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/rules/internal/prose"
)

// IBAN lengths per country (SWIFT IBAN registry).
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BR": 29,
	"BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "DO": 28, "EE": 20, "EG": 29,
	"ES": 24, "FI": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28,
	"HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20,
	"LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
	"MR": 27, "MT": 31, "MU": 30, "NL": 18, "NO": 15, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29,
	"RO": 24, "RS": 22, "SA": 24, "SC": 31, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

// ibanRe finds IBAN candidates: country, check digits, then groups of four
// (spaces optional) and a shorter last group.
var ibanRe = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b`)

// findIBANs returns the IBANs in s with a valid length and checksum.
func findIBANs(s string) []prose.Span {
	if !ibanStart(s) {
		return nil
	}
	var out []prose.Span
	for _, m := range ibanRe.FindAllStringIndex(s, -1) {
		if !lang.AtWordBoundary(s, m[0], m[1]) {
			continue
		}
		if validIBAN(s[m[0]:m[1]]) {
			out = append(out, prose.Span{Start: m[0], End: m[1]})
		}
	}
	return out
}

// ibanStart reports whether s holds two capital letters followed by two
// digits anywhere: without them there is no IBAN to look for.
func ibanStart(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i+1] >= 'A' && s[i+1] <= 'Z' && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// validIBAN checks the country length and the ISO 7064 mod 97-10 checksum
// of an IBAN written with or without spaces.
func validIBAN(s string) bool {
	compact := strings.ReplaceAll(s, " ", "")
	if len(compact) < 15 || len(compact) > 34 {
		return false
	}
	want, ok := ibanLengths[compact[:2]]
	if !ok || want != len(compact) {
		return false
	}
	rearranged := compact[4:] + compact[:4]
	rem := 0
	for i := 0; i < len(rearranged); i++ {
		c := rearranged[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			v := int(c-'A') + 10
			rem = (rem*100 + v) % 97
		default:
			return false
		}
	}
	return rem == 1
}

// findCardNumbers returns the card numbers in s: 13 to 19 digits in the
// groupings cards are printed in, with a card-network prefix, passing Luhn.
func findCardNumbers(s string) []prose.Span {
	var out []prose.Span
	i := 0
	for i < len(s) {
		if !isDigit(s[i]) {
			i++
			continue
		}
		// A run of digit groups separated by single spaces or dashes.
		runStart := i
		var groups []prose.Span
		j := i
		for {
			gs := j
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			groups = append(groups, prose.Span{Start: gs, End: j})
			if j+1 < len(s) && (s[j] == ' ' || s[j] == '-') && isDigit(s[j+1]) {
				j++
				continue
			}
			break
		}
		i = j
		if !cardRunBoundary(s, runStart, j) {
			continue
		}
		if r, ok := cardInGroups(s, groups); ok {
			out = append(out, r)
		}
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// cardRunBoundary reports whether a digit run stands alone: not glued to
// letters, not a phone number (+49 …), not a decimal or an amount part.
func cardRunBoundary(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if lang.IsWordRune(r) || r == '+' || r == '.' || r == ',' || r == '/' || r == '-' || r == '_' {
			return false
		}
	}
	if end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if lang.IsWordRune(r) || r == '_' {
			return false
		}
		if (r == '.' || r == ',' || r == '/') && end+n < len(s) && isDigit(s[end+n]) {
			return false
		}
	}
	return true
}

// cardInGroups finds a card number made of whole groups of a digit run.
func cardInGroups(s string, groups []prose.Span) (prose.Span, bool) {
	for a := 0; a < len(groups); a++ {
		n := 0
		for b := a; b < len(groups); b++ {
			n += groups[b].End - groups[b].Start
			if n > 19 {
				break
			}
			if n < 13 || !cardGrouping(groups[a:b+1]) {
				continue
			}
			var digits []byte
			for _, g := range groups[a : b+1] {
				digits = append(digits, s[g.Start:g.End]...)
			}
			if cardPrefix(digits) && luhn(digits) {
				return prose.Span{Start: groups[a].Start, End: groups[b].End}, true
			}
		}
	}
	return prose.Span{}, false
}

// cardGrouping reports whether groups look like a printed card number:
// one block, 4-4-4-4(-1..4), 4-6-5 (Amex) or 4-6-4 (Diners).
func cardGrouping(gs []prose.Span) bool {
	if len(gs) == 1 {
		return true
	}
	sizes := make([]int, len(gs))
	for i, g := range gs {
		sizes[i] = g.End - g.Start
	}
	if len(sizes) == 3 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 5 || sizes[2] == 4) {
		return true
	}
	if len(sizes) < 3 {
		return false
	}
	for i, n := range sizes {
		if i < len(sizes)-1 && n != 4 {
			return false
		}
		if i == len(sizes)-1 && (n < 1 || n > 4) {
			return false
		}
	}
	return true
}

// cardPrefix reports whether digits start and are as long as a card of a
// major network (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay,
// Maestro, Mir).
func cardPrefix(d []byte) bool {
	n := len(d)
	p := func(k int) int {
		v := 0
		for i := 0; i < k && i < n; i++ {
			v = v*10 + int(d[i]-'0')
		}
		return v
	}
	switch {
	case d[0] == '4':
		return n == 16 || n == 19
	case p(2) >= 51 && p(2) <= 55, p(4) >= 2221 && p(4) <= 2720:
		return n == 16
	case p(2) == 34 || p(2) == 37:
		return n == 15
	case p(4) >= 2200 && p(4) <= 2204:
		return n >= 16 && n <= 19
	case p(3) >= 300 && p(3) <= 305, p(2) == 36, p(2) == 38, p(2) == 39:
		return n >= 14 && n <= 19
	case p(4) >= 3528 && p(4) <= 3589:
		return n >= 16 && n <= 19
	case p(2) == 50, p(2) >= 56 && p(2) <= 69:
		return n >= 13 && n <= 19
	}
	return false
}

// luhn reports whether the digits pass the Luhn checksum.
func luhn(d []byte) bool {
	sum := 0
	double := false
	for i := len(d) - 1; i >= 0; i-- {
		v := int(d[i] - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return sum%10 == 0
}
