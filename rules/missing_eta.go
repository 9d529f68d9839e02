package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
	"github.com/notelint/notelint/rules/internal/timeexpr"
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
			return &missingETAOptions{Kinds: append([]string(nil), etaKinds...), TimeVars: timeexpr.DefaultVarNames()}
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
declined ("your request has been declined", "wurde abgelehnt") owes no time, nor does
a shipping notice that hands over a tracking number or link (a placeholder
named tracking_number, trackingUrl, followup, sendungsnummer, suivi: the
carrier's page tells when), nor does an order or request cancelled for good ("your order has been
cancelled", "wurde storniert", "a été annulée"), nor does a message about
someone else's request, which alerts the staff who act
on it ("{{username}} has applied to join", "seine Bewerbung", "sa demande"),
and neither does a ticket that waits for the customer ("please reply
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
	d, ok := contentLangs.For(p.Template)
	if !ok {
		return
	}
	vs := prose.Views(t)
	if d.isResolved(vs) || d.isFinal(t, vs) || d.otherParty(vs) || hasConcreteTime(t, d, opt.TimeVars, vs) {
		return
	}
	if t.Kind == "ticket" && (d.waitsForCustomer(vs) || !d.ticketPending(vs)) {
		return
	}
	if t.Kind == "process-update" && d.givesTracking(t) {
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
func (d *contentData) waitsForCustomer(vs []*prose.View) bool {
	for _, v := range vs {
		if d.waiting.Contains(v.Folded) {
			return true
		}
	}
	return false
}

// givesTracking reports whether the message hands over a shipment's
// tracking number or link ({{tracking_number}}, {followup}, {$suivi}): the
// carrier's tracking page answers "when?".
func (d *contentData) givesTracking(t *message.Template) bool {
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if ph.Control || ph.Name == "" {
				continue
			}
			if d.tracking[strings.ToLower(ph.Name)] {
				return true
			}
			for _, w := range prose.NameWords(ph.Name) {
				if d.tracking[w] {
					return true
				}
			}
		}
	}
	return false
}

// isFinal reports whether an order or process message says the matter is
// over for good ("Ihre Bestellung wurde storniert", "your order has been
// cancelled"): no later step owes a time. A cancelled appointment or an
// outage notice is not meant: those owe the new date or the end.
func (d *contentData) isFinal(t *message.Template, vs []*prose.View) bool {
	if t.Kind != "process-update" && t.Kind != "ticket" {
		return false
	}
	for _, v := range vs {
		if d.final.Contains(v.Folded) {
			return true
		}
	}
	return false
}

// otherParty reports whether the message is about someone else's request
// ("their application", "{{username}} hat sich beworben", "sa demande"):
// it alerts the staff who act next, not a customer waiting for news.
func (d *contentData) otherParty(vs []*prose.View) bool {
	for _, v := range vs {
		for _, re := range d.other {
			if re.MatchString(v.Masked) {
				return true
			}
		}
	}
	return false
}

// ticketPending reports whether a support message says the request is
// with the company ("we have received your request", "in Bearbeitung",
// "en cours de traitement"): only then does it owe a time. An agent's
// reply, a limit reached or an access link is about a ticket but promises
// no further step.
func (d *contentData) ticketPending(vs []*prose.View) bool {
	for _, v := range vs {
		if d.pending.Contains(v.Folded) {
			return true
		}
	}
	return false
}

// hasConcreteTime reports whether any part of the message gives a time: a
// time placeholder or a time expression.
func hasConcreteTime(t *message.Template, d *contentData, names []string, vs []*prose.View) bool {
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if timeexpr.IsPlaceholder(t, ph, names) || d.time.PositionalTime(part, ph) {
				return true
			}
		}
	}
	for _, v := range vs {
		if len(d.time.TimesIn(v)) > 0 {
			return true
		}
	}
	return false
}
