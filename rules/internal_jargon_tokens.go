package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/rules/internal/prose"
)

// This file holds the language-independent token checks of
// internal-jargon: snake-case status codes (PENDING_FULFILLMENT,
// order_shipped) and CamelCase event and field names (PaymentFailed),
// told apart from voucher codes, handles, file names and brands.

// camelSuffixes are system words that end event and field names
// (OrderState, MissedCheckinEmail, orderId); inside a name of three or
// more parts they mark one too (OrderStatusUpdate).
var camelSuffixes = map[string]bool{
	"state": true, "status": true, "event": true, "error": true, "exception": true,
	"failure": true, "timeout": true, "pending": true, "subject": true, "email": true,
	"template": true, "handler": true, "request": true, "response": true, "id": true,
	"enum": true, "type": true,
}

// scanJargonTokens finds snake-case and CamelCase tokens in s.
func scanJargonTokens(s string, allow func(string) bool, emit func(prose.Span, jargonKind)) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isTokenRune(r) {
			i += n
			continue
		}
		start := i
		hasUnderscore, hasDigit := false, false
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isTokenRune(r) {
				break
			}
			if r == '_' {
				hasUnderscore = true
			} else if unicode.IsDigit(r) {
				hasDigit = true
			}
			i += n
		}
		end := i
		// Trim underscores at the edges.
		for start < end && s[start] == '_' {
			start++
		}
		for end > start && s[end-1] == '_' {
			end--
		}
		if start >= end {
			continue
		}
		tok := s[start:end]
		if tokenInPathOrHandle(s, start, end) {
			continue
		}
		switch {
		case hasUnderscore && strings.Contains(tok, "_"):
			if snakeJargon(tok) && !allow(tok) && !promoCode(s, start) {
				emit(prose.Span{Start: start, End: end}, jargonToken)
			}
		case !hasDigit && camelJargon(tok) && !allow(tok):
			emit(prose.Span{Start: start, End: end}, jargonCamel)
		}
	}
}

func isTokenRune(r rune) bool { return r == '_' || lang.IsWordRune(r) }

// promoWords introduce a voucher code, which may well contain an
// underscore (SPRING_25) and is meant for the customer.
var promoWords = map[string]bool{
	"code": true, "promo": true, "promocode": true, "coupon": true, "voucher": true,
	"gutschein": true, "gutscheincode": true, "rabattcode": true, "aktionscode": true,
	"rabatt": true, "réduction": true, "promotion": true, "couponcode": true,
}

// errorWords before "code" make it an error code after all.
var errorWords = map[string]bool{"error": true, "fehler": true, "erreur": true, "status": true, "exit": true, "d'erreur": true, "statut": true}

// promoCode reports whether the token at start follows a voucher word
// ("use code SPRING_25", "Gutscheincode: HERBST_20", "code promo ETE_24").
func promoCode(s string, start int) bool {
	words := strings.Fields(strings.ToLower(s[max(0, start-40):start]))
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ":\"'«»“”")
	if !promoWords[last] {
		return false
	}
	if last == "code" && len(words) >= 2 && errorWords[strings.Trim(words[len(words)-2], ":")] {
		return false
	}
	return true
}

// tokenInPathOrHandle reports whether the token is part of a handle
// (@acme_help), a hashtag, a path or a file name (report_2024.pdf).
func tokenInPathOrHandle(s string, start, end int) bool {
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		switch r {
		case '@', '#', '/', '\\', '.', '=', '&', '$', '%', '{', '<', '[', '|':
			return true
		}
	}
	if end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		switch r {
		case '@', '/', '\\', '(', '=', '%', '|', ']', '}':
			return true
		case '.':
			if end+n < len(s) {
				next, _ := utf8.DecodeRuneInString(s[end+n:])
				if lang.IsWordRune(next) {
					return true
				}
			}
		}
	}
	return false
}

