package rules

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

const senderIDRuleID = "sender-id"

// senderIDOptions are the options of the sender-id rule.
type senderIDOptions struct {
	// Brands are the names an SMS may use to say who is sending, matched
	// case-insensitively on word boundaries ("Acme", "Acme Bank").
	Brands []string `toml:"brands"`

	once    sync.Once
	matcher *lang.Matcher
}

func (o *senderIDOptions) Validate() error { return noEmptyStrings("brands", o.Brands) }

func (o *senderIDOptions) brandMatcher() *lang.Matcher {
	o.once.Do(func() {
		brands := make([]string, len(o.Brands))
		for i, b := range o.Brands {
			brands[i] = hyphensAsSpaces(b)
		}
		o.matcher = lang.NewMatcher(brands)
	})
	return o.matcher
}

func senderID() *lint.Rule {
	return &lint.Rule{
		ID:       senderIDRuleID,
		Summary:  "An SMS must say who is sending it",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true, Channels: []string{"sms"}, WholeCopy: true},
		Options:  func() any { return &senderIDOptions{} },
		Doc: `An SMS often arrives from a short code or an unknown number. If the text
does not name the sender, customers cannot tell a real notice from a scam:
they ignore it, call to ask, or report it as spam — which hurts delivery of
every later message. Marketing law asks for it too: the sender's identity
must not be hidden (Germany UWG §7, UK PECR reg. 23), and CTIA best practice
puts the brand or programme name in every text.

An SMS names its sender when any of these holds:

- one of the configured brands appears in the text (case-insensitive, whole
  words, also as part of a compound: "Stadtwerke-Kundenkonto",
  "Stadtwerke-Bonn-App"; text inside URLs does not count: customers do not
  read domains as a signature);
- the front matter sets sender (the alphanumeric sender ID the phone shows);
- a placeholder fills in the brand: {{brand}}, {{company}}, {{sender}},
  {{shop_name}}, {{store}}, {{merchant}}, {{firma}}, {{marque}} and similar.

Without configured brands notelint looks for a name-like signal instead: an
opening such as "Acme:" or "[Acme]", a sign-off ("Your Acme team", "Ihr
Acme-Team", "L'équipe Acme", "– Acme"), an upper-case or CamelCase name
(DHL, PayPal), a German compound with a brand in front ("Acme-App",
"Stadtwerke-Kundenkonto"), or in English and French a capitalised word in
mid-sentence. Promotional words in capitals ("MEGA DEAL", "SALE",
"GRATIS", "PROMO") are not names.
When there is none, the SMS is reported and the finding asks you to list
your brands: that makes the check exact. Only SMS is checked; e-mail, push
and WhatsApp show the sender's name themselves.

Bad:

    Your parcel is delayed. New delivery: Tue 10-12. Details: https://acme.example/t/AB12

Good:

    Acme: your parcel is delayed. New delivery: Tue 10-12. Details: https://acme.example/t/AB12

Options:

    [rules.sender-id]
    brands = ["Acme", "Acme Bank"]   # names that identify you as the sender`,
		Check: checkSenderID,
	}
}

// brandPlaceholderWords are placeholder name parts that stand for the
// sender's name.
var brandPlaceholderWords = []string{
	"brand", "company", "sender", "shop", "store", "merchant", "organisation",
	"organization", "firma", "firmenname", "unternehmen", "marke", "absender",
	"entreprise", "societe", "société", "enseigne", "boutique", "magasin",
	"marque", "expediteur", "expéditeur", "retailer", "shopname", "app", "application",
	"site", "website", "platform", "instance", "tenant",
	"storename", "brandname", "companyname", "sendername",
}

// senderAcronyms are upper-case words that never name a sender.
var senderAcronyms = []string{
	"SMS", "PIN", "TAN", "OTP", "STOP", "STOPP", "ARRET", "OK", "ETA", "IBAN",
	"BIC", "URL", "PDF", "FAQ", "ID", "EUR", "USD", "GBP", "CHF", "HELP", "INFO",
	"TV", "USB", "AM", "PM", "NB", "PS", "QR", "CVV", "ATM", "SIM", "MMS", "RSVP",
	// Reply keywords.
	"YES", "NO", "NON", "OUI", "JA", "NEIN", "ARRÊT", "HALT", "END", "QUIT", "CANCEL",
	"UNSUBSCRIBE", "REOPEN", "AIDE", "HILFE", "START", "STOPALL", "OPTOUT", "REMOVE",
}

