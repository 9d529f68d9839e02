package simulate

import "sync"

// sendObserver records each customer's events and policy sends (status
// messages and keep-alives, at their send times) in a contactRecorder, as
// if they were as-is messages: the contact attribution then measures the
// contacts after the policy's messages and in the policy stream's silences.
type sendObserver struct {
	rec *contactRecorder
	mu  sync.Mutex
	seq map[string]int // replay order of the sends per customer (ties: the last wins)
}

func newSendObserver() *sendObserver {
	return &sendObserver{rec: newContactRecorder(), seq: map[string]int{}}
}

// Event implements EventObserver.
func (o *sendObserver) Event(e EventRecord) { o.rec.Event(e) }

// Flag implements Observer.
func (o *sendObserver) Flag(FlagHit) {}

// Message implements Observer.
func (o *sendObserver) Message(d MessageDecision) {
	if d.Stream != streamNames[streamPolicy] || !d.Sent {
		return
	}
	o.mu.Lock()
	n := o.seq[d.Customer]
	o.seq[d.Customer] = n + 1
	o.mu.Unlock()
	m := MessageDecision{Customer: d.Customer, Entity: d.Entity, Stream: streamNames[streamAsIs], Event: d.Send, Template: d.Template, Seq: n}
	o.rec.Message(m)
	// Its fate: kept (the attribution counts fates too).
	m.Stream, m.Sent = streamNames[streamPolicy], true
	o.rec.Message(m)
}

// policyContacts are the contacts of the policy stream: within the contact
// window after a policy message, and in a silence of the policy stream
// (the attribution rules of the Contacts section, applied to the policy's
// messages at their send times instead of the as-is messages).
type policyContacts struct {
	after, inSilence int64
}

// PolicyContacts returns the contacts after the policy's messages and in
// the policy stream's silences; ok is false unless the report is one of a
// comparison or sweep with --contacts.
func (r *Report) PolicyContacts() (after, inSilence int64, ok bool) {
	if r.policyContacts == nil {
		return 0, 0, false
	}
	return r.policyContacts.after, r.policyContacts.inSilence, true
}
