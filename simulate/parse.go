package simulate

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"time"
	"unicode/utf8"
)

// BadRow is an input row that was skipped (or, with Strict, stopped the run).
type BadRow struct {
	File   string `json:"file"`
	Line   int64  `json:"line"`
	Reason string `json:"reason"`
}

func (b BadRow) String() string { return fmt.Sprintf("%s:%d: %s", b.File, b.Line, b.Reason) }

// maxBadKept is how many bad rows a run keeps for the report.
const maxBadKept = 5

// span locates a field in a batch's byte arena.
type span struct{ off, n uint32 }

// pev is one parsed event on its way to a shard.
type pev struct {
	t    int64  // Unix nanoseconds
	h    uint64 // hash of the customer id
	line int64
	f    [4]span // customer, entity, status, zone
}

// batch is the events of one chunk that go to one shard.
type batch struct {
	src *source
	buf []byte
	evs []pev
}

func (b *batch) field(s span) []byte { return b.buf[s.off : s.off+s.n] }

func (b *batch) add(f []byte) span {
	s := span{off: uint32(len(b.buf)), n: uint32(len(f))}
	b.buf = append(b.buf, f...)
	return s
}

// job is a chunk of one source to parse.
type job struct {
	seq  int
	src  *source
	data []byte
	line int64
}

// result is a parsed chunk: events per shard and the bad rows.
type result struct {
	seq      int
	src      *source
	batches  []*batch
	parts    []*partBatch // partitioned pass: per shard, nil when none
	bad      []BadRow     // the first few
	badCount int64
	events   int64
}

// parser turns chunks into events; one per parsing goroutine.
type parser struct {
	pools   *pools
	seed    maphash.Seed
	nShards int
	defZone *zone
	zoneOK  map[string]bool
	part    *partParser // partitioned pass (partparse.go)
	keep    *Shard      // --shard: the customers to keep (nil: all)
	owned   bool        // the row being emitted is of a customer of keep
}

func newParser(pools *pools, seed maphash.Seed, nShards int, def *time.Location) *parser {
	return &parser{pools: pools, seed: seed, nShards: nShards, defZone: newZone(def), zoneOK: map[string]bool{}}
}

func (p *parser) parse(j *job) *result {
	res := &result{seq: j.seq, src: j.src}
	if p.part == nil {
		res.batches = make([]*batch, p.nShards)
	}
	for i := range res.batches {
		b := p.pools.batch()
		b.src = j.src
		res.batches[i] = b
	}
	switch j.src.format {
	case formatJSONL:
		p.parseJSONL(j, res)
	case formatXES:
		p.parseXES(j, res)
	case formatParquet:
		p.parseParquet(j, res)
	default:
		p.parseCSV(j, res)
	}
	if p.part != nil {
		res.parts = p.part.flush(j.src)
	}
	return res
}

func (p *parser) bad(res *result, src *source, line int64, format string, args ...any) {
	if !p.owned && !p.keep.keepsUnowned() {
		return // a row of no customer: shard 0 counts it
	}
	res.badCount++
	if len(res.bad) < maxBadKept {
		res.bad = append(res.bad, BadRow{File: src.name, Line: line, Reason: fmt.Sprintf(format, args...)})
	}
}

// emit validates the extracted fields of one row and routes the event to
// its shard (or records a bad row).
func (p *parser) emit(res *result, src *source, line int64, f *[nCols][]byte) {
	p.emitRow(res, src, line, f, false)
}

// emitRow is emit; ascii tells that the fields are known to be ASCII (the
// record they were cut from is), so they need no UTF-8 check.
func (p *parser) emitRow(res *result, src *source, line int64, f *[nCols][]byte, ascii bool) {
	cust := trimSpace(f[colCust])
	if len(cust) == 0 {
		p.bad(res, src, line, "empty %s", src.names[colCust])
		return
	}
	if p.keep != nil {
		if !p.keep.keeps(cust) {
			return
		}
		p.owned = true
		defer func() { p.owned = false }()
	}
	status := trimSpace(f[colStatus])
	if len(status) == 0 {
		p.bad(res, src, line, "empty %s", src.names[colStatus])
		return
	}
	if !ascii && !p.validUTF8(res, src, line, cust, f[colEnt], status) {
		return
	}
	t, err := parseTimestamp(f[colTS], p.defZone)
	if err != nil {
		if errors.Is(err, errEmptyTimestamp) {
			p.bad(res, src, line, "empty %s", src.names[colTS])
		} else {
			p.bad(res, src, line, "%s: %v", src.names[colTS], err)
		}
		return
	}
	if t < minTime || t >= maxTime {
		p.bad(res, src, line, "%s %s: outside the supported years %d-%d", src.names[colTS], quoteValue(trimSpace(f[colTS])), minYear, maxYear)
		return
	}
	zoneName := trimSpace(f[colZone])
	if len(zoneName) > 0 {
		ok, seen := p.zoneOK[string(zoneName)]
		if !seen {
			_, err := loadLocation(string(zoneName))
			ok = err == nil
			p.zoneOK[string(zoneName)] = ok
		}
		if !ok {
			p.bad(res, src, line, "unknown time zone %s in %s", quoteValue(zoneName), src.names[colZone])
			return
		}
	}
	h := maphash.Bytes(p.seed, cust)
	if p.part != nil {
		if !p.part.add(h, t, line, cust, trimSpace(f[colEnt]), status, zoneName) {
			p.bad(res, src, line, "more than 65535 time zones")
			return
		}
		res.events++
		return
	}
	b := res.batches[shardOf(h, p.nShards)]
	b.evs = append(b.evs, pev{
		t: t, h: h, line: line,
		f: [4]span{b.add(cust), b.add(trimSpace(f[colEnt])), b.add(status), b.add(zoneName)},
	})
	res.events++
}

// validUTF8 reports whether the ids and the status are valid UTF-8, and
// records the row as bad when not: kept as is, the bytes would print
// differently in CSV (raw) and JSON (U+FFFD).
func (p *parser) validUTF8(res *result, src *source, line int64, cust, ent, status []byte) bool {
	for _, c := range [...]struct {
		col int
		v   []byte
	}{{colCust, cust}, {colEnt, ent}, {colStatus, status}} {
		if !utf8.Valid(c.v) {
			p.bad(res, src, line, "%s is not valid UTF-8", src.names[c.col])
			return false
		}
	}
	return true
}

// isASCII reports whether b holds only ASCII bytes (8 at a time).
func isASCII(b []byte) bool {
	var acc uint64
	for len(b) >= 8 {
		acc |= binary.LittleEndian.Uint64(b)
		b = b[8:]
	}
	for _, c := range b {
		acc |= uint64(c)
	}
	return acc&0x8080808080808080 == 0
}

// shardOf picks the shard of a customer hash.
func shardOf(h uint64, n int) int { return int((h >> 40) % uint64(n)) }
