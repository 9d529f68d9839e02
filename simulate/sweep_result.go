package simulate

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// SweepPoint is one replayed policy of a sweep with its objectives (all to
// be minimized).
type SweepPoint struct {
	Index          int      `json:"index"` // 0: the current policy; 1…: the grid's combinations
	Label          string   `json:"label"` // "current" or "collapse=15m min_gap=1h"
	Values         []string `json:"values"`
	Mean           float64  `json:"mean"` // messages per customer
	P90            int      `json:"p90"`
	Messages       int64    `json:"messages"`
	Keepalive      int64    `json:"keepalive"`
	Bursts         int64    `json:"bursts"`          // customers with a burst
	NightSends     int64    `json:"night_sends"`     // quiet_send: messages sent inside quiet hours
	SilentEntities int64    `json:"silent_entities"` // silent_gap
	SMSCost        *float64 `json:"sms_cost"`        // nil without templates (segments when no price)
	// With --contacts: the contacts within the contact window after a
	// policy message, and those in a silence of the policy stream.
	ContactsAfter     *int64 `json:"contacts_after_messages,omitempty"`
	ContactsInSilence *int64 `json:"contacts_in_silences,omitempty"`
	Frontier          bool   `json:"frontier"`
	Dominates         bool   `json:"dominates_current"` // at least as good as the current policy on every objective, better on one

	Policy *Policy `json:"-"`
}

// objectives returns the point's objectives in a fixed order.
func (p *SweepPoint) objectives() []float64 {
	o := []float64{p.Mean, float64(p.P90), float64(p.Bursts), float64(p.NightSends), float64(p.SilentEntities)}
	if p.SMSCost != nil {
		o = append(o, *p.SMSCost)
	}
	if p.ContactsAfter != nil {
		o = append(o, float64(*p.ContactsAfter), float64(*p.ContactsInSilence))
	}
	return o
}

// dominates reports whether a is no worse than b on every objective and
// better on one.
func dominates(a, b *SweepPoint) bool {
	oa, ob := a.objectives(), b.objectives()
	better := false
	for i := range oa {
		if oa[i] > ob[i] {
			return false
		}
		if oa[i] < ob[i] {
			better = true
		}
	}
	return better
}

// SweepPointOf summarizes a report as a sweep point.
func SweepPointOf(i int, label string, values []string, p *Policy, r *Report) SweepPoint {
	pt := SweepPoint{Index: i, Label: label, Values: values, Policy: p,
		Mean: r.Policy.Mean, P90: r.Policy.P90, Messages: r.Policy.Messages}
	if r.Keepalive != nil {
		pt.Keepalive = r.Keepalive.Sent
	}
	for _, f := range r.Flags {
		switch f.Name {
		case "burst":
			pt.Bursts = f.Policy.Count
		case "quiet_send":
			pt.NightSends = f.Policy.Count
		case "silent_gap":
			pt.SilentEntities = f.Policy.Count
		}
	}
	if r.SMS != nil {
		c := r.SMS.PolicyCost
		if r.SMS.SegmentPrice == 0 {
			c = float64(r.SMS.PolicySegments)
		}
		pt.SMSCost = &c
	}
	if after, silence, ok := r.PolicyContacts(); ok {
		pt.ContactsAfter, pt.ContactsInSilence = &after, &silence
	}
	return pt
}

// SweepResult is the outcome of a sweep.
type SweepResult struct {
	Grid     string       `json:"grid"`
	Points   []SweepPoint `json:"points"` // the current policy first
	Pick     int          `json:"pick"`   // index of the chosen point
	PickWhy  string       `json:"pick_reason"`
	PeakRSS  int64        `json:"peak_rss_bytes"` // of the process (0: unknown)
	Elapsed  string       `json:"elapsed"`
	PerExtra string       `json:"per_extra_policy"` // wall time per policy after the first
}

// MarkFrontier sets Frontier on the points no other point dominates and
// Dominates on those that dominate the current policy (Points[0]).
func (s *SweepResult) MarkFrontier() {
	for i := range s.Points {
		s.Points[i].Frontier = true
		for j := range s.Points {
			if i != j && dominates(&s.Points[j], &s.Points[i]) {
				s.Points[i].Frontier = false
				break
			}
		}
		s.Points[i].Dominates = i > 0 && dominates(&s.Points[i], &s.Points[0])
	}
}

