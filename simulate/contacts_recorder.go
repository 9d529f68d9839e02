package simulate

import (
	"sort"
	"sync"
	"time"
)

// contactRecorder keeps, for the contact attribution, each customer's
// events and as-is messages with their policy fate in compact form (about
// 60 bytes per event; statuses, entities and templates interned). It is
// safe for concurrent use.
type contactRecorder struct {
	mu     sync.Mutex
	cust   map[string]*custTimeline
	intern map[string]string
}

func newContactRecorder() *contactRecorder {
	return &contactRecorder{cust: map[string]*custTimeline{}, intern: map[string]string{}}
}

func (r *contactRecorder) str(s string) string {
	if v, ok := r.intern[s]; ok {
		return v
	}
	r.intern[s] = s
	return s
}

func (r *contactRecorder) timeline(id string) *custTimeline {
	tl := r.cust[id]
	if tl == nil {
		tl = &custTimeline{}
		r.cust[id] = tl
	}
	return tl
}

// Event records an event.
func (r *contactRecorder) Event(e EventRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	tl := r.timeline(e.Customer)
	tl.events = append(tl.events, tlEvent{t: e.Time.UnixNano(), ent: r.str(e.Entity), status: r.str(e.Status), final: e.Final, seq: e.Seq, loc: e.Time.Location()})
}

// Message records an as-is message, or the policy fate of one. As-is
// messages arrive in event order, so a policy decision finds its message
// by the event's sequence number.
func (r *contactRecorder) Message(d MessageDecision) {
	if d.Keepalive {
		return // the attribution looks at the as-is messages
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	tl := r.timeline(d.Customer)
	if d.Stream == streamNames[streamAsIs] {
		tl.msgs = append(tl.msgs, tlMsg{t: d.Event.UnixNano(), ent: r.str(d.Entity), tpl: r.str(d.Template), seq: d.Seq})
		return
	}
	i := sort.Search(len(tl.msgs), func(i int) bool { return tl.msgs[i].seq >= d.Seq })
	if i < len(tl.msgs) && tl.msgs[i].seq == d.Seq {
		tl.msgs[i].fate = "kept"
		if !d.Sent {
			tl.msgs[i].fate = d.Reason
		}
	}
}

// Reset forgets everything (the replay restarts buffered).
func (r *contactRecorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.cust = map[string]*custTimeline{}
	r.intern = map[string]string{}
}

// zoneOf returns the zone of the entity's events (else of the customer's
// first event), as Trail.zoneOf.
func (tl *custTimeline) zoneOf(entity string) *time.Location {
	loc := time.UTC
	for i, e := range tl.events {
		if (i == 0 || e.ent == entity) && e.loc != nil {
			loc = e.loc
		}
	}
	return loc
}
