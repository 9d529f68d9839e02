package simulate

import (
	"fmt"
	"sort"
	"time"
)

// contactObserver records the replay of every customer for the contact
// attribution and passes the observed customers on to the caller's observer.
type contactObserver struct {
	rec  *contactRecorder
	next Observer
	only map[string]bool // nil: every customer goes to next
}

func (o *contactObserver) pass(id string) bool {
	return o.next != nil && (o.only == nil || o.only[id])
}

// Message implements Observer.
func (o *contactObserver) Message(d MessageDecision) {
	o.rec.Message(d)
	if o.pass(d.Customer) {
		o.next.Message(d)
	}
}

// Flag implements Observer.
func (o *contactObserver) Flag(f FlagHit) {
	if o.pass(f.Example.Customer) {
		o.next.Flag(f)
	}
}

// Event implements EventObserver.
func (o *contactObserver) Event(e EventRecord) {
	o.rec.Event(e)
	if eo, ok := o.next.(EventObserver); ok && o.pass(e.Customer) {
		eo.Event(e)
	}
}

// Reset implements Resetter.
func (o *contactObserver) Reset() {
	o.rec.Reset()
	if rs, ok := o.next.(Resetter); ok {
		rs.Reset()
	}
}

// withContactObserver installs the recorder the contact attribution reads
// and returns it with the customers the caller observes (nil: all).
func withContactObserver(opts *Options) (*contactRecorder, map[string]bool) {
	o := &contactObserver{rec: newContactRecorder(), next: opts.Observer}
	if len(opts.ObserveCustomers) > 0 {
		o.only = map[string]bool{}
		for _, id := range opts.ObserveCustomers {
			o.only[id] = true
		}
	}
	if o.next == nil {
		o.only = map[string]bool{}
	}
	opts.Observer, opts.ObserveCustomers = o, nil
	return o.rec, o.only
}

// attributeContacts computes the Contacts section from the recorded replays.
// The timeline steps of the contacts of the observed customers (explain)
// are returned by customer.
func attributeContacts(rec *contactRecorder, in *contactInput, pol *compiled, inputs []string, explain map[string]bool) (*ContactStats, map[string][]Step) {
	p := pol.p
	w := int64(p.Contacts.WindowOrDefault())
	acc := newContactAcc(pol.templates, w, int64(p.Flags.SilentAfter))
	byCust := map[string][]contact{}
	for _, c := range in.rows {
		byCust[c.cust] = append(byCust[c.cust], c)
	}
	rec.mu.Lock()
	trails := rec.cust
	rec.mu.Unlock()
	steps := map[string][]Step{}
	if explain != nil && len(explain) == 0 {
		steps = nil
	}
	for id, tl := range trails {
		if len(tl.events) == 0 {
			continue
		}
		cs := byCust[id]
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].t < cs[j].t })
		acc.note = nil
		if explain == nil || explain[id] {
			acc.note = func(c contact, a contactAttribution) {
				steps[id] = append(steps[id], contactStep(tl, c, a))
			}
		}
		acc.customer(tl, cs)
	}
	for id, cs := range byCust {
		if tl := trails[id]; tl != nil && len(tl.events) > 0 {
			continue
		}
		acc.s.Contacts += int64(len(cs))
		acc.s.UnknownCustomers.Contacts += int64(len(cs))
		acc.s.UnknownCustomers.Customers++
		acc.s.UnknownCustomers.First = append(acc.s.UnknownCustomers.First, id)
	}
	acc.s.Inputs = append([]string{}, inputs...)
	acc.s.Window = formatDuration(p.Contacts.WindowOrDefault())
	acc.s.SilentGapAfter = durOrEmpty(int64(p.Flags.SilentAfter))
	acc.s.BadRows = in.bad
	return acc.stats(pol.templates), steps
}

// contactStep is one contact as a step of the customer's timeline.
func contactStep(tl *custTimeline, c contact, a contactAttribution) Step {
	loc := tl.zoneOf(c.ent)
	at := time.Unix(0, c.t).In(loc)
	st := Step{Time: at, Kind: "contact", Entity: c.ent, Channel: c.channel, Reason: c.reason}
	switch a.kind {
	case attrTemplate:
		st.Attribution, st.Template = "template", a.msg.tpl
		sent := time.Unix(0, a.msg.t).In(loc)
		st.Event = &sent
		st.Note = fmt.Sprintf("after %s to %s (sent %s, %s earlier)", a.msg.tpl, entityLabel(a.msg.ent), Clock(sent, at), fmtDur(at.Sub(sent)))
	case attrSilence:
		st.Attribution, st.Status = "silence", a.status
		since := time.Unix(0, a.since).In(loc)
		st.Note = fmt.Sprintf("during a silence of %s after status %q: no message since %s (%s)", entityLabel(a.ent), a.status, Clock(since, at), fmtDur(at.Sub(since)))
	default:
		st.Attribution = "unattributed"
		st.Note = map[string]string{
			"background":                 "unattributed: background (no message in the window, no silence)",
			"before_first_event":         "unattributed: before the customer's first event",
			"after_exposure":             "unattributed: after the customer's last event and its window",
			"inside_other_entity_window": "unattributed: names an entity without a recent message or silence, while another one has",
		}[a.where]
	}
	return st
}
