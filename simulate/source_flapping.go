package simulate

import (
	"fmt"
	"time"
)

// Source flapping: an entity whose status returns to one it left within the
// flapping window, whatever the statuses send. It is computed over the
// as-is status stream (every event, consecutive repeats of a status being
// one run), so no policy changes it: a data-quality signal of the source
// system, apart from the message-level flapping flag.

// SourceFlapping counts the entities whose status flaps in the input.
type SourceFlapping struct {
	Entities  int64     `json:"entities"`  // entities whose status returned to one it left within the window
	Customers int64     `json:"customers"` // customers with such an entity
	Examples  []Example `json:"examples"`  // the customers with the smallest ids
}

// Bits of the diagnostics: an entity already counted as source flapping
// (entity.bits), a customer with such an entity (customer.flags, above the
// 2 × nFlags bits of the flags).
const (
	entSrcFlapped        = entMoreTent << 1
	custSrcFlap   uint16 = 1 << 15
)

// srcRun is the start of an entity's latest run of a status.
type srcRun struct {
	t  int64
	st uint32
}

// srcRuns holds, per entity index, the run starts of its statuses that
// are still within the flapping window of the latest event (empty for an
// entity already counted). Its length is reset for each partition of a
// partitioned replay, and the run slices beyond it keep their memory for
// the entities of the next one.
type srcRuns [][]srcRun

// of returns the runs of entity ei, growing s to hold it.
func (s *srcRuns) of(ei uint32) []srcRun {
	for int(ei) >= len(*s) {
		if n := len(*s); n < cap(*s) {
			*s = (*s)[:n+1]
			(*s)[n] = (*s)[n][:0]
		} else {
			*s = append(*s, nil)
		}
	}
	return (*s)[ei]
}

// sourceFlapCheck evaluates source flapping on event (ei, st, t) of
// customer ci, before the event becomes the entity's previous status.
func (s *shard) sourceFlapCheck(ci, ei, st uint32, zi uint16, t int64) {
	win := s.pol.flapWin
	e := s.ent.at(ei)
	if win <= 0 || e.bits&entSrcFlapped != 0 {
		return
	}
	hadPrev := e.bits&entHasPrev != 0
	if hadPrev && e.prevSt == st {
		return // same run
	}
	runs := s.srcRuns.of(ei)
	keep := runs[:0]
	var old, prevT int64
	found := false
	for _, r := range runs {
		switch {
		case t-r.t > win:
			// Too old to be returned to within the window.
		case r.st == st:
			old, found = r.t, true
		default:
			if hadPrev && r.st == e.prevSt {
				prevT = r.t
			}
			keep = append(keep, r)
		}
	}
	if !found {
		if keep == nil {
			keep = make([]srcRun, 0, 4) // one allocation for most entities
		}
		s.srcRuns[ei] = append(keep, srcRun{t: t, st: st})
		return
	}
	s.srcRuns[ei] = runs[:0]
	e.bits |= entSrcFlapped
	d := &s.acc.diag
	d.srcEntities++
	c := s.cust.at(ci)
	if c.flags&custSrcFlap != 0 {
		return
	}
	c.flags |= custSrcFlap
	d.srcCustomers++
	id := s.custKeys.get(ci)
	if !d.srcExamples.wants(id) {
		return
	}
	name := string(s.stats.key(st))
	x := Example{Customer: string(id), Entity: s.entityName(ei), Times: s.times(zi, old, prevT, t),
		Statuses: []string{name, string(s.stats.key(e.prevSt)), name},
		Note:     fmt.Sprintf("back to %q after %s", name, HumanDuration(time.Duration(t-old)))}
	d.srcExamples.add(x)
}

// diagAccum collects a shard's diagnostics: source flapping and why the
// silent_gap count differs between the streams.
type diagAccum struct {
	srcEntities, srcCustomers int64
	srcExamples               exampleSet
	silence                   SilenceChange
}

func (d *diagAccum) merge(b *diagAccum) {
	d.srcEntities += b.srcEntities
	d.srcCustomers += b.srcCustomers
	for _, x := range b.srcExamples {
		if d.srcExamples.wants([]byte(x.Customer)) {
			d.srcExamples.add(x)
		}
	}
	d.silence.add(&b.silence)
}

// fillDiagnostics puts the diagnostics into the report: nil sections for
// the flags that are off.
func (r *Report) fillDiagnostics(pol *compiled, d *diagAccum) {
	if pol.flapWin > 0 {
		r.SourceFlapping = &SourceFlapping{Entities: d.srcEntities, Customers: d.srcCustomers,
			Examples: append([]Example{}, d.srcExamples...)}
	}
	if pol.silentAfter > 0 {
		sc := d.silence
		r.SilenceChange = &sc
	}
}

// checkDiagnostics refuses to merge reports of which only some carry the
// diagnostics (reports of an older notelint lack them): the merged counts
// would silently miss those shards.
func checkDiagnostics(reports []*Report) error {
	var flap, silence int
	for _, r := range reports {
		if r.SourceFlapping != nil {
			flap++
		}
		if r.SilenceChange != nil {
			silence++
		}
	}
	for _, c := range []struct {
		n    int
		name string
	}{{flap, "source_flapping"}, {silence, "silence_change"}} {
		if c.n > 0 && c.n < len(reports) {
			return fmt.Errorf("merge: %d of %d reports have %s and the others not (made by an older notelint?): replay those shards again", c.n, len(reports), c.name)
		}
	}
	return nil
}

// mergeSourceFlapping adds b to a (reports of disjoint customers).
func mergeSourceFlapping(a, b *SourceFlapping) *SourceFlapping {
	if b == nil {
		return a
	}
	if a == nil {
		a = &SourceFlapping{Examples: []Example{}}
	}
	a.Entities += b.Entities
	a.Customers += b.Customers
	set := exampleSet(a.Examples)
	for _, x := range b.Examples {
		if set.wants([]byte(x.Customer)) {
			set.add(x)
		}
	}
	a.Examples = set
	return a
}
