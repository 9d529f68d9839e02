package simulate

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// diagRecount is an independent count of the diagnostics from the
// reference's events and streams.
type diagRecount struct {
	srcEntities int64
	srcCust     map[string]bool
	silence     SilenceChange
}

// recountDiagnostics counts source flapping over a customer's events and
// the entities silent in one stream only, the simple way: every pair of
// status runs, every gap between boundaries.
func (d *diagRecount) add(p *Policy, evs []refEvent, asIs, sent []refMsg) {
	final := map[string]bool{}
	for _, f := range p.Final {
		final[f] = true
	}
	var ents []string
	byEnt := map[string][]refEvent{}
	for _, e := range evs {
		if _, ok := byEnt[e.ent]; !ok {
			ents = append(ents, e.ent)
		}
		byEnt[e.ent] = append(byEnt[e.ent], e)
	}
	for _, ent := range ents {
		es := byEnt[ent]
		if w := p.Flags.FlappingWindow; w > 0 {
			var runs []refEvent
			for _, e := range es {
				if len(runs) == 0 || runs[len(runs)-1].status != e.status {
					runs = append(runs, e)
				}
			}
			hit := false
			for i := range runs {
				for j := i + 2; j < len(runs); j++ {
					if runs[j].status == runs[i].status && runs[j].t.Sub(runs[i].t) <= w {
						hit = true
					}
				}
			}
			if hit {
				d.srcEntities++
				d.srcCust[es[0].cust] = true
			}
		}
		after := p.Flags.SilentAfter
		if after <= 0 {
			continue
		}
		first, end := es[0].t, es[0].t
		ended := false
		for _, e := range es {
			end = e.t
			if final[e.status] {
				ended = true
				break
			}
		}
		silent := func(ms []refMsg) bool {
			bounds := []time.Time{first, end}
			for _, m := range ms {
				if m.ev.ent == ent && !m.send.Before(first) && !m.send.After(end) {
					bounds = append(bounds, m.send)
				}
			}
			sort.Slice(bounds, func(i, j int) bool { return bounds[i].Before(bounds[j]) })
			for i := 1; i < len(bounds); i++ {
				if bounds[i].Sub(bounds[i-1]) > after {
					return true
				}
			}
			return false
		}
		a, pol := silent(asIs), silent(sent)
		switch {
		case a && !pol:
			d.silence.AsIsOnly++
			for _, m := range sent {
				// Deferred and sent before the entity's first final status.
				if m.ev.ent == ent && m.deferred && (!ended || m.send.Before(end)) {
					d.silence.AsIsOnlyDeferred++
					break
				}
			}
		case pol && !a:
			d.silence.PolicyOnly++
		}
	}
}

// TestDiagnosticsMatchRecount replays random streams and compares source
// flapping and the silence change with diagRecount, streaming and
// buffered, and split into two shards and merged.
func TestDiagnosticsMatchRecount(t *testing.T) {
	iters := 400 // about 20 streams where silences move, 2 with a deferral
	if testing.Short() {
		iters = 60
	}
	dir := t.TempDir()
	defer func() { refStreams = nil }()
	for it := 0; it < iters; it++ {
		r := rand.New(rand.NewPCG(uint64(it), 11))
		p := randomPolicy(r)
		evs := randomEvents(r, 1+r.IntN(150))
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].t.Before(evs[j].t) })
		for i := range evs {
			evs[i].seq = i
		}
		want := diagRecount{srcCust: map[string]bool{}}
		refStreams = func(_ string, evs []refEvent, asIs, sent []refMsg) { want.add(p, evs, asIs, sent) }
		refReplay(p, evs)
		refStreams = nil

		path := filepath.Join(dir, fmt.Sprintf("events%d.csv", it))
		writeEventsCSV(t, path, evs)
		var halves [2][]refEvent
		for _, e := range evs {
			k := 0
			if e.cust[len(e.cust)-1]%2 == 1 {
				k = 1
			}
			halves[k] = append(halves[k], e)
		}
		var parts []*Report
		for k, h := range halves {
			if len(h) == 0 {
				continue
			}
			hp := filepath.Join(dir, fmt.Sprintf("events%d-%d.csv", it, k))
			writeEventsCSV(t, hp, h)
			rep, err := Run(Options{Inputs: []string{hp}, Policy: p})
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, rep)
		}
		merged, err := Merge(parts...)
		if err != nil {
			t.Fatal(err)
		}
		reps := map[string]*Report{"merged": merged}
		for _, run := range []struct {
			mode    Mode
			workers int
		}{{ModeStream, 3}, {ModeBuffered, 1}} {
			rep, err := Run(Options{Inputs: []string{path}, Policy: p, Mode: run.mode, Workers: run.workers})
			if err != nil {
				t.Fatal(err)
			}
			reps[fmt.Sprintf("mode %v workers %d", run.mode, run.workers)] = rep
		}
		for name, rep := range reps {
			label := fmt.Sprintf("iter %d %s", it, name)
			checkRecount(t, label, p, rep, &want)
		}
	}
}

