package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// etaKinds are the message kinds that owe the customer a time by default.
var etaKinds = []string{"delay", "outage", "appointment", "ticket", "process-update"}

// missingETAOptions are the options of the missing-eta rule.
type missingETAOptions struct {
	// Kinds are the message kinds that must give a concrete time.
	Kinds []string `toml:"kinds"`
	// TimeVars are placeholder names (or words of names) that hold a time.
	TimeVars []string `toml:"time_vars"`
}

func (o *missingETAOptions) Validate() error {
	for i, n := range o.TimeVars {
		o.TimeVars[i] = strings.ToLower(strings.TrimSpace(n))
		if o.TimeVars[i] == "" {
			return errors.New("time_vars: empty name")
		}
	}
	return validateKinds("kinds", o.Kinds)
}

// Scope runs the rule only on the configured kinds.
func (o *missingETAOptions) Scope(a *lint.Applies) { a.Kinds = o.Kinds }

func missingETA() *lint.Rule {
	return &lint.Rule{
		ID:       "missing-eta",
		Summary:  "Delay, outage, appointment, ticket and process messages must give a concrete time",
		Severity: message.Error,
		Applies:  lint.Applies{Notifications: true, WholeCopy: true},
		Options: func() any {
			return &missingETAOptions{Kinds: append([]string(nil), etaKinds...), TimeVars: defaultTimeVarNames()}
		},
		Doc: `A message that says something is late, broken or in progress but not *when*
it will be fixed, delivered or answered leaves the customer one way to find
out: calling. The new time is the one thing such a message must carry.

notelint looks at every part of the message (subject, title, body, ...) for
a concrete time:

- a placeholder declared with ` + "`type = \"time\"`, `\"date\"`, `\"datetime\"` or `\"duration\"`" + `, or
  named like a time in English, German or French: eta, delivery_window,
  time, date, slot, deadline, datum, uhrzeit, termin, heure, créneau, ...
  (the time_placeholder_words of time.toml). A word of the name is enough
  (` + "`{{newDeliveryDate}}`, `{{start_time}}`, `{time2}`" + `), and so is a word
  ending in date, time, datum, termin, zeit, ... (` + "`{{zustelltermin}}`" + `,
  ` + "`$Startdate`" + `; not "update"); an unnamed placeholder counts after a
  word that makes it a time ("on %s", "am %s", "jusqu'au %s");
- a time expression in the message's language (RESEARCH.md, "Time
  expressions"): clock times and ranges (3pm, 14:00, 15 Uhr, 15h30),
  deadlines (by 2pm, bis 11 Uhr, avant 16h), relative days and durations
  (today, tomorrow, within 2 hours, heute, übermorgen, binnen 2 Tagen,
  demain, d'ici 2 heures, sous 48h), dates and weekdays (4/25, 24.11.,
  1er novembre, Monday, Montag, lundi).

Vague phrases are not times ("later", "plus tard", "asap" — see vague-eta),
nor are times in the past ("since 8:00", "seit heute Morgen", "il y a 2
heures") or "24/7". A message that says the matter is settled ("power is
back", "Ihre Anfrage wurde beantwortet", "le service est rétabli") or
declined ("your request has been declined", "wurde abgelehnt") owes no time, and neither does a ticket that waits for the customer ("please reply
with a screenshot", "bitte senden Sie uns einen Screenshot", "merci de nous
envoyer une capture d'écran"): the next move is theirs. The finding points at the first sentence of the body and names what
is missing for the kind.

Bad (de, kind = "outage"):

    +++
    locale = "de"
    kind = "outage"
    +++
    Acme: In Ihrem Gebiet gibt es eine Stromstörung. Wir arbeiten mit Hochdruck daran.

Good:

    +++
    locale = "de"
    kind = "outage"
    +++
    Acme: In Ihrem Gebiet gibt es eine Stromstörung. Voraussichtlich behoben bis 18 Uhr.

Options:

    [rules.missing-eta]
    kinds = ["delay", "outage", "appointment", "ticket", "process-update"]
    time_vars = ["eta", "datum", "heure", ...]   # default: time_placeholder_words of every language`,
		Check: checkMissingETA,
	}
}

// etaWhat says, per kind, what time is missing and why it matters.
var etaWhat = map[string][2]string{
	"delay":          {"a delay message without a new time", "customers who don't know when to expect it call to ask"},
	"outage":         {"an outage message without a restoration estimate", "customers can't plan around it and call to ask when service is back"},
	"appointment":    {"an appointment message without a date or time", "customers can't plan to be there"},
	"ticket":         {"a ticket update without an expected handling time", "customers follow up to ask when they will hear back"},
	"process-update": {"a process update without a time for the next step", "long silences after it make customers call to ask where things stand"},
}

