package simulate

import (
	"bytes"
	"container/heap"
	"slices"
	"time"
)

// kaRule is a compiled [[simulate.keepalive]] rule.
type kaRule struct {
	after    int64
	tpl      uint16
	repeat   bool
	statuses map[string]bool // nil: any status
}

// Reasons a keep-alive attempt is dropped, in pipeline order.
const (
	kaDropQuiet = iota
	kaDropMinGap
	kaDropMaxPerDay
	nKADrops
)

var kaDropNames = [nKADrops]string{"quiet_hours", "min_gap", "max_per_day"}

// kaSeq marks a keep-alive message (it has no event).
const kaSeq = ^uint32(0)

// kaEnt is the keep-alive state of one entity of the customer being replayed.
type kaEnt struct {
	b     int64 // silence start: send time of the latest policy message, else the first event
	end   int64 // span end: the first final event, else the last event
	zone  uint16
	final bool                  // end is a final event
	spent uint8                 // rules without repeat that sent since the last status message
	dead  uint8                 // rules whose next attempt is at or after end
	next  [maxKeepalives]int64  // due time of each rule's next attempt
	ver   [maxKeepalives]uint32 // bumped when next changes (older timers are stale)
	evs   []int64               // the entity's event times, in replay order
}

// kaTimer is one pending keep-alive attempt.
type kaTimer struct {
	s, k      int64 // send time (after quiet hours) and due time
	ent       uint32
	ver       uint32
	rule      uint8
	deferred  bool
	quietDrop bool
}

// kaState is a buffered or partitioned shard's keep-alive state for the customer being
// replayed (customers are replayed one at a time).
type kaState struct {
	ents     map[uint32]*kaEnt
	order    []uint32 // the entities of ents, in order of their first event
	timers   kaHeap
	last     int64 // send time of the latest message sent (status or keep-alive)
	hasLast  bool
	day      int64 // local day of the latest keep-alive sent
	dayCount int   // keep-alives sent on day
}

// kaHeap orders timers by send time, due time, entity id, rule.
type kaHeap struct {
	t []kaTimer
	s *shard
}

func (h *kaHeap) Len() int { return len(h.t) }
func (h *kaHeap) Less(i, j int) bool {
	a, b := &h.t[i], &h.t[j]
	if a.s != b.s {
		return a.s < b.s
	}
	if a.k != b.k {
		return a.k < b.k
	}
	if a.ent != b.ent {
		return bytes.Compare(h.s.entKeys.get(a.ent), h.s.entKeys.get(b.ent)) < 0
	}
	return a.rule < b.rule
}
func (h *kaHeap) Swap(i, j int) { h.t[i], h.t[j] = h.t[j], h.t[i] }
func (h *kaHeap) Push(x any)    { h.t = append(h.t, x.(kaTimer)) }
func (h *kaHeap) Pop() any {
	x := h.t[len(h.t)-1]
	h.t = h.t[:len(h.t)-1]
	return x
}

// kaPrepare starts the keep-alives of customer ci, whose events (indexes
// into s.evs) are idx in replay order: every entity's span end is known
// before the replay, so a keep-alive is only ever sent inside the span.
func (s *shard) kaPrepare(ci uint32, idx []uint32) {
	s.kaBegin()
	for _, i := range idx {
		ev := s.evs.at(i)
		s.kaEvent(ev.ent, ev.st, ev.zone, ev.t)
	}
	s.kaStart(ci)
}

// kaPreparePart is kaPrepare for the partitioned replay: evs are the
// customer's events of the partition being replayed, in replay order.
func (s *shard) kaPreparePart(ci uint32, evs []partEvent) {
	s.kaBegin()
	for i := range evs {
		ev := &evs[i]
		s.kaEvent(ev.ent, ev.st, ev.zone, ev.t)
	}
	s.kaStart(ci)
}

// kaBegin clears the keep-alive state for the next customer.
func (s *shard) kaBegin() {
	if s.ka == nil {
		s.ka = &kaState{ents: map[uint32]*kaEnt{}}
		s.ka.timers.s = s
	}
	st := s.ka
	clear(st.ents)
	st.order = st.order[:0]
	st.timers.t = st.timers.t[:0]
	st.hasLast, st.dayCount = false, 0
}

// kaEvent adds an event of the customer, in replay order, to its entity's
// span.
func (s *shard) kaEvent(ei, stat uint32, zone uint16, t int64) {
	st := s.ka
	e := st.ents[ei]
	if e == nil {
		e = &kaEnt{b: t, end: t, zone: zone}
		st.ents[ei] = e
		st.order = append(st.order, ei)
	}
	if !e.final {
		e.end = t
		e.final = s.statFin[stat]
	}
	e.evs = append(e.evs, t)
}

// kaStart arms every entity's rules once the customer's events are added.
func (s *shard) kaStart(ci uint32) {
	st := s.ka
	// The customer must be active so that its replay releases the timers.
	s.activate(ci)
	for _, ei := range st.order {
		s.kaRearm(ei, st.ents[ei].b, false)
	}
	st.hasLast = false
}

