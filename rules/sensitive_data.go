package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// sensitiveDataOptions are the options of the sensitive-data rule.
type sensitiveDataOptions struct {
	// Channels are the channels checked.
	Channels []string `toml:"channels"`
}

func (o *sensitiveDataOptions) Validate() error {
	for _, c := range o.Channels {
		if !prose.ContainsFold(message.KnownChannels(), c) {
			return fmt.Errorf("channels: unknown channel %q (want some of %s)", c, strings.Join(message.KnownChannels(), ", "))
		}
	}
	return nil
}

func sensitiveData() *lint.Rule {
	return &lint.Rule{
		ID:       "sensitive-data",
		Summary:  "No card numbers, IBANs, passwords or health data in SMS, push or WhatsApp",
		Severity: message.Error,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &sensitiveDataOptions{Channels: []string{"sms", "push", "whatsapp"}} },
		Doc: `SMS travel unencrypted, push notifications and chat messages show on the
lock screen, and all of them stay on a phone that others pick up. Data that
can be misused or that is private belongs behind a login, in the app or an
authenticated page; the message should only say that something is waiting
there. Customers also learn from what real messages look like: a bank that
sends full card numbers or asks for a password by SMS trains them to fall
for phishing.

notelint reports, in SMS, push and WhatsApp messages:

- card numbers: 13 to 19 digits (spaces or dashes allowed) that pass the
  Luhn check and start like a real card (Visa, Mastercard, Amex, …). PCI DSS
  v4 req. 4.2.2 forbids sending a readable card number by messaging; show at
  most the last four digits. A masked "•••• 1234" is fine, and so is a long
  order or tracking number right after "order", "Sendung", "commande", …;
- IBANs with a valid ISO 7064 mod-97 checksum and the right length for
  their country (an IBAN with a wrong check digit is not reported);
- full account numbers: "account number 12345678", "Kontonummer …",
  "numéro de compte …" with 8 digits or more;
- passwords: a password value in the text ("Your new password: Xy7!pq",
  "Ihr Passwort lautet {{pw}}", "mot de passe : …") and requests to send a
  password or PIN back ("Reply with your PIN"). A one-time code is not a
  password: OTP messages and "one-time password" are fine (NIST SP 800-63B
  treats SMS codes as a restricted authenticator), and so are warnings such
  as "we will never ask for your password";
- health data (GDPR Art. 9 special category): HIV, pregnancy test, lab
  results, Laborbefund, VIH, résultats d'analyses, …; words that are also
  used outside medicine (diagnosis, Befund, Diagnose, diagnostic, test
  results) only when the message is clearly medical (doctor, Praxis,
  clinique, patient, …);
- placeholders whose names say they hold such data: card_number, pan, cvv,
  iban, account_number, password, pwd, diagnosis, lab_result, … (names
  such as card_last4 or masked_iban are fine).

WhatsApp is checked by default next to SMS and push: its notifications show
on the lock screen too, and Meta's WhatsApp Business Messaging Policy asks
businesses not to share or request full card or financial account numbers.
E-mail and in-app messages are not checked unless listed in channels.

The finding points at the value or the placeholder. Password, account and
health words are per language (English, German, French); cards, IBANs and
placeholder names are checked in every language. Apple's guidelines say the
same for push: never put sensitive data in the payload.

Bad:

    Acme Bank: your new card 4111 1111 1111 1111 is on its way. Your password: Summer2024!

Good:

    Acme Bank: your new card ending in 1111 is on its way. Set your PIN in the Acme app.

Options:

    [rules.sensitive-data]
    channels = ["sms", "push", "whatsapp"]   # channels to check`,
		Check: checkSensitiveData,
	}
}

// sensitiveKind says what kind of data a hit is.
type sensitiveKind int

const (
	sensCard sensitiveKind = iota
	sensIBAN
	sensAccount
	sensPassword
	sensPasswordRequest
	sensHealth
	sensCVV
)