func checkSenderID(p *lint.Pass) {
	t := p.Template
	body := t.Body()
	if body == nil || body.Text.Len() == 0 {
		return
	}
	if strings.TrimSpace(t.Sender) != "" || hasBrandPlaceholder(t) {
		return
	}
	opt := p.Options.(*senderIDOptions)
	var msg, hint string
	if len(opt.Brands) > 0 {
		m := opt.brandMatcher()
		for _, part := range t.Parts {
			if m.Contains(lang.Fold(hyphensAsSpaces(prose.Text(part)))) {
				return
			}
		}
		msg = fmt.Sprintf("the SMS never says who is sending: none of the brands %s appears, the front matter sets no sender and no placeholder fills one in; customers ignore texts from unknown senders, call to check them, or report them as spam", quoteList(opt.Brands))
		hint = fmt.Sprintf("open with the brand (\"%s: …\"), or set sender = \"%s\" in the front matter if the phone shows that sender ID", opt.Brands[0], opt.Brands[0])
	} else {
		language, _ := prose.Language(t)
		for _, part := range t.Parts {
			if senderSignal(prose.Text(part), language) {
				return
			}
		}
		msg = "the SMS does not say who is sending: notelint found no brand or sender name in it (and no brands are configured to look for); customers ignore texts from unknown senders, call to check them, or report them as spam"
		hint = "open with your brand (\"Acme: …\"), and list your brands in [rules.sender-id] brands = [\"Acme\"] so notelint can check exactly"
	}
	w := prose.FirstWord(body.Text.String())
	p.Report(lint.Diagnostic{Part: body, Start: w.Start, End: w.End, Message: msg, Hint: hint, Whole: true})
}

// hyphensAsSpaces replaces hyphens by spaces, so a brand matches inside a
// compound ("Stadtwerke Bonn" in "Stadtwerke-Bonn-App") and a hyphenated
// brand matches when written with a space.
func hyphensAsSpaces(s string) string { return strings.ReplaceAll(s, "-", " ") }

// hasBrandPlaceholder reports whether a placeholder fills in the sender.
func hasBrandPlaceholder(t *message.Template) bool {
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if ph.Control || ph.Name == "" {
				continue
			}
			if brandPlaceholderName(ph.Name) {
				return true
			}
		}
	}
	return false
}

// brandPlaceholderName reports whether a placeholder name stands for the
// sender: a brand word, optionally with name/display/short/legal
// ("shop_name", "companyName", "brand"), but not "store_address".
func brandPlaceholderName(name string) bool {
	toks := prose.NameWords(name)
	if len(toks) == 0 {
		return false
	}
	if prose.HasWord([]string{strings.Join(toks, "")}, brandPlaceholderWords...) {
		return true
	}
	brand := false
	for _, tk := range toks {
		switch {
		case prose.HasWord([]string{tk}, brandPlaceholderWords...):
			brand = true
		case tk == "name" || tk == "display" || tk == "short" || tk == "legal" || tk == "label" || tk == "title":
		default:
			return false
		}
	}
	return brand
}

// senderSignal reports whether prose names some sender, judged without a
// brand list. language may be nil.
func senderSignal(s string, language *lang.Language) bool {
	var generic, notNames []string
	capitalised := false
	if language != nil {
		generic = language.Phrases("sender_generic")
		notNames = language.Phrases("sender_not_names")
		if v, ok := language.Number("sender_capitalised_names"); ok && v != 0 {
			capitalised = true
		}
	}
	isName := func(name string) bool {
		name = strings.TrimSpace(strings.Trim(name, " .,!?-–—"))
		if name == "" || prose.ContainsFold(notNames, name) || prose.ContainsFold(senderAcronyms, name) {
			return false
		}
		if allPromoWords(name) {
			return false
		}
		first := strings.Fields(name)[0]
		first = strings.Trim(first, ".,!?'’")
		return !prose.ContainsFold(generic, first) && !prose.ContainsFold(generic, name)
	}
	if name, ok := senderPrefix(s); ok && capitalisedWords(name) && isName(name) {
		return true
	}
	if language != nil {
		patterns := append(slices.Clone(language.Patterns("sender_signoff")), language.Patterns("sender_compound")...)
		for _, re := range patterns {
			found := false
			prose.FindPattern(re, s, func(r, _ prose.Span) {
				if !found && isName(s[r.Start:r.End]) {
					found = true
				}
			})
			if found {
				return true
			}
		}
	}
	// Name-like words: DHL, PayPal, and (English, French) a capitalised
	// word in mid-sentence.
	found := false
	forEachWord(s, func(start, end int) bool {
		w := s[start:end]
		switch {
		case isUpperWord(w):
			if utf8.RuneCountInString(w) >= 2 && isName(w) {
				found = true
			}
		case hasInnerCapital(w):
			if !camelJargon(w) && isName(w) {
				found = true
			}
		case possessive(s, start, end):
			if isName(w) {
				found = true
			}
		case capitalised:
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) && !atSentenceStart(s, start) && !afterColonOrQuote(s, start) && isName(w) {
				found = true
			}
		}
		return !found
	})
	return found
}

