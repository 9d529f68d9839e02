package simulate

import (
	"fmt"
	"sort"
	"time"
)

// refDebug, when set by a test, receives the reference's sent messages.
var refDebug func(string)

// refStreams, when set by a test, receives each customer's events (in time
// order) and both streams' messages.
var refStreams func(cust string, evs []refEvent, asIs, sent []refMsg)

// This file is a deliberately naive implementation of the semantics in
// doc.go, written from the specification and not from the engine: whole
// customer histories in memory, one pass per control, brute-force flags and a
// minute-by-minute search for the end of quiet hours. Randomized tests
// compare the engine against it.

type refEvent struct {
	cust, ent, status, zone string
	t                       time.Time
	seq                     int
}

type refMsg struct {
	ev       refEvent
	tpl      string
	send     time.Time
	deferred bool
}

type refCustomer struct {
	asIs, sent, deferred int
	flags                map[string]bool // "as_is.burst", "policy.repeat", ...
}

type refTotals struct {
	customers map[string]*refCustomer
	flagCount map[string]int // "as_is.burst" -> count in the flag's unit
	drops     map[string]int
	tpl       map[string]int // "as_is.tpl" -> messages
	kaSent    int            // keep-alives sent
	kaDrops   map[string]int // keep-alive attempts dropped, by control
}

func refLoc(p *Policy, zone string) *time.Location {
	if zone == "" {
		return p.Timezone
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		panic(err)
	}
	return loc
}

func refTOD(t time.Time, loc *time.Location) time.Duration {
	l := t.In(loc)
	return time.Duration(l.Hour())*time.Hour + time.Duration(l.Minute())*time.Minute +
		time.Duration(l.Second())*time.Second + time.Duration(l.Nanosecond())
}

func refInside(q *QuietHours, t time.Time, loc *time.Location) bool {
	tod := refTOD(t, loc)
	start := time.Duration(q.Start) * time.Minute
	end := time.Duration(q.End) * time.Minute
	if start < end {
		return tod >= start && tod < end
	}
	return tod >= start || tod < end
}

// refNextEnd steps minute by minute to the first instant after t at which the
// local clock reaches or jumps past the end of the window.
func refNextEnd(q *QuietHours, t time.Time, loc *time.Location) time.Time {
	end := time.Duration(q.End) * time.Minute
	u := t.Truncate(time.Minute)
	prev := refTOD(u, loc)
	if u.Equal(t) && prev == end {
		// t is exactly at the end: not inside, never asked.
		panic("refNextEnd at end")
	}
	for i := 0; i < 4*24*60; i++ {
		prevDay := u.In(loc).YearDay()
		u = u.Add(time.Minute)
		cur := refTOD(u, loc)
		sameDay := u.In(loc).YearDay() == prevDay
		// Within a day the clock may jump forward (spring) or back (fall):
		// only a forward jump over end crosses it. Over midnight it crosses
		// when end is after the old time or at/before the new one.
		crossed := sameDay && prev < end && end <= cur || !sameDay && (end <= cur || end > prev)
		if crossed {
			return u
		}
		prev = cur
	}
	panic("no end found")
}

