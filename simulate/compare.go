package simulate

import (
	"errors"
	"fmt"
	"hash/maphash"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Compare replays the inputs once and returns one report per policy:
// opts.Policy first, then others in order. Each report is the one Run gives
// for that policy alone. The events are read and parsed once; every other
// policy replays the events the first run held: its partitions, or, when
// it streamed, the events it kept (24 bytes per event).
func Compare(opts Options, others []*Policy) ([]*Report, error) {
	out := make([]*Report, 0, len(others)+1)
	first, err := ReplayMany(opts, others, func(_ int, r *Report) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return append([]*Report{first}, out...), nil
}

// ReplayMany is Compare for many policies: it returns the report of
// opts.Policy and passes each other policy's report to each, in order, as
// soon as it is built (so a caller that keeps only a summary does not hold
// every report). An error from each stops the run.
func ReplayMany(opts Options, others []*Policy, each func(i int, r *Report) error) (*Report, error) {
	if opts.Policy == nil {
		return nil, errors.New("simulate: no policy")
	}
	for _, p := range others {
		if err := sameReading(opts.Policy, p); err != nil {
			return nil, err
		}
		if err := p.CheckTemplates(opts.Templates); err != nil {
			return nil, err
		}
	}
	opts.keepEvents = len(others) > 0
	first, st, err := run(opts)
	if err != nil {
		return nil, err
	}
	for _, s := range st.out.shards {
		if s.logLost {
			return nil, errors.New("simulate: the events could not be kept for the other policies")
		}
	}
	for i, p := range others {
		r, err := st.replayPolicy(&opts, p)
		if err != nil {
			return nil, err
		}
		if err := each(i, r); err != nil {
			return nil, err
		}
	}
	return first, nil
}

// sameReading checks that policy b reads the input as a does: the events
// are parsed once, with a's columns and zone.
func sameReading(a, b *Policy) error {
	if a.Columns != b.Columns || a.TimezoneName() != b.TimezoneName() || a.Contacts.Columns != b.Contacts.Columns {
		return fmt.Errorf("%s: reads the events differently from %s ([simulate.columns], [simulate.contacts.columns] or timezone): compared policies must read the input the same way", b.Source, a.Source)
	}
	return nil
}

// replayPolicy replays the held events through p and builds its report as
// Run would for p alone.
func (st *runState) replayPolicy(opts *Options, p *Policy) (*Report, error) {
	pol := compile(p, opts.Templates)
	var rec *contactRecorder
	var sends *sendObserver
	var obs Observer
	if st.contacts != nil {
		rec, sends = newContactRecorder(), newSendObserver()
		obs = &contactObserver{rec: rec, next: sends}
	}
	src := st.out.shards
	shards := make([]*shard, len(src))
	errs := make([]error, len(src))
	var wg sync.WaitGroup
	for i, s := range src {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if shards[i], errs[i] = s.replica(pol, obs); errs[i] == nil {
				errs[i] = shards[i].finish()
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	o := *opts
	o.Policy = p
	out := &pipelineOut{shards: shards, bad: st.out.bad, badCount: st.out.badCount, notes: st.out.notes}
	r := buildReport(&o, pol, out)
	r.Replay, r.Notes = st.replayFor(pol, r.Notes)
	// The rows out of order are the first run's, when this policy's
	// single run would say so too.
	var disorder *Disorder
	if n := disorderNote(st.out.shards); slices.Contains(r.Notes, n) {
		disorder = disorderOf(st.out.shards, n)
	}
	r.stamp(&o, pol, out.notes, disorder)
	r.Trails, r.TrailsMissing = namedTrails(pol, shards, r)
	if st.contacts != nil {
		explain := map[string]bool{}
		for _, id := range r.shownCustomers() {
			explain[id] = true
		}
		r.Contacts, r.contactSteps = attributeContacts(rec, st.contacts, pol, opts.Contacts, explain)
		ps, _ := attributeContacts(sends.rec, st.contacts, pol, opts.Contacts, map[string]bool{})
		r.policyContacts = &policyContacts{after: ps.AfterTemplate, inSilence: ps.InSilence}
		for id, x := range r.Trails {
			x.addContacts(r.contactSteps[id])
		}
	}
	return r, nil
}

// replayFor returns the replay mode and notes a single run of pol would
// report: a policy with keep-alives is replayed from memory ("buffered")
// from the start;
// any other replays as the first run did, or, when only keep-alives made
// the first run buffered, streams unless a customer's rows are out of order.
func (st *runState) replayFor(pol *compiled, notes []string) (string, []string) {
	switch {
	case len(pol.ka) > 0 && st.why == "forced":
		return "buffered", notes
	case len(pol.ka) > 0:
		return "buffered", append(notes, keepaliveNote)
	case st.why == "keepalive":
		for _, s := range st.out.shards {
			if s.disorder != nil {
				return "buffered", append(notes, disorderNote(st.out.shards))
			}
		}
		return "streaming", notes
	}
	return st.replay, append(notes, st.notes...)
}

// replica returns a shard that replays for pol the events s holds. A
// partitioned s gives a partitioned shard over the same partitions and
// symbols, which interns the ids of each partition again as s did. A
// streaming s (its events kept) gives a buffered shard with the same
// customers, entities, statuses and zones at the same indexes, so it
// replays s's event log without copying it.
func (s *shard) replica(pol *compiled, obs Observer) (*shard, error) {
	if s.parts != nil {
		t := newShard(pol, s.seed, false, obs, nil)
		t.partition(s.index, s.nShards, s.budget, s.sym)
		t.parts = s.parts // read only: each replay reads them with its own cursor
		t.srcs = s.srcs
		t.acc.events, t.acc.minT, t.acc.maxT = s.acc.events, s.acc.minT, s.acc.maxT
		return t, nil
	}
	t := newShard(pol, s.seed, true, obs, nil)
	same := true
	for ci := 0; ci < s.cust.len(); ci++ {
		id := s.custKeys.get(uint32(ci))
		same = t.customerIdx(maphash.Bytes(t.seed, id), id) == uint32(ci) && same
	}
	for ei := 0; ei < s.ent.len(); ei++ {
		e := s.ent.at(uint32(ei))
		same = t.entityIdx(e.cust, s.entKeys.get(uint32(ei))) == uint32(ei) && same
	}
	for si := range s.statTpl {
		same = t.statusIdx(s.stats.key(uint32(si))) == uint32(si) && same
	}
	for zi := 1; zi < len(s.zone); zi++ {
		got, err := t.zoneIdx(s.zones.key(uint32(zi)))
		same = err == nil && got == uint16(zi) && same
	}
	if !same {
		// Interning is deterministic, so this does not happen; if it ever
		// did, replaying s's log with other indexes would be wrong.
		return nil, errors.New("simulate: internal error: a replay shard interned its events differently")
	}
	// Same ids at the same indexes: share the source's ids, its log.
	t.custKeys, t.entKeys = s.custKeys, s.entKeys
	t.evs = s.evs
	t.acc.events, t.acc.minT, t.acc.maxT = s.acc.events, s.acc.minT, s.acc.maxT
	return t, nil
}

// PolicyName is a policy's name in comparisons: simulate.name, else the
// file name without its extension.
func PolicyName(p *Policy) string {
	if p.Name != "" {
		return p.Name
	}
	base := filepath.Base(p.Source)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// UniqueNames returns the names of the policies, with " (2)", " (3)" added
// to repeats.
func UniqueNames(ps []*Policy) []string {
	seen := map[string]int{}
	out := make([]string, len(ps))
	for i, p := range ps {
		n := PolicyName(p)
		seen[n]++
		if seen[n] > 1 {
			n = fmt.Sprintf("%s (%d)", n, seen[n])
		}
		out[i] = n
	}
	return out
}
