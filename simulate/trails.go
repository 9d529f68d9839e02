package simulate

import (
	"fmt"
	"hash/maphash"
	"sort"
)

// maxTrailEvents bounds the events a streaming replay keeps (24 bytes each)
// to rebuild the trails of the customers the report names. A buffered
// replay holds every event anyway and has no bound.
const maxTrailEvents = 1 << 24

// namedTrails returns the timelines of the customers r names (flag
// examples, noisiest customers). It replays only those customers, from the
// events the shards kept, so the input is read once. When a streaming shard
// had to drop its events (more than maxTrailEvents in all), it returns nil
// and the reason.
func namedTrails(pol *compiled, shards []*shard, r *Report) (map[string]*Explanation, string) {
	ids := r.shownCustomers()
	if len(ids) == 0 {
		return map[string]*Explanation{}, ""
	}
	for _, s := range shards {
		if s.logLost {
			return nil, fmt.Sprintf("the replays of the customers named here are not shown: the input has more than %d events", maxTrailEvents)
		}
	}
	rec := NewTrailRecorder()
	for _, s := range shards {
		s.traceInto(rec, ids)
	}
	out := map[string]*Explanation{}
	for _, id := range ids {
		if tr := rec.Trail(id); tr != nil {
			out[id] = BuildExplanation(tr, pol.p)
		}
	}
	return out, ""
}

// traceInto replays the kept events of those of ids that belong to s in a
// fresh buffered shard that reports to obs.
func (s *shard) traceInto(obs Observer, ids []string) {
	if s.parts != nil {
		s.tracePartitions(obs, ids)
		return
	}
	want := map[uint32]bool{}
	for _, id := range ids {
		if ci, ok := s.findCustomer([]byte(id)); ok {
			want[ci] = true
		}
	}
	if len(want) == 0 {
		return
	}
	t := newShard(s.pol, s.seed, true, obs, nil)
	for i := 0; i < s.evs.len(); i++ {
		ev := s.evs.at(uint32(i))
		if !want[ev.cust] {
			continue
		}
		id := s.custKeys.get(ev.cust)
		ci := t.customerIdx(maphash.Bytes(t.seed, id), id)
		ei := t.entityIdx(ci, s.entKeys.get(ev.ent))
		st := t.statusIdx(s.stats.key(ev.st))
		var zi uint16
		if ev.zone != 0 {
			// The zone was loaded once already, so this does not fail.
			zi, _ = t.zoneIdx(s.zones.key(uint32(ev.zone)))
		}
		t.evs.push(bufEvent{t: ev.t, cust: ci, ent: ei, st: st, zone: zi})
	}
	_ = t.finish() // a buffered shard with an empty window does not fail
}

// findCustomer returns the index of the customer with id, if s has it.
func (s *shard) findCustomer(id []byte) (uint32, bool) {
	h := maphash.Bytes(s.seed, id)
	mask := uint64(len(s.custSlots) - 1)
	frag := h >> 32
	for i := h & mask; s.custSlots[i] != 0; i = (i + 1) & mask {
		sl := s.custSlots[i]
		if sl>>32 != frag {
			continue
		}
		ci := uint32(sl) - 1
		if s.cust.at(ci).key.equal(id, &s.custKeys, ci) {
			return ci, true
		}
	}
	return 0, false
}

// keepEvent adds an event of a streaming shard to the events kept for the
// trails, or drops them all once the shard's share of maxTrailEvents is
// used up.
func (s *shard) keepEvent(ev bufEvent) {
	if s.logLost {
		return
	}
	if s.evs.len() >= s.logCap {
		s.evs.release()
		s.logLost = true
		return
	}
	s.evs.push(ev)
}

// shownCustomers returns the ids of the customers the report names.
func (r *Report) shownCustomers() []string {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, f := range r.Flags {
		for _, x := range f.AsIs.Examples {
			add(x.Customer)
		}
		for _, x := range f.Policy.Examples {
			add(x.Customer)
		}
	}
	for _, c := range r.TopCustomers {
		add(c.ID)
	}
	if r.SourceFlapping != nil {
		for _, x := range r.SourceFlapping.Examples {
			add(x.Customer)
		}
	}
	sort.Strings(ids)
	return ids
}