type sensitiveHit struct {
	r     prose.Span
	kind  sensitiveKind
	text  string
	phVar string // placeholder name when the hit is a placeholder
}

func checkSensitiveData(p *lint.Pass) {
	t := p.Template
	opt := p.Options.(*sensitiveDataOptions)
	if !prose.ContainsFold(opt.Channels, t.Channel) {
		return
	}
	language, _ := prose.Language(t)
	proses := make([]string, len(t.Parts))
	for i, part := range t.Parts {
		proses[i] = prose.Text(part)
	}
	medical := false
	if language != nil {
		ctx := language.List("sensitive_medical_context")
		for _, ptext := range proses {
			if ctx.Contains(lang.Fold(ptext)) {
				medical = true
				break
			}
		}
	}
	for i, part := range t.Parts {
		hits := scanSensitive(part, proses[i], t.Kind, language, medical)
		hits = prose.DropOverlaps(hits, func(h sensitiveHit) prose.Span { return h.r })
		for _, h := range hits {
			msg, hint := sensitiveMessage(h, t.Channel)
			p.Report(lint.Diagnostic{Part: part, Start: h.r.Start, End: h.r.End, Message: msg, Hint: hint})
		}
	}
}

func channelName(c string) string {
	switch c {
	case "sms":
		return "SMS"
	case "push":
		return "push notifications"
	case "whatsapp":
		return "WhatsApp messages"
	case "email":
		return "e-mails"
	case "inapp":
		return "in-app messages"
	}
	return c + " messages"
}

func sensitiveMessage(h sensitiveHit, channel string) (string, string) {
	where := channelName(channel)
	exposure := fmt.Sprintf("%s show on the lock screen and stay on the phone, where others can read them", where)
	if channel == "sms" {
		exposure = "SMS are not encrypted, show on the lock screen and stay on the phone, where others can read them"
	}
	what := ""
	if h.phVar != "" {
		what = fmt.Sprintf("placeholder %q inserts ", h.phVar)
	}
	switch h.kind {
	case sensCard:
		if what == "" {
			what = "the text contains "
		}
		return what + "a full card number: " + exposure + ", and PCI DSS forbids sending readable card numbers by messaging",
			"show at most the last 4 digits (\"card ending in 1234\") and keep the full number in the app or online account"
	case sensCVV:
		return what + "a card security code (CVV): it must never be sent anywhere; with the card number it is enough to pay online",
			"remove it; customers read their security code on their card"
	case sensIBAN:
		if what == "" {
			what = "the text contains "
		}
		return what + "a full IBAN: " + exposure + ", and customers learn to trust messages that carry bank details",
			"show only the last 4 characters (\"account ending in 3000\") and the full details in the app or online account"
	case sensAccount:
		if what == "" {
			what = "the text contains "
		}
		return what + "a full account number: " + exposure,
			"show only the last 4 digits (\"account ending in 5678\")"
	case sensPassword:
		if what == "" {
			what = fmt.Sprintf("the text gives a password (%q): ", h.text)
		} else {
			what += "a password: "
		}
		return what + exposure + ", so anyone who sees the phone can log in",
			"send a single-use reset link, or let the customer choose the password in the app; never send passwords"
	case sensPasswordRequest:
		return fmt.Sprintf("the message asks the customer to send their %s: real senders never ask for it by message, so this reads like phishing and trains customers to fall for it", h.text),
			"remove the request; ask the customer to log in to the app or website instead"
	default:
		if what == "" {
			what = fmt.Sprintf("health information (%q) in the text: ", h.text)
		} else {
			what += "health information: "
		}
		return what + "health data is a special category under GDPR Art. 9 and " + exposure,
			"say only that a new message is waiting in the patient portal or app, and show the details after login"
	}
}

