package simulate

// onEvent replays one event of customer ci. A customer's events arrive in
// time order (ties in input order).
func (s *shard) onEvent(ci, ei, st uint32, zi uint16, t int64) {
	s.advance(ci, t)
	c := s.cust.at(ci)
	c.lastT = t
	seq := c.seq
	c.seq++
	if c.observed {
		s.observeEvent(ci, ei, st, zi, t, seq)
	}
	e := s.ent.at(ei)
	if e.bits&entSeen == 0 {
		e.bits |= entSeen
		e.lastB = [2]int64{t, t}
		e.lastEvT = t
	}
	if e.bits&(entFinal|entHasTent) == entHasTent {
		s.flushTent(ei, t)
	}
	e.lastEvT = t
	if tpl := s.statTpl[st]; tpl >= 0 {
		m := msg{t: t, s: t, seq: seq, ent: ei, st: st, tpl: uint16(tpl), zone: zi}
		c.asIs++
		s.deliver(streamAsIs, ci, &m)
		s.candidate(ci, m)
	}
	s.sourceFlapCheck(ci, ei, st, zi, t)
	e.prevSt = st
	e.bits |= entHasPrev
	if s.statFin[st] && e.bits&entFinal == 0 {
		// The first final status ends the silent_gap span.
		s.closeStretch(ei, streamAsIs, t)
		s.closeStretch(ei, streamPolicy, t)
		s.silenceOutcome(ei)
		s.dropTent(ei)
		s.ent.at(ei).bits |= entFinal
	}
}

// candidate runs a triggering event through dedupe and collapse.
func (s *shard) candidate(ci uint32, m msg) {
	e := s.ent.at(m.ent)
	if s.pol.p.Dedupe && e.bits&entHasPrev != 0 && e.prevSt == m.st {
		s.drop(ci, &m, dropDedupe)
		return
	}
	if s.pol.collapse <= 0 {
		s.schedule(ci, m)
		return
	}
	a := s.activate(ci)
	if e.pendSlot != 0 {
		// advance(ci, m.t) already sent every candidate more than collapse
		// before m.t, so the pending one is superseded.
		p := &a.pend[e.pendSlot-1]
		p.dead = true
		a.pendLive--
		old := *p
		s.drop(ci, &old, dropCollapse)
	}
	a.pend = append(a.pend, m)
	a.pendLive++
	e.pendSlot = uint32(len(a.pend))
}

