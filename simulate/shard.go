package simulate

import (
	"fmt"
	"hash/maphash"
	"math"
	"time"
)

// customer is the per-customer state kept for the whole run (64 bytes).
type customer struct {
	lastT    int64 // latest event time (or sweep watermark): the order check
	act      int32 // index into shard.acts while the customer is active, else -1
	seq      uint32
	asIs     uint32
	sent     uint32
	deferred uint32
	firstEnt uint32 // head of the entity chain
	nEnts    uint32
	flags    uint16 // bit stream*nFlags+flag
	observed bool
	key      inlineKey
}

// noEntity ends an entity chain.
const noEntity = ^uint32(0)

const minInt64 = math.MinInt64

// entity is the per-entity state kept for the whole run (80 bytes).
type entity struct {
	lastB     [2]int64 // last silent_gap boundary per stream
	lastEvT   int64    // latest event time
	tent      int64    // first tentative policy boundary (see flags.go)
	next      uint32   // next entity of the same customer
	cust      uint32
	prevSt    uint32    // status of the previous event (dedupe)
	lastMsgSt [2]uint32 // status of the previous message per stream (flapping)
	pendSlot  uint32    // collapse candidate: index+1 into the customer's pend, 0 none
	lastTpl   [2]uint16 // template+1 of the previous message per stream (repeat)
	bits      uint16
	key       inlineKey
}

// Entity bits.
const (
	entSeen = 1 << iota
	entHasPrev
	entFinal
	entHasTent
	entMsg0 // has a message in stream 0 (entMsg0<<1: stream 1)
	entMsg1
	entFlap0
	entFlap1
	entSilent0
	entSilent1
)

// shard replays the customers whose id hashes to it. It is owned by one
// goroutine; shards share nothing but the read-only compiled policy.
type shard struct {
	pol       *compiled
	seed      maphash.Seed
	custSlots []uint64 // open addressing: hash fragment << 32 | index+1
	custKeys  keyStore
	cust      chunked[customer]
	entKeys   keyStore
	ent       chunked[entity]
	bigEnts   *idTable // entities of customers with many, scoped by customer
	bigEntIdx []uint32 // bigEnts id -> entity index
	stats     *idTable
	statTpl   []int32 // template index or -1
	statFin   []bool
	statCache smallCache
	zoneCache smallCache
	zones     *idTable
	zone      []*zone
	acts      []custActive
	freeActs  []int32
	tentMore  map[uint32][]int64
	srcRuns   srcRuns // source flapping: run starts per entity
	acc       *accum

	obs        Observer
	observeAll bool
	observeSet map[string]bool

	buffered    bool              // replays evs at the end (the trails of named customers)
	evs         chunked[bufEvent] // buffered: the events to replay; streaming: kept for the trails
	logCap      int               // streaming: most events kept in evs
	logLost     bool              // streaming: evs went over logCap and was dropped
	disorder    *disorderError    // partitioned: the shard's first row earlier than its customer's previous one
	sweeping    bool              // the input seen so far is in global time order
	maxT        int64             // latest event time seen
	expireAfter int64             // retire customers this long after their last event
	win         []winEvent
	winSize     int
	order       []uint32
	order2      []uint32
	srcs        []*source
	touchedQ    []touched
	ka          *kaState          // keep-alives (buffered or partitioned replays of a policy with keep-alives)
	kaCust      map[uint32]uint32 // keep-alives sent per customer
	sink        int64             // keeps prefetch loads alive

	parts    []partition // partitioned: the events, by customer hash (see partition.go)
	index    int         // partitioned: the shard's index among the pass's nShards
	nShards  int
	sym      *symbols    // partitioned: the pass's statuses and zones
	entDone  int64       // partitioned: entities of the partitions replayed (their records are reused)
	budget   *budget     // partitioned: the pass's limit
	custBase uint32      // customers below this index are not in custSlots (partitioned replay)
	pevs     []partEvent // partitioned replay: the partition's interned events
	pstart   []uint32    // partitioned replay: per-customer offsets
	pgrouped []partEvent // partitioned replay: the partition's events grouped by customer
}

// bufEvent is one interned event kept by a shard: 24 bytes.
type bufEvent struct {
	t    int64
	cust uint32
	ent  uint32
	st   uint32
	zone uint16
}

// disorderError reports a row earlier than its customer's previous row.
type disorderError struct {
	input    int // position of file among the inputs
	file     string
	line     int64
	customer string
	t, prev  int64
}

func (e *disorderError) Error() string {
	return fmt.Sprintf("%s:%d: customer %q at %s is earlier than its previous row at %s",
		e.file, e.line, e.customer, fmtTime(e.t), fmtTime(e.prev))
}

func fmtTime(ns int64) string { return time.Unix(0, ns).UTC().Format(time.RFC3339Nano) }

