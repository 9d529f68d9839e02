package simulate

import (
	"cmp"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
)

// A partitioned shard does not intern events as they arrive. It appends
// each one, with its customer and entity ids as bytes, to one of
// partsPerShard partitions chosen by the customer hash, and replays at the
// end partition by partition: a partition's customers, entities and hash
// table are a small fraction of the shard's, so interning and replaying
// them stays in the processor cache, where a shard-wide table would miss it
// on nearly every row.

// partBits is log2 of the number of partitions of a shard.
const partBits = 7

// partsPerShard is the number of partitions of a shard.
const partsPerShard = 1 << partBits

// partOf picks the partition of a customer hash (its top bits: shardOf and
// the hash tables use others).
func partOf(h uint64) int { return int(h >> (64 - partBits)) }

// partRec is one event held by a partition, in input order (24 bytes). Its
// customer and entity ids follow one another in the partition's key arena.
type partRec struct {
	t    int64
	line uint32
	st   uint32
	zone uint16
	src  uint16 // the input's index
	clen uint16 // longKey: the length is in the arena, 4 bytes before the key
	elen uint16
}

// longKey marks an id of longKey bytes or more.
const longKey = math.MaxUint16

// partSeg is the events of one partition from one chunk, in input order,
// with their ids back to back in keys.
type partSeg struct {
	recs []partRec
	keys []byte
}

// partition is the events of the customers of one hash range, in input order.
type partition struct {
	segs []partSeg
}

// partBatch is what the events of one chunk add to one shard's partitions.
type partBatch struct {
	src        *source
	segs       [partsPerShard]partSeg
	events     int64
	minT, maxT int64
	bytes      int64
}

// keyNeed is the bytes an id takes in a segment.
func keyNeed(k []byte) int {
	if len(k) >= longKey {
		return len(k) + 4
	}
	return len(k)
}

func appendKey(b, k []byte) ([]byte, uint16) {
	if len(k) < longKey {
		return append(b, k...), uint16(len(k))
	}
	n := uint32(len(k))
	b = append(b, byte(n), byte(n>>8), byte(n>>16), byte(n>>24))
	return append(b, k...), longKey
}

// partCursor reads a partition's events in input order.
type partCursor struct {
	p   *partition
	seg int
	i   int // next record of the segment
	off int // next key byte of the segment
}

// next returns the next event and its ids (valid while the partition is);
// ok is false at the end.
func (c *partCursor) next() (r *partRec, cust, ent []byte, ok bool) {
	for c.seg < len(c.p.segs) && c.i == len(c.p.segs[c.seg].recs) {
		c.seg++
		c.i, c.off = 0, 0
	}
	if c.seg == len(c.p.segs) {
		return nil, nil, nil, false
	}
	sg := &c.p.segs[c.seg]
	r = &sg.recs[c.i]
	c.i++
	cust = c.key(sg.keys, r.clen)
	ent = c.key(sg.keys, r.elen)
	return r, cust, ent, true
}

// key reads a key of stored length n at the cursor and moves past it.
func (c *partCursor) key(b []byte, n uint16) []byte {
	l := int(n)
	if n == longKey {
		l = int(uint32(b[c.off]) | uint32(b[c.off+1])<<8 | uint32(b[c.off+2])<<16 | uint32(b[c.off+3])<<24)
		c.off += 4
	}
	k := b[c.off : c.off+l]
	c.off += l
	return k
}

// partition makes s a partitioned shard that counts what it holds in bud
// and takes its statuses and zones from sym.
func (s *shard) partition(bud *budget, sym *symbols) {
	s.parts = make([]partition, partsPerShard)
	s.budget = bud
	s.sym = sym
	s.sweeping = false
}

// ingestParts keeps the segments of a batch in their partitions.
func (s *shard) ingestParts(pb *partBatch) error {
	s.sourceIdx(pb.src)
	for k := range pb.segs {
		if len(pb.segs[k].recs) > 0 {
			s.parts[k].segs = append(s.parts[k].segs, pb.segs[k])
		}
	}
	s.acc.events += pb.events
	s.acc.minT = min(s.acc.minT, pb.minT)
	s.acc.maxT = max(s.acc.maxT, pb.maxT)
	if used := s.budget.used.Add(pb.bytes); s.budget.limit > 0 && used > s.budget.limit {
		return errOverBudget
	}
	return nil
}

// partEvent is an interned event of the partition being replayed (24 bytes).
type partEvent struct {
	t    int64
	cust uint32 // index relative to the partition's first customer
	ent  uint32
	st   uint32
	zone uint16
}

// replayPartitions interns and replays the partitions one after another.
// Each customer is replayed to its end before the next one starts, so the
// active state is one record, reused.
func (s *shard) replayPartitions() {
	s.adoptSymbols()
	for k := range s.parts {
		s.replayPartition(&s.parts[k])
	}
}

