package simulate

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// refKeepalives computes one customer's keep-alives from the definition in
// doc.go, naively: after every step it recomputes every entity's and rule's
// next attempt from the whole history (the status messages sent, which
// keep-alives never change, and the attempts so far), then takes the
// earliest instant, status messages first. evs are the customer's events in
// replay order, sent its status messages in send order.
func refKeepalives(p *Policy, tot *refTotals, evs []refEvent, sent []refMsg, final map[string]bool) []refMsg {
	type entInfo struct {
		first, end time.Time
		zone       string
		done       bool // end is a final event
	}
	ents := map[string]*entInfo{}
	var ids []string
	for _, e := range evs {
		x := ents[e.ent]
		if x == nil {
			x = &entInfo{first: e.t, end: e.t, zone: e.zone}
			ents[e.ent] = x
			ids = append(ids, e.ent)
		}
		if !x.done {
			x.end = e.t
			x.done = final[e.status]
		}
	}
	sort.Strings(ids)
	type attempt struct {
		ent  string
		rule int
		send time.Time
	}
	var attempts []attempt
	var ka []refMsg
	var kaRules []int // the rule of each keep-alive
	// processed: every status message with send < cur, and those at cur when curDone.
	// processed: the status messages sent at or before cur.
	var cur time.Time
	started := false
	processed := func(m refMsg) bool { return started && !m.send.After(cur) }
	statusAt := func(ent string, x time.Time) string {
		st := ""
		for _, e := range evs {
			if e.ent == ent && !e.t.After(x) {
				st = e.status
			}
		}
		return st
	}
	for guard := 0; guard < 1_000_000; guard++ {
		type cand struct {
			ent       string
			rule      int
			k, s      time.Time
			deferred  bool
			quietDrop bool
		}
		var best *cand
		better := func(c *cand) bool {
			if best == nil {
				return true
			}
			if !c.s.Equal(best.s) {
				return c.s.Before(best.s)
			}
			if !c.k.Equal(best.k) {
				return c.k.Before(best.k)
			}
			if c.ent != best.ent {
				return c.ent < best.ent
			}
			return c.rule < best.rule
		}
		for _, id := range ids {
			x := ents[id]
			// The silence start and the latest status message.
			b, lastStatus := x.first, x.first
			for _, m := range sent {
				if m.ev.ent == id && processed(m) && m.send.After(b) {
					b, lastStatus = m.send, m.send
				}
			}
			for _, m := range ka {
				if m.ev.ent == id && m.send.After(b) {
					b = m.send
				}
			}
			for r, rule := range p.Keepalives {
				if !rule.Repeat {
					// Spent: this rule sent since the latest status message.
					spent := false
					for i := range ka {
						if ka[i].ev.ent == id && kaRules[i] == r && !ka[i].send.Before(lastStatus) {
							spent = true
						}
					}
					if spent {
						continue
					}
				}
				var lastAtt time.Time
				has := false
				for _, a := range attempts {
					if a.ent == id && a.rule == r && a.send.After(b) && (!has || a.send.After(lastAtt)) {
						lastAtt, has = a.send, true
					}
				}
				k := b.Add(rule.After)
				for has && !k.After(lastAtt) {
					k = k.Add(rule.After)
				}
				c := &cand{ent: id, rule: r, k: k, s: k}
				if p.Quiet != nil {
					loc := refLoc(p, x.zone)
					if refInside(p.Quiet, k, loc) {
						if p.QuietDrop {
							c.quietDrop = true
						} else {
							c.s = refNextEnd(p.Quiet, k, loc)
							c.deferred = true
						}
					}
				}
				if !c.s.Before(x.end) {
					continue
				}
				if better(c) {
					best = c
				}
			}
		}
		// The next status message instant not yet processed.
		var nextStatus time.Time
		haveStatus := false
		for _, m := range sent {
			if !processed(m) {
				nextStatus, haveStatus = m.send, true
				break
			}
		}
		if best == nil && !haveStatus {
			return ka
		}
		if haveStatus && (best == nil || !best.s.Before(nextStatus)) {
			cur, started = nextStatus, true
			continue
		}
		cur, started = best.s, true
		attempts = append(attempts, attempt{ent: best.ent, rule: best.rule, send: best.s})
		rule := p.Keepalives[best.rule]
		x := ents[best.ent]
		status := statusAt(best.ent, best.s)
		if len(rule.Statuses) > 0 {
			in := false
			for _, st := range rule.Statuses {
				in = in || st == status
			}
			if !in {
				continue
			}
		}
		if best.quietDrop {
			tot.kaDrops["quiet_hours"]++
			continue
		}
		if p.MinGap > 0 {
			var last time.Time
			have := false
			for _, m := range sent {
				if !m.send.After(best.s) && (!have || m.send.After(last)) {
					last, have = m.send, true
				}
			}
			for _, m := range ka {
				if !have || m.send.After(last) {
					last, have = m.send, true
				}
			}
			if have && best.s.Sub(last) < p.MinGap {
				tot.kaDrops["min_gap"]++
				continue
			}
		}
		loc := refLoc(p, x.zone)
		if p.MaxPerDay > 0 {
			day := best.s.In(loc).Format("2006-01-02")
			n := 0
			for _, m := range sent {
				if !m.send.After(best.s) && m.send.In(refLoc(p, m.ev.zone)).Format("2006-01-02") == day {
					n++
				}
			}
			for _, m := range ka {
				if m.send.In(loc).Format("2006-01-02") == day {
					n++
				}
			}
			if n >= p.MaxPerDay {
				tot.kaDrops["max_per_day"]++
				continue
			}
		}
		ka = append(ka, refMsg{ev: refEvent{cust: evs[0].cust, ent: best.ent, status: status, zone: x.zone, t: best.k, seq: 1 << 30}, tpl: rule.Template, send: best.s, deferred: best.deferred})
		kaRules = append(kaRules, best.rule)
	}
	panic("refKeepalives: no end")
}

