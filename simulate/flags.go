package simulate

import (
	"fmt"
	"time"
)

// Example identifies one flagged case precisely enough to look it up.
type Example struct {
	Customer  string   `json:"customer"`
	Entity    string   `json:"entity,omitempty"`
	Times     []string `json:"times"` // RFC 3339 in the customer's zone
	Statuses  []string `json:"statuses,omitempty"`
	Templates []string `json:"templates,omitempty"`
	Note      string   `json:"note"`
}

// maxExamples is how many examples a report keeps per flag and stream: the
// customers with the smallest ids, so shards and partial runs merge exactly.
const maxExamples = 3

type exampleSet []Example

func (e exampleSet) wants(id []byte) bool {
	return len(e) < maxExamples || string(id) < e[len(e)-1].Customer
}

func (e *exampleSet) add(x Example) {
	items := append(*e, x)
	for i := len(items) - 1; i > 0 && items[i].Customer < items[i-1].Customer; i-- {
		items[i], items[i-1] = items[i-1], items[i]
	}
	if len(items) > maxExamples {
		items = items[:maxExamples]
	}
	*e = items
}

// deliver records a message of stream k and evaluates the flags on it.
func (s *shard) deliver(k int, ci uint32, m *msg) {
	s.acc.tplMsgs[k][m.tpl]++
	e := s.ent.at(m.ent)
	at := m.s
	s.acc.days.add(k, s.zone[m.zone].localDay(at))
	if bc := s.pol.p.Flags.BurstCount; bc > 1 {
		a := s.activate(ci)
		r := &a.burst[k]
		if r.full() && at-r.oldest() < s.pol.burstWin {
			times := make([]int64, 0, bc)
			for i := 0; i < r.n; i++ {
				times = append(times, r.t[(r.head+i)%len(r.t)])
			}
			times = append(times, at)
			if s.raise(k, flagBurst, ci, func() Example {
				// A burst is a customer's: its messages may be of several entities.
				return Example{Times: s.times(m.zone, times...),
					Note: fmt.Sprintf("%d messages within %s", bc, formatDuration(time.Duration(at-times[0])))}
			}) {
				s.acc.flagCount[k][flagBurst]++
			}
		}
		r.push(at)
	}
	if q := s.pol.quiet; q != nil && q.containsTOD(s.zone[m.zone].timeOfDay(at)) {
		s.acc.flagCount[k][flagQuietSend]++
		s.raise(k, flagQuietSend, ci, func() Example {
			return Example{Entity: s.entityName(m.ent), Times: s.times(m.zone, at),
				Statuses: []string{string(s.stats.key(m.st))}, Templates: []string{s.pol.templates[m.tpl]},
				Note: fmt.Sprintf("sent inside quiet hours %s", q)}
		})
	}
	if e.lastTpl[k] == m.tpl+1 {
		s.acc.flagCount[k][flagRepeat]++
		s.raise(k, flagRepeat, ci, func() Example {
			return Example{Entity: s.entityName(m.ent), Times: s.times(m.zone, at),
				Statuses: []string{string(s.stats.key(m.st))}, Templates: []string{s.pol.templates[m.tpl], s.pol.templates[m.tpl]},
				Note: "same template as the entity's previous message"}
		})
	}
	e.lastTpl[k] = m.tpl + 1
	if s.pol.flapWin > 0 {
		s.flapCheck(k, ci, m)
	}
	if e.bits&entFinal == 0 {
		if k == streamAsIs || at <= e.lastEvT {
			s.closeStretch(m.ent, k, at)
		} else {
			s.addTent(m.ent, at)
		}
	}
	if s.cust.at(ci).observed {
		s.observeMessage(k, ci, m, true, "")
	}
}

// drop records a policy candidate or message that the policy suppresses.
func (s *shard) drop(ci uint32, m *msg, reason int) {
	s.acc.drops[reason]++
	if s.cust.at(ci).observed {
		s.observeMessage(streamPolicy, ci, m, false, dropNames[reason])
	}
}

// raise sets flag f of stream k on customer ci and reports whether it was
// new for the customer; the example is built only when it is needed.
func (s *shard) raise(k, f int, ci uint32, example func() Example) bool {
	bit := uint16(1) << (k*nFlags + f)
	c := s.cust.at(ci)
	fresh := c.flags&bit == 0
	c.flags |= bit
	if !fresh && !c.observed {
		return false
	}
	set := &s.acc.examples[k][f]
	id := s.custKeys.get(ci)
	if fresh && set.wants(id) || c.observed {
		x := example()
		x.Customer = string(id)
		if fresh && set.wants(id) {
			set.add(x)
		}
		if c.observed {
			s.obs.Flag(FlagHit{Flag: flagNames[f], Stream: streamNames[k], Example: x})
		}
	}
	return fresh
}

