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
		st := y.stats.key(uint32(id))
		tpl := int32(-1)
		if i, ok := s.pol.trigger[string(st)]; ok {
			tpl = int32(i)
		}
		s.statTpl = append(s.statTpl, tpl)
		s.statFin = append(s.statFin, s.pol.final[string(st)])
	}
	s.zone = s.zone[:1]
	for id := 1; id < y.zones.len(); id++ {
		// The parsers loaded every zone once already, so this does not fail.
		loc, _ := loadLocation(string(y.zones.key(uint32(id))))
		s.zone = append(s.zone, newZone(loc))
	}
}

// partRow is a parsed event waiting in a partitioning parser for the end
// of its chunk: its encoding is in the parser's buffer.
type partRow struct {
	dst  uint32 // shard*partsPerShard + partition
	need uint32 // bytes of its encoding
}

// partParser is the part of a parser that, for a partitioned pass, sorts
// each chunk's events by shard and partition into compact segments.
type partParser struct {
	sym      *symbols
	nShards  int
	rows     []partRow
	buf      []byte  // the encoded rows, back to back
	prevT    []int64 // per destination: time of the chunk's previous event
	prevLine []int64 // per destination: its line
	minT     []int64 // per shard
	maxT     []int64
	count    []int
	keyStart []int
	slab     slab
	stCache  smallCache
	zCache   smallCache
}

func newPartParser(sym *symbols, nShards int) *partParser {
	nd := nShards * partsPerShard
	pp := &partParser{sym: sym, nShards: nShards, prevT: make([]int64, nd), prevLine: make([]int64, nd),
		minT: make([]int64, nShards), maxT: make([]int64, nShards), count: make([]int, nd+1), keyStart: make([]int, nd+1)}
	pp.startChunk()
	return pp
}

func (pp *partParser) startChunk() {
	pp.rows, pp.buf = pp.rows[:0], pp.buf[:0]
	clear(pp.prevT)
	clear(pp.prevLine)
	for i := range pp.minT {
		pp.minT[i], pp.maxT[i] = math.MaxInt64, math.MinInt64
	}
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

// add keeps one event; false when its zone does not fit (more than 65,535
// zones).
func (pp *partParser) add(h uint64, t, line int64, cust, ent, status, zone []byte) bool {
	var zi uint16
	if len(zone) > 0 {
		z := pp.lookup(&pp.zCache, pp.sym.zones, zone)
		if z > math.MaxUint16 {
			return false
		}
		zi = uint16(z)
	}
	st := pp.lookup(&pp.stCache, pp.sym.stats, status)
	sh := shardOf(h, pp.nShards)
	d := sh*partsPerShard + partOf(h)
	n := len(pp.buf)
	pp.buf = appendEvent(pp.buf, t, pp.prevT[d], line, pp.prevLine[d], st, zi, cust, ent)
	pp.prevT[d], pp.prevLine[d] = t, line
	pp.minT[sh] = min(pp.minT[sh], t)
	pp.maxT[sh] = max(pp.maxT[sh], t)
	pp.rows = append(pp.rows, partRow{dst: uint32(d), need: uint32(len(pp.buf) - n)})
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
	count, start := pp.count, pp.keyStart
	clear(count)
	clear(start)
	for _, r := range pp.rows {
		count[r.dst+1]++
		start[r.dst+1] += int(r.need)
	}
	for d := 1; d <= nd; d++ {
		count[d] += count[d-1]
		start[d] += start[d-1]
	}
	data := pp.slab.take(len(pp.buf))
	pos := append([]int(nil), start...)
	off := 0
	for _, r := range pp.rows {
		pos[r.dst] += copy(data[pos[r.dst]:], pp.buf[off:off+int(r.need)])
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
				pb = &partBatch{src: src, minT: pp.minT[sh], maxT: pp.maxT[sh]}
			}
			seg := partSeg{data: data[start[d]:start[d+1]:start[d+1]], n: count[d+1] - count[d], src: uint16(src.index)}
			pb.segs[k] = seg
			pb.events += int64(seg.n)
			pb.bytes += int64(len(seg.data))
		}
		out[sh] = pb
	}
	pp.startChunk()
	return out
}

// slabMax is the largest slab the partitioning parsers allocate.
const slabMax = 16 << 20

// slab hands out consecutive pieces of large allocations (huge pages where
// the system offers them), so the events of a large input are kept in a
// few hundred allocations instead of one per chunk.
type slab struct {
	free []byte
	last int // bytes of the last allocation
}

// take returns n fresh bytes.
func (s *slab) take(n int) []byte {
	if len(s.free) < n {
		size := max(n, min(2*s.last, slabMax))
		s.free = make([]byte, size)
		s.last = size
		adviseHuge(unsafe.Pointer(unsafe.SliceData(s.free)), uintptr(size))
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}
