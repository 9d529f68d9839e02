package simulate

import (
	"math"
	"sort"
	"time"
)

// Kinds of attribution of one contact.
const (
	attrTemplate = iota
	attrSilence
	attrUnattributed
)

// tlEvent and tlMsg are one customer's replay, as the contact attribution
// needs it.
type tlEvent struct {
	t      int64
	ent    string
	status string
	final  bool
	seq    int
	loc    *time.Location // the row's zone, for timelines
}

type tlMsg struct {
	t    int64 // send time (as-is: the event time)
	ent  string
	tpl  string
	seq  int
	fate string // "kept" or the control that dropped it in the policy stream
}

// custTimeline is one customer's events and as-is messages in replay order.
type custTimeline struct {
	events []tlEvent
	msgs   []tlMsg
}

// interval is a half-open span [lo, hi) of Unix nanoseconds.
type interval struct{ lo, hi int64 }

type entSpan struct {
	first, final int64 // final: the first final status (MaxInt64 when none)
	events       []int // indexes into the customer's events
	msgs         []int64
	silences     []silence
}

type silence struct {
	interval
	anchor int64 // the message (or first event) the silence follows
}

// contactAcc sums the contact figures over customers.
type contactAcc struct {
	s        ContactStats
	tpl      map[string]*TemplateContacts
	delays   map[string]map[int64]int64
	status   map[string]*StatusContacts
	channels map[string]*ContactBreakdown
	reasons  map[string]*ContactBreakdown
	fates    map[string]*FateContacts
	w, a     int64 // window and silent_gap.after (0: no silences)
	// note, when set, receives each contact of the customer being
	// attributed and what it was attributed to (for --customer).
	note func(c contact, a contactAttribution)
}

// contactAttribution is what one contact was attributed to.
type contactAttribution struct {
	kind   int
	msg    *tlMsg // attrTemplate
	status string // attrSilence: the entity's status; the entity is ent
	ent    string
	since  int64  // attrSilence: the silence's anchor (last message or first event)
	where  string // attrUnattributed: background, before_first_event, after_exposure, inside_other_entity_window
}

func newContactAcc(templates []string, window, after int64) *contactAcc {
	acc := &contactAcc{
		tpl: map[string]*TemplateContacts{}, delays: map[string]map[int64]int64{},
		status: map[string]*StatusContacts{}, channels: map[string]*ContactBreakdown{},
		reasons: map[string]*ContactBreakdown{}, fates: map[string]*FateContacts{},
		w: window, a: after,
	}
	for _, id := range templates {
		acc.tpl[id] = &TemplateContacts{ID: id, Delays: []DelayBin{}}
		acc.delays[id] = map[int64]int64{}
	}
	acc.fates["kept"] = &FateContacts{Fate: "kept"}
	for _, d := range dropNames {
		acc.fates[d] = &FateContacts{Fate: d}
	}
	return acc
}