// schedule sets the send time of a collapse survivor (its time + collapse),
// applies quiet hours and queues it for the customer-level controls.
func (s *shard) schedule(ci uint32, m msg) {
	m.s = m.t + s.pol.collapse
	if q := s.pol.quiet; q != nil {
		z := s.zone[m.zone]
		if q.containsTOD(z.timeOfDay(m.s)) {
			if s.pol.p.QuietDrop {
				s.drop(ci, &m, dropQuiet)
				return
			}
			m.s = z.nextWallClock(m.s, q.End)
			m.deferred = true
		}
	}
	a := s.activate(ci)
	q := a.queue
	n := len(q)
	if n == a.qHead || !msgLess(&m, &q[n-1]) {
		a.queue = append(q, m)
		return
	}
	// Binary search for the first queued message after m.
	lo, hi := a.qHead, n
	for lo < hi {
		mid := (lo + hi) / 2
		if msgLess(&m, &q[mid]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	q = append(q, msg{})
	copy(q[lo+1:], q[lo:n])
	q[lo] = m
	a.queue = q
}

// msgLess orders policy messages by send time, then event time, then input order.
func msgLess(a, b *msg) bool {
	if a.s != b.s {
		return a.s < b.s
	}
	if a.t != b.t {
		return a.t < b.t
	}
	return a.seq < b.seq
}

// advance moves customer ci's replay to time now: collapse candidates that
// no later event can supersede are scheduled, and queued messages sent
// before now go through min_gap and max_per_day. Every message still to
// come has a send time at or after now.
func (s *shard) advance(ci uint32, now int64) {
	c := s.cust.at(ci)
	if c.act < 0 {
		return
	}
	a := &s.acts[c.act]
	if a.pendLive > 0 {
		for a.pendHead < len(a.pend) {
			p := &a.pend[a.pendHead]
			if !p.dead {
				if p.t+s.pol.collapse >= now {
					break
				}
				m := *p
				s.ent.at(m.ent).pendSlot = 0
				a.pendLive--
				a.pendHead++
				s.schedule(ci, m)
				continue
			}
			a.pendHead++
		}
	}
	switch {
	case a.pendHead == len(a.pend):
		a.pend, a.pendHead = a.pend[:0], 0
	case a.pendHead >= 64 && a.pendHead*2 >= len(a.pend):
		n := copy(a.pend, a.pend[a.pendHead:])
		a.pend, a.pendHead = a.pend[:n], 0
		for i := range a.pend {
			if !a.pend[i].dead {
				s.ent.at(a.pend[i].ent).pendSlot = uint32(i + 1)
			}
		}
	}
	s.release(ci, a, now)
}

// release sends the queued messages with send time before thr, one send
// instant at a time: quiet-hours keep-last, then min_gap, then max_per_day.
func (s *shard) release(ci uint32, a *custActive, thr int64) {
	for {
		next := thr
		if a.qHead < len(a.queue) && a.queue[a.qHead].s < thr {
			next = a.queue[a.qHead].s
		}
		if s.ka != nil {
			// Keep-alives due before the next status message (or thr).
			s.kaRun(ci, a, next)
		}
		if next == thr {
			break
		}
		at := next
		j := a.qHead + 1
		for j < len(a.queue) && a.queue[j].s == at {
			j++
		}
		grp := a.queue[a.qHead:j]
		a.qHead = j
		var last map[uint32]int // large groups: entity -> last deferred index
		if len(grp) > 32 {
			last = map[uint32]int{}
			for i := range grp {
				if grp[i].deferred {
					last[grp[i].ent] = i
				}
			}
		}
		for i := range grp {
			m := grp[i]
			if m.deferred && supersededAtInstant(grp, i, last) {
				s.drop(ci, &m, dropQuietMerge)
				continue
			}
			s.customerControls(ci, a, &m)
		}
		if s.ka != nil {
			// Keep-alives due at this instant come after its status messages.
			s.kaRun(ci, a, at+1)
		}
	}
	switch {
	case a.qHead == len(a.queue):
		a.queue, a.qHead = a.queue[:0], 0
	case a.qHead >= 64 && a.qHead*2 >= len(a.queue):
		n := copy(a.queue, a.queue[a.qHead:])
		a.queue, a.qHead = a.queue[:n], 0
	}
}

// supersededAtInstant reports whether a later message of the same entity
// was also deferred to this instant (only the last one is kept).
func supersededAtInstant(grp []msg, i int, last map[uint32]int) bool {
	if last != nil {
		return last[grp[i].ent] > i
	}
	for k := i + 1; k < len(grp); k++ {
		if grp[k].deferred && grp[k].ent == grp[i].ent {
			return true
		}
	}
	return false
}

// customerControls applies min_gap and max_per_day to a message and sends
// the survivors.
func (s *shard) customerControls(ci uint32, a *custActive, m *msg) {
	if s.pol.minGap > 0 && a.hasKept && m.s-a.lastKept < s.pol.minGap {
		s.drop(ci, m, dropMinGap)
		return
	}
	a.lastKept, a.hasKept = m.s, true
	if n := s.pol.p.MaxPerDay; n > 0 {
		d := s.zone[m.zone].localDay(m.s)
		if a.dayCount == 0 || d != a.day {
			a.day, a.dayCount = d, 0
		}
		if a.dayCount >= n {
			s.drop(ci, m, dropMaxPerDay)
			return
		}
		a.dayCount++
	}
	c := s.cust.at(ci)
	c.sent++
	if m.deferred {
		c.deferred++
		s.acc.deferred++
	}
	s.deliver(streamPolicy, ci, m)
	if s.ka != nil {
		s.kaRearm(m.ent, m.s, true)
	}
}
