package simulate

import (
	"math"
	"time"
	_ "time/tzdata" // zones work on machines without a zone database
)

const (
	nsPerSec  = int64(time.Second)
	secPerDay = int64(24 * 60 * 60)
	nsPerDay  = secPerDay * nsPerSec
)

// zone answers offset questions about one location, caching the offset
// period of the last instant asked for (times arrive mostly in order, so the
// cache nearly always hits). A zone is owned by one goroutine.
type zone struct {
	loc        *time.Location
	start, end int64 // [start, end) in Unix seconds where off holds
	off        int64 // seconds east of UTC
	valid      bool
}

func newZone(loc *time.Location) *zone { return &zone{loc: loc} }

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }

// offsetAt returns the UTC offset in seconds at Unix second sec.
func (z *zone) offsetAt(sec int64) int64 {
	if z.valid && sec >= z.start && sec < z.end {
		return z.off
	}
	t := time.Unix(sec, 0).In(z.loc)
	_, off := t.Zone()
	s, e := t.ZoneBounds()
	z.start, z.end = math.MinInt64, math.MaxInt64
	if !s.IsZero() {
		z.start = s.Unix()
	}
	if !e.IsZero() {
		z.end = e.Unix()
	}
	z.off = int64(off)
	z.valid = true
	return z.off
}

// period returns the [start, end) bounds of the offset period holding sec.
func (z *zone) period(sec int64) (int64, int64) {
	z.offsetAt(sec)
	return z.start, z.end
}

// wallNanos returns ns (Unix nanoseconds) as local wall-clock nanoseconds
// (nanoseconds since 1970-01-01 00:00 local wall time).
func (z *zone) wallNanos(ns int64) int64 {
	return ns + z.offsetAt(floorDiv(ns, nsPerSec))*nsPerSec
}

// localDay returns the local calendar day of ns as a day number.
func (z *zone) localDay(ns int64) int64 { return floorDiv(z.wallNanos(ns), nsPerDay) }

// timeOfDay returns the local wall-clock time of day of ns in nanoseconds.
func (z *zone) timeOfDay(ns int64) int64 { return floorMod(z.wallNanos(ns), nsPerDay) }

// wallInstants returns the instants (Unix seconds, ascending) at which the
// local wall clock reads w (wall seconds): one normally, two in a fall-back
// fold, none in a spring-forward gap, in which case gapEnd is the instant the
// clock jumps past w.
func (z *zone) wallInstants(w int64) (inst [2]int64, n int, gapEnd int64) {
	o1 := z.offsetAt(w - secPerDay)
	o2 := z.offsetAt(w + secPerDay)
	for _, o := range []int64{o1, o2} {
		u := w - o
		if z.offsetAt(u) != o {
			continue
		}
		if n == 1 && inst[0] == u {
			continue
		}
		inst[n] = u
		n++
	}
	if n == 2 && inst[1] < inst[0] {
		inst[0], inst[1] = inst[1], inst[0]
	}
	if n == 0 {
		// Spring-forward gap: w-o2 lies before the transition; the period it
		// is in ends where the clock jumps.
		_, gapEnd = z.period(w - o2)
	}
	return inst, n, gapEnd
}

// wallToUnix converts local wall seconds to Unix seconds: in a fold the
// earlier instant, in a gap the wall time shifted forward by the gap length
// (read with the offset in force before the gap), as java.time does.
func (z *zone) wallToUnix(w int64) int64 {
	if z.valid {
		u := w - z.off
		if u-secPerDay >= z.start && u+secPerDay < z.end {
			return u
		}
	}
	inst, n, _ := z.wallInstants(w)
	if n > 0 {
		return inst[0]
	}
	return w - z.offsetAt(w-secPerDay)
}

// nextWallClock returns the earliest instant (Unix nanoseconds) after ns at
// which the local wall clock shows minute-of-day m, or, on a day when a
// spring-forward gap skips that time, the instant the clock jumps past it.
func (z *zone) nextWallClock(ns int64, m int) int64 {
	day := z.localDay(ns)
	for d := day - 1; d <= day+2; d++ {
		w := d*secPerDay + int64(m)*60
		inst, n, gapEnd := z.wallInstants(w)
		if n == 0 {
			inst[0], n = gapEnd, 1
		}
		for i := 0; i < n; i++ {
			if inst[i]*nsPerSec > ns {
				return inst[i] * nsPerSec
			}
		}
	}
	// Unreachable for real zones: a day always has its minute m within 3 days.
	return ns
}