// customer attributes the contacts of one customer who has events; cs are
// in time order (ties in input order).
func (acc *contactAcc) customer(tl *custTimeline, cs []contact) {
	w, a := acc.w, acc.a
	first, last := tl.events[0].t, tl.events[0].t
	for _, e := range tl.events {
		first, last = min(first, e.t), max(last, e.t)
	}
	expEnd := last + w
	ents := map[string]*entSpan{}
	var entIDs []string
	for i, e := range tl.events {
		es := ents[e.ent]
		if es == nil {
			es = &entSpan{first: e.t, final: math.MaxInt64}
			ents[e.ent] = es
			entIDs = append(entIDs, e.ent)
		}
		es.events = append(es.events, i)
		if e.final && es.final == math.MaxInt64 {
			es.final = e.t
		}
	}
	sort.Strings(entIDs)
	for _, m := range tl.msgs {
		ents[m.ent].msgs = append(ents[m.ent].msgs, m.t)
	}
	var cover []interval
	for _, m := range tl.msgs {
		cover = append(cover, interval{m.t, m.t + w})
	}
	// Silences and the time each status spends silent.
	silentNs := map[string]int64{}
	if a > 0 {
		for _, id := range entIDs {
			es := ents[id]
			end := min(es.final, expEnd)
			anchors := append([]int64{es.first}, es.msgs...)
			for i, an := range anchors {
				hi := end
				if i+1 < len(anchors) {
					hi = min(hi, anchors[i+1])
				}
				lo := an + a + 1
				if lo >= hi {
					continue
				}
				es.silences = append(es.silences, silence{interval{lo, hi}, an})
				cover = append(cover, interval{lo, hi})
				acc.statusTime(tl, es, interval{lo, hi}, silentNs)
			}
		}
	}
	for st, ns := range silentNs {
		acc.statusAt(st).SilenceMs += ns / 1e6
	}
	cover = mergeIntervals(cover)
	var covered int64
	for _, iv := range cover {
		covered += min(iv.hi, expEnd) - max(iv.lo, first)
	}
	acc.s.BackgroundExposureMs += (expEnd - first - covered) / 1e6

	contacted := make([]bool, len(tl.msgs))
	tplContacted := map[string]bool{}
	for _, c := range cs {
		acc.s.Contacts++
		named := c.ent != "" && ents[c.ent] != nil
		if c.ent != "" && !named {
			acc.s.UnknownEntity++
		}
		kind := attrUnattributed
		at := contactAttribution{kind: attrUnattributed}
		if mi := latestMessage(tl.msgs, c, named, c.t); mi >= 0 && c.t < tl.msgs[mi].t+w {
			m := tl.msgs[mi]
			kind = attrTemplate
			at = contactAttribution{kind: attrTemplate, msg: &tl.msgs[mi]}
			acc.s.AfterTemplate++
			acc.tpl[m.tpl].Contacts++
			acc.delays[m.tpl][(c.t-m.t)/60e9]++
			contacted[mi] = true
			tplContacted[m.tpl] = true
		} else if st, ent, since, ok := silenceAt(tl, ents, entIDs, c, named); ok {
			kind = attrSilence
			at = contactAttribution{kind: attrSilence, status: st, ent: ent, since: since}
			acc.s.InSilence++
			acc.statusAt(st).Contacts++
		} else {
			acc.s.Unattributed++
			switch {
			case c.t < first:
				acc.s.BeforeFirstEvent++
				at.where = "before_first_event"
			case c.t >= expEnd:
				acc.s.AfterExposure++
				at.where = "after_exposure"
			case inIntervals(cover, c.t):
				acc.s.OtherEntity++
				at.where = "inside_other_entity_window"
			default:
				acc.s.Background++
				at.where = "background"
			}
		}
		if acc.note != nil {
			acc.note(c, at)
		}
		acc.breakdown(acc.channels, c.channel, kind)
		acc.breakdown(acc.reasons, c.reason, kind)
	}
	tplSeen := map[string]bool{}
	for i, m := range tl.msgs {
		t := acc.tpl[m.tpl]
		t.Messages++
		if contacted[i] {
			t.MessagesWithContact++
		}
		if !tplSeen[m.tpl] {
			tplSeen[m.tpl] = true
			t.Customers++
			if tplContacted[m.tpl] {
				t.CustomersContacted++
			}
		}
		f := acc.fates[m.fate]
		f.Messages++
		if contacted[i] {
			f.WithContact++
		}
	}
}

// latestMessage returns the index of the latest message at or before t (to
// the contact's entity when it names a known one; ties: the last in replay
// order), or -1.
func latestMessage(msgs []tlMsg, c contact, byEntity bool, t int64) int {
	best := -1
	for i, m := range msgs {
		if m.t > t || byEntity && m.ent != c.ent {
			continue
		}
		if best < 0 || m.t > msgs[best].t || m.t == msgs[best].t && m.seq > msgs[best].seq {
			best = i
		}
	}
	return best
}

