package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/rivo/uniseg"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// channelLengthOptions are the options of the channel-length rule.
type channelLengthOptions struct {
	// Limits overrides the default limits: channel → part → characters
	// (grapheme clusters); 0 switches a limit off.
	Limits map[string]map[string]int `toml:"limits"`
}

// defaultChannelLimits are the limits from RESEARCH.md: push title and
// body (iOS guidance), WhatsApp template parts (Meta), e-mail subject and
// preheader (what inboxes show).
var defaultChannelLimits = map[string]map[string]int{
	"push":     {message.PartTitle: 40, message.PartBody: 110},
	"whatsapp": {message.PartHeader: 60, message.PartBody: 1024, message.PartFooter: 60, message.PartButton: 20},
	"email":    {message.PartSubject: 50, message.PartPreheader: 100},
}

var limitParts = []string{message.PartTitle, message.PartBody, message.PartSubject, message.PartPreheader, message.PartHeader, message.PartFooter, message.PartButton}

func (o *channelLengthOptions) Validate() error {
	channels := make([]string, 0, len(o.Limits))
	for c := range o.Limits {
		channels = append(channels, c)
	}
	sort.Strings(channels)
	for _, c := range channels {
		if c == "sms" {
			return fmt.Errorf("limits.sms: SMS length is checked by sms-segments ([sms] max_segments)")
		}
		if !prose.ContainsFold(message.KnownChannels(), c) {
			return fmt.Errorf("limits: unknown channel %q (want one of push, whatsapp, email, inapp)", c)
		}
		for part, n := range o.Limits[c] {
			if !prose.ContainsFold(limitParts, part) {
				return fmt.Errorf("limits.%s: unknown part %q (want one of %s)", c, part, strings.Join(limitParts, ", "))
			}
			if n < 0 {
				return fmt.Errorf("limits.%s.%s must not be negative (0 switches the limit off)", c, part)
			}
		}
	}
	return nil
}

// ChannelLimits returns the function that gives, under cfg, how many
// characters (grapheme clusters) a channel shows of a part (0: no limit):
// the limits the channel-length rule checks, for reports that draw the cut.
func ChannelLimits(cfg *lint.Config) func(channel, part string) int {
	o := &channelLengthOptions{}
	if cfg != nil {
		if opt, ok := cfg.RuleOptions(channelLength()).(*channelLengthOptions); ok {
			o = opt
		}
	}
	return o.limit
}

// limit returns the limit for a channel's part; 0 means none.
func (o *channelLengthOptions) limit(channel, part string) int {
	if m, ok := o.Limits[channel]; ok {
		if n, ok := m[part]; ok {
			return n
		}
	}
	return defaultChannelLimits[channel][part]
}

func channelLength() *lint.Rule {
	return &lint.Rule{
		ID:       "channel-length",
		Summary:  "Push, WhatsApp and e-mail subject texts must fit what the channel shows",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &channelLengthOptions{} },
		Doc: `Every channel cuts text off somewhere. What is cut is not read: a push body
that puts the new delivery time after character 110, or an e-mail subject
whose key word comes after character 50, leaves the customer without the
news — and WhatsApp rejects templates whose parts are too long.

notelint counts characters as people see them (grapheme clusters: an emoji
or a flag is one) and reports the part from the first character past the
limit. Placeholders count at their declared max, else at the length of their
sample, else at [sms] default_var_length; the finding says which. A text
that is over the limit only because of that assumed length is not reported:
declare the placeholder's max to have it checked.

Default limits (RESEARCH.md; all configurable):

| channel | part | limit | source |
|---|---|---|---|
| push | title | 40 | common iOS guidance |
| push | body | 110 | iOS guidance; Android's lock screen shows about 49 |
| whatsapp | header | 60 | Meta template limit |
| whatsapp | body | 1024 | Meta template limit |
| whatsapp | footer | 60 | Meta template limit |
| whatsapp | button | 20 | Meta button label limit |
| email | subject | 50 | mobile apps show about 35, desktop about 60 |
| email | preheader | 100 | inboxes show 50–100, ideally ≤ 85 |

The e-mail subject default is 50, not Braze's 35-character mobile
recommendation: many good subjects run to 40–50 characters, and a finding
on every one of them would be noise. If your readers are mostly on phones,
set subject = 35 and put the key fact first. SMS length is the job of
sms-segments.

Bad (push body, 131 characters):

    +++
    channel = "push"
    +++
    We are sorry to inform you that, due to unforeseen circumstances in our logistics centre, your parcel will arrive a little later.

Good:

    +++
    channel = "push"
    +++
    Your parcel is late. New delivery: Tue 10–12. Tap for details.

Options:

    [rules.channel-length.limits]
    push     = { title = 40, body = 110 }
    whatsapp = { header = 60, body = 1024, footer = 60, button = 20 }
    email    = { subject = 35, preheader = 85 }   # 0 switches a limit off`,
		Check: checkChannelLength,
	}
}

