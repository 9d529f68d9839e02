package simulate

import "time"

// Observer receives the decision trail of observed customers (see
// Options.Observe). Calls come from several goroutines, but all calls for
// one customer come from one goroutine, in replay order.
type Observer interface {
	// Message reports what happened to one message of one stream.
	Message(MessageDecision)
	// Flag reports a flag raised for a customer.
	Flag(FlagHit)
}

// MessageDecision is the fate of one message in one stream.
type MessageDecision struct {
	Customer string
	Entity   string // "" when the entity is the customer
	Stream   string // "as_is" or "policy"
	Event    time.Time
	Status   string
	Template string
	Send     time.Time // send time; zero when dropped before one was set (dedupe, collapse)
	Sent     bool
	Reason   string // why it was dropped: dedupe, collapse, quiet_hours, quiet_merge, min_gap, max_per_day
	Deferred bool   // moved by quiet hours
}

// FlagHit is one raised flag.
type FlagHit struct {
	Flag    string
	Stream  string
	Example Example
}

func (s *shard) observeMessage(k int, ci uint32, m *msg, sent bool, reason string) {
	d := MessageDecision{
		Customer: string(s.custKeys.get(ci)),
		Entity:   string(s.entKeys.get(m.ent)),
		Stream:   streamNames[k],
		Event:    s.localTime(m.t, m.zone),
		Status:   string(s.stats.key(m.st)),
		Template: s.pol.templates[m.tpl],
		Sent:     sent,
		Reason:   reason,
		Deferred: m.deferred,
	}
	if reason != dropNames[dropDedupe] && reason != dropNames[dropCollapse] {
		d.Send = s.localTime(m.s, m.zone)
	}
	s.obs.Message(d)
}

// localTime renders Unix nanoseconds in zone zi.
func (s *shard) localTime(ns int64, zi uint16) time.Time {
	return time.Unix(0, ns).In(s.zone[zi].loc)
}
