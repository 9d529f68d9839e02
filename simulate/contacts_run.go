package simulate

import "sort"

// contactObserver records the replay of every customer for the contact
// attribution and passes the observed customers on to the caller's observer.
type contactObserver struct {
	rec  *TrailRecorder
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

// withContactObserver installs the recorder the contact attribution reads.
func withContactObserver(opts *Options) *TrailRecorder {
	o := &contactObserver{rec: NewTrailRecorder(), next: opts.Observer}
	if len(opts.ObserveCustomers) > 0 {
		o.only = map[string]bool{}
		for _, id := range opts.ObserveCustomers {
			o.only[id] = true
		}
	}
	opts.Observer, opts.ObserveCustomers = o, nil
	return o.rec
}

// timelineOf turns a recorded trail into the attribution's timeline.
func timelineOf(tr *Trail) *custTimeline {
	tl := &custTimeline{}
	for _, e := range tr.Events {
		tl.events = append(tl.events, tlEvent{t: e.Time.UnixNano(), ent: e.Entity, status: e.Status, final: e.Final, seq: e.Seq})
	}
	sort.SliceStable(tl.events, func(i, j int) bool { return tl.events[i].seq < tl.events[j].seq })
	fate := map[int]string{}
	for _, d := range tr.Messages {
		if d.Stream != streamNames[streamPolicy] {
			continue
		}
		fate[d.Seq] = "kept"
		if !d.Sent {
			fate[d.Seq] = d.Reason
		}
	}
	for _, d := range tr.Messages {
		if d.Stream == streamNames[streamAsIs] {
			tl.msgs = append(tl.msgs, tlMsg{t: d.Event.UnixNano(), ent: d.Entity, tpl: d.Template, seq: d.Seq, fate: fate[d.Seq]})
		}
	}
	sort.SliceStable(tl.msgs, func(i, j int) bool {
		if tl.msgs[i].t != tl.msgs[j].t {
			return tl.msgs[i].t < tl.msgs[j].t
		}
		return tl.msgs[i].seq < tl.msgs[j].seq
	})
	return tl
}

// attributeContacts computes the Contacts section from the recorded replays.
func attributeContacts(rec *TrailRecorder, in *contactInput, pol *compiled, inputs []string) *ContactStats {
	p := pol.p
	w := int64(p.Contacts.WindowOrDefault())
	acc := newContactAcc(pol.templates, w, int64(p.Flags.SilentAfter))
	byCust := map[string][]contact{}
	for _, c := range in.rows {
		byCust[c.cust] = append(byCust[c.cust], c)
	}
	rec.mu.Lock()
	trails := rec.trails
	rec.mu.Unlock()
	for id, tr := range trails {
		if len(tr.Events) == 0 {
			continue
		}
		cs := byCust[id]
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].t < cs[j].t })
		acc.customer(timelineOf(tr), cs)
	}
	for id, cs := range byCust {
		if tr := trails[id]; tr != nil && len(tr.Events) > 0 {
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
	return acc.stats(pol.templates)
}
