package rules

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// vagueCTAOptions are the options of the vague-cta rule.
type vagueCTAOptions struct {
	// BareLinkChannels are the channels whose bare links need an
	// instruction around them.
	BareLinkChannels []string `toml:"bare_link_channels"`
	// MaxSMSActions is the number of calls to action one SMS may hold; 0
	// switches the check off.
	MaxSMSActions int `toml:"max_sms_actions"`
	// Allow lists link and button texts not to report.
	Allow []string `toml:"allow"`
}

func (o *vagueCTAOptions) Validate() error {
	if o.MaxSMSActions < 0 {
		return errors.New("max_sms_actions must not be negative (0 switches the check off)")
	}
	return validateChannels("bare_link_channels", o.BareLinkChannels)
}

func vagueCTA() *lint.Rule {
	return &lint.Rule{
		ID:       "vague-cta",
		Summary:  "Links and buttons must say what they do; one SMS, one call to action",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options: func() any {
			return &vagueCTAOptions{BareLinkChannels: []string{"sms", "push"}, MaxSMSActions: 1}
		},
		Doc: `A call to action the reader does not understand is either ignored or
answered by phone. In one real case a fund sent an SMS with an unexplained
call to action, and more than 70 % of recipients called the contact centre.
Unexplained links also look like phishing.

notelint reports:

- **link and button texts that say nothing on their own**: the whole text
  (trimmed, any case) is "click here", "here", "more", "learn more", "read
  more", "hier klicken", "hier", "mehr", "mehr erfahren", "weiterlesen",
  "cliquez ici", "ici", "en savoir plus", "lire la suite", ... (lists from
  Lighthouse's link-text audit, Sa11y and eslint-plugin-jsx-a11y; WCAG 2.4.4
  Link Purpose). Markdown and HTML links and WhatsApp buttons are checked.
  "here" inside a longer text ("here is your new delivery window") is fine;
- **bare links with no instruction** in SMS and push: a link on its own, in
  a sentence with no words, after a sentence that asks for nothing
  ("We have moved your appointment. https://…"), or after a label that
  says nothing ("Info: https://…", "Plus d'infos : https://…"). A link
  after any other words ("Track your parcel: https://…", "Sendung
  verfolgen: https://…", "Your order: https://…") is accepted, and so is a
  link right after a sentence with an instruction ("Please confirm your
  new slot. https://…", "Bitte reichen Sie den Nachweis ein. https://…",
  "Merci de nous l'envoyer. https://…"). Opt-out links (the URL or the words before it say
  unsubscribe / abmelden / désinscription) are left to the opt-out rule;
- **more than one call to action in one SMS**: different links, and reply
  instructions with a keyword ("Reply YES", "Antworten Sie mit JA",
  "Répondez OUI"). Opt-out and help keywords (STOP, HELP), opt-out links
  ("Unsubscribe: https://…") and phone numbers given for questions are not
  counted. The finding points at the first
  call to action over the limit.

A scheme named in prose without an address ("enter the address without
https://") is no link and no call to action.

Bad (de, SMS):

    Acme: Ihr Termin wurde verschoben. Infos: https://acme.example/a/XY9

Good:

    Acme: Ihr Termin wurde verschoben. Neuen Termin wählen: https://acme.example/a/XY9

Options:

    [rules.vague-cta]
    bare_link_channels = ["sms", "push"]   # where bare links need an instruction
    max_sms_actions = 1                    # calls to action per SMS; 0 = do not check
    allow = []                             # link or button texts not to report`,
		Check: checkVagueCTA,
	}
}

