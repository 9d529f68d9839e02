package simulate

import (
	"math"
	"sort"
)

// accum is one shard's running totals. Everything in it merges exactly by
// addition (examples: by keeping the smallest customer ids).
type accum struct {
	events    int64
	minT      int64
	maxT      int64
	tplMsgs   [2][]int64
	drops     [nDrops]int64
	deferred  int64
	days      dayCounts // messages per stream and local day
	flagCount [2][nFlags]int64
	examples  [2][nFlags]exampleSet
	diag      diagAccum // source flapping, silence change
	ka        kaAccum   // keep-alives
}

func newAccum(pol *compiled) *accum {
	a := &accum{minT: math.MaxInt64, maxT: math.MinInt64}
	for k := range a.tplMsgs {
		a.tplMsgs[k] = make([]int64, len(pol.templates))
	}
	return a
}

func (a *accum) event(t int64) {
	a.events++
	if t < a.minT {
		a.minT = t
	}
	if t > a.maxT {
		a.maxT = t
	}
}

func (a *accum) merge(b *accum) {
	a.events += b.events
	a.minT = min(a.minT, b.minT)
	a.maxT = max(a.maxT, b.maxT)
	for k := range a.tplMsgs {
		for i := range a.tplMsgs[k] {
			a.tplMsgs[k][i] += b.tplMsgs[k][i]
		}
		for f := range a.flagCount[k] {
			a.flagCount[k][f] += b.flagCount[k][f]
			for _, x := range b.examples[k][f] {
				if a.examples[k][f].wants([]byte(x.Customer)) {
					a.examples[k][f].add(x)
				}
			}
		}
	}
	for i := range a.drops {
		a.drops[i] += b.drops[i]
	}
	a.deferred += b.deferred
	a.ka.merge(&b.ka)
	a.days.merge(&b.days)
	a.diag.merge(&b.diag)
}

// histogram counts customers by their number of messages (exact).
type histogram []int64

func (h *histogram) add(n uint32, count int64) {
	for int(n) >= len(*h) {
		*h = append(*h, 0)
	}
	(*h)[n] += count
}

func (h *histogram) merge(o histogram) {
	for n, c := range o {
		if c != 0 {
			h.add(uint32(n), c)
		}
	}
}

// customers returns the number of customers counted.
func (h histogram) customers() int64 {
	var n int64
	for _, c := range h {
		n += c
	}
	return n
}

// total returns the number of messages counted.
func (h histogram) total() int64 {
	var t int64
	for n, c := range h {
		t += int64(n) * c
	}
	return t
}

// percentile returns the nearest-rank p-th percentile (0 < p <= 100): the
// smallest count such that at least p% of customers have at most that many
// messages. 0 for no customers.
func (h histogram) percentile(p float64) int {
	total := h.customers()
	if total == 0 {
		return 0
	}
	rank := int64(math.Ceil(p / 100 * float64(total)))
	if rank < 1 {
		rank = 1
	}
	var cum int64
	for n, c := range h {
		cum += c
		if cum >= rank {
			return n
		}
	}
	return len(h) - 1
}

// max returns the largest count with customers.
func (h histogram) max() int {
	for n := len(h) - 1; n >= 0; n-- {
		if h[n] != 0 {
			return n
		}
	}
	return 0
}

// CustomerRow is one customer's line in the CSV report.
type CustomerRow struct {
	ID         string   `json:"id"`
	AsIs       int      `json:"as_is"`
	Sent       int      `json:"sent"`
	Suppressed int      `json:"suppressed"`
	Deferred   int      `json:"deferred"`
	Keepalive  int      `json:"keepalive,omitempty"`   // keep-alives among Sent
	Flags      []string `json:"flags,omitempty"`       // policy stream
	AsIsFlags  []string `json:"as_is_flags,omitempty"` // as-is stream
	// SourceFlapping: an entity of the customer flaps in the input (see
	// Report.SourceFlapping).
	SourceFlapping bool `json:"source_flapping,omitempty"`
}

// maxTop is the number of noisiest customers a report lists.
const maxTop = 10

// shardSummary is what a finished shard contributes to the report.
type shardSummary struct {
	acc       *accum
	customers int64
	entities  int64
	hist      [2]histogram
	flagCust  [2][nFlags]int64
	top       []CustomerRow
}

func flagList(bits uint16, k int) []string {
	var out []string
	for f := 0; f < nFlags; f++ {
		if bits&(1<<(k*nFlags+f)) != 0 {
			out = append(out, flagNames[f])
		}
	}
	return out
}

// topLess orders customers for the noisiest list: most as-is messages, then
// most policy messages, then id.
func topLess(a, b *CustomerRow) bool {
	if a.AsIs != b.AsIs {
		return a.AsIs > b.AsIs
	}
	if a.Sent != b.Sent {
		return a.Sent > b.Sent
	}
	return a.ID < b.ID
}

func addTop(top []CustomerRow, r CustomerRow) []CustomerRow {
	if len(top) == maxTop && !topLess(&r, &top[maxTop-1]) {
		return top
	}
	top = append(top, r)
	sort.SliceStable(top, func(i, j int) bool { return topLess(&top[i], &top[j]) })
	if len(top) > maxTop {
		top = top[:maxTop]
	}
	return top
}

// summarize collects the shard's per-customer figures.
func (s *shard) summarize() *shardSummary {
	sum := &shardSummary{acc: s.acc, customers: int64(s.cust.len()), entities: s.entDone + int64(s.ent.len())}
	var cnt [2][]int64
	for k := range cnt {
		cnt[k] = make([]int64, 64)
	}
	var minTop uint32
	for ci := 0; ci < s.cust.len(); ci++ {
		c := s.cust.at(uint32(ci))
		for k, n := range [2]uint32{c.asIs, c.sent} {
			if int(n) < len(cnt[k]) {
				cnt[k][n]++
			} else {
				sum.hist[k].add(n, 1)
			}
		}
		for k := 0; k < 2; k++ {
			for f := 0; f < nFlags; f++ {
				if c.flags&(1<<(k*nFlags+f)) != 0 {
					sum.flagCust[k][f]++
				}
			}
		}
		if len(sum.top) < maxTop || c.asIs >= minTop {
			sum.top = addTop(sum.top, s.row(uint32(ci)))
			minTop = uint32(sum.top[len(sum.top)-1].AsIs)
		}
	}
	for k := range cnt {
		for n, c := range cnt[k] {
			if c != 0 {
				sum.hist[k].add(uint32(n), c)
			}
		}
	}
	return sum
}

func (s *shard) row(ci uint32) CustomerRow {
	return rowOf(s.cust.at(ci), s.custKeys.get(ci), s.kaCust[ci])
}

// rowOf is the report row of customer c with id key, ka of whose sent
// messages were keep-alives.
func rowOf(c *customer, key []byte, ka uint32) CustomerRow {
	return CustomerRow{
		ID: string(key), AsIs: int(c.asIs), Sent: int(c.sent), Keepalive: int(ka),
		Suppressed: int(c.asIs) - int(c.sent-ka), Deferred: int(c.deferred),
		Flags: flagList(c.flags, streamPolicy), AsIsFlags: flagList(c.flags, streamAsIs),
		SourceFlapping: c.flags&custSrcFlap != 0,
	}
}