// DefaultPick chooses the point a sweep prints when --pick is not given:
// among the frontier points that dominate the current policy, the one with
// the fewest silent entities, then the fewest messages per customer, then
// the lowest index. Without one, the current policy (0).
func (s *SweepResult) DefaultPick() (int, string) {
	best := -1
	for i := range s.Points {
		p := &s.Points[i]
		if !p.Frontier || !p.Dominates {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		b := &s.Points[best]
		if p.SilentEntities < b.SilentEntities || p.SilentEntities == b.SilentEntities && p.Mean < b.Mean {
			best = i
		}
	}
	if best < 0 {
		return 0, "no combination is at least as good as the current policy on every objective; pass --pick N to print another"
	}
	return best, "the frontier combination that beats the current policy with the fewest silent entities, then the fewest messages per customer"
}

// PeakRSS returns the process's peak resident memory in bytes (Linux
// VmHWM), else the memory the Go runtime obtained from the system.
func PeakRSS() int64 {
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
				f := strings.Fields(rest)
				if len(f) == 2 && f[1] == "kB" {
					if n, err := strconv.ParseInt(f[0], 10, 64); err == nil {
						return n * 1024
					}
				}
			}
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.Sys)
}

// Timing fills Elapsed and PerExtra from the time of the first run and of
// the whole sweep.
func (s *SweepResult) Timing(first, total time.Duration) {
	s.Elapsed = total.Round(time.Millisecond).String()
	if n := len(s.Points) - 1; n > 0 {
		s.PerExtra = ((total - first) / time.Duration(n)).Round(time.Millisecond).String()
	}
	s.PeakRSS = PeakRSS()
}

// String describes a point's objectives in one line.
func (p *SweepPoint) String() string {
	s := fmt.Sprintf("mean %.2f, p90 %d, bursts %d, night sends %d, silent entities %d", p.Mean, p.P90, p.Bursts, p.NightSends, p.SilentEntities)
	if p.SMSCost != nil {
		s += fmt.Sprintf(", SMS cost %.2f", *p.SMSCost)
	}
	return s
}

// Sweep replays the current policy (opts.Policy) and every combination in
// one read of the input, and returns the points with the frontier marked
// and the report of the chosen point: pick (1… a combination, 0 the current
// policy), or the default choice when pick < 0.
func Sweep(opts Options, grid string, combos []Combination, pick int) (*SweepResult, *Report, error) {
	if pick > len(combos) {
		return nil, nil, fmt.Errorf("--pick %d: the grid has %d combinations (0 is the current policy)", pick, len(combos))
	}
	for _, c := range combos {
		if err := sameReading(opts.Policy, c.Policy); err != nil {
			return nil, nil, err
		}
		if err := c.Policy.CheckTemplates(opts.Templates); err != nil {
			return nil, nil, err
		}
	}
	start := time.Now()
	opts.keepEvents = true
	first, st, err := run(opts)
	if err != nil {
		return nil, nil, err
	}
	if st.contacts != nil {
		// The policy-stream contact figures come from a replay with the
		// recorders of the comparisons (the report is the same).
		if first, err = st.replayPolicy(&opts, opts.Policy); err != nil {
			return nil, nil, err
		}
	}
	firstDone := time.Since(start)
	for _, s := range st.out.shards {
		if s.logLost {
			return nil, nil, fmt.Errorf("simulate: the events could not be kept for the other policies")
		}
	}
	res := &SweepResult{Grid: grid, Points: []SweepPoint{SweepPointOf(0, "current", nil, opts.Policy, first)}}
	reports := map[int]*Report{0: first}
	for i, c := range combos {
		r, err := st.replayPolicy(&opts, c.Policy)
		if err != nil {
			return nil, nil, err
		}
		res.Points = append(res.Points, SweepPointOf(i+1, c.Policy.Name, c.Values, c.Policy, r))
		if i+1 == pick {
			reports[pick] = r
		}
		// The replay's state (r is not used again) is garbage now: return
		// it before the next replay builds its own, so memory holds one
		// replay at a time.
		runtime.GC()
	}
	res.Timing(firstDone, time.Since(start))
	res.MarkFrontier()
	if pick < 0 {
		pick, res.PickWhy = res.DefaultPick()
	} else {
		res.PickWhy = "--pick"
	}
	res.Pick = pick
	r := reports[pick]
	if r == nil {
		if r, err = st.replayPolicy(&opts, res.Points[pick].Policy); err != nil {
			return nil, nil, err
		}
	}
	return res, r, nil
}