func checkVagueCTA(p *lint.Pass) {
	opt := p.Options.(*vagueCTAOptions)
	t := p.Template
	d, ok := contentLangs.For(p.Template)
	if !ok {
		return
	}
	bareChannel := false
	for _, c := range opt.BareLinkChannels {
		if c == t.Channel {
			bareChannel = true
		}
	}
	var actions []smsAction
	for _, part := range t.Parts {
		if part.Name == message.PartButton {
			checkButton(p, d, opt, part)
			continue
		}
		if !hasRealLink(part) && !t.IsSMS() {
			continue
		}
		var v *prose.View
		var sents []prose.Span
		masked := ""
		for i, l := range part.Links {
			if !l.Bare {
				if masked == "" {
					masked = part.Masked()
				}
				checkLinkText(p, d, opt, part, masked, l)
				continue
			}
			if bareChannel && !mentionOnly(l, part.Text.String()) {
				if v == nil {
					v = prose.NewView(part)
					sents = v.Sentences(d.sent)
				}
				if !isOptOutLink(d, v, sents, part.Links, i) {
					checkBareLink(p, d, v, sents, part.Links, i)
				}
			}
		}
		if t.IsSMS() && opt.MaxSMSActions > 0 {
			if v == nil {
				v = prose.NewView(part)
			}
			actions = append(actions, smsActions(d, v)...)
		}
	}
	if len(actions) > opt.MaxSMSActions {
		a := actions[opt.MaxSMSActions]
		names := make([]string, len(actions))
		for i, x := range actions {
			names[i] = x.desc
		}
		p.Report(lint.Diagnostic{Part: a.part, Start: a.Start, End: a.End,
			Message: fmt.Sprintf("this SMS asks for %d different actions (%s): with more than one, readers hesitate and many do none", len(actions), strings.Join(names, ", ")),
			Hint:    "keep the one action that matters most, and offer the others on the page it links to",
		})
	}
}

// checkLinkText reports a Markdown or HTML link whose whole text says nothing.
func checkLinkText(p *lint.Pass, d *contentData, opt *vagueCTAOptions, part *message.Part, masked string, l message.Link) {
	if l.End <= l.Start || l.End > len(masked) {
		return
	}
	label := masked[l.Start:l.End]
	phrase, ok := d.vagueLinkText.Equal(label)
	if !ok || allowedPhrase(opt.Allow, phrase) {
		return
	}
	p.Report(lint.Diagnostic{Part: part, Start: l.Start, End: l.End,
		Message: fmt.Sprintf("link text %q does not say where the link goes: readers scan links on their own (screen readers list them out of context), so they skip it or tap it blindly", strings.TrimSpace(label)),
		Hint:    fmt.Sprintf("name the action and its target in the link text, e.g. %q (WCAG 2.4.4)", d.hintFor("link", p.Template.Kind)),
	})
}

// checkButton reports a button whose whole label says nothing.
func checkButton(p *lint.Pass, d *contentData, opt *vagueCTAOptions, part *message.Part) {
	text := part.Masked()
	phrase, ok := d.vagueLinkText.Equal(text)
	if !ok || allowedPhrase(opt.Allow, phrase) {
		return
	}
	s, e := ctaTrimmedRange(text)
	p.Report(lint.Diagnostic{Part: part, Start: s, End: e,
		Message: fmt.Sprintf("button %q does not say what it does: customers tap it blindly or not at all", strings.TrimSpace(text)),
		Hint:    fmt.Sprintf("name the action, e.g. %q", d.hintFor("link", p.Template.Kind)),
	})
}

// ctaTrimmedRange returns the range of text without surrounding white space.
func ctaTrimmedRange(text string) (int, int) {
	s := len(text) - len(strings.TrimLeftFunc(text, unicode.IsSpace))
	e := len(strings.TrimRightFunc(text, unicode.IsSpace))
	if e < s {
		e = s
	}
	return s, e
}

// labelTrim is what surrounds a label before a link: "Info: ", "(Details) ".
const labelTrim = " :-–—>→»«()[]*•|"

