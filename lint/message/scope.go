package message

import (
	"fmt"
)

// Evidence says where an inferred attribute of a template came from. The
// order is the order of trust: a later source overrides an earlier one.
type Evidence int

// Sources of evidence, weakest first.
const (
	FromNothing       Evidence = iota // nothing said anything
	FromDefault                       // a built-in fallback ("a .txt file is an SMS")
	FromConfigDefault                 // the config's default_channel, default_kind, default_locale
	FromText                          // the message's own words
	FromPath                          // a folder or file name
	FromKey                           // a bundle key, gettext context or source reference
	FromConfig                        // the config: defaults and key patterns
	FromFrontMatter                   // the template's own front matter or catalog entry
)

var evidenceNames = []string{"none", "default", "config default", "text", "path", "key", "config", "front-matter"}

// String returns the evidence's name as shown by --explain-scope and JSON.
func (e Evidence) String() string {
	if int(e) < len(evidenceNames) {
		return evidenceNames[e]
	}
	return fmt.Sprintf("evidence(%d)", int(e))
}

// MarshalText writes the evidence as its name.
func (e Evidence) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

// Confidence is how sure an inference is. Rules run only on attributes
// known with at least Medium confidence.
type Confidence int

// Confidence levels.
const (
	Unknown Confidence = iota
	Low
	Medium
	High
)

var confidenceNames = []string{"unknown", "low", "medium", "high"}

// String returns the level's name.
func (c Confidence) String() string {
	if int(c) < len(confidenceNames) {
		return confidenceNames[c]
	}
	return fmt.Sprintf("confidence(%d)", int(c))
}

// MarshalText writes the level as its name.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// Fact is one inferred attribute: its value, where it came from, how sure
// it is, and the words that decided it.
type Fact struct {
	Value      string     `json:"value"`
	Source     Evidence   `json:"source"`
	Confidence Confidence `json:"confidence"`
	// Detail names the evidence: the folder, key word or phrase.
	Detail string `json:"detail,omitempty"`
}

// Known reports whether the fact has a value held with at least Medium
// confidence.
func (f Fact) Known() bool { return f.Value != "" && f.Confidence >= Medium }

// Scope is what the loaders decided about a template: whether it is a
// customer notification, and its channel, kind and locale, each with its
// evidence. Template.Channel, Kind and Locale hold the same values.
type Scope struct {
	// Notification is "yes" for a message sent to a customer, "no" for a
	// UI string, help text or staff-facing message.
	Notification Fact `json:"notification"`
	Channel      Fact `json:"channel"`
	Kind         Fact `json:"kind"`
	Locale       Fact `json:"locale"`
	// PartOf names the key word that makes a label or fragment part of a
	// notification (an action button of a push: "notification_snooze_action"):
	// not a message to judge on its own, but a text to translate with it.
	PartOf string `json:"part_of,omitempty"`
	// Within is the key path of the message a bundle string is a piece of
	// (an e-mail split over keys beside its subject:
	// "email.invoice.finalized"); "" when the string is a message itself.
	Within string `json:"within,omitempty"`
	// NotTemplate says why the file is no message template at all
	// (documentation, a web page): no rule runs on it. "" for templates.
	NotTemplate string `json:"not_template,omitempty"`
	// WrittenIn is the language the text surely reads as when that is not
	// the language of its locale (a de message left in English); "" when
	// they agree or the text is too short to tell.
	WrittenIn string `json:"written_in,omitempty"`
}

// Notification values.
const (
	Yes = "yes"
	No  = "no"
)

// IsNotification reports whether the template is known to be a customer
// notification.
func (t *Template) IsNotification() bool {
	return t.Scope.Notification.Value == Yes && t.Scope.Notification.Confidence >= Medium
}

// IsSMS reports whether the template is known to be an SMS (with at least
// Medium confidence): a plain-text file that is an SMS only by default
// may be an e-mail's text part, so SMS limits are not applied to it.
func (t *Template) IsSMS() bool {
	return t.Channel == "sms" && t.Scope.Channel.Known()
}

// SetChannel records the channel with its evidence, unless stronger
// evidence already decided it.
func (t *Template) SetChannel(v string, src Evidence, c Confidence, detail string) {
	if v == "" || !t.Scope.Channel.weakerThan(src, c) {
		return
	}
	t.Channel = v
	t.Scope.Channel = Fact{Value: v, Source: src, Confidence: c, Detail: detail}
}

// SetKind records the kind with its evidence, unless stronger evidence
// already decided it.
func (t *Template) SetKind(v string, src Evidence, c Confidence, detail string) {
	if v == "" || !t.Scope.Kind.weakerThan(src, c) {
		return
	}
	t.Kind = v
	t.Scope.Kind = Fact{Value: v, Source: src, Confidence: c, Detail: detail}
}

// SetLocale records the locale with its evidence, unless stronger
// evidence already decided it.
func (t *Template) SetLocale(v string, src Evidence, c Confidence, detail string) {
	if v == "" || !t.Scope.Locale.weakerThan(src, c) {
		return
	}
	t.Locale = v
	t.Scope.Locale = Fact{Value: v, Source: src, Confidence: c, Detail: detail}
}

// SetNotification records whether the template is a notification.
func (t *Template) SetNotification(yes bool, src Evidence, c Confidence, detail string) {
	if !t.Scope.Notification.weakerThan(src, c) {
		return
	}
	v := No
	if yes {
		v = Yes
	}
	t.Scope.Notification = Fact{Value: v, Source: src, Confidence: c, Detail: detail}
}

// weakerThan reports whether evidence from src with confidence c should
// replace f: a stronger source always does; the same source only with
// more confidence.
func (f Fact) weakerThan(src Evidence, c Confidence) bool {
	if f.Value == "" {
		return true
	}
	if src != f.Source {
		return src > f.Source
	}
	return c > f.Confidence
}

// SetScope records a fact about t from outside the loaders (a rule's
// test, an editor integration): attr is "channel", "kind", "locale" or
// "notification" ("yes"/"no"). Stronger evidence already recorded wins.
func (t *Template) SetScope(attr, value string, src Evidence, c Confidence, detail string) {
	switch attr {
	case "channel":
		t.SetChannel(value, src, c, detail)
	case "kind":
		t.SetKind(value, src, c, detail)
	case "locale":
		t.SetLocale(NormalizeLocale(value), src, c, detail)
	case "notification":
		t.SetNotification(value == Yes, src, c, detail)
	}
}