// flapCheck evaluates flapping on a message: the entity's message statuses,
// consecutive repeats collapsed, return to a status whose previous run began
// at most the window earlier.
func (s *shard) flapCheck(k int, ci uint32, m *msg) {
	e := s.ent.at(m.ent)
	msgBit := uint16(entMsg0) << k
	prevSt, hadPrev := e.lastMsgSt[k], e.bits&msgBit != 0
	if hadPrev && prevSt == m.st {
		return // same run
	}
	e.lastMsgSt[k] = m.st
	e.bits |= msgBit
	a := s.activate(ci)
	found, prevRun := -1, -1
	for i := range a.flap {
		f := &a.flap[i]
		if f.ent != m.ent || f.stream != uint8(k) {
			continue
		}
		if f.st == m.st {
			found = i
		} else if hadPrev && f.st == prevSt {
			prevRun = i
		}
	}
	if found < 0 {
		a.flap = append(a.flap, flapEntry{t: m.s, ent: m.ent, st: m.st, stream: uint8(k)})
		if len(a.flap) > 2*a.flapKeep+16 {
			s.pruneFlapStream(a, k, m.s)
		}
		return
	}
	old := a.flap[found].t
	a.flap[found].t = m.s
	if m.s-old > s.pol.flapWin {
		return
	}
	flapBit := uint16(entFlap0) << k
	if e.bits&flapBit != 0 {
		return
	}
	e.bits |= flapBit
	s.acc.flagCount[k][flagFlapping]++
	s.raise(k, flagFlapping, ci, func() Example {
		st := string(s.stats.key(m.st))
		x := Example{Entity: s.entityName(m.ent), Times: s.times(m.zone, old), Statuses: []string{st}}
		if prevRun >= 0 {
			x.Times = append(x.Times, s.times(m.zone, a.flap[prevRun].t)...)
			x.Statuses = append(x.Statuses, string(s.stats.key(prevSt)))
		}
		x.Times = append(x.Times, s.times(m.zone, m.s)...)
		x.Statuses = append(x.Statuses, st)
		x.Note = fmt.Sprintf("back to %q after %s", st, formatDuration(time.Duration(m.s-old)))
		return x
	})
}

// pruneFlapStream drops stream k's flapping history older than the window.
func (s *shard) pruneFlapStream(a *custActive, k int, now int64) {
	out := a.flap[:0]
	for _, f := range a.flap {
		if int(f.stream) != k || f.t+s.pol.flapWin >= now {
			out = append(out, f)
		}
	}
	a.flap = out
	a.flapKeep = len(out)
}

// closeStretch ends a silent_gap stretch of entity ei in stream k at
// boundary b (a message, the first final event, or the last event).
func (s *shard) closeStretch(ei uint32, k int, b int64) {
	e := s.ent.at(ei)
	from := e.lastB[k]
	e.lastB[k] = b
	if s.pol.silentAfter <= 0 || b-from <= s.pol.silentAfter {
		return
	}
	bit := uint16(entSilent0) << k
	if e.bits&bit != 0 {
		return
	}
	e.bits |= bit
	s.acc.flagCount[k][flagSilentGap]++
	s.raise(k, flagSilentGap, e.cust, func() Example {
		return Example{Entity: s.entityName(ei), Times: s.times(0, from, b),
			Note: fmt.Sprintf("no message for %s", formatDuration(time.Duration(b-from)))}
	})
}

// Tentative boundaries. A policy message sent after its entity's latest
// event belongs to the silent_gap span only if a later event of the entity
// (before or at its first final event) comes; it is held until then.
const entMoreTent = entSilent1 << 1

func (s *shard) addTent(ei uint32, at int64) {
	e := s.ent.at(ei)
	if e.bits&entHasTent == 0 {
		e.tent = at
		e.bits |= entHasTent
		return
	}
	s.tentMore[ei] = append(s.tentMore[ei], at)
	e.bits |= entMoreTent
}

// flushTent turns the tentative boundaries at or before t into boundaries.
func (s *shard) flushTent(ei uint32, t int64) {
	e := s.ent.at(ei)
	if e.tent > t {
		return
	}
	s.closeStretch(ei, streamPolicy, e.tent)
	if e.bits&entMoreTent == 0 {
		e.bits &^= entHasTent
		return
	}
	more := s.tentMore[ei]
	i := 0
	for i < len(more) && more[i] <= t {
		s.closeStretch(ei, streamPolicy, more[i])
		i++
	}
	switch {
	case i == len(more):
		e.bits &^= entHasTent | entMoreTent
		delete(s.tentMore, ei)
	case i == len(more)-1:
		e.tent = more[i]
		e.bits &^= entMoreTent
		delete(s.tentMore, ei)
	default:
		e.tent = more[i]
		s.tentMore[ei] = more[i+1:]
	}
}

// dropTent forgets the tentative boundaries (they lie after the span).
func (s *shard) dropTent(ei uint32) {
	e := s.ent.at(ei)
	if e.bits&entMoreTent != 0 {
		delete(s.tentMore, ei)
	}
	e.bits &^= entHasTent | entMoreTent
}

// closeEntity ends the silent_gap span of an entity that never reached a
// final status at its last event.
func (s *shard) closeEntity(ei uint32) {
	e := s.ent.at(ei)
	if e.bits&entSeen == 0 || e.bits&entFinal != 0 {
		return
	}
	s.dropTent(ei)
	s.closeStretch(ei, streamAsIs, e.lastEvT)
	s.closeStretch(ei, streamPolicy, e.lastEvT)
}

func (s *shard) entityName(ei uint32) string { return string(s.entKeys.get(ei)) }

// times renders instants in zone zi as RFC 3339.
func (s *shard) times(zi uint16, ns ...int64) []string {
	out := make([]string, len(ns))
	for i, t := range ns {
		out[i] = s.localTime(t, zi).Format(time.RFC3339)
	}
	return out
}
