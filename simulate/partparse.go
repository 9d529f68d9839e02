package simulate

import (
	"hash/maphash"
	"math"
	"sync"
	"unsafe"
)

// symbols interns the statuses and zones of a partitioned pass for all its
// parsers (they are few, and each parser caches the ones it has seen, so
// the lock is rarely taken). The shards read the tables once the input is
// read, when nobody writes them any more.
type symbols struct {
	mu    sync.Mutex
	stats *idTable
	zones *idTable // id 0 is the policy zone (rows without a timezone)
}

func newSymbols(seed maphash.Seed) *symbols {
	y := &symbols{stats: newIDTable(seed, false, 64), zones: newIDTable(seed, false, 16)}
	y.zones.lookup(y.zones.hashKey(0, nil), 0, nil)
	return y
}

func (y *symbols) intern(t *idTable, b []byte) uint32 {
	y.mu.Lock()
	id, _ := t.lookup(t.hashKey(0, b), 0, b)
	y.mu.Unlock()
	return id
}

// adoptSymbols makes the pass's statuses and zones the shard's.
func (s *shard) adoptSymbols() {
	y := s.sym
	s.stats, s.zones = y.stats, y.zones
	s.statTpl, s.statFin = s.statTpl[:0], s.statFin[:0]
	for id := 0; id < y.stats.len(); id++ {
		st := string(y.stats.key(uint32(id)))
		tpl := int32(-1)
		if i, ok := s.pol.trigger[st]; ok {
			tpl = int32(i)
		}
		s.statTpl = append(s.statTpl, tpl)
		s.statFin = append(s.statFin, s.pol.final[st])
	}
	s.zone = s.zone[:1]
	for id := 1; id < y.zones.len(); id++ {
		// The parsers loaded every zone once already, so this does not fail.
		loc, _ := loadLocation(string(y.zones.key(uint32(id))))
		s.zone = append(s.zone, newZone(loc))
	}
}

// partRow is a parsed event waiting in a partitioning parser for the end
// of its chunk.
type partRow struct {
	t    int64
	line uint32
	st   uint32
	dst  uint32 // shard*partsPerShard + partition
	zone uint16
	clen uint16
	elen uint16
	need uint32 // bytes of its ids in keys
}

// partParser is the part of a parser that, for a partitioned pass, sorts
// each chunk's events by shard and partition into compact records.
type partParser struct {
	sym     *symbols
	nShards int
	rows    []partRow
	keys    []byte // the ids of rows, back to back
	count   []int
	recSlab slab[partRec]
	keySlab slab[byte]
	stCache smallCache
	zCache  smallCache
}

func newPartParser(sym *symbols, nShards int) *partParser {
	return &partParser{sym: sym, nShards: nShards, count: make([]int, nShards*partsPerShard+1)}
}

// lookup interns b in t through the cache c.
func (pp *partParser) lookup(c *smallCache, t *idTable, b []byte) uint32 {
	e := &c[cacheSlot(b)]
	if e.ok && e.key == string(b) {
		return e.id
	}
	id := pp.sym.intern(t, b)
	e.key, e.id, e.ok = string(b), id, true
	return id
}

// add keeps one event; false when its line number does not fit.
func (pp *partParser) add(h uint64, t, line int64, cust, ent, status, zone []byte) bool {
	if line > math.MaxUint32 {
		return false
	}
	r := partRow{t: t, line: uint32(line), dst: uint32(shardOf(h, pp.nShards)*partsPerShard + partOf(h))}
	r.st = pp.lookup(&pp.stCache, pp.sym.stats, status)
	if len(zone) > 0 {
		z := pp.lookup(&pp.zCache, pp.sym.zones, zone)
		if z > math.MaxUint16 {
			return false
		}
		r.zone = uint16(z)
	}
	n := len(pp.keys)
	pp.keys, r.clen = appendKey(pp.keys, cust)
	pp.keys, r.elen = appendKey(pp.keys, ent)
	r.need = uint32(len(pp.keys) - n)
	pp.rows = append(pp.rows, r)
	return true
}

// flush sorts the chunk's events into one batch per shard (nil for a shard
// without events) and starts the next chunk.
func (pp *partParser) flush(src *source) []*partBatch {
	out := make([]*partBatch, pp.nShards)
	if len(pp.rows) == 0 {
		return out
	}
	nd := pp.nShards * partsPerShard
	count := pp.count
	clear(count)
	keyStart := make([]int, nd+1)
	for i := range pp.rows {
		count[pp.rows[i].dst+1]++
		keyStart[pp.rows[i].dst+1] += int(pp.rows[i].need)
	}
	for d := 1; d <= nd; d++ {
		count[d] += count[d-1]
		keyStart[d] += keyStart[d-1]
	}
	recs := pp.recSlab.take(len(pp.rows))
	keys := pp.keySlab.take(len(pp.keys))
	pos := append([]int(nil), count...)
	kpos := append([]int(nil), keyStart...)
	off := 0
	for i := range pp.rows {
		r := &pp.rows[i]
		d := r.dst
		recs[pos[d]] = partRec{t: r.t, line: r.line, st: r.st, zone: r.zone, src: uint16(src.index), clen: r.clen, elen: r.elen}
		pos[d]++
		kpos[d] += copy(keys[kpos[d]:], pp.keys[off:off+int(r.need)])
		off += int(r.need)
	}
	for sh := range out {
		var pb *partBatch
		for k := 0; k < partsPerShard; k++ {
			d := sh*partsPerShard + k
			if count[d] == count[d+1] {
				continue
			}
			if pb == nil {
				pb = &partBatch{src: src, minT: math.MaxInt64, maxT: math.MinInt64}
			}
			seg := partSeg{recs: recs[count[d]:count[d+1]:count[d+1]], keys: keys[keyStart[d]:keyStart[d+1]:keyStart[d+1]]}
			pb.segs[k] = seg
			pb.events += int64(len(seg.recs))
			pb.bytes += int64(len(seg.recs)*24 + len(seg.keys))
			for i := range seg.recs {
				pb.minT = min(pb.minT, seg.recs[i].t)
				pb.maxT = max(pb.maxT, seg.recs[i].t)
			}
		}
		out[sh] = pb
	}
	pp.rows, pp.keys = pp.rows[:0], pp.keys[:0]
	return out
}

// slabMax is the largest slab the partitioning parsers allocate.
const slabMax = 16 << 20

// slab hands out consecutive pieces of large allocations (huge pages where
// the system offers them), so the events of a large input are kept in a
// few hundred allocations instead of one per chunk and shard.
type slab[T any] struct {
	free []T
	last int // elements of the last allocation
}

// take returns n fresh elements.
func (s *slab[T]) take(n int) []T {
	if len(s.free) < n {
		var zero T
		size := int(unsafe.Sizeof(zero))
		elems := max(n, min(2*s.last, slabMax/size), 1)
		s.free = make([]T, elems)
		s.last = elems
		adviseHuge(unsafe.Pointer(unsafe.SliceData(s.free)), uintptr(elems*size))
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}