// randomKeepalives draws one to three keep-alive rules.
func randomKeepalives(r *rand.Rand) []Keepalive {
	var out []Keepalive
	for i := 0; i < 1+r.IntN(3); i++ {
		k := Keepalive{
			After:    []time.Duration{30 * time.Minute, time.Hour, 2 * time.Hour, 5 * time.Hour}[r.IntN(4)],
			Template: fmt.Sprintf("ka%d", r.IntN(2)),
			Repeat:   r.IntN(2) == 0,
		}
		switch r.IntN(3) {
		case 1:
			k.Statuses = []string{"a"}
		case 2:
			k.Statuses = []string{"b", "c", "d"}
		}
		out = append(out, k)
	}
	return out
}

// TestKeepaliveMatchesReference replays random streams through random
// policies with keep-alives and compares every customer's counts and flags,
// the per-template counts and the keep-alive counts with the reference.
func TestKeepaliveMatchesReference(t *testing.T) {
	iters := 120
	if testing.Short() {
		iters = 30
	}
	dir := t.TempDir()
	var kaTotal int64
	kaDropped := map[string]int64{}
	defer func() {
		// The streams must exercise every keep-alive outcome.
		if kaTotal == 0 || kaDropped["min_gap"] == 0 || kaDropped["max_per_day"] == 0 || kaDropped["quiet_hours"] == 0 {
			t.Errorf("keep-alives sent %d, dropped %v: a control was never exercised", kaTotal, kaDropped)
		}
		t.Logf("keep-alives sent %d, dropped %v", kaTotal, kaDropped)
	}()
	for it := 0; it < iters; it++ {
		r := rand.New(rand.NewPCG(uint64(it), 18))
		p := randomPolicy(r)
		p.Keepalives = randomKeepalives(r)
		evs := randomEvents(r, 1+r.IntN(120))
		sorted := append([]refEvent(nil), evs...)
		sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].t.Before(sorted[j].t) })
		for i := range sorted {
			sorted[i].seq = i
		}
		want := refReplay(p, sorted)
		path := filepath.Join(dir, fmt.Sprintf("ka%d.csv", it))
		writeEventsCSV(t, path, sorted)
		shuffledPath := filepath.Join(dir, fmt.Sprintf("ka-shuffled%d.csv", it))
		writeEventsCSV(t, shuffledPath, shuffleKeepingCustomerOrder(r, sorted))
		for _, in := range []string{path, shuffledPath} {
			for _, workers := range []int{1, 3} {
				rep, err := Run(Options{Inputs: []string{in}, Policy: p, Workers: workers})
				if err != nil {
					t.Fatalf("iter %d: %v", it, err)
				}
				label := fmt.Sprintf("iter %d %s workers %d (policy %+v quiet %v)", it, filepath.Base(in), workers, *p, p.Quiet)
				compareWithRef(t, label, rep, want)
				if rep.Keepalive == nil || rep.Keepalive.Sent != int64(want.kaSent) {
					t.Fatalf("%s: keep-alives %+v, want %d sent", label, rep.Keepalive, want.kaSent)
				}
				for _, d := range rep.Keepalive.Dropped {
					if d.Messages != int64(want.kaDrops[d.Reason]) {
						t.Fatalf("%s: keep-alives dropped by %s: %d, want %d", label, d.Reason, d.Messages, want.kaDrops[d.Reason])
					}
				}
				kaTotal += rep.Keepalive.Sent
				for _, d := range rep.Keepalive.Dropped {
					kaDropped[d.Reason] += d.Messages
				}
				if rep.Replay != "buffered" {
					t.Fatalf("%s: replay %q, want buffered", label, rep.Replay)
				}
			}
		}
		// The same policy compared with one without keep-alives whose run
		// streams: it replays the streamed run's kept events buffered
		// (the partitioned replay above is Run's).
		plain := p.clone()
		plain.Keepalives = nil
		rs, err := Compare(Options{Inputs: []string{path}, Policy: plain, Workers: 2, bufferLimit: 1}, []*Policy{p})
		if err != nil {
			t.Fatalf("iter %d: %v", it, err)
		}
		label := fmt.Sprintf("iter %d compared after a streaming run (policy %+v quiet %v)", it, *p, p.Quiet)
		if rs[0].Replay != "streaming" {
			t.Fatalf("%s: the first run replayed %q, want streaming", label, rs[0].Replay)
		}
		compareWithRef(t, label, rs[1], want)
		if rep := rs[1]; rep.Keepalive == nil || rep.Keepalive.Sent != int64(want.kaSent) || rep.Replay != "buffered" {
			t.Fatalf("%s: keep-alives %+v (replay %q), want %d sent", label, rep.Keepalive, rep.Replay, want.kaSent)
		}
	}
}
