package rules

import (
	"errors"
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// optOutOptions are the options of the opt-out rule.
type optOutOptions struct {
	// Kinds are the message kinds that need an opt-out instruction.
	Kinds []string `toml:"kinds"`
	// Channels are the channels checked.
	Channels []string `toml:"channels"`
	// Vars are names that stand for an opt-out text when a placeholder's
	// name contains them ({{optout}}, {{unsubscribe_text}}, {{optOutText}}).
	Vars []string `toml:"vars"`
}

func (o *optOutOptions) Validate() error {
	for i, v := range o.Vars {
		o.Vars[i] = strings.ToLower(strings.TrimSpace(v))
		if o.Vars[i] == "" {
			return errors.New("vars: empty name")
		}
	}
	if err := validateKinds("kinds", o.Kinds); err != nil {
		return err
	}
	return validateChannels("channels", o.Channels)
}

// Scope runs the rule only on the configured kinds and channels.
func (o *optOutOptions) Scope(a *lint.Applies) { a.Kinds, a.Channels = o.Kinds, o.Channels }

func optOut() *lint.Rule {
	return &lint.Rule{
		ID:       "opt-out",
		Summary:  "Marketing SMS must say how to stop receiving them",
		Severity: message.Error,
		Applies:  lint.Applies{Notifications: true, WholeCopy: true},
		Options: func() any {
			return &optOutOptions{Kinds: []string{"marketing"}, Channels: []string{"sms"},
				Vars: []string{"optout", "opt_out", "unsubscribe", "stop"}}
		},
		Doc: `Recipients who cannot see how to stop marketing texts report them as spam,
which hurts delivery of every message from the sender, service messages
included. The law asks for it too: in the US, opt-out by "STOP" and similar
words must be honoured (FCC 24-18) and CTIA expects "Reply STOP" in the
text; in Germany UWG §7 requires a valid opt-out address and an objection
notice in every message; in the UK PECR reg. 22/23 a valid opt-out
address; in France "STOP au 36xxx" is the customary wording (CPCE L34-5).

notelint checks SMS of kind marketing for an opt-out instruction in any
part of the text:

- an opt-out keyword written in capitals as a reply keyword is written:
  STOP, STOPP, ARRET, UNSUBSCRIBE, ... ("Reply STOP", "STOP an 12345",
  "STOP au 36180"); lower-case "stop" ("don't stop now") does not count;
- an opt-out phrase in the message's language: "unsubscribe", "opt out",
  "abmelden", "abbestellen", "Widerspruch", "se désinscrire",
  "désabonnement", ...;
- a placeholder for the opt-out text, whose name contains one of vars:
  {{optout}}, {{opt_out_text}}, {{unsubscribe}}, {{stop_text}}.

Bad (en, kind = "marketing"):

    +++
    kind = "marketing"
    +++
    Acme: 20% off all heaters until Sunday. Shop now: https://acme.example/winter

Good:

    +++
    kind = "marketing"
    +++
    Acme: 20% off all heaters until Sunday. Shop now: https://acme.example/winter Reply STOP to opt out

Options:

    [rules.opt-out]
    kinds = ["marketing"]
    channels = ["sms"]
    vars = ["optout", "opt_out", "unsubscribe", "stop"]`,
		Check: checkOptOut,
	}
}

func checkOptOut(p *lint.Pass) {
	opt := p.Options.(*optOutOptions)
	t := p.Template
	d, ok := contentLangs.For(p.Template)
	if !ok {
		return
	}
	for _, part := range t.Parts {
		for _, ph := range part.Placeholders {
			if ph.Control || ph.Name == "" {
				continue
			}
			joined := strings.Join(prose.NameWords(ph.Name), "")
			for _, v := range opt.Vars {
				if w := strings.NewReplacer("_", "", "-", "", " ", "").Replace(v); w != "" && strings.Contains(joined, w) {
					return
				}
			}
		}
	}
	for _, part := range t.Parts {
		if part.Text.Len() == 0 {
			continue
		}
		v := prose.NewView(part)
		if d.optOutPhrases.Contains(v.Folded) {
			return
		}
		for _, m := range d.optOutKeywords.FindAll(v.Folded) {
			r := v.PartRange(prose.Span{Start: m.Start, End: m.End})
			orig := part.Text.String()[r.Start:r.End]
			if orig == strings.ToUpper(orig) && orig != strings.ToLower(orig) {
				return
			}
		}
	}
	reportMessage(p,
		"marketing SMS without an opt-out instruction: recipients who can't see how to stop report it as spam, and marketing law requires the opt-out in every message",
		fmt.Sprintf("add an opt-out instruction in the message's language, e.g. %q", d.hint("stop")))
}