func checkChannelLength(p *lint.Pass) {
	t := p.Template
	if t.Channel == "sms" {
		return
	}
	opt := p.Options.(*channelLengthOptions)
	for _, part := range t.Parts {
		limit := opt.limit(t.Channel, part.Name)
		if limit <= 0 {
			continue
		}
		m := measurePart(t, p.Config, part, limit)
		// Over the limit only through the assumed length of placeholders
		// that declare no max: too weak to report.
		if m.count <= limit || m.count-m.assumed <= limit {
			continue
		}
		counted := ""
		if len(m.notes) > 0 {
			counted = " (counting " + strings.Join(m.notes, ", ") + ")"
		}
		why, hint := lengthReason(t.Channel, part.Name, limit)
		p.Report(lint.Diagnostic{Part: part, Start: m.cut, End: part.Text.Len(),
			Message: fmt.Sprintf("the %s has %d characters%s, %d over the limit of %d: %s", partLabel(t.Channel, part.Name), m.count, counted, m.count-limit, limit, why),
			Hint:    hint})
	}
}

type partMeasure struct {
	count int      // grapheme clusters, placeholders at their counted length
	cut   int      // text offset of the first character past the limit
	notes []string // how placeholders were counted
	// assumed is the part of count that comes from placeholders counted
	// at the assumed default length (no declared max or sample).
	assumed int
}

// measurePart counts a part's grapheme clusters with placeholders at their
// counted length and finds where the count passes limit.
func measurePart(t *message.Template, cfg *lint.Config, part *message.Part, limit int) partMeasure {
	text := part.Text.String()
	m := partMeasure{cut: -1}
	literal := func(seg string, base int) {
		state := -1
		off := base
		for len(seg) > 0 {
			var cluster string
			cluster, seg, _, state = uniseg.FirstGraphemeClusterInString(seg, state)
			m.count++
			if m.count > limit && m.cut < 0 {
				m.cut = off
			}
			off += len(cluster)
		}
	}
	seen := map[string]bool{}
	last := 0
	for _, ph := range part.Placeholders {
		if ph.Start < last || ph.End > len(text) {
			continue
		}
		literal(text[last:ph.Start], last)
		last = ph.End
		if ph.Control {
			continue
		}
		vl := placeholderLength(t, cfg, ph, uniseg.GraphemeClusterCount)
		if m.count+vl.n > limit && m.cut < 0 {
			m.cut = ph.Start
		}
		m.count += vl.n
		if vl.how != "max" && vl.how != "sample" {
			m.assumed += vl.n
		}
		if seen[ph.Name] {
			continue
		}
		seen[ph.Name] = true
		written := text[ph.Start:ph.End]
		switch vl.how {
		case "max":
			m.notes = append(m.notes, fmt.Sprintf("%s at its declared max of %d", written, vl.n))
		case "sample":
			m.notes = append(m.notes, fmt.Sprintf("%s at the length of its sample, %d", written, vl.n))
		default:
			m.notes = append(m.notes, fmt.Sprintf("%s at the assumed %d of [sms] default_var_length, as it declares no max", written, vl.n))
		}
	}
	literal(text[last:], last)
	if m.cut < 0 {
		m.cut = len(text)
	}
	return m
}

func partLabel(channel, part string) string {
	switch channel {
	case "push":
		return "push " + part
	case "whatsapp":
		if part == message.PartButton {
			return "WhatsApp button label"
		}
		return "WhatsApp template " + part
	case "email":
		return "e-mail " + part
	}
	return channel + " " + part
}

// lengthReason says why the limit matters and how to fix it.
func lengthReason(channel, part string, limit int) (string, string) {
	switch channel + "/" + part {
	case "push/title":
		return "phones show about 40 characters of a push title; the rest is cut off",
			fmt.Sprintf("name the news in %d characters (\"Parcel delayed\") and move details to the body", limit)
	case "push/body":
		return "iOS shows about 110 characters of a push body on the lock screen and Android fewer; the rest is cut off unread",
			fmt.Sprintf("put the key fact (what happened, the new time) first and cut the text to %d characters; details belong behind the tap", limit)
	case "whatsapp/header", "whatsapp/footer":
		return fmt.Sprintf("Meta rejects WhatsApp templates whose %s is longer than 60 characters", part),
			fmt.Sprintf("shorten the %s to %d characters", part, limit)
	case "whatsapp/body":
		return "Meta rejects WhatsApp template bodies longer than 1,024 characters, and long bodies are not read on a phone",
			fmt.Sprintf("cut the body to %d characters and link to the details", limit)
	case "whatsapp/button":
		return "Meta rejects button labels longer than 20 characters",
			fmt.Sprintf("use a short verb phrase of at most %d characters (\"Track parcel\")", limit)
	case "email/subject":
		return "mobile mail apps show about 35 characters of a subject and desktop clients about 60; the end is cut off in the inbox",
			fmt.Sprintf("put the key fact in the first 35 characters and cut the subject to %d", limit)
	case "email/preheader":
		return "inboxes show 50 to 100 characters of the preheader; the rest is never seen",
			fmt.Sprintf("cut the preheader to %d characters, ideally 85, with the most useful detail first", limit)
	}
	return fmt.Sprintf("the configured limit for %s %s is %d characters", channel, part, limit),
		fmt.Sprintf("cut the %s to %d characters", part, limit)
}
