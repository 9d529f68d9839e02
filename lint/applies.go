package lint

import (
	"slices"

	"github.com/notelint/notelint/lint/message"
)

// Applies declares where a rule runs. The engine runs a rule's Check only
// on templates that match; a rule never re-checks kind or channel itself.
type Applies struct {
	// Notifications: only customer notifications, never UI strings, help
	// texts or staff-facing messages.
	Notifications bool
	// Channels: only these channels, known with at least Medium
	// confidence; nil means any channel.
	Channels []string
	// Kinds: only these kinds, known with at least Medium confidence; nil
	// means any kind.
	Kinds []string
	// WholeCopy: only templates whose whole copy is in their text. A rule
	// that concludes from what a message lacks (no time, no next step, no
	// sender) cannot run where part of the copy sits in translation calls
	// (<%= t "…" %>, {{ 'key'|trans }}): see message.Template.CopyHidden.
	WholeCopy bool
	// OtherLanguage: also on a notification whose text is written in
	// another language than its locale's (Scope.WrittenIn). Rules that
	// read words with the locale's word lists do not run there: the one
	// finding is that the message is not in its language.
	OtherLanguage bool
}

// ScopeOptions is implemented by rule options that narrow where the rule
// applies (a configurable list of kinds or channels).
type ScopeOptions interface {
	// Scope narrows a, the rule's declared applicability.
	Scope(a *Applies)
}

// appliesTo reports whether a rule with options opts runs on t.
func (r *Rule) appliesTo(t *message.Template, opts any) bool {
	so, ok := opts.(ScopeOptions)
	if !ok {
		return r.Applies.Match(t)
	}
	a := r.Applies
	so.Scope(&a)
	return a.Match(t)
}

// Match reports whether t is in the scope a declares.
func (a Applies) Match(t *message.Template) bool {
	if a.Notifications && (!t.IsNotification() || t.Scope.WrittenIn != "" && !a.OtherLanguage) {
		return false
	}
	if a.Channels != nil && (!t.Scope.Channel.Known() || !slices.Contains(a.Channels, t.Channel)) {
		return false
	}
	if a.Kinds != nil && (!t.Scope.Kind.Known() || !slices.Contains(a.Kinds, t.Kind)) {
		return false
	}
	return !a.WholeCopy || !t.CopyHidden()
}

// Runs reports whether rule r, as configured, runs its per-template check
// on t: it is not off and t is in its scope.
func (c *Config) Runs(r *Rule, t *message.Template) bool {
	return t.Scope.NotTemplate == "" && r.Check != nil && c.Severity(r) != message.Off && r.appliesTo(t, c.RuleOptions(r))
}