func checkMissingETA(p *lint.Pass) {
	opt := p.Options.(*missingETAOptions)
	t := p.Template
	d, ok := contentFor(p)
	if !ok {
		return
	}
	vs := views(t)
	if d.isResolved(vs) || hasConcreteTime(t, d, opt.TimeVars, vs) {
		return
	}
	if t.Kind == "ticket" && d.waitsForCustomer(vs) {
		return
	}
	what, ok := etaWhat[t.Kind]
	if !ok {
		what = [2]string{fmt.Sprintf("a %s message without a concrete time", t.Kind), "customers can't plan and call to ask when"}
	}
	example := d.hint(t.Kind)
	if example == "" {
		example = d.hint("other")
	}
	reportMessage(p,
		fmt.Sprintf("%s: %s", what[0], what[1]),
		fmt.Sprintf("add a concrete time, e.g. %q, or a placeholder declared with type = \"time\" such as {{eta}}", example))
}

// waitsForCustomer reports whether the message asks the customer for
// something before work can go on ("please reply with a screenshot", "wir
// benötigen weitere Informationen"): then the next move is theirs.
func (d *contentData) waitsForCustomer(vs []*view) bool {
	for _, v := range vs {
		if d.waiting.Contains(v.f) {
			return true
		}
	}
	return false
}

// hasConcreteTime reports whether any part of the message gives a time: a
// time placeholder or a time expression.
func hasConcreteTime(t *message.Template, d *contentData, names []string, vs []*view) bool {
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if isTimePlaceholder(t, ph, names) || d.positionalTime(part, ph) {
				return true
			}
		}
	}
	for _, v := range vs {
		if len(v.timesFor(d)) > 0 {
			return true
		}
	}
	return false
}

// timeGrammar recognises time expressions built around numbers, driven by
// the language's word lists (time.toml): clock times (14:00, 3pm, 15 Uhr,
// 15h30, um 15.30), numeric and written dates (4/25, 24.11., 2026-11-24,
// 25th of April, 1er novembre, 24. November, April 25, the 25th), ranges
// (between 9 and 11) and durations (2 hours, 48h, an hour, fünf Werktage).
// It scans the folded text once, number by number: regular expressions
// with this many alternatives cost too much per template.
type timeGrammar struct {
	clockSuffix, clockPrefix, units, unitAdj, months, ordSuffix []string
	dayMonthJoin, ordPrefix, rangeStart, rangeJoin, dateSeps    []string
	agoBefore, agoAfter                                         []string
	numberWords                                                 *lang.Matcher
}