// scanSensitive finds sensitive data in one part.
func scanSensitive(part *message.Part, ptext, kind string, language *lang.Language, medical bool) []sensitiveHit {
	text := part.Text.String()
	var hits []sensitiveHit
	for _, r := range findIBANs(ptext) {
		hits = append(hits, sensitiveHit{r: r, kind: sensIBAN})
	}
	var refs *lang.Matcher
	if language != nil {
		refs = language.List("sensitive_reference")
	}
	for _, r := range findCardNumbers(ptext) {
		if refs != nil && introducedByReference(ptext, r.Start, refs) {
			continue
		}
		hits = append(hits, sensitiveHit{r: r, kind: sensCard})
	}
	for _, ph := range part.Placeholders {
		if ph.Control || ph.Name == "" {
			continue
		}
		if k, ok := sensitivePlaceholder(ph.Name); ok {
			hits = append(hits, sensitiveHit{r: prose.Span{Start: ph.Start, End: ph.End}, kind: k, phVar: ph.Name})
		}
	}
	if language == nil {
		return hits
	}
	folded := lang.Fold(ptext)
	oneTime := language.List("sensitive_one_time")
	shared := language.List("sensitive_password_shared")
	negation := language.List("sensitive_negation")
	inSentence := func(m *lang.Matcher, r prose.Span) bool {
		sent := prose.SentenceAround(ptext, r.Start, r.End)
		return m.Contains(lang.Fold(ptext[sent.Start:sent.End]))
	}
	passwords := prose.Triggered(language, "sensitive_password_triggers", folded)
	if kind != "otp" && passwords {
		for _, re := range language.Patterns("sensitive_password_value") {
			prose.FindPattern(re, ptext, func(_, whole prose.Span) {
				if inSentence(oneTime, whole) || inSentence(shared, whole) {
					return
				}
				if h, ok := passwordValue(part, text, ptext, whole.End); ok {
					hits = append(hits, h)
				}
			})
		}
	}
	for _, re := range language.Patterns("sensitive_password_request") {
		if !passwords {
			break
		}
		prose.FindPattern(re, ptext, func(r, whole prose.Span) {
			if inSentence(negation, whole) || inSentence(oneTime, whole) {
				return
			}
			hits = append(hits, sensitiveHit{r: r, kind: sensPasswordRequest, text: ptext[r.Start:r.End]})
		})
	}
	accounts := digitCount(ptext) >= 8 && prose.Triggered(language, "sensitive_account_triggers", folded)
	for _, re := range language.Patterns("sensitive_account_number") {
		if !accounts {
			break
		}
		prose.FindPattern(re, ptext, func(r, _ prose.Span) {
			if digitCount(ptext[r.Start:r.End]) >= 8 {
				hits = append(hits, sensitiveHit{r: r, kind: sensAccount})
			}
		})
	}
	for _, r := range prose.PhraseMatches(language.List("sensitive_health"), folded) {
		hits = append(hits, sensitiveHit{r: r, kind: sensHealth, text: ptext[r.Start:r.End]})
	}
	if medical {
		for _, r := range prose.PhraseMatches(language.List("sensitive_health_ambiguous"), folded) {
			hits = append(hits, sensitiveHit{r: r, kind: sensHealth, text: ptext[r.Start:r.End]})
		}
	}
	return hits
}

// passwordValue looks right after a password lead-in ("password:") for a
// placeholder or a secret-looking token.
func passwordValue(part *message.Part, text, ptext string, at int) (sensitiveHit, bool) {
	i := at
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) && r != ':' {
			break
		}
		i += n
	}
	for _, ph := range part.Placeholders {
		if ph.Start == i && !ph.Control {
			return sensitiveHit{r: prose.Span{Start: ph.Start, End: ph.End}, kind: sensPassword, text: text[ph.Start:ph.End]}, true
		}
	}
	j := prose.NonSpaceEnd(ptext, i)
	tok := strings.TrimRight(ptext[i:j], ".,;!?)\"'»”")
	tok = strings.TrimLeft(tok, "\"'«“(")
	if tok == "" {
		return sensitiveHit{}, false
	}
	s := strings.Index(ptext[i:j], tok) + i
	if !secretLooking(tok) {
		return sensitiveHit{}, false
	}
	return sensitiveHit{r: prose.Span{Start: s, End: s + len(tok)}, kind: sensPassword, text: tok}, true
}

