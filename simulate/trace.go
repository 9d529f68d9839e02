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
	Seq      int    // the position of the message's event among the customer's events (EventRecord.Seq)
	// Keepalive marks a keep-alive: it has no event (Event is its due
	// time, Status the entity's status then, Seq meaningless).
	Keepalive bool
}

// EventObserver is an Observer that also receives every event (triggering
// or not) of the observed customers, in replay order, before the messages
// the event causes.
type EventObserver interface {
	Observer
	Event(EventRecord)
}

// Resetter is an Observer that can forget what it received. Run calls
// Reset when it restarts the replay (rows out of time order: the streaming
// pass is abandoned and the events are replayed buffered), so the observer
// sees every event and decision exactly once.
type Resetter interface {
	Reset()
}

// EventRecord is one event of an observed customer.
type EventRecord struct {
	Customer string
	Entity   string    // "" when the entity is the customer
	Time     time.Time // in the row's zone (else the policy's)
	Status   string
	Template string // the trigger's template; "" when the status triggers nothing
	Final    bool   // a final status (ends the silent_gap span)
	Seq      int    // the event's position among the customer's events (0-based, replay order)
}

// FlagHit is one raised flag.
type FlagHit struct {
	Flag    string
	Stream  string
	Example Example
}

func (s *shard) observeMessage(k int, ci uint32, m *msg, sent bool, reason string) {
	d := MessageDecision{
		Customer:  string(s.custKeys.get(ci)),
		Entity:    string(s.entKeys.get(m.ent)),
		Stream:    streamNames[k],
		Event:     s.localTime(m.t, m.zone),
		Status:    string(s.stats.key(m.st)),
		Template:  s.pol.templates[m.tpl],
		Sent:      sent,
		Reason:    reason,
		Deferred:  m.deferred,
		Seq:       int(m.seq),
		Keepalive: m.seq == kaSeq,
	}
	if reason != dropNames[dropDedupe] && reason != dropNames[dropCollapse] {
		d.Send = s.localTime(m.s, m.zone)
	}
	s.obs.Message(d)
}

func (s *shard) observeEvent(ci, ei, st uint32, zi uint16, t int64, seq uint32) {
	eo, ok := s.obs.(EventObserver)
	if !ok {
		return
	}
	r := EventRecord{
		Customer: string(s.custKeys.get(ci)),
		Entity:   string(s.entKeys.get(ei)),
		Time:     s.localTime(t, zi),
		Status:   string(s.stats.key(st)),
		Final:    s.statFin[st],
		Seq:      int(seq),
	}
	if tpl := s.statTpl[st]; tpl >= 0 {
		r.Template = s.pol.templates[tpl]
	}
	eo.Event(r)
}

// localTime renders Unix nanoseconds in zone zi.
func (s *shard) localTime(ns int64, zi uint16) time.Time {
	return time.Unix(0, ns).In(s.zone[zi].loc)
}