// silenceAt returns the status of the entity in a silence at the contact's
// time (the named entity only, when the contact names a known one): the
// silence that began earliest, ties the smallest entity id.
func silenceAt(tl *custTimeline, ents map[string]*entSpan, ids []string, c contact, byEntity bool) (status, ent string, since int64, ok bool) {
	var best *entSpan
	var bestAnchor int64
	var bestID string
	for _, id := range ids {
		if byEntity && id != c.ent {
			continue
		}
		es := ents[id]
		for _, s := range es.silences {
			if s.lo <= c.t && c.t < s.hi && (best == nil || s.anchor < bestAnchor) {
				best, bestAnchor, bestID = es, s.anchor, id
			}
		}
	}
	if best == nil {
		return "", "", 0, false
	}
	return statusAt(tl, best, c.t), bestID, bestAnchor, true
}

// statusAt is the status of the entity's latest event at or before t (ties:
// the last in replay order).
func statusAt(tl *custTimeline, es *entSpan, t int64) string {
	st := ""
	for _, i := range es.events {
		if tl.events[i].t > t {
			break
		}
		st = tl.events[i].status
	}
	return st
}

// statusTime adds the time of silence iv to the entity's status at each moment.
func (acc *contactAcc) statusTime(tl *custTimeline, es *entSpan, iv interval, into map[string]int64) {
	cur, from := statusAt(tl, es, iv.lo), iv.lo
	for _, i := range es.events {
		e := tl.events[i]
		if e.t <= iv.lo {
			continue
		}
		if e.t >= iv.hi {
			break
		}
		// The status changes at e.t (several events at one instant: the last).
		into[cur] += e.t - from
		cur, from = e.status, e.t
	}
	into[cur] += iv.hi - from
}

func (acc *contactAcc) statusAt(st string) *StatusContacts {
	s := acc.status[st]
	if s == nil {
		s = &StatusContacts{Status: st}
		acc.status[st] = s
	}
	return s
}

func (acc *contactAcc) breakdown(m map[string]*ContactBreakdown, v string, kind int) {
	b := m[v]
	if b == nil {
		b = &ContactBreakdown{Value: v}
		m[v] = b
	}
	b.Contacts++
	switch kind {
	case attrTemplate:
		b.AfterTemplate++
	case attrSilence:
		b.InSilence++
	default:
		b.Unattributed++
	}
}

func mergeIntervals(ivs []interval) []interval {
	sort.Slice(ivs, func(i, j int) bool { return ivs[i].lo < ivs[j].lo })
	var out []interval
	for _, iv := range ivs {
		if n := len(out); n > 0 && iv.lo <= out[n-1].hi {
			out[n-1].hi = max(out[n-1].hi, iv.hi)
			continue
		}
		out = append(out, iv)
	}
	return out
}

func inIntervals(ivs []interval, t int64) bool {
	for _, iv := range ivs {
		if iv.lo <= t && t < iv.hi {
			return true
		}
	}
	return false
}

// stats returns the figures as the report shows them.
func (acc *contactAcc) stats(templates []string) *ContactStats {
	out := acc.s
	out.Templates = []TemplateContacts{}
	for _, id := range templates {
		t := *acc.tpl[id]
		t.Delays = []DelayBin{}
		for m, n := range acc.delays[id] {
			t.Delays = append(t.Delays, DelayBin{Minutes: m, Contacts: n})
		}
		out.Templates = append(out.Templates, t)
	}
	out.Statuses = []StatusContacts{}
	for _, s := range acc.status {
		out.Statuses = append(out.Statuses, *s)
	}
	out.Channels, out.Reasons = breakdownList(acc.channels), breakdownList(acc.reasons)
	out.Policy = []FateContacts{*acc.fates["kept"]}
	for _, d := range dropNames {
		out.Policy = append(out.Policy, *acc.fates[d])
	}
	if out.UnknownCustomers.First == nil {
		out.UnknownCustomers.First = []string{}
	}
	out.windowNs = acc.w
	out.finish()
	return &out
}

func breakdownList(m map[string]*ContactBreakdown) []ContactBreakdown {
	out := []ContactBreakdown{}
	for _, b := range m {
		out = append(out, *b)
	}
	return out
}
