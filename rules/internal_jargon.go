package rules

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// internalJargonOptions are the options of the internal-jargon rule.
type internalJargonOptions struct {
	// Terms are internal words of the organisation ("Auftragsstatus",
	// "SAP"), matched case-insensitively on word boundaries.
	Terms []string `toml:"terms"`
	// Allow lists tokens that look like system names but are fine, such as
	// product names written in CamelCase ("PlayStationPlus").
	Allow []string `toml:"allow"`

	once  sync.Once
	terms *lang.Matcher
}

func (o *internalJargonOptions) Validate() error {
	if err := noEmptyStrings("terms", o.Terms); err != nil {
		return err
	}
	return noEmptyStrings("allow", o.Allow)
}

func (o *internalJargonOptions) termMatcher() *lang.Matcher {
	o.once.Do(func() { o.terms = lang.NewMatcher(o.Terms) })
	return o.terms
}

func internalJargon() *lint.Rule {
	return &lint.Rule{
		ID:       "internal-jargon",
		Summary:  "Internal status codes, system event names and ticket states must not reach customers",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &internalJargonOptions{} },
		Doc: `What is a status in the order system is no news to the customer, and its
name means nothing to them. "PENDING_FULFILLMENT", "Status 4" or "E-1042"
leave the reader guessing what happened and what to do — and guessing
customers call. notelint reports, in every part of every message:

- upper- or lower-case snake tokens: PENDING_FULFILLMENT, ERR_TIMEOUT,
  order_shipped (not ordinary acronyms such as SMS, PIN, IBAN, DHL, STOP:
  a token needs an underscore);
- CamelCase event and field names: parts ending in a system word or an
  English past participle (PaymentFailed, HTTPError, orderStatus,
  MissedCheckinEmail, OrderStateChanged), or with a system word inside
  (OrderStatusUpdate). Brand names are not reported, however many capitals
  they have (iPhone, PayPal, WhatsApp, BahnCard, LibreBooking, SwissCovid,
  MacBookPro); list others in allow, and the brands of [rules.sender-id]
  are always allowed;
- status numbers: "Status 4", "status code 17", "Statuscode 17",
  "Auftragsstatus: 3", "statut 3", "état 4", and upper-case values after
  "Status:" (Status: SHIPPED);
- error codes: E-1042, ERR-42, HTTP 500, 0x8004, "error code 17",
  "Fehler 500", "code d'erreur 12";
- ticket-system states: "Pending Customer", "Resolved – awaiting",
  "wartet auf Kunde", "en attente client"; and in English, states such as
  "On Hold" or "In Progress" when written in Title Case in mid-sentence
  ("your order is On Hold"). Ordinary wording ("your order is on hold",
  "in Bearbeitung") is fine;
- the internal terms listed in terms.

Text inside URLs, e-mail addresses and placeholders is not checked, nor
are example values in help texts: a token shortly after "e.g.", "for
example", "such as", "z. B.", "zum Beispiel", "par exemple" in the same
sentence ("enter your user name, e.g. john_doe") is shown on purpose. Status
numbers, error words and ticket states are per language (English, German,
French); the token checks work in every language.

Bad:

    Your order 4711 changed to PENDING_FULFILLMENT (Status 4).

Good:

    Your order 4711 is being packed. It leaves our warehouse tomorrow.

Schlecht:

    Ihr Ticket hat den Status "wartet auf Kunde".

Gut:

    Wir brauchen noch ein Foto des Schadens, um Ihr Ticket zu bearbeiten.

Options:

    [rules.internal-jargon]
    terms = ["Auftragsstatus", "SAP"]   # internal words of your organisation
    allow = ["PlayStationPlus"]         # tokens that look like system names but are fine`,
		Check: checkInternalJargon,
	}
}

// jargonKind says what sort of jargon a hit is.
type jargonKind int

const (
	jargonToken  jargonKind = iota // SCREAMING_SNAKE or snake_case
	jargonCamel                    // CamelCase event name
	jargonStatus                   // "Status 4"
	jargonError                    // "E-1042", "HTTP 500"
	jargonState                    // ticket-system state
	jargonTerm                     // configured term
)

type jargonHit struct {
	r    prose.Span
	kind jargonKind
}