func (s *shard) replayPartition(p *partition) {
	n := p.len()
	if n == 0 {
		return
	}
	base := uint32(s.cust.len())
	s.resetCustSlots(base, n)
	evs := s.pevs[:0]
	cur := partCursor{p: p}
	for {
		r, cust, ent, ok := cur.next()
		if !ok {
			break
		}
		ci := s.customerIdxHash(cust)
		ei := s.entityIdx(ci, ent)
		// Until the replay, lastT is the customer's latest time in input
		// order: it finds the first row out of order (for the note).
		if c := s.cust.at(ci); r.t >= c.lastT {
			c.lastT = r.t
		} else if s.disorder == nil || s.before(r, s.disorder) {
			s.disorder = &disorderError{input: int(r.src), file: s.sourceName(r.src), line: int64(r.line), customer: string(cust), t: r.t, prev: c.lastT}
		}
		evs = append(evs, partEvent{t: r.t, cust: ci - base, ent: ei, st: r.st, zone: r.zone})
	}
	s.pevs = evs
	order := s.groupPartition(evs, uint32(s.cust.len())-base)
	for start := 0; start < len(order); {
		cl := evs[order[start]].cust
		end := start + 1
		for end < len(order) && evs[order[end]].cust == cl {
			end++
		}
		idx := order[start:end]
		start = end
		sortByTime(evs, idx)
		ci := base + cl
		for _, i := range idx {
			ev := &evs[i]
			s.onEvent(ci, ev.ent, ev.st, ev.zone, ev.t)
		}
		s.advance(ci, maxInt64)
		s.deactivate(ci)
	}
	for ei := 0; ei < s.ent.len(); ei++ {
		s.closeEntity(uint32(ei))
	}
	// The entities are done with: the next partition reuses their memory.
	s.entDone += int64(s.ent.len())
	for ci := base; ci < uint32(s.cust.len()); ci++ {
		s.cust.at(ci).firstEnt = noEntity
	}
	s.resetEntities()
}

// resetEntities empties the entity tables for the next partition.
func (s *shard) resetEntities() {
	s.ent.reset()
	s.entKeys.reset()
	if s.bigEnts.len() > 0 {
		s.bigEnts = newIDTable(s.seed, true, 64)
		s.bigEntIdx = s.bigEntIdx[:0]
	}
	clear(s.tentMore)
}

// before reports whether r comes before the row of d in input order.
func (s *shard) before(r *partRec, d *disorderError) bool {
	in := int(r.src)
	return in < d.input || in == d.input && int64(r.line) < d.line
}

// sourceName returns the name of the input with index i.
func (s *shard) sourceName(i uint16) string {
	for _, src := range s.srcs {
		if src.index == int(i) {
			return src.name
		}
	}
	return "?"
}

// len returns the number of events of p.
func (p *partition) len() int {
	n := 0
	for i := range p.segs {
		n += len(p.segs[i].recs)
	}
	return n
}

// groupPartition returns the indices of evs grouped by customer, input
// order kept within a customer (a counting sort on n customers).
func (s *shard) groupPartition(evs []partEvent, n uint32) []uint32 {
	if cap(s.pstart) < int(n)+1 {
		s.pstart = make([]uint32, n+1, n+n/4+1)
	}
	start := s.pstart[:n+1]
	clear(start)
	for i := range evs {
		start[evs[i].cust+1]++
	}
	for c := uint32(1); c <= n; c++ {
		start[c] += start[c-1]
	}
	if cap(s.porder) < len(evs) {
		s.porder = make([]uint32, len(evs), len(evs)+len(evs)/4)
	}
	order := s.porder[:len(evs)]
	for i := range evs {
		c := evs[i].cust
		order[start[c]] = uint32(i)
		start[c]++
	}
	return order
}

// sortByTime orders a customer's event indices by time, input order kept
// for ties.
func sortByTime(evs []partEvent, idx []uint32) {
	sorted := true
	for i := 1; i < len(idx); i++ {
		if evs[idx[i]].t < evs[idx[i-1]].t {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	if len(idx) > 16 {
		slices.SortStableFunc(idx, func(a, b uint32) int { return cmp.Compare(evs[a].t, evs[b].t) })
		return
	}
	for i := 1; i < len(idx); i++ { // insertion sort: stable
		x := idx[i]
		t := evs[x].t
		j := i
		for j > 0 && evs[idx[j-1]].t > t {
			idx[j] = idx[j-1]
			j--
		}
		idx[j] = x
	}
}

// resetCustSlots empties the customer hash table for a partition of n
// events whose customers start at index base.
func (s *shard) resetCustSlots(base uint32, n int) {
	s.custBase = base
	want := 1 << 12
	if n > 0 {
		want = max(want, 1<<bits.Len(uint(n)/2))
	}
	if len(s.custSlots) < want {
		s.custSlots = make([]uint64, want)
		return
	}
	clear(s.custSlots)
}

// tracePartitions replays the events of those of ids that belong to s (a
// partitioned shard) in a fresh buffered shard that reports to obs.
func (s *shard) tracePartitions(obs Observer, ids []string) {
	byPart := map[int]map[string]bool{}
	for _, id := range ids {
		k := partOf(maphash.String(s.seed, id))
		if byPart[k] == nil {
			byPart[k] = map[string]bool{}
		}
		byPart[k][id] = true
	}
	var t *shard
	for k, want := range byPart {
		cur := partCursor{p: &s.parts[k]}
		for {
			r, cust, ent, ok := cur.next()
			if !ok {
				break
			}
			if !want[string(cust)] {
				continue
			}
			if t == nil {
				t = newShard(s.pol, s.seed, true, obs, nil)
			}
			ci := t.customerIdxHash(cust)
			ei := t.entityIdx(ci, ent)
			st := t.statusIdx(s.stats.key(r.st))
			var zi uint16
			if r.zone != 0 {
				// The zone was loaded once already, so this does not fail.
				zi, _ = t.zoneIdx(s.zones.key(uint32(r.zone)))
			}
			t.evs.push(bufEvent{t: r.t, cust: ci, ent: ei, st: st, zone: zi})
		}
	}
	if t != nil {
		_ = t.finish() // a buffered shard with an empty window does not fail
	}
}
