package simulate

import (
	"encoding/binary"
	"hash/maphash"
	"math"
	"sync"
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

// partParser is the part of a parser that, for a partitioned pass, sorts
// each chunk's events by shard and partition into compact segments. Each
// destination (shard and partition) has a block that its events are
// encoded into as they come: a chunk's events of one destination are one
// segment of that block, so nothing is copied at the end of the chunk.
type partParser struct {
	sym      *symbols
	nShards  int
	dst      [][]byte // per destination: its block, filled up to len
	segStart []int    // per destination: where the chunk's segment starts in dst
	count    []int    // per destination: events of the chunk
	prevT    []int64  // per destination: time of the chunk's previous event
	prevLine []int64  // per destination: its line
	minT     []int64  // per shard
	maxT     []int64
	slab     slab
	stCache  smallCache
	zCache   smallCache
	stSeen   map[string]symbol // the statuses this parser interned
	zSeen    map[string]symbol // the zones
}

// symbol is an interned status or zone with its name (the smallCache's key).
type symbol struct {
	name string
	id   uint32
}

// Blocks of a destination start at partBlockFirst bytes and double up to
// partBlockMax: a small input takes little memory, a large one copies a
// chunk's partial segment into a new block once per partBlockMax bytes.
const (
	partBlockFirst = 1 << 10
	partBlockMax   = 64 << 10
)

func newPartParser(sym *symbols, nShards int) *partParser {
	nd := nShards * partsPerShard
	pp := &partParser{sym: sym, nShards: nShards, dst: make([][]byte, nd), segStart: make([]int, nd), count: make([]int, nd),
		prevT: make([]int64, nd), prevLine: make([]int64, nd), minT: make([]int64, nShards), maxT: make([]int64, nShards),
		stSeen: map[string]symbol{}, zSeen: map[string]symbol{}}
	pp.startChunk()
	return pp
}

func (pp *partParser) startChunk() {
	for d := range pp.dst {
		pp.segStart[d] = len(pp.dst[d])
	}
	clear(pp.count)
	clear(pp.prevT)
	clear(pp.prevLine)
	for i := range pp.minT {
		pp.minT[i], pp.maxT[i] = math.MaxInt64, math.MinInt64
	}
}

// lookup interns b in t through the cache c and the parser's symbols seen.
func (pp *partParser) lookup(c *smallCache, seen map[string]symbol, t *idTable, b []byte) uint32 {
	e := &c[cacheSlot(b)]
	if e.ok && e.key == string(b) {
		return e.id
	}
	y, ok := seen[string(b)]
	if !ok {
		y = symbol{name: string(b), id: pp.sym.intern(t, b)}
		seen[y.name] = y
	}
	e.key, e.id, e.ok = y.name, y.id, true
	return y.id
}

// maxEventHead is the most bytes an event's encoding takes besides its ids.
const maxEventHead = 5*binary.MaxVarintLen64 + 2*binary.MaxVarintLen32

// add keeps one event; false when its zone does not fit (more than 65,535
// zones).
func (pp *partParser) add(h uint64, t, line int64, cust, ent, status, zone []byte) bool {
	var zi uint16
	if len(zone) > 0 {
		z := pp.lookup(&pp.zCache, pp.zSeen, pp.sym.zones, zone)
		if z > math.MaxUint16 {
			return false
		}
		zi = uint16(z)
	}
	st := pp.lookup(&pp.stCache, pp.stSeen, pp.sym.stats, status)
	sh := shardOf(h, pp.nShards)
	d := sh*partsPerShard + partOf(h)
	if need := maxEventHead + len(cust) + len(ent); cap(pp.dst[d])-len(pp.dst[d]) < need {
		pp.newBlock(d, need)
	}
	pp.dst[d] = appendEvent(pp.dst[d], t, pp.prevT[d], line, pp.prevLine[d], st, zi, cust, ent)
	pp.prevT[d], pp.prevLine[d] = t, line
	pp.count[d]++
	pp.minT[sh] = min(pp.minT[sh], t)
	pp.maxT[sh] = max(pp.maxT[sh], t)
	return true
}

// newBlock gives destination d a new block with room for need more bytes
// and moves the chunk's segment so far into it.
func (pp *partParser) newBlock(d, need int) {
	old := pp.dst[d]
	seg := old[pp.segStart[d]:]
	size := partBlockFirst
	if cap(old) > 0 {
		size = min(2*cap(old), partBlockMax)
	}
	b := pp.slab.take(max(size, 2*(len(seg)+need)))
	pp.dst[d] = append(b[:0], seg...)
	pp.segStart[d] = 0
}

// flush hands out the chunk's events as one batch per shard (nil for a
// shard without events) and starts the next chunk.
func (pp *partParser) flush(src *source) []*partBatch {
	out := make([]*partBatch, pp.nShards)
	for sh := range out {
		var pb *partBatch
		for k := 0; k < partsPerShard; k++ {
			d := sh*partsPerShard + k
			if pp.count[d] == 0 {
				continue
			}
			if pb == nil {
				pb = &partBatch{src: src, minT: pp.minT[sh], maxT: pp.maxT[sh]}
			}
			b := pp.dst[d]
			seg := partSeg{data: b[pp.segStart[d]:len(b):len(b)], n: pp.count[d], src: uint16(src.index)}
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
		s.free = hugeSlice[byte](size)
		s.last = size
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}
