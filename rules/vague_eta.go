package rules

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// vagueETAOptions are the options of the vague-eta rule.
type vagueETAOptions struct {
	// Kinds are the message kinds in which a time is owed.
	Kinds []string `toml:"kinds"`
	// Allow lists phrases not to report (any language).
	Allow []string `toml:"allow"`
}

func (o *vagueETAOptions) Validate() error { return validateKinds("kinds", o.Kinds) }

// Scope runs the rule only on the configured kinds.
func (o *vagueETAOptions) Scope(a *lint.Applies) { a.Kinds = o.Kinds }

func vagueETA() *lint.Rule {
	return &lint.Rule{
		ID:       "vague-eta",
		Summary:  "\"Soon\", \"in Kürze\", \"bientôt\" where the customer is owed a time",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &vagueETAOptions{Kinds: append([]string(nil), etaKinds...)} },
		Doc: `"Soon", "as soon as possible", "zeitnah", "in Kürze", "bientôt", "dans les
meilleurs délais": to the writer they promise speed, to the customer they
say "we don't know". Nobody can plan a day around "shortly", so the customer
calls to ask what it means.

notelint reports the vague time phrases of the message's language
(RESEARCH.md, "Time expressions") in messages of the kinds that owe a time
(by default those of missing-eta). It does not report:

- a phrase in a sentence that also gives a concrete time ("later today",
  "shortly, by 14:00", "au plus tôt le 5 mai"): the time is there;
- a phrase in the subject, title or preheader when the body gives a time
  (a subject may tease "arrives soon" when the body says "Monday 10–12");
- phrases that only contain a vague word: deadlines and comparisons ("no
  later than", "später als geplant", "au plus tard"), conditions ("as soon
  as the engineer arrives", "sobald", "dès que votre colis"), greetings
  ("see you soon", "bis bald", "à bientôt");
- a phrase in a request to the customer ("please confirm as soon as
  possible", "bitte bestätigen Sie so schnell wie möglich", "merci de
  confirmer dès que possible"): it asks the customer for speed and promises
  nothing. "Please be patient, we will fix it as soon as possible" is still
  reported: the sender speaks in a new clause between the request and the
  phrase; and so is "please try again later": only phrases of speed are
  left alone in a request, not "later" or "in the coming days";
- anything in a message that says the matter is settled ("power is back",
  "wurde behoben", "a été résolu"): no time is owed any more.

Bad (en, kind = "delay"):

    +++
    kind = "delay"
    +++
    Your parcel is delayed. We'll deliver it as soon as possible.

Good:

    +++
    kind = "delay"
    +++
    Your parcel is delayed. New delivery: tomorrow 10:00–12:00.

Options:

    [rules.vague-eta]
    kinds = ["delay", "outage", "appointment", "ticket", "process-update"]
    allow = []   # phrases not to report, e.g. ["zeitnah"]`,
		Check: checkVagueETA,
	}
}

func checkVagueETA(p *lint.Pass) {
	opt := p.Options.(*vagueETAOptions)
	t := p.Template
	d, ok := contentLangs.For(p.Template)
	if !ok {
		return
	}
	all := prose.Views(t)
	if d.isResolved(all) {
		return
	}
	// A subject, title or preheader may tease ("arrives soon") when the
	// body gives the time.
	bodyTime := false
	for _, v := range all {
		if v.Part.Name == message.PartBody && len(d.time.PartTimes(t, v)) > 0 {
			bodyTime = true
		}
	}
	for _, v := range all {
		part := v.Part
		if bodyTime && part.Name != message.PartBody {
			continue
		}
		vs := d.time.VagueIn(v)
		if len(vs) == 0 {
			continue
		}
		var sents, times []prose.Span
		for _, vg := range vs {
			phrase := v.Folded.S[vg.Start:vg.End]
			if allowedPhrase(opt.Allow, phrase) {
				continue
			}
			pr := v.PartRange(vg)
			ps, pe := pr.Start, pr.End
			if sents == nil {
				sents = v.Sentences(d.sent)
				times = d.time.PartTimes(t, v)
			}
			sent := prose.SpanAt(sents, ps)
			if sent.End > sent.Start && sent.OverlapsAny(times) {
				continue
			}
			if d.speed[phrase] && sent.End > sent.Start && d.isRequest(v, v.FoldedOffset(sent.Start), vg.Start) {
				continue
			}
			shown := strings.TrimSpace(part.Text.String()[ps:pe])
			p.Report(lint.Diagnostic{Part: part, Start: ps, End: pe,
				Message: fmt.Sprintf("%q does not say when: customers can't plan with it and call to ask", shown),
				Hint:    fmt.Sprintf("give a time or a window instead, e.g. %q; if you can't yet, say when you will update them, e.g. %q", d.hint("vague"), d.hint("vague_update")),
			})
		}
	}
}

// isRequest reports whether the vague phrase at folded offset at is part
// of a request to the customer ("please confirm as soon as possible",
// "merci de confirmer dès que possible"): a request marker between the
// sentence start from and at, and the sender not speaking between the
// marker and the phrase ("please be patient, we will fix it as soon as
// possible": a first-person word in a new clause).
func (d *contentData) isRequest(v *prose.View, from, at int) bool {
	marker := -1
	for _, m := range d.request.FindAll(v.Folded) {
		if m.Start >= from && m.End <= at {
			marker = m.End
		}
	}
	if marker < 0 {
		return false
	}
	for _, m := range d.promise.FindAll(v.Folded) {
		if m.Start >= marker && m.End <= at && d.newClause(v.Folded, marker, m.Start) {
			return false
		}
	}
	return true
}

// newClause reports whether folded text between from and to starts a new
// clause: a comma, semicolon, colon, bracket or dash, or a joining word
// ("and", "und").
func (d *contentData) newClause(f *lang.Folded, from, to int) bool {
	if strings.ContainsAny(f.S[from:to], ",;:(") || strings.Contains(f.S[from:to], " - ") {
		return true
	}
	for _, m := range d.joiners.FindAll(f) {
		if m.Start >= from && m.End <= to {
			return true
		}
	}
	return false
}

// allowedPhrase reports whether phrase (folded) is in the allow list.
func allowedPhrase(allow []string, phrase string) bool {
	for _, a := range allow {
		if strings.TrimSpace(lang.Fold(a).S) == phrase {
			return true
		}
	}
	return false
}