// checkBareLink reports a bare link (URL or URL placeholder) in SMS or push
// that has no instruction around it.
func checkBareLink(p *lint.Pass, d *contentData, v *prose.View, sents []prose.Span, links []message.Link, i int) {
	l := links[i]
	sent := prose.SpanAt(sents, l.Start)
	from, to := sent.Start, sent.End
	if sent.End <= sent.Start {
		from, to = l.Start, l.End
	}
	// Text of the sentence before the link, after any earlier link.
	for j := 0; j < i; j++ {
		if links[j].End <= l.Start && links[j].End > from {
			from = links[j].End
		}
	}
	before := strings.Trim(v.FoldedSlice(from, l.Start), labelTrim+".,;!?")
	var generic bool
	switch {
	case before != "":
		if _, ok := d.genericLabel.Equal(before); !ok {
			return
		}
		generic = true
	default:
		// The link starts its sentence: words after it in the sentence, or
		// an instruction in the sentence before, explain it.
		end := to
		if i+1 < len(links) && links[i+1].Start < end {
			end = links[i+1].Start
		}
		if end > l.End && ctaHasLetter(v.FoldedSlice(l.End, end)) {
			return
		}
		if prev := sentenceBefore(sents, from); prev.End > prev.Start {
			prevText := v.FoldedSlice(prev.Start, prev.End)
			if d.ctaVerbs.Contains(lang.Fold(prevText)) || d.hasRequest(prevText) {
				return
			}
		}
	}
	shown := l.URL
	if l.Var != nil || shown == "" {
		shown = v.Part.Text.String()[l.Start:l.End]
	}
	msg := fmt.Sprintf("link %s stands without an instruction: readers can't tell what it is for or whether to tap it, and unexplained links look like phishing", shown)
	if generic {
		msg = fmt.Sprintf("the words before link %s (%q) don't say what it does: readers can't tell whether to tap it, and unexplained links look like phishing", shown, before)
	}
	p.Report(lint.Diagnostic{Part: v.Part, Start: l.Start, End: l.End,
		Message: msg,
		Hint:    fmt.Sprintf("say what the link does, with a verb, right before it, e.g. %q", d.hintFor("bare", p.Template.Kind)),
	})
}

// sentenceBefore returns the last sentence that ends at or before off.
func sentenceBefore(sents []prose.Span, off int) prose.Span {
	var out prose.Span
	for _, s := range sents {
		if s.End <= off {
			out = s
		}
	}
	return out
}

func ctaHasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// smsAction is one call to action in an SMS.
type smsAction struct {
	part *message.Part
	prose.Span
	desc string
}

// optOutURLWords mark links that unsubscribe, whatever the language.
var optOutURLWords = []string{"unsub", "optout", "opt-out", "opt_out", "abmeld", "abbestell", "desinscri", "désinscri", "desabonn", "désabonn", "stop"}

// isOptOutLink reports whether link i is the opt-out link: its URL says so,
// or the words before it in its sentence are an opt-out instruction.
func isOptOutLink(d *contentData, v *prose.View, sents []prose.Span, links []message.Link, i int) bool {
	l := links[i]
	u := strings.ToLower(l.URL)
	if l.Var != nil {
		u += " " + strings.ToLower(l.Var.Name)
	}
	for _, w := range optOutURLWords {
		if strings.Contains(u, w) {
			return true
		}
	}
	from := prose.SpanAt(sents, l.Start).Start
	for j := 0; j < i; j++ {
		if links[j].End <= l.Start && links[j].End > from {
			from = links[j].End
		}
	}
	before := lang.Fold(v.FoldedSlice(from, l.Start))
	return d.optOutPhrases.Contains(before)
}

// smsActions lists the calls to action of one SMS part in text order:
// links (each target once, opt-out links left out) and reply instructions
// with a keyword (not opt-out or help keywords).
func smsActions(d *contentData, v *prose.View) []smsAction {
	part := v.Part
	var out []smsAction
	seen := map[string]bool{}
	var sents []prose.Span
	for i, l := range part.Links {
		if mentionOnly(l, part.Text.String()) {
			continue
		}
		if sents == nil {
			sents = v.Sentences(d.sent)
		}
		if isOptOutLink(d, v, sents, part.Links, i) {
			continue // "Unsubscribe: https://…" is compliance, not a competing action
		}
		key := l.URL
		if l.Var != nil {
			key = "{{" + l.Var.Name + "}}"
		}
		if key == "" {
			key = part.Text.String()[l.Start:l.End]
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, smsAction{part, prose.Span{Start: l.Start, End: l.End}, "link " + part.Text.String()[l.Start:l.End]})
	}
	if d.mayHaveReply(v) {
		masked := v.Masked
		for _, re := range d.replyRe {
			for _, m := range re.FindAllStringSubmatchIndex(masked, -1) {
				if len(m) < 4 || m[2] < 0 {
					continue
				}
				kw := masked[m[2]:m[3]]
				if d.replyIgnore[strings.TrimSpace(lang.Fold(kw).S)] {
					continue
				}
				out = append(out, smsAction{part, prose.Span{Start: m[0], End: m[1]}, fmt.Sprintf("reply %q", kw)})
			}
		}
	}
	// Text order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Start < out[j-1].Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