func compileTimeGrammar(l *lang.Language) timeGrammar {
	list := func(name string) []string {
		var out []string
		for _, p := range l.Phrases(name) {
			if f := strings.TrimSpace(lang.Fold(p).S); f != "" {
				out = append(out, f)
			}
		}
		// Longest first, so "a.m." wins over "a.m" and "minutes" over "min".
		sort.SliceStable(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
		return out
	}
	return timeGrammar{
		clockSuffix: list("time_clock_suffix"), clockPrefix: list("time_clock_prefix"),
		units: list("time_units"), unitAdj: list("time_unit_adjectives"),
		months: list("time_months"), ordSuffix: list("time_ordinal_suffix"),
		dayMonthJoin: list("time_day_month_joiners"), ordPrefix: list("time_ordinal_prefix"),
		rangeStart: list("time_range_start"), rangeJoin: list("time_range_join"),
		dateSeps: list("time_date_separators"), agoBefore: list("time_ago_before"),
		agoAfter: list("time_ago_after"), numberWords: l.List("time_number_words"),
	}
}

// scan returns the time expressions of folded text s, and separately the
// durations that are in the past ("2 hours ago", "vor 2 Stunden").
func (g *timeGrammar) scan(f *lang.Folded) (times, ago []span) {
	s := f.S
	urls := tgURLRanges(s)
	covered := 0 // numbers before this offset belong to a time found already
	for i := 0; i < len(s); {
		if !tgIsDigit(s[i]) {
			i++
			continue
		}
		a := i
		for i < len(s) && tgIsDigit(s[i]) {
			i++
		}
		b := i
		if a > 0 {
			// Digits glued to letters ("x4711", "AB12") are codes, not times.
			if r, _ := utf8.DecodeLastRuneInString(s[:a]); unicode.IsLetter(r) {
				continue
			}
		}
		if a < covered || spanOverlapsAny(span{a, b}, urls) {
			continue
		}
		found := g.numberTimes(s, a, b)
		if e := g.duration(s, b); e > 0 && !tgWithin(span{a, e}, found) {
			if g.isAgo(s, a, e) {
				ago = append(ago, span{a, e})
			} else {
				found = append(found, span{a, e})
			}
		}
		for _, sp := range found {
			covered = max(covered, sp.end)
		}
		times = append(times, found...)
	}
	if g.numberWords.Len() > 0 && len(g.units) > 0 {
		for _, m := range g.numberWords.FindAll(f) {
			if e := g.duration(s, m.End); e > 0 {
				if g.isAgo(s, m.Start, e) {
					ago = append(ago, span{m.Start, e})
				} else {
					times = append(times, span{m.Start, e})
				}
			}
		}
	}
	return times, ago
}

// numberTimes recognises the clock times, dates and ranges that contain the
// number s[a:b].
func (g *timeGrammar) numberTimes(s string, a, b int) []span {
	var out []span
	n := b - a
	small := n <= 2
	// 14:00, 9:30 pm
	if small && tgHasAt(s, b, ":") && tgDigitsAt(s, b+1) == 2 && tgAtoi(s[a:b]) <= 24 && tgAtoi(s[b+1:b+3]) <= 59 {
		e := b + 3
		if se := tgPhraseAt(s, tgSkipSpace(s, e), g.clockSuffix, e == tgSkipSpace(s, e)); se > 0 {
			e = se
		}
		out = append(out, span{a, e})
	}
	// Numeric dates: 4/25, 24/11/2026, 24.11., 24.11.2026
	for _, sep := range g.dateSeps {
		if !small || !tgHasAt(s, b, sep) {
			continue
		}
		m := tgDigitsAt(s, b+len(sep))
		if m < 1 || m > 2 {
			continue
		}
		e := b + len(sep) + m
		switch {
		case tgHasAt(s, e, sep) && tgDigitsAt(s, e+len(sep)) >= 2 && tgDigitsAt(s, e+len(sep)) <= 4:
			e += len(sep) + tgDigitsAt(s, e+len(sep))
		case sep == ".":
			// "24.11." needs its closing dot; "15.30" is not a date.
			if !tgHasAt(s, e, ".") {
				continue
			}
			e++
		}
		if e < len(s) && tgIsDigit(s[e]) {
			continue
		}
		out = append(out, span{a, e})
	}
	// 2026-11-24
	if n == 4 && tgHasAt(s, b, "-") && tgDigitsAt(s, b+1) == 2 && tgHasAt(s, b+3, "-") && tgDigitsAt(s, b+4) == 2 {
		out = append(out, span{a, b + 6})
	}
	if !small {
		return out
	}
	// 15.30 Uhr, um 15.30
	if tgHasAt(s, b, ".") && tgDigitsAt(s, b+1) == 2 && !tgHasAt(s, b+3, ".") && tgAtoi(s[b+1:b+3]) <= 59 {
		if se := tgPhraseAt(s, tgSkipSpace(s, b+3), g.clockSuffix, false); se > 0 {
			out = append(out, span{a, se})
		} else if ps, ok := tgEndsWith(s[:a], g.clockPrefix); ok {
			out = append(out, span{ps, b + 3})
		}
	}
	// 3pm, 10 a.m., 15 Uhr, 15h30, 15 h 30
	for _, j := range []int{b, tgSkipSpace(s, b)} {
		se := tgPhraseAt(s, j, g.clockSuffix, j == b)
		if se <= 0 {
			continue
		}
		if k := tgSkipSpace(s, se); tgDigitsAt(s, k) == 2 && tgAtoi(s[k:k+2]) <= 59 {
			se = k + 2
		}
		out = append(out, span{a, se})
		break
	}
	// 25th, 1er, 24. (German ordinal dot), then an optional "of" and a month.
	ord := b
	if oe := tgPhraseAt(s, b, g.ordSuffix, true); oe > 0 {
		ord = oe
		if ps, ok := tgEndsWith(s[:a], g.ordPrefix); ok {
			out = append(out, span{ps, ord}) // the 25th
		}
	} else if tgHasAt(s, b, ".") && inList(g.dateSeps, ".") {
		ord = b + 1
	}
	j := tgSkipSpace(s, ord)
	if j > ord {
		if je := tgPhraseAt(s, j, g.dayMonthJoin, false); je > 0 {
			j = tgSkipSpace(s, je)
		}
		if me := tgPhraseAt(s, j, g.months, false); me > 0 {
			out = append(out, span{a, me})
		}
	}
	// April 25, Dec. 1st
	if ms, ok := tgEndsWith(strings.TrimRight(s[:a], " ."), g.months); ok {
		e := b
		if oe := tgPhraseAt(s, b, g.ordSuffix, true); oe > 0 {
			e = oe
		}
		out = append(out, span{ms, e})
	}
	// between 9 and 11, zwischen 9 und 11, entre 9 et 11
	if rs, ok := tgEndsWith(s[:a], g.rangeStart); ok {
		if je := tgPhraseAt(s, tgSkipSpace(s, b), g.rangeJoin, false); je > 0 {
			k := tgSkipSpace(s, je)
			if m := tgDigitsAt(s, k); m >= 1 && m <= 2 {
				out = append(out, span{rs, k + m})
			}
		}
	}
	return out
}

// duration returns the end of "[adjective] unit" after a number ending at
// b ("2 hours", "48h", "5 working days"), or 0.
func (g *timeGrammar) duration(s string, b int) int {
	for _, j := range []int{b, tgSkipSpace(s, b)} {
		k := j
		if ae := tgPhraseAt(s, k, g.unitAdj, k == b); ae > 0 {
			k = tgSkipSpace(s, ae)
		}
		if ue := tgPhraseAt(s, k, g.units, k == b); ue > 0 {
			if ue < len(s) && tgIsDigit(s[ue]) {
				continue // "15h30" is a clock time
			}
			return ue
		}
	}
	return 0
}

// tgWithin reports whether sp lies inside one of list.
func tgWithin(sp span, list []span) bool {
	for _, o := range list {
		if sp.start >= o.start && sp.end <= o.end {
			return true
		}
	}
	return false
}

// isAgo reports whether the duration s[a:e] is in the past.
func (g *timeGrammar) isAgo(s string, a, e int) bool {
	if _, ok := tgEndsWith(s[:a], g.agoBefore); ok {
		return true
	}
	return tgPhraseAt(s, tgSkipSpace(s, e), g.agoAfter, false) > 0
}

// tgPhraseAt returns the end of the first phrase of list found at s[i:]
// and not followed by a letter, or 0. Unless attached (glued to a number,
// as in "3pm"), the phrase must also start a word.
func tgPhraseAt(s string, i int, list []string, attached bool) int {
	if i >= len(s) {
		return 0
	}
	if !attached && i > 0 {
		if r, _ := utf8.DecodeLastRuneInString(s[:i]); lang.IsWordRune(r) {
			return 0
		}
	}
	for _, p := range list {
		if !strings.HasPrefix(s[i:], p) {
			continue
		}
		e := i + len(p)
		if e < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[e:]); unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
				continue
			}
		}
		return e
	}
	return 0
}