// secretLooking reports whether a token looks like a password rather than
// a word: at least 4 characters with a digit, a symbol, or a capital after
// the first letter.
func secretLooking(tok string) bool {
	if utf8.RuneCountInString(tok) < 4 {
		return false
	}
	for i, r := range tok {
		switch {
		case unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r) && i > 0:
			return true
		case !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’':
			return true
		}
	}
	return false
}

// introducedByReference reports whether the number at start follows an
// order, tracking or reference word on the same line.
func introducedByReference(s string, start int, refs *lang.Matcher) bool {
	from := max(start-40, 0)
	for from < start && !utf8.RuneStart(s[from]) {
		from++
	}
	window := s[from:start]
	// Keep only the current sentence; the dot of an abbreviation ("Nr.",
	// "No.", "réf.") does not end it.
	for i := len(window) - 1; i >= 0; i-- {
		c := window[i]
		if c == '!' || c == '?' || c == '\n' || (c == '.' && wordBefore(window, i) >= 4) {
			window = window[i+1:]
			break
		}
	}
	return refs.Contains(lang.Fold(window))
}

// wordBefore returns the number of letters of the word that ends at i.
func wordBefore(s string, i int) int {
	n := 0
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		n++
		i -= size
	}
	return n
}

func digitCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// sensitivePlaceholder classifies a placeholder name.
func sensitivePlaceholder(name string) (sensitiveKind, bool) {
	toks := prose.NameWords(name)
	if len(toks) == 0 {
		return 0, false
	}
	// A masked or shortened value is what the message should show.
	if prose.HasWord(toks, "last4", "last", "masked", "mask", "ending", "end", "suffix", "tail", "hint", "hash", "hashed", "partial", "short", "endung", "letzte", "derniers", "type", "brand", "expiry", "exp", "reset", "link", "url", "changed", "length") {
		return 0, false
	}
	joined := strings.Join(toks, "")
	switch {
	case prose.HasWord(toks, "password", "passwort", "passwd", "pwd", "kennwort", "mdp") || strings.Contains(joined, "motdepasse"):
		return sensPassword, true
	case prose.HasWord(toks, "cvv", "cvc", "cvv2", "cvc2", "cvn"):
		return sensCVV, true
	case prose.HasWord(toks, "iban"):
		return sensIBAN, true
	case joined == "pan" || prose.HasWord(toks, "cardnumber", "creditcard", "kreditkarte", "kartennummer", "kreditkartennummer", "ccnumber", "ccnum") ||
		(prose.HasWord(toks, "card", "cc", "carte", "karte") && prose.HasWord(toks, "number", "no", "num", "nr", "numero", "numéro", "nummer", "pan")):
		return sensCard, true
	case prose.HasWord(toks, "accountnumber", "kontonummer", "acctnumber") ||
		(prose.HasWord(toks, "account", "acct", "konto", "compte") && prose.HasWord(toks, "number", "no", "num", "nr", "numero", "numéro", "nummer")) ||
		(prose.HasWord(toks, "bank") && prose.HasWord(toks, "account")):
		return sensAccount, true
	case prose.HasWord(toks, "diagnosis", "diagnose", "befund", "laborbefund", "laborergebnis", "hiv"),
		prose.HasWord(toks, "lab", "labor", "medical", "medizinisch") && prose.HasWord(toks, "result", "results", "ergebnis", "resultat", "résultat"):
		return sensHealth, true
	}
	return 0, false
}
