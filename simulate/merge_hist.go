package simulate

import (
	"math"
	"sort"
)

// sparseStats is streamStats of a histogram given as messages -> customers,
// so that merging parts does not allocate by the largest count.
func sparseStats(h map[int]int64) StreamStats {
	st := StreamStats{Histogram: []HistBin{}}
	var customers int64
	for n, c := range h {
		if c != 0 {
			st.Histogram = append(st.Histogram, HistBin{Messages: n, Customers: c})
			customers += c
			st.Messages += int64(n) * c
		}
	}
	sort.Slice(st.Histogram, func(i, j int) bool { return st.Histogram[i].Messages < st.Histogram[j].Messages })
	if customers == 0 {
		return st
	}
	st.Mean = float64(st.Messages) / float64(customers)
	pct := func(p float64) int {
		rank := max(int64(math.Ceil(p/100*float64(customers))), 1)
		var cum int64
		for _, b := range st.Histogram {
			cum += b.Customers
			if cum >= rank {
				return b.Messages
			}
		}
		return st.Histogram[len(st.Histogram)-1].Messages
	}
	st.P50, st.P90, st.P99 = pct(50), pct(90), pct(99)
	st.Max = st.Histogram[len(st.Histogram)-1].Messages
	return st
}