func checkRecount(t *testing.T, label string, p *Policy, rep *Report, want *diagRecount) {
	t.Helper()
	if p.Flags.FlappingWindow <= 0 {
		if rep.SourceFlapping != nil {
			t.Fatalf("%s: source_flapping without a flapping window", label)
		}
	} else {
		sf := rep.SourceFlapping
		if sf == nil || sf.Entities != want.srcEntities || sf.Customers != int64(len(want.srcCust)) {
			t.Fatalf("%s: source_flapping %+v, want %d entities of %d customers", label, sf, want.srcEntities, len(want.srcCust))
		}
		var ids []string
		for id := range want.srcCust {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		if len(ids) > maxExamples {
			ids = ids[:maxExamples]
		}
		if len(sf.Examples) != len(ids) {
			t.Fatalf("%s: %d examples, want %d", label, len(sf.Examples), len(ids))
		}
		for i, x := range sf.Examples {
			if x.Customer != ids[i] || len(x.Statuses) != 3 || x.Statuses[0] != x.Statuses[2] {
				t.Fatalf("%s: example %d = %+v, want customer %s", label, i, x, ids[i])
			}
		}
		for _, row := range rep.CustomerRows() {
			if row.SourceFlapping != want.srcCust[row.ID] {
				t.Fatalf("%s: customer %s source_flapping %v", label, row.ID, row.SourceFlapping)
			}
		}
	}
	if p.Flags.SilentAfter <= 0 {
		if rep.SilenceChange != nil {
			t.Fatalf("%s: silence_change without silent_gap", label)
		}
		return
	}
	if rep.SilenceChange == nil || *rep.SilenceChange != want.silence {
		t.Fatalf("%s: silence_change %+v, want %+v", label, rep.SilenceChange, want.silence)
	}
	sg, _ := rep.Flag("silent_gap")
	if sg.AsIs.Count-sg.Policy.Count != want.silence.AsIsOnly-want.silence.PolicyOnly {
		t.Fatalf("%s: silent_gap %d -> %d does not match %+v", label, sg.AsIs.Count, sg.Policy.Count, want.silence)
	}
}

func TestMergeRefusesMissingDiagnostics(t *testing.T) {
	a := &Report{Schema: SchemaVersion, SourceFlapping: &SourceFlapping{Entities: 1, Customers: 1, Examples: []Example{}}, SilenceChange: &SilenceChange{}}
	b := &Report{Schema: SchemaVersion, SilenceChange: &SilenceChange{}}
	if _, err := Merge(a, b); err == nil || !strings.Contains(err.Error(), "1 of 2 reports have source_flapping") {
		t.Errorf("merge with a report without source_flapping: %v", err)
	}
	b.SourceFlapping = &SourceFlapping{Entities: 2, Customers: 2, Examples: []Example{}}
	m, err := Merge(a, b)
	if err != nil || m.SourceFlapping.Entities != 3 || m.SourceFlapping.Customers != 3 {
		t.Errorf("merge: %+v, %v", m, err)
	}
}
