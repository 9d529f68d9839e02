package simulate

import (
	"math"
	"time"
)

// custActive is the short-lived replay state of a customer: what lies within
// the look-back windows of the controls and flags. Streaming replays free it
// once the customer has been idle long enough (see sweep), so memory follows
// the customers active in the recent past, not all customers.
type custActive struct {
	pend     []msg // collapse candidates, in event order; dead ones are skipped
	pendHead int
	pendLive int
	queue    []msg // policy messages waiting for their send time, sorted by (send, event time, seq)
	qHead    int
	flap     []flapEntry
	flapKeep int // len(flap) after the last prune
	burst    [2]ring
	lastKept int64 // send time of the last message kept by min_gap
	hasKept  bool
	day      int64 // local day of lastKept (max_per_day)
	dayCount int
}

// msg is a policy candidate or message.
type msg struct {
	t        int64 // event time
	s        int64 // send time
	seq      uint32
	ent      uint32
	st       uint32
	tpl      uint16
	zone     uint16
	deferred bool
	dead     bool
}

// flapEntry is the latest run start of a status in an entity's message stream.
type flapEntry struct {
	t      int64
	ent    uint32
	st     uint32
	stream uint8
}

// ring holds the last count-1 send times of a stream (burst).
type ring struct {
	t    []int64
	head int
	n    int
}

func (r *ring) reset(size int) {
	if cap(r.t) < size {
		r.t = make([]int64, size)
	}
	r.t = r.t[:size]
	r.head, r.n = 0, 0
}

// oldest returns the oldest kept time; only valid when full.
func (r *ring) oldest() int64 { return r.t[r.head] }

func (r *ring) full() bool { return r.n == len(r.t) }

func (r *ring) last() int64 { return r.t[(r.head+r.n-1)%len(r.t)] }

// push adds t, evicting the oldest when full.
func (r *ring) push(t int64) {
	if len(r.t) == 0 {
		return
	}
	if r.n < len(r.t) {
		r.t[(r.head+r.n)%len(r.t)] = t
		r.n++
		return
	}
	r.t[r.head] = t
	r.head = (r.head + 1) % len(r.t)
}

// activate returns the active state of customer ci, creating it if needed.
func (s *shard) activate(ci uint32) *custActive {
	c := s.cust.at(ci)
	if c.act >= 0 {
		return &s.acts[c.act]
	}
	var idx int32
	if n := len(s.freeActs); n > 0 {
		idx = s.freeActs[n-1]
		s.freeActs = s.freeActs[:n-1]
	} else {
		s.acts = append(s.acts, custActive{})
		idx = int32(len(s.acts) - 1)
	}
	a := &s.acts[idx]
	a.pend, a.pendHead, a.pendLive = a.pend[:0], 0, 0
	a.queue, a.qHead = a.queue[:0], 0
	a.flap, a.flapKeep = a.flap[:0], 0
	size := 0
	if s.pol.p.Flags.BurstCount > 1 {
		size = s.pol.p.Flags.BurstCount - 1
	}
	a.burst[0].reset(size)
	a.burst[1].reset(size)
	a.hasKept, a.dayCount = false, 0
	c.act = idx
	return a
}

// deactivate frees the active state of ci.
func (s *shard) deactivate(ci uint32) {
	c := s.cust.at(ci)
	if c.act < 0 {
		return
	}
	a := &s.acts[c.act]
	// Drop large buffers so one noisy customer does not pin memory.
	if cap(a.queue) > 1024 {
		a.queue = nil
	}
	if cap(a.pend) > 1024 {
		a.pend = nil
	}
	if cap(a.flap) > 1024 {
		a.flap = nil
	}
	s.freeActs = append(s.freeActs, c.act)
	c.act = -1
}

// idle reports whether nothing in ci's active state can matter for events
// at or after w, after advance(ci, w).
func (s *shard) idle(a *custActive, w int64) bool {
	if a.pendLive > 0 || a.qHead < len(a.queue) {
		return false
	}
	if a.hasKept && a.lastKept+s.pol.keepFor > w {
		return false
	}
	for k := range a.burst {
		if r := &a.burst[k]; r.n > 0 && r.last()+s.pol.burstWin > w {
			return false
		}
	}
	s.pruneFlap(a, w)
	return len(a.flap) == 0
}

// pruneFlap drops flapping history that no message at or after w can match.
func (s *shard) pruneFlap(a *custActive, w int64) {
	out := a.flap[:0]
	for _, f := range a.flap {
		if f.t+s.pol.flapWin >= w {
			out = append(out, f)
		}
	}
	a.flap = out
	a.flapKeep = len(out)
}

// horizon is how long after its last event a customer's active state can
// still matter: collapse, plus the longest quiet-hours deferral (a day plus
// a DST shift), plus the longest look-back of min_gap/max_per_day, burst and
// flapping.
func (p *compiled) horizon() int64 {
	return p.collapse + 26*int64(time.Hour) + max(p.keepFor, p.burstWin, p.flapWin) + 1
}

// maxInt64 is "no time limit" for advance.
const maxInt64 = math.MaxInt64