func newShard(pol *compiled, seed maphash.Seed, buffered bool, obs Observer, observe []string) *shard {
	s := &shard{
		pol:         pol,
		seed:        seed,
		custSlots:   make([]uint64, 1<<12),
		custKeys:    newKeyStore(),
		entKeys:     newKeyStore(),
		bigEnts:     newIDTable(seed, true, 64),
		stats:       newIDTable(seed, false, 64),
		zones:       newIDTable(seed, false, 16),
		tentMore:    map[uint32][]int64{},
		acc:         newAccum(pol),
		obs:         obs,
		buffered:    buffered,
		sweeping:    !buffered,
		maxT:        math.MinInt64,
		expireAfter: pol.horizon(),
		winSize:     defaultWinSize,
	}
	if obs != nil {
		s.observeAll = len(observe) == 0
		s.observeSet = map[string]bool{}
		for _, id := range observe {
			s.observeSet[id] = true
		}
	}
	// Zone 0 is the policy zone (rows without a timezone).
	s.zones.lookup(s.zones.hashKey(0, nil), 0, nil)
	s.zone = append(s.zone, newZone(pol.p.Timezone))
	return s
}

// smallCache remembers a few short strings and their ids (statuses and
// zones repeat on nearly every row), so most rows skip hashing.
type smallCache [16]struct {
	key string
	id  uint32
	ok  bool
}

func cacheSlot(b []byte) int {
	if len(b) == 0 {
		return 0
	}
	return (len(b) ^ int(b[0]) ^ int(b[len(b)-1])<<1) & 15
}

func (s *shard) statusIdx(st []byte) uint32 {
	c := &s.statCache[cacheSlot(st)]
	if c.ok && c.key == string(st) {
		return c.id
	}
	si := s.statusLookup(st)
	c.key, c.id, c.ok = string(st), si, true
	return si
}

func (s *shard) statusLookup(st []byte) uint32 {
	si, isNew := s.stats.lookup(s.stats.hashKey(0, st), 0, st)
	if isNew {
		tpl := int32(-1)
		if i, ok := s.pol.trigger[string(st)]; ok {
			tpl = int32(i)
		}
		s.statTpl = append(s.statTpl, tpl)
		s.statFin = append(s.statFin, s.pol.final[string(st)])
	}
	return si
}

func (s *shard) zoneIdx(name []byte) (uint16, error) {
	if len(name) == 0 {
		return 0, nil
	}
	c := &s.zoneCache[cacheSlot(name)]
	if c.ok && c.key == string(name) {
		return uint16(c.id), nil
	}
	zi, err := s.zoneLookup(name)
	if err != nil {
		return 0, err
	}
	c.key, c.id, c.ok = string(name), uint32(zi), true
	return zi, nil
}

func (s *shard) zoneLookup(name []byte) (uint16, error) {
	zi, isNew := s.zones.lookup(s.zones.hashKey(0, name), 0, name)
	if isNew {
		loc, err := loadLocation(string(name))
		if err != nil {
			return 0, err // the parsers validate zones, so this does not happen
		}
		if zi > math.MaxUint16 {
			return 0, fmt.Errorf("more than %d time zones", math.MaxUint16)
		}
		s.zone = append(s.zone, newZone(loc))
	}
	return uint16(zi), nil
}

// ingest replays the events of one batch (a streaming shard; partitioned
// shards keep theirs with ingestParts).
func (s *shard) ingest(b *batch) error {
	src := s.sourceIdx(b.src)
	for i := range b.evs {
		if i%prefetchGroup == 0 {
			s.prefetch(b.evs[i:min(i+prefetchGroup, len(b.evs))])
		}
		ev := &b.evs[i]
		ci := s.customerIdx(ev.h, b.field(ev.f[0]))
		ei := s.entityIdx(ci, b.field(ev.f[1]))
		st := s.statusIdx(b.field(ev.f[2]))
		zi, err := s.zoneIdx(b.field(ev.f[3]))
		if err != nil {
			return fmt.Errorf("%s:%d: %w", b.src.name, ev.line, err)
		}
		s.acc.event(ev.t)
		s.keepEvent(bufEvent{t: ev.t, cust: ci, ent: ei, st: st, zone: zi})
		if ev.t < s.maxT {
			// Not in global time order (several files, say): per-customer
			// order still works, but idle customers are no longer retired.
			s.sweeping = false
		} else {
			s.maxT = ev.t
		}
		s.win = append(s.win, winEvent{t: ev.t, line: ev.line, cust: ci, ent: ei, st: st, zone: zi, src: src})
		if len(s.win) >= s.winSize {
			if err := s.flushWindow(); err != nil {
				return err
			}
		}
	}
	return nil
}

// sourceIdx returns the index of src in s.srcs.
func (s *shard) sourceIdx(src *source) uint16 {
	if n := len(s.srcs); n > 0 && s.srcs[n-1] == src {
		return uint16(n - 1)
	}
	s.srcs = append(s.srcs, src)
	return uint16(len(s.srcs) - 1)
}

// finish ends the replay: flushes every customer and closes every entity's
// silent_gap span.
func (s *shard) finish() error {
	if err := s.flushWindow(); err != nil {
		return err
	}
	switch {
	case s.parts != nil:
		s.replayPartitions() // closes the entities too
		return nil
	case s.buffered:
		s.replayBuffered()
	default:
		for ci := 0; ci < s.cust.len(); ci++ {
			s.advance(uint32(ci), math.MaxInt64)
		}
	}
	for ei := 0; ei < s.ent.len(); ei++ {
		s.closeEntity(uint32(ei))
	}
	return nil
}