// codePattern is a language-independent error-code pattern with a cheap
// test that rules it out without running the expression.
type codePattern struct {
	re      *regexp.Regexp
	trigger func(string) bool
}

var jargonCodeRes = []codePattern{
	{regexp.MustCompile(`\bE-\d{4,6}\b`), func(s string) bool { return strings.Contains(s, "E-") }},
	{regexp.MustCompile(`\bERR-?\d{2,6}\b`), func(s string) bool { return strings.Contains(s, "ERR") }},
	{regexp.MustCompile(`(?i)\bHTTP[ /-]?[1-5]\d{2}\b`), func(s string) bool { return prose.ContainsFoldASCII(s, "http") }},
	{regexp.MustCompile(`\b0[xX][0-9A-Fa-f]{4,16}\b`), func(s string) bool { return strings.Contains(s, "0x") || strings.Contains(s, "0X") }},
}

func checkInternalJargon(p *lint.Pass) {
	t := p.Template
	opt := p.Options.(*internalJargonOptions)
	var brands []string
	if so, ok := p.Config.RuleOptions(&lint.Rule{ID: senderIDRuleID}).(*senderIDOptions); ok && so != nil {
		brands = so.Brands
	}
	allow := func(tok string) bool {
		return prose.ContainsFold(opt.Allow, tok) || prose.ContainsFold(brands, tok)
	}
	language, _ := prose.Language(t)
	for _, part := range t.Parts {
		ptext := prose.Text(part)
		folded := lang.Fold(ptext)
		hits := scanJargon(ptext, folded, language, allow)
		if terms := opt.termMatcher(); terms.Len() > 0 {
			for _, r := range prose.PhraseMatches(terms, folded) {
				hits = append(hits, jargonHit{r, jargonTerm})
			}
		}
		hits = prose.DropOverlaps(hits, func(h jargonHit) prose.Span { return h.r })
		for _, h := range hits {
			text := strings.TrimSpace(ptext[h.r.Start:h.r.End])
			msg, hint := jargonMessage(h.kind, text)
			p.Report(lint.Diagnostic{Part: part, Start: h.r.Start, End: h.r.End, Message: msg, Hint: hint})
		}
	}
}

func jargonMessage(k jargonKind, text string) (string, string) {
	switch k {
	case jargonToken:
		return fmt.Sprintf("%q looks like an internal status code: customers do not know what it means and call to ask", text),
			"say in plain words what happened and what it means for the customer (\"your order is being packed\")"
	case jargonCamel:
		return fmt.Sprintf("%q looks like a system event or field name: it tells the customer nothing and makes the message look broken", text),
			"describe the event in the customer's words (\"your payment did not go through\")"
	case jargonStatus:
		return fmt.Sprintf("%q is an internal status value: customers cannot tell what it means or what to do", text),
			"describe the state in words (\"your parcel is at the depot\") and say what happens next"
	case jargonError:
		return fmt.Sprintf("%q is an error code: it tells the customer neither what went wrong nor what to do", text),
			"say what went wrong and what the customer can do; keep codes for support staff"
	case jargonState:
		return fmt.Sprintf("%q is help-desk system language, not customer language: the reader cannot tell what it means for them", text),
			"say what you need from the customer, or what happens next and when"
	default:
		return fmt.Sprintf("%q is listed as an internal term in [rules.internal-jargon] terms: customers do not use this word", text),
			"replace it with the word your customers use"
	}
}

