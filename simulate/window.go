package simulate

import (
	"cmp"
	"slices"
)

// Streaming replay works window by window: a shard collects up to winSize
// interned events, groups them by customer (a stable radix sort, so each
// customer's rows keep their input order) and replays each customer's events
// of the window together, while the customer's state is in the cache. The
// window is a fixed-size buffer: memory still follows customers and
// entities, not the length of the input.

// defaultWinSize is the number of events per streaming window.
const defaultWinSize = 1 << 18

// winEvent is an interned event waiting in a streaming window (32 bytes).
type winEvent struct {
	t    int64
	line int64
	cust uint32
	ent  uint32
	st   uint32
	zone uint16
	src  uint16
}

// touched lists the customers a window replayed and the window's last time.
type touched struct {
	maxT int64
	cs   []uint32
}

// flushWindow replays the events in the window and retires the customers
// that have been idle for longer than the horizon.
func (s *shard) flushWindow() error {
	n := len(s.win)
	if n == 0 {
		return nil
	}
	order := s.groupByCustomer()
	var cs []uint32
	winMax := s.win[n-1].t
	for i := 0; i < n; {
		ci := s.win[order[i]].cust
		j := i
		for j < n && s.win[order[j]].cust == ci {
			j++
		}
		c := s.cust.at(ci)
		for _, k := range order[i:j] {
			ev := &s.win[k]
			if ev.t < c.lastT {
				return &disorderError{file: s.srcs[ev.src].name, line: ev.line, customer: string(s.custKeys.get(ci)), t: ev.t, prev: c.lastT}
			}
			if ev.t > winMax {
				winMax = ev.t
			}
			s.onEvent(ci, ev.ent, ev.st, ev.zone, ev.t)
		}
		if s.sweeping && c.act >= 0 {
			cs = append(cs, ci)
		}
		i = j
	}
	s.win = s.win[:0]
	if !s.sweeping {
		s.touchedQ = nil
		return nil
	}
	s.touchedQ = append(s.touchedQ, touched{maxT: winMax, cs: cs})
	s.retireIdle(winMax)
	return nil
}

// smallWindow is the window size up to which groupByCustomer sorts
// instead of counting.
const smallWindow = 256

// groupByCustomer returns the window's event indices ordered by customer,
// input order kept within a customer (LSD radix sort on the customer index).
func (s *shard) groupByCustomer() []uint32 {
	n := len(s.win)
	if cap(s.order) < n {
		s.order = make([]uint32, n)
		s.order2 = make([]uint32, n)
	}
	a, b := s.order[:n], s.order2[:n]
	for i := range a {
		a[i] = uint32(i)
	}
	if n <= smallWindow {
		// A stable sort is cheaper than clearing the radix counters.
		slices.SortStableFunc(a, func(x, y uint32) int { return cmp.Compare(s.win[x].cust, s.win[y].cust) })
		return a
	}
	var count [1 << 16]int
	for shift := uint(0); shift < 32; shift += 16 {
		clear(count[:])
		for _, k := range a {
			count[(s.win[k].cust>>shift)&0xFFFF]++
		}
		sum := 0
		for d := range count {
			sum, count[d] = sum+count[d], sum
		}
		for _, k := range a {
			d := (s.win[k].cust >> shift) & 0xFFFF
			b[count[d]] = k
			count[d]++
		}
		a, b = b, a
		if s.cust.len() <= 1<<16 {
			break // one pass suffices
		}
	}
	return a
}

// retireIdle retires the customers of earlier windows that have had no
// event for longer than the horizon before w. The input is in time order so
// far, so no later row is earlier than w.
func (s *shard) retireIdle(w int64) {
	for len(s.touchedQ) > 0 && s.touchedQ[0].maxT+s.expireAfter < w {
		cs := s.touchedQ[0].cs
		s.touchedQ = s.touchedQ[1:]
		for i := 0; i < len(cs); i += prefetchGroup {
			grp := cs[i:min(i+prefetchGroup, len(cs))]
			s.prefetchActive(grp)
			for _, ci := range grp {
				if c := s.cust.at(ci); c.act >= 0 && c.lastT+s.expireAfter < w {
					s.retire(ci, w)
				}
			}
		}
	}
}

// retire flushes customer ci up to watermark w and frees its active state
// when nothing in it can matter any more. Its clock moves to w: a later row
// of it that is earlier than w is reported as out of order, which restarts
// the run buffered.
func (s *shard) retire(ci uint32, w int64) {
	s.advance(ci, w)
	c := s.cust.at(ci)
	c.lastT = w
	if s.idle(&s.acts[c.act], w) {
		s.deactivate(ci)
		return
	}
	// Not idle yet (cannot happen past the horizon, but stay safe): look again later.
	if n := len(s.touchedQ); n > 0 {
		s.touchedQ[n-1].cs = append(s.touchedQ[n-1].cs, ci)
	} else {
		s.touchedQ = append(s.touchedQ, touched{maxT: w, cs: []uint32{ci}})
	}
}
