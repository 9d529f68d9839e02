package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// missingNextStepOptions are the options of the missing-next-step rule.
type missingNextStepOptions struct {
	// Kinds are the message kinds that must tell the reader what to do or
	// what happens next.
	Kinds []string `toml:"kinds"`
}

func (o *missingNextStepOptions) Validate() error { return validateKinds("kinds", o.Kinds) }

// Scope runs the rule only on the configured kinds.
func (o *missingNextStepOptions) Scope(a *lint.Applies) { a.Kinds = o.Kinds }

func missingNextStep() *lint.Rule {
	return &lint.Rule{
		ID:       "missing-next-step",
		Summary:  "The reader must learn what to do, or that nothing is needed and what happens next",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true, WholeCopy: true},
		Options:  func() any { return &missingNextStepOptions{Kinds: append([]string(nil), etaKinds...)} },
		Doc: `A service message that reports a problem and stops there leaves the reader
asking "do I have to do something?" and "will I hear from you again?". Those
questions become calls. A message needs either a call to action, or a
statement that nothing is needed and what happens next.

notelint accepts any of these, in any part of the message:

- a call to action: a link or button, a reply instruction, an instruction
  such as "call us", "open the app", "please be at home", "rufen Sie uns
  an", "bitte halten Sie ... bereit", "appelez le", "connectez-vous", a
  request such as "Bitte reichen Sie ... ein", "Senden Sie uns bitte ...",
  "Merci de nous envoyer ...", "Veuillez ..." (not "bitte beachten Sie",
  "veuillez patienter", "merci de votre patience"), a phone number, a
  placeholder named for a link ("{{ url }}", "{reset_link}"; not the site's
  home page or an unsubscribe link), or a shipment's tracking number or link (a placeholder named tracking_number,
  trackingUrl, followup, sendungsnummer, suivi);
- a statement that nothing is needed: "no action needed", "you don't need
  to do anything", "Sie müssen nichts tun", "kein Handlungsbedarf",
  "aucune action n'est requise", "vous n'avez rien à faire";
- what happens next: "we'll text you when ...", "you will receive ...",
  "the engineer will call you", "wir melden uns, sobald ...", "Sie
  erhalten ...", "nous vous informerons dès que ...", "vous recevrez ...",
  or a concrete time (the delivery, repair or appointment then happens:
  "New delivery: tomorrow 10–12" tells the reader what comes next) — but
  not a time in a sentence that cancels something ("your visit on Monday
  is cancelled" names the old time);
- a statement that the matter is settled ("power is back", "Ihre Anfrage
  wurde beantwortet", "le service est rétabli").

By default the rule checks the kinds that report a change the customer
must react to: delay, outage, appointment, ticket and process-update. It
leaves out otp (the code is the action), marketing (see vague-cta and
opt-out), reminder and info.

Bad (fr, kind = "ticket"):

    +++
    locale = "fr"
    kind = "ticket"
    +++
    Acme : votre demande 48213 a été mise à jour.

Good:

    +++
    locale = "fr"
    kind = "ticket"
    +++
    Acme : votre demande 48213 a été mise à jour. Aucune action n'est requise :
    nous vous répondrons sous 48h.

Options:

    [rules.missing-next-step]
    kinds = ["delay", "outage", "appointment", "ticket", "process-update"]`,
		Check: checkMissingNextStep,
	}
}

// phoneRe finds phone number candidates: a leading + or 0, then digits,
// spaces, dots, slashes and dashes; hasPhone demands 9 digits or more, so
// dates (24.11.2026: 8 digits) are not numbers to call.
var phoneRe = regexp.MustCompile(`(?:\+|\b0)\d[\d /.-]{6,}\d`)

func hasPhone(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			digits++
		}
	}
	if digits < 9 {
		return false
	}
	for _, m := range phoneRe.FindAllString(s, -1) {
		digits := 0
		for _, r := range m {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits >= 9 {
			return true
		}
	}
	return false
}

func checkMissingNextStep(p *lint.Pass) {
	t := p.Template
	d, ok := contentLangs.For(p.Template)
	if !ok {
		return
	}
	if hasNextStep(t, d) {
		return
	}
	reportMessage(p,
		"the reader can't tell what to do or what happens next: no call to action, no \"nothing to do\", no word on when they will hear from you — unsure customers call",
		fmt.Sprintf("add the next step, e.g. %q, or an action with what it does, e.g. %q", d.hintFor("none", p.Template.Kind), d.hintFor("action", p.Template.Kind)))
}

// hasNextStep reports whether the message offers an action (a tracking
// number or link counts), says nothing is needed, says what happens next, or says the matter is settled.
func hasNextStep(t *message.Template, d *contentData) bool {
	for _, part := range t.Parts {
		if part.Name == message.PartButton || hasRealLink(part) || hasLinkPlaceholder(part) {
			return true
		}
	}
	if d.givesTracking(t) {
		return true // the reader can follow the parcel
	}
	vs := prose.Views(t)
	for _, v := range vs {
		if d.nextStep.Contains(v.Folded) || hasPhone(v.Masked) || d.hasRequest(v.Masked) {
			return true
		}
		if d.mayHaveReply(v) {
			for _, re := range d.replyRe {
				if re.MatchString(v.Masked) {
					return true
				}
			}
		}
	}
	if d.isResolved(vs) {
		return true
	}
	return hasFutureTime(t, d, vs)
}

// hasRequest reports whether s asks the reader to do something ("Bitte
// reichen Sie die Unterlagen ein", "Merci de nous envoyer ..."): a match of
// next_step_request_re whose request (group 1 on) does not start with one
// of next_step_request_not ("bitte beachten Sie", "veuillez patienter").
func (d *contentData) hasRequest(s string) bool {
	for _, re := range d.requestRe {
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if len(m) < 4 || m[2] < 0 {
				continue
			}
			rest := s[m[2]:min(len(s), m[2]+80)]
			if !d.notARequest(lang.Fold(rest).S) {
				return true
			}
		}
	}
	return false
}

// notARequest reports whether folded text starts with one of the phrases
// that follow a request marker without asking for an action.
func (d *contentData) notARequest(f string) bool {
	for _, n := range d.requestNot {
		if strings.HasPrefix(f, n) && lang.AtWordBoundary(f, 0, len(n)) {
			return true
		}
	}
	return false
}

// hasFutureTime reports whether the message gives a time that is not in a
// sentence cancelling something ("your visit on Monday is cancelled" names
// the old time, not what happens next).
func hasFutureTime(t *message.Template, d *contentData, vs []*prose.View) bool {
	for _, v := range vs {
		var cancelled []prose.Span
		if ms := d.cancel.FindAll(v.Folded); len(ms) > 0 {
			sents := v.Sentences(d.sent)
			for _, m := range ms {
				s := v.PartRange(prose.Span{Start: m.Start, End: m.End}).Start
				if sent := prose.SpanAt(sents, s); sent.End > sent.Start {
					cancelled = append(cancelled, sent)
				}
			}
		}
		for _, tm := range d.time.PartTimes(t, v) {
			if !tm.OverlapsAny(cancelled) {
				return true
			}
		}
	}
	return false
}