// nameJoiners are the lower-case words a name of several words, or a
// promotion naming its sender, may hold ("Bank of Acme", "Praxis von
// Weber", "Caisse d'Epargne", "SOMMER SALE bei Gartenwelt").
var nameJoiners = []string{"of", "the", "and", "at", "from", "by", "von", "der", "und", "bei", "de", "du", "la", "le", "des", "et", "chez", "par"}

// capitalisedWords reports whether every word of a name of several words
// starts with a capital or digit, or is a joiner: "Les SOLDES commencent"
// before a colon is a sentence, not a sender.
func capitalisedWords(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 {
		return true
	}
	for _, w := range words {
		if i := strings.IndexAny(w, "'’"); i > 0 && i <= 2 {
			w = w[i+utf8.RuneLen([]rune(w[i:])[0]):] // "d'Epargne"
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLetter(r) && !unicode.IsUpper(r) && !slices.Contains(nameJoiners, strings.ToLower(strings.Trim(w, "'’.,"))) {
			return false
		}
	}
	return true
}

// senderPromoWords are the promotional words of every language, lower
// case ("mega", "sale", "gratis", "promo"): a German SMS may shout "SALE".
var senderPromoWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, l := range prose.Languages() {
		for _, w := range l.Phrases("sender_promo_words") {
			m[strings.ToLower(strings.TrimSpace(w))] = true
		}
	}
	return m
})

// allPromoWords reports whether every word of name is a promotional word
// ("MEGA DEAL", "SALE"): a shout, not a sender.
func allPromoWords(name string) bool {
	promo := senderPromoWords()
	n := 0
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !lang.IsWordRune(r) && r != '\'' && r != '’' }) {
		if !promo[strings.ToLower(w)] {
			return false
		}
		n++
	}
	return n > 0
}

// possessive reports whether the capitalised word s[start:end] is followed
// by 's or ’s: only names take a possessive apostrophe at the start of a
// sentence ("Acme's parcel service"), and German and French use it for names
// only.
func possessive(s string, start, end int) bool {
	r, _ := utf8.DecodeRuneInString(s[start:])
	if !unicode.IsUpper(r) {
		return false
	}
	rest := s[end:]
	var after string
	switch {
	case strings.HasPrefix(rest, "'s"):
		after = rest[len("'s"):]
	case strings.HasPrefix(rest, "’s"):
		after = rest[len("’s"):]
	default:
		return false
	}
	if after == "" {
		return true
	}
	n, _ := utf8.DecodeRuneInString(after)
	return !lang.IsWordRune(n)
}

// senderPrefix finds an opening "Acme:" / "Acme |" / "[Acme]" and returns
// the name.
func senderPrefix(s string) (string, bool) {
	s = strings.TrimLeft(s, " \n\t")
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i > 1 && i <= 40 {
			return s[1:i], true
		}
		return "", false
	}
	i := strings.IndexAny(s, ":|")
	if i <= 0 || i > 40 {
		return "", false
	}
	name := strings.TrimSpace(s[:i])
	if name == "" || strings.ContainsAny(name, "!?,;\n") || len(strings.Fields(name)) > 5 {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return "", false
	}
	if strings.IndexFunc(name, unicode.IsLetter) < 0 {
		return "", false // "10:30"
	}
	return name, true
}

// forEachWord calls fn with the byte range of every word (letters, digits,
// & and inner apostrophes) until fn returns false.
func forEachWord(s string, fn func(start, end int) bool) {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !lang.IsWordRune(r) {
			i += n
			continue
		}
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !lang.IsWordRune(r) && r != '&' {
				break
			}
			i += n
		}
		if !fn(start, i) {
			return
		}
	}
}

// isUpperWord reports whether w has letters and all of them are upper case.
func isUpperWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// hasInnerCapital reports whether w has an upper-case letter right after a
// lower-case one (PayPal, eBay).
func hasInnerCapital(w string) bool {
	var prev rune
	for _, r := range w {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		prev = r
	}
	return false
}

// afterColonOrQuote reports whether the word at start follows a colon or an
// opening quote, after which a capital is normal.
func afterColonOrQuote(s string, start int) bool {
	i := start
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			return strings.ContainsRune(":\"'“‘«(-–—", r)
		}
		i -= n
	}
	return false
}
