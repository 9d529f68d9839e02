package simulate

import "slices"

// replayBuffered replays a buffered shard: its events are grouped by
// customer (a stable counting sort, so input order is kept), each
// customer's events are ordered by time (ties in input order), and each
// customer is replayed to its end before the next one starts.
func (s *shard) replayBuffered() {
	n := s.cust.len()
	end := make([]uint32, n+1) // end[c] = index after customer c's events in order
	for i := 0; i < s.evs.len(); i++ {
		end[s.evs.at(uint32(i)).cust+1]++
	}
	for c := 1; c <= n; c++ {
		end[c] += end[c-1]
	}
	order := make([]uint32, s.evs.len())
	for i := 0; i < s.evs.len(); i++ {
		c := s.evs.at(uint32(i)).cust
		order[end[c]] = uint32(i)
		end[c]++
	}
	// end[c] now points after customer c's events; c starts where c-1 ends.
	start := uint32(0)
	for ci := 0; ci < n; ci++ {
		idx := order[start:end[ci]]
		start = end[ci]
		if !slices.IsSortedFunc(idx, s.evCmp) {
			slices.SortFunc(idx, s.evCmp)
		}
		if s.pol.ka != nil {
			s.kaPrepare(uint32(ci), idx)
		}
		for _, i := range idx {
			ev := s.evs.at(i)
			s.onEvent(uint32(ci), ev.ent, ev.st, ev.zone, ev.t)
		}
		s.advance(uint32(ci), maxInt64)
		s.deactivate(uint32(ci))
	}
	// s.evs stays: the trails of the customers the report names replay from it.
}

// evCmp orders buffered events by time, then input order.
func (s *shard) evCmp(a, b uint32) int {
	ta, tb := s.evs.at(a).t, s.evs.at(b).t
	switch {
	case ta < tb:
		return -1
	case ta > tb:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