// tgEndsWith reports whether s ends (after spaces) with one of the
// phrases of list as whole words, and where that phrase starts. A phrase's
// own final full stop is optional ("ca." matches "ca").
func tgEndsWith(s string, list []string) (int, bool) {
	t := strings.TrimRight(s, " ")
	for _, p := range list {
		for _, q := range []string{p, strings.TrimSuffix(p, ".")} {
			if q == "" || !strings.HasSuffix(t, q) {
				continue
			}
			st := len(t) - len(q)
			if st > 0 {
				if r, _ := utf8.DecodeLastRuneInString(t[:st]); lang.IsWordRune(r) {
					continue
				}
			}
			return st, true
		}
	}
	return 0, false
}

// tgURLRanges returns the byte ranges of URLs in s, where numbers are not times.
func tgURLRanges(s string) []span {
	var out []span
	for _, pre := range []string{"http://", "https://", "www."} {
		from := 0
		for {
			i := strings.Index(s[from:], pre)
			if i < 0 {
				break
			}
			st := from + i
			e := st
			for e < len(s) && s[e] != ' ' {
				e++
			}
			out = append(out, span{st, e})
			from = e
		}
	}
	return out
}

func tgIsDigit(c byte) bool { return c >= '0' && c <= '9' }

// tgDigitsAt returns the number of ASCII digits starting at s[i].
func tgDigitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && tgIsDigit(s[i+n]) {
		n++
	}
	return n
}

func tgHasAt(s string, i int, p string) bool { return i <= len(s) && strings.HasPrefix(s[i:], p) }

func tgSkipSpace(s string, i int) int {
	if i < len(s) && s[i] == ' ' {
		return i + 1
	}
	return i
}

// tgAtoi parses a short run of ASCII digits.
func tgAtoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
