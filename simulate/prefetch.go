package simulate

// prefetchGroup is how many events ingest looks ahead: their hash slots,
// customer records, entity records and active state are touched in separate
// passes before the events are replayed, so that the cache misses of
// independent events overlap instead of being paid one after another.
const prefetchGroup = 16

// prefetch touches the memory events evs will use for interning. It only reads; a wrong
// guess (a slot collision, a customer not yet created) costs nothing but time.
func (s *shard) prefetch(evs []pev) {
	var slot [prefetchGroup]uint64
	var sink int64
	mask := uint64(len(s.custSlots) - 1)
	for i := range evs {
		slot[i] = s.custSlots[evs[i].h&mask]
	}
	var ci [prefetchGroup]uint32
	n := uint32(s.cust.len())
	for i := range evs {
		c := uint32(slot[i]) - 1
		if slot[i] == 0 || c >= n {
			ci[i] = noEntity
			continue
		}
		ci[i] = c
		sink += s.cust.at(c).lastT
	}
	ne := uint32(s.ent.len())
	for i := range evs {
		if ci[i] == noEntity {
			continue
		}
		if e := s.cust.at(ci[i]).firstEnt; e < ne {
			sink += s.ent.at(e).lastEvT
		}
	}
	s.sink += sink
}

// prefetchActive touches the active state of customers cs.
func (s *shard) prefetchActive(cs []uint32) {
	var act [prefetchGroup]int32
	var sink int64
	for i, ci := range cs {
		act[i] = s.cust.at(ci).act
		if act[i] >= 0 {
			sink += int64(s.acts[act[i]].pendHead)
		}
	}
	s.touchActive(act[:len(cs)])
	s.sink += sink
}

// touchActive touches the arrays of active states.
func (s *shard) touchActive(acts []int32) {
	var sink int64
	for _, ai := range acts {
		if ai < 0 {
			continue
		}
		a := &s.acts[ai]
		if a.pendHead < len(a.pend) {
			sink += a.pend[a.pendHead].t
		}
		if a.qHead < len(a.queue) {
			sink += a.queue[a.qHead].s
		}
		if len(a.flap) > 0 {
			sink += a.flap[0].t
		}
		for k := range a.burst {
			if len(a.burst[k].t) > 0 {
				sink += a.burst[k].t[0]
			}
		}
	}
	s.sink += sink
}