// snakeJargon reports whether tok (with an inner underscore) is a system
// token: PENDING_FULFILLMENT, ERR_TIMEOUT, order_shipped.
func snakeJargon(tok string) bool {
	segs := strings.FieldsFunc(tok, func(r rune) bool { return r == '_' })
	if len(segs) < 2 {
		return false
	}
	hasLower := strings.IndexFunc(tok, unicode.IsLower) >= 0
	letters := 0
	for _, r := range tok {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if !hasLower {
		// SCREAMING_SNAKE: the first part a word of 2+ letters, and a word
		// of 4+ letters or two of 3+ (ON_HOLD, ERR_TIMEOUT; not AB_CD_12).
		if letterCount(segs[0]) < 2 || letterCount(segs[0]) != utf8.RuneCountInString(segs[0]) || letters < 4 {
			return false
		}
		long, mid := 0, 0
		for _, sg := range segs {
			if lc := letterCount(sg); lc == utf8.RuneCountInString(sg) {
				if lc >= 4 {
					long++
				}
				if lc >= 3 {
					mid++
				}
			}
		}
		return long >= 1 || mid >= 2
	}
	// snake_case: every part a word, at least two of 2+ letters.
	words := 0
	for _, sg := range segs {
		lc := letterCount(sg)
		if lc != utf8.RuneCountInString(sg) {
			return false
		}
		if lc >= 2 {
			words++
		}
	}
	return words >= 2
}

func letterCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// camelSegments splits a letters-only token at its inner capitals:
// "OrderStateChanged" → Order State Changed, "HTTPError" → HTTP Error.
func camelSegments(tok string) []string {
	rs := []rune(tok)
	var segs []string
	start := 0
	for i := 1; i < len(rs); i++ {
		switch {
		case unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]):
			segs = append(segs, string(rs[start:i]))
			start = i
		case unicode.IsLower(rs[i]) && unicode.IsUpper(rs[i-1]) && i-1 > start:
			segs = append(segs, string(rs[start:i-1]))
			start = i - 1
		}
	}
	return append(segs, string(rs[start:]))
}

// camelJargon reports whether a letters-only token is a CamelCase event or
// field name rather than a brand: two or more parts ending in a system word
// (…State, …Status, …Error, …Email, …Id) or an English past participle
// (…Failed, …Created), or three or more with a system word inside
// (OrderStatusUpdate). Brands have no such words, however many parts they
// have (LibreBooking, SwissCovid, BlaBlaCar, MacBookPro).
func camelJargon(tok string) bool {
	hasLower, inner := false, false
	for i, r := range tok {
		if unicode.IsLower(r) {
			hasLower = true
		} else if i > 0 && unicode.IsUpper(r) {
			inner = true
		}
	}
	if !hasLower || !inner {
		return false
	}
	segs := camelSegments(tok)
	if len(segs) < 2 {
		return false
	}
	// A system word inside a longer name: OrderStatusUpdate.
	if len(segs) >= 3 {
		for _, sg := range segs[1 : len(segs)-1] {
			if camelSuffixes[strings.ToLower(sg)] {
				return true
			}
		}
	}
	last := segs[len(segs)-1]
	if utf8.RuneCountInString(segs[0]) < 2 || !capitalisedWord(last) {
		return false
	}
	l := strings.ToLower(last)
	if camelSuffixes[l] {
		return true
	}
	// English past participles: PaymentFailed, OrderShipped (not …Feed).
	return len(l) >= 5 && strings.HasSuffix(l, "ed") && !strings.HasSuffix(l, "eed")
}

// capitalisedWord reports whether s is an upper-case letter followed by
// lower-case letters only.
func capitalisedWord(s string) bool {
	for i, r := range s {
		if i == 0 {
			if !unicode.IsUpper(r) {
				return false
			}
			continue
		}
		if !unicode.IsLower(r) {
			return false
		}
	}
	return utf8.RuneCountInString(s) >= 2
}
