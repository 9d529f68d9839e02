package simulate

import (
	"cmp"
	"encoding/binary"
	"hash/maphash"
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

// partRec is one event of a partition as the cursor decodes it.
type partRec struct {
	t    int64
	line int64
	st   uint32
	zone uint16
	src  uint16 // the input's index
}

// A segment stores its events back to back, each as varints: the time and
// the line as differences to the segment's previous event (the first to
// zero), the status and zone ids, then the length and bytes of the
// customer id and of the entity id. The time difference is written in
// whole seconds, twice that plus one when a nanosecond rest follows (most
// timestamps have none). Time-sorted rows of short ids take about 7 bytes
// plus the ids.

// partSeg is the events of one partition from one chunk, in input order.
type partSeg struct {
	data []byte
	n    int    // events
	src  uint16 // the input's index
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

// appendEvent encodes an event after the one at (prevT, prevLine).
func appendEvent(b []byte, t, prevT, line, prevLine int64, st uint32, zone uint16, cust, ent []byte) []byte {
	b = appendTimeDiff(b, t-prevT)
	b = binary.AppendVarint(b, line-prevLine)
	b = binary.AppendUvarint(b, uint64(st))
	b = binary.AppendUvarint(b, uint64(zone))
	b = binary.AppendUvarint(b, uint64(len(cust)))
	b = append(b, cust...)
	b = binary.AppendUvarint(b, uint64(len(ent)))
	return append(b, ent...)
}

// appendTimeDiff encodes a difference of times (nanoseconds; the times lie
// in the supported years, so twice the seconds does not overflow).
func appendTimeDiff(b []byte, d int64) []byte {
	sec, ns := d/nsPerSec, d%nsPerSec
	if ns == 0 {
		return binary.AppendVarint(b, 2*sec)
	}
	b = binary.AppendVarint(b, 2*sec+1)
	return binary.AppendVarint(b, ns)
}

// partCursor reads a partition's events in input order.
type partCursor struct {
	p   *partition
	seg int
	i   int // events of the segment read
	off int // next byte of the segment
	rec partRec
}

// next returns the next event and its ids (valid while the partition is;
// the record until the next call); ok is false at the end.
func (c *partCursor) next() (r *partRec, cust, ent []byte, ok bool) {
	for c.seg < len(c.p.segs) && c.i == c.p.segs[c.seg].n {
		c.seg++
		c.i, c.off = 0, 0
	}
	if c.seg == len(c.p.segs) {
		return nil, nil, nil, false
	}
	sg := &c.p.segs[c.seg]
	b := sg.data
	r = &c.rec
	if c.i == 0 {
		r.t, r.line = 0, 0
	}
	c.i++
	r.src = sg.src
	r.t += c.timeDiff(b)
	r.line += c.varint(b)
	r.st = uint32(c.uvarint(b))
	r.zone = uint16(c.uvarint(b))
	n := int(c.uvarint(b))
	cust = b[c.off : c.off+n]
	c.off += n
	n = int(c.uvarint(b))
	ent = b[c.off : c.off+n]
	c.off += n
	return r, cust, ent, true
}

// timeDiff decodes what appendTimeDiff wrote.
func (c *partCursor) timeDiff(b []byte) int64 {
	v := c.varint(b)
	d := (v >> 1) * nsPerSec
	if v&1 != 0 {
		d += c.varint(b)
	}
	return d
}

func (c *partCursor) varint(b []byte) int64 {
	v, n := binary.Varint(b[c.off:])
	c.off += n
	return v
}

func (c *partCursor) uvarint(b []byte) uint64 {
	if x := b[c.off]; x < 0x80 {
		c.off++
		return uint64(x)
	}
	v, n := binary.Uvarint(b[c.off:])
	c.off += n
	return v
}

// partition makes s, shard index of n, a partitioned shard that counts what
// it holds in bud and takes its statuses and zones from sym.
func (s *shard) partition(index, n int, bud *budget, sym *symbols) {
	s.parts = make([]partition, partsPerShard)
	s.index, s.nShards = index, n
	s.budget = bud
	s.sym = sym
	s.sweeping = false
}

// ingestParts keeps the segments of a batch in their partitions.
func (s *shard) ingestParts(pb *partBatch) error {
	s.sourceIdx(pb.src)
	for k := range pb.segs {
		if pb.segs[k].n > 0 {
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
			s.disorder = &disorderError{input: int(r.src), file: s.sourceName(r.src), line: r.line, customer: string(cust), t: r.t, prev: c.lastT}
		}
		evs = append(evs, partEvent{t: r.t, cust: ci - base, ent: ei, st: r.st, zone: r.zone})
	}
	s.pevs = evs
	nc := uint32(s.cust.len()) - base
	grouped, ends := s.groupPartition(evs, nc)
	begin := uint32(0)
	for cl := uint32(0); cl < nc; cl++ {
		grp := grouped[begin:ends[cl]]
		begin = ends[cl]
		sortByTime(grp)
		ci := base + cl
		if s.pol.ka != nil {
			s.kaPreparePart(ci, grp)
		}
		for i := range grp {
			ev := &grp[i]
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
	s.srcRuns = s.srcRuns[:0] // source-flapping runs are per entity index
}

// before reports whether r comes before the row of d in input order.
func (s *shard) before(r *partRec, d *disorderError) bool {
	in := int(r.src)
	return in < d.input || in == d.input && r.line < d.line
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
		n += p.segs[i].n
	}
	return n
}

// groupPartition returns the events of evs grouped by customer, input
// order kept within a customer (a counting sort on n customers), and where
// each customer's group ends. The events are moved, not indexed: writing
// them to scattered places costs less than reading them from there while
// replaying.
func (s *shard) groupPartition(evs []partEvent, n uint32) (grouped []partEvent, ends []uint32) {
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
	if cap(s.pgrouped) < len(evs) {
		s.pgrouped = make([]partEvent, len(evs), len(evs)+len(evs)/4)
	}
	grouped = s.pgrouped[:len(evs)]
	for i := range evs {
		c := evs[i].cust
		grouped[start[c]] = evs[i]
		start[c]++
	}
	return grouped, start[:n] // start[c] is now where group c+1 starts
}

// sortByTime orders a customer's events by time, input order kept for
// ties.
func sortByTime(evs []partEvent) {
	sorted := true
	for i := 1; i < len(evs); i++ {
		if evs[i].t < evs[i-1].t {
			sorted = false
			break
		}
	}
	if sorted {
		return
	}
	if len(evs) > 16 {
		slices.SortStableFunc(evs, func(a, b partEvent) int { return cmp.Compare(a.t, b.t) })
		return
	}
	for i := 1; i < len(evs); i++ { // insertion sort: stable
		x := evs[i]
		j := i
		for j > 0 && evs[j-1].t > x.t {
			evs[j] = evs[j-1]
			j--
		}
		evs[j] = x
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
		h := maphash.String(s.seed, id)
		if shardOf(h, s.nShards) != s.index {
			continue // another shard's customer
		}
		k := partOf(h)
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