// kaRearm restarts entity ei's silence at b: every rule's next attempt is
// b + after. A status message (status) also makes the rules without repeat
// available again.
func (s *shard) kaRearm(ei uint32, b int64, status bool) {
	e := s.ka.ents[ei]
	if e == nil {
		return
	}
	e.b = b
	if status {
		e.spent = 0
		s.ka.last, s.ka.hasLast = b, true
	}
	for r := range s.pol.ka {
		bit := uint8(1) << r
		e.ver[r]++
		if e.spent&bit != 0 || e.dead&bit != 0 {
			continue
		}
		e.next[r] = b + s.pol.ka[r].after
		s.kaPush(ei, e, r)
	}
}

// kaRetry schedules rule r's next attempt after an attempt at x that sent
// nothing: the first b + n·after later than x.
func (s *shard) kaRetry(ei uint32, e *kaEnt, r int, x int64) {
	after := s.pol.ka[r].after
	e.next[r] = e.b + ((x-e.b)/after+1)*after
	e.ver[r]++
	s.kaPush(ei, e, r)
}

// kaSkip schedules rule r's next attempt after an attempt at x in a status
// the rule does not cover. The status changes only at the entity's next
// event, so every attempt sent before it would be skipped too: the next
// attempt is the first b + n·after later than x that can be sent at or
// after that event (a quiet-hours deferral is shorter than 26 hours).
func (s *shard) kaSkip(ei uint32, e *kaEnt, r int, x int64) {
	i, _ := slices.BinarySearch(e.evs, x+1)
	if i == len(e.evs) {
		e.dead |= 1 << r // no later event: every later attempt is at or after the span end
		e.ver[r]++
		return
	}
	from := e.evs[i]
	if s.pol.quiet != nil {
		from -= 26 * int64(time.Hour)
	}
	s.kaRetry(ei, e, r, max(x, from-1))
}

// kaPush queues rule r's next attempt for entity ei, after quiet hours; an
// attempt at or after the span end is not made (nor any later one).
func (s *shard) kaPush(ei uint32, e *kaEnt, r int) {
	k := e.next[r]
	t := kaTimer{s: k, k: k, ent: ei, ver: e.ver[r], rule: uint8(r)}
	if q := s.pol.quiet; q != nil {
		z := s.zone[e.zone]
		if q.containsTOD(z.timeOfDay(k)) {
			if s.pol.p.QuietDrop {
				t.quietDrop = true
			} else {
				t.s = z.nextWallClock(k, q.End)
				t.deferred = true
			}
		}
	}
	if t.s >= e.end {
		e.dead |= 1 << r
		return
	}
	heap.Push(&s.ka.timers, t)
}

// kaRun makes the keep-alive attempts of customer ci with send time before
// limit, in order.
func (s *shard) kaRun(ci uint32, a *custActive, limit int64) {
	st := s.ka
	for st.timers.Len() > 0 && st.timers.t[0].s < limit {
		t := heap.Pop(&st.timers).(kaTimer)
		e := st.ents[t.ent]
		r := int(t.rule)
		if e == nil || t.ver != e.ver[r] {
			continue // stale: the entity sent a message since
		}
		rule := &s.pol.ka[r]
		ent := s.ent.at(t.ent)
		if rule.statuses != nil && !rule.statuses[string(s.stats.key(ent.prevSt))] {
			s.kaSkip(t.ent, e, r, t.s)
			continue
		}
		if t.quietDrop {
			s.acc.ka.drops[kaDropQuiet]++
			s.kaRetry(t.ent, e, r, t.s)
			continue
		}
		if g := s.pol.minGap; g > 0 {
			if st.hasLast && t.s-st.last < g {
				s.acc.ka.drops[kaDropMinGap]++
				s.kaRetry(t.ent, e, r, t.s)
				continue
			}
		}
		if n := s.pol.p.MaxPerDay; n > 0 {
			d := s.zone[e.zone].localDay(t.s)
			count := 0
			if a.hasKept && a.dayCount > 0 && a.day == d {
				count += a.dayCount
			}
			if st.dayCount > 0 && st.day == d {
				count += st.dayCount
			}
			if count >= n {
				s.acc.ka.drops[kaDropMaxPerDay]++
				s.kaRetry(t.ent, e, r, t.s)
				continue
			}
			if st.dayCount == 0 || st.day != d {
				st.day, st.dayCount = d, 0
			}
			st.dayCount++
		}
		st.last, st.hasLast = t.s, true
		m := msg{t: t.k, s: t.s, seq: kaSeq, ent: t.ent, st: ent.prevSt, tpl: rule.tpl, zone: e.zone, deferred: t.deferred}
		c := s.cust.at(ci)
		c.sent++
		s.kaCount(ci)
		s.acc.ka.sent++
		if t.deferred {
			s.acc.ka.deferred++
		}
		s.deliver(streamPolicy, ci, &m)
		if !rule.repeat {
			e.spent |= 1 << r
		}
		s.kaRearm(t.ent, t.s, false)
	}
}

// kaCount adds a keep-alive to customer ci's count.
func (s *shard) kaCount(ci uint32) {
	if s.kaCust == nil {
		s.kaCust = map[uint32]uint32{}
	}
	s.kaCust[ci]++
}

// kaAccum counts the keep-alives of a shard.
type kaAccum struct {
	sent     int64
	deferred int64
	drops    [nKADrops]int64
}

func (a *kaAccum) merge(b *kaAccum) {
	a.sent += b.sent
	a.deferred += b.deferred
	for i := range a.drops {
		a.drops[i] += b.drops[i]
	}
}
