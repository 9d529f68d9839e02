package simulate

import (
	"sort"
	"time"
)

// DayCount is the number of messages of one local calendar day.
type DayCount struct {
	Date   string `json:"date"` // YYYY-MM-DD
	AsIs   int64  `json:"as_is"`
	Policy int64  `json:"policy"`
}

// dayCounts counts messages per stream and local day number (days since
// 1970-01-01 in the message's zone: the calendar day of max_per_day).
type dayCounts struct {
	base int64 // day number of n[0]
	n    [][2]int64
}

// add counts one message of stream k on day.
func (d *dayCounts) add(k int, day int64) {
	if len(d.n) == 0 {
		d.base = day
		d.n = make([][2]int64, 1, 64)
	}
	i := day - d.base
	switch {
	case i < 0:
		grow := int(-i)
		nn := make([][2]int64, grow+len(d.n), grow+len(d.n)+64)
		copy(nn[grow:], d.n)
		d.n, d.base, i = nn, day, 0
	case i >= int64(len(d.n)):
		d.n = append(d.n, make([][2]int64, int(i)+1-len(d.n))...)
	}
	d.n[i][k]++
}

func (d *dayCounts) merge(o *dayCounts) {
	for i, c := range o.n {
		d.addN(o.base+int64(i), c)
	}
}

// addN adds counts for both streams on day.
func (d *dayCounts) addN(day int64, c [2]int64) {
	if c[0] == 0 && c[1] == 0 {
		return
	}
	if len(d.n) == 0 || day < d.base || day >= d.base+int64(len(d.n)) {
		// Extend the range with a zero increment, then add.
		d.add(0, day)
		d.n[day-d.base][0]--
	}
	d.n[day-d.base][0] += c[0]
	d.n[day-d.base][1] += c[1]
}

// days returns the days with at least one message, in date order.
func (d *dayCounts) days() []DayCount {
	out := []DayCount{}
	for i, c := range d.n {
		if c[0] == 0 && c[1] == 0 {
			continue
		}
		out = append(out, DayCount{Date: dayDate(d.base + int64(i)), AsIs: c[0], Policy: c[1]})
	}
	return out
}

// dayDate renders a day number as YYYY-MM-DD.
func dayDate(day int64) string {
	return time.Unix(day*secPerDay, 0).UTC().Format(time.DateOnly)
}

// mergeDays adds the day counts of b into a (by date) and returns them in
// date order.
func mergeDays(a, b []DayCount) []DayCount {
	byDate := make(map[string]int, len(a))
	for i, d := range a {
		byDate[d.Date] = i
	}
	for _, d := range b {
		if i, ok := byDate[d.Date]; ok {
			a[i].AsIs += d.AsIs
			a[i].Policy += d.Policy
			continue
		}
		byDate[d.Date] = len(a)
		a = append(a, d)
	}
	sort.Slice(a, func(i, j int) bool { return a[i].Date < a[j].Date })
	return a
}