// scanJargon finds jargon in prose text (placeholders, URLs and e-mail
// addresses already blanked); f is its folded form. language may be nil:
// then only the language-independent checks run.
func scanJargon(s string, f *lang.Folded, language *lang.Language, allow func(string) bool) []jargonHit {
	var hits []jargonHit
	var examples []prose.Span
	if language != nil {
		examples = prose.PhraseMatches(language.List("jargon_example_markers"), f)
	}
	scanJargonTokens(s, allow, func(r prose.Span, k jargonKind) {
		if !exampleValue(s, r.Start, examples) {
			hits = append(hits, jargonHit{r, k})
		}
	})
	for _, c := range jargonCodeRes {
		if !c.trigger(s) {
			continue
		}
		prose.FindPattern(c.re, s, func(r, _ prose.Span) {
			if !jargonContext(s, r.Start) {
				hits = append(hits, jargonHit{r, jargonError})
			}
		})
	}
	if language == nil {
		return hits
	}
	if !prose.Triggered(language, "jargon_triggers", f) {
		hits = appendStates(hits, s, f, language)
		return hits
	}
	capsStates := language.Phrases("jargon_caps_states")
	for _, re := range language.Patterns("jargon_status") {
		prose.FindPattern(re, s, func(r, whole prose.Span) {
			if r != whole {
				// An upper-case value after "Status:": a system state only
				// when it looks like one (SHIPPED, PROCESSING, ON_HOLD,
				// VERSANDT), not a loyalty tier (GOLD) or an acronym (VIP).
				v := s[r.Start:r.End]
				if !allow(v) && (strings.Contains(v, "_") || strings.HasSuffix(v, "ED") || strings.HasSuffix(v, "ING") || prose.ContainsFold(capsStates, v)) {
					hits = append(hits, jargonHit{r, jargonStatus})
				}
				return
			}
			if !numberContinues(s, whole.End) && !progressCount(s, whole.End) {
				hits = append(hits, jargonHit{r, jargonStatus})
			}
		})
	}
	for _, re := range language.Patterns("jargon_error") {
		prose.FindPattern(re, s, func(r, whole prose.Span) {
			if !numberContinues(s, whole.End) {
				hits = append(hits, jargonHit{r, jargonError})
			}
		})
	}
	return appendStates(hits, s, f, language)
}

// exampleValue reports whether the token at start follows an example
// marker in the same sentence, within a few words ("e.g. john_doe or
// jane_smith", "z. B. max_mustermann"): an example value in a help text.
func exampleValue(s string, start int, markers []prose.Span) bool {
	for _, m := range markers {
		if m.End > start || start-m.End > 40 {
			continue
		}
		if !strings.ContainsAny(s[m.End:start], ".!?\n") {
			return true
		}
	}
	return false
}

// appendStates adds the ticket-system states found in s.
func appendStates(hits []jargonHit, s string, f *lang.Folded, language *lang.Language) []jargonHit {
	for _, r := range prose.PhraseMatches(language.List("jargon_states"), f) {
		hits = append(hits, jargonHit{r, jargonState})
	}
	for _, r := range prose.PhraseMatches(language.List("jargon_title_states"), f) {
		if titleCased(s[r.Start:r.End]) && !atSentenceStart(s, r.Start) && !afterCapitalisedWord(s, r.Start) {
			hits = append(hits, jargonHit{r, jargonState})
		}
	}
	return hits
}

// jargonContext reports whether the code at start is part of a path or
// handle rather than prose (preceded by / @ # or a letter-hyphen).
func jargonContext(s string, start int) bool {
	if start == 0 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:start])
	return r == '/' || r == '@' || r == '#'
}

// numberContinues reports whether the number ending at end goes on as a
// time, fraction, percentage or decimal ("24/7", "10:30", "3.5", "20%").
func numberContinues(s string, end int) bool {
	if end >= len(s) {
		return false
	}
	c := s[end]
	if c == '/' || c == '%' {
		return true
	}
	if (c == '.' || c == ',' || c == ':') && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
		return true
	}
	return false
}

// progressCount reports whether the number ending at end counts progress
// ("Status: 3 of 5 parcels", "3 von 5", "3 sur 5") rather than a code.
func progressCount(s string, end int) bool {
	rest := strings.ToLower(strings.TrimLeft(s[end:], " "))
	for _, w := range []string{"of ", "von ", "sur ", "out of ", "aus ", "/"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// afterCapitalisedWord reports whether the word before start begins with a
// capital: then a Title Case state is part of a headline ("Your Order Is
// On Hold"), not a system label.
func afterCapitalisedWord(s string, start int) bool {
	i := start
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:j])
		if !lang.IsWordRune(r) {
			break
		}
		j -= n
	}
	if j == i {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[j:i])
	return unicode.IsUpper(r)
}

// titleCased reports whether every word of s starts with an upper-case
// letter.
func titleCased(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\n' || r == '\u00a0' }) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// atSentenceStart reports whether only white space separates start from the
// beginning of the text, a line or a sentence.
func atSentenceStart(s string, start int) bool {
	i := start
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return r == '.' || r == '!' || r == '?' || r == '"' || r == '«' || r == '“' || r == '#' || r == '*'
		}
		i -= n
	}
	return true
}