func refReplay(p *Policy, events []refEvent) *refTotals {
	tot := &refTotals{customers: map[string]*refCustomer{}, flagCount: map[string]int{}, drops: map[string]int{}, tpl: map[string]int{}, kaDrops: map[string]int{}}
	trigger := map[string]string{}
	for _, tr := range p.Triggers {
		for _, s := range tr.Statuses {
			trigger[s] = tr.Template
		}
	}
	final := map[string]bool{}
	for _, f := range p.Final {
		final[f] = true
	}
	byCust := map[string][]refEvent{}
	for _, e := range events {
		byCust[e.cust] = append(byCust[e.cust], e)
	}
	for cust, evs := range byCust {
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].t.Before(evs[j].t) })
		rc := &refCustomer{flags: map[string]bool{}}
		tot.customers[cust] = rc

		// As-is stream.
		var asIs []refMsg
		for _, e := range evs {
			if tpl, ok := trigger[e.status]; ok {
				asIs = append(asIs, refMsg{ev: e, tpl: tpl, send: e.t})
			}
		}
		rc.asIs = len(asIs)

		// dedupe.
		prev := map[string]string{}
		hasPrev := map[string]bool{}
		var cands []refMsg
		for _, e := range evs {
			if tpl, ok := trigger[e.status]; ok {
				if p.Dedupe && hasPrev[e.ent] && prev[e.ent] == e.status {
					tot.drops["dedupe"]++
				} else {
					cands = append(cands, refMsg{ev: e, tpl: tpl})
				}
			}
			prev[e.ent], hasPrev[e.ent] = e.status, true
		}
		// collapse.
		var surv []refMsg
		for i, m := range cands {
			superseded := false
			if p.Collapse > 0 {
				for j := i + 1; j < len(cands); j++ {
					if cands[j].ev.ent == m.ev.ent {
						superseded = cands[j].ev.t.Sub(m.ev.t) <= p.Collapse
						break
					}
				}
			}
			if superseded {
				tot.drops["collapse"]++
				continue
			}
			m.send = m.ev.t.Add(p.Collapse)
			surv = append(surv, m)
		}
		// quiet hours.
		var quiet []refMsg
		for _, m := range surv {
			loc := refLoc(p, m.ev.zone)
			if p.Quiet != nil && refInside(p.Quiet, m.send, loc) {
				if p.QuietDrop {
					tot.drops["quiet_hours"]++
					continue
				}
				m.send = refNextEnd(p.Quiet, m.send, loc)
				m.deferred = true
			}
			quiet = append(quiet, m)
		}
		var merged []refMsg
		for i, m := range quiet {
			drop := false
			if m.deferred {
				for j, o := range quiet {
					if j != i && o.deferred && o.ev.ent == m.ev.ent && o.send.Equal(m.send) &&
						(o.ev.t.After(m.ev.t) || o.ev.t.Equal(m.ev.t) && o.ev.seq > m.ev.seq) {
						drop = true
					}
				}
			}
			if drop {
				tot.drops["quiet_merge"]++
				continue
			}
			merged = append(merged, m)
		}
		sort.SliceStable(merged, func(i, j int) bool {
			a, b := merged[i], merged[j]
			if !a.send.Equal(b.send) {
				return a.send.Before(b.send)
			}
			if !a.ev.t.Equal(b.ev.t) {
				return a.ev.t.Before(b.ev.t)
			}
			return a.ev.seq < b.ev.seq
		})
		// min_gap.
		var gapped []refMsg
		for _, m := range merged {
			if p.MinGap > 0 && len(gapped) > 0 && m.send.Sub(gapped[len(gapped)-1].send) < p.MinGap {
				tot.drops["min_gap"]++
				continue
			}
			gapped = append(gapped, m)
		}
		// max_per_day.
		var sent []refMsg
		perDay := map[string]int{}
		for _, m := range gapped {
			if p.MaxPerDay > 0 {
				day := m.send.In(refLoc(p, m.ev.zone)).Format("2006-01-02")
				if perDay[day] >= p.MaxPerDay {
					tot.drops["max_per_day"]++
					continue
				}
				perDay[day]++
			}
			sent = append(sent, m)
		}
		rc.sent = len(sent)
		if refDebug != nil {
			for _, m := range sent {
				refDebug(fmt.Sprintf("ref sent %s %s %s ev=%s send=%s def=%v", cust, m.ev.ent, m.ev.status, m.ev.t.In(p.Timezone).Format("01-02 15:04 MST"), m.send.In(p.Timezone).Format("01-02 15:04 MST"), m.deferred))
			}
		}
		for _, m := range sent {
			if m.deferred {
				rc.deferred++
			}
		}
		if len(p.Keepalives) > 0 {
			ka := refKeepalives(p, tot, evs, sent, final)
			rc.sent += len(ka)
			tot.kaSent += len(ka)
			// Keep-alives come after the status messages of their instant.
			sent = append(sent, ka...)
			sort.SliceStable(sent, func(i, j int) bool { return sent[i].send.Before(sent[j].send) })
		}
		if refStreams != nil {
			refStreams(cust, evs, asIs, sent)
		}
		refFlags(p, tot, rc, "as_is", evs, asIs, final)
		refFlags(p, tot, rc, "policy", evs, sent, final)
	}
	return tot
}

func refFlags(p *Policy, tot *refTotals, rc *refCustomer, stream string, evs []refEvent, msgs []refMsg, final map[string]bool) {
	for _, m := range msgs {
		tot.tpl[stream+"."+m.tpl]++
	}
	raise := func(flag string, n int) {
		if n > 0 {
			rc.flags[stream+"."+flag] = true
			tot.flagCount[stream+"."+flag] += n
		}
	}
	// burst
	if c := p.Flags.BurstCount; c > 1 {
		hit := 0
		for i := 0; i+c-1 < len(msgs); i++ {
			if msgs[i+c-1].send.Sub(msgs[i].send) < p.Flags.BurstWindow {
				hit = 1
			}
		}
		raise("burst", hit)
	}
	// quiet_send
	if p.Quiet != nil {
		n := 0
		for _, m := range msgs {
			if refInside(p.Quiet, m.send, refLoc(p, m.ev.zone)) {
				n++
			}
		}
		raise("quiet_send", n)
	}
	byEnt := map[string][]refMsg{}
	var ents []string
	for _, e := range evs {
		if _, ok := byEnt[e.ent]; !ok {
			byEnt[e.ent] = nil
			ents = append(ents, e.ent)
		}
	}
	for _, m := range msgs {
		byEnt[m.ev.ent] = append(byEnt[m.ev.ent], m)
	}
	for _, ent := range ents {
		ms := byEnt[ent]
		// repeat
		n := 0
		for i := 1; i < len(ms); i++ {
			if ms[i].tpl == ms[i-1].tpl {
				n++
			}
		}
		raise("repeat", n)
		// flapping
		if w := p.Flags.FlappingWindow; w > 0 {
			var runs []refMsg
			for _, m := range ms {
				if len(runs) == 0 || runs[len(runs)-1].ev.status != m.ev.status {
					runs = append(runs, m)
				}
			}
			hit := 0
			for i := range runs {
				for j := i + 2; j < len(runs); j++ {
					if runs[j].ev.status == runs[i].ev.status && runs[j].send.Sub(runs[i].send) <= w {
						hit = 1
					}
				}
			}
			raise("flapping", hit)
		}
		// silent_gap
		if after := p.Flags.SilentAfter; after > 0 {
			var first, end time.Time
			for _, e := range evs {
				if e.ent != ent {
					continue
				}
				if first.IsZero() {
					first = e.t
				}
				end = e.t
				if final[e.status] {
					break
				}
			}
			bounds := []time.Time{first}
			for _, m := range ms {
				if !m.send.Before(first) && !m.send.After(end) {
					bounds = append(bounds, m.send)
				}
			}
			bounds = append(bounds, end)
			sort.Slice(bounds, func(i, j int) bool { return bounds[i].Before(bounds[j]) })
			hit := 0
			for i := 1; i < len(bounds); i++ {
				if bounds[i].Sub(bounds[i-1]) > after {
					hit = 1
				}
			}
			raise("silent_gap", hit)
		}
	}
}
