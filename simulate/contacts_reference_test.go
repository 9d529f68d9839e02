package simulate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// The contact reference recomputes every contact figure per customer
// straight from the definitions in README.md: the latest message by a scan
// of all messages, silences by evaluating "no message for longer than after
// since the entity's last message or first event, no final status yet" at
// the contact's instant, and exposures by cutting time at every instant
// where a definition can change and testing each piece. Only the policy's
// fate of each as-is message (kept or the control that dropped it) is taken
// from the engine's trail; TestEngineMatchesReference checks those.

type refContact struct {
	cust, ent, channel, reason string
	t                          time.Time
}

// refContactFigures are the counts the reference computes, keyed by name.
type refContactFigures map[string]int64

func (f refContactFigures) add(key string, n int64) {
	if n != 0 {
		f[key] += n
	}
}

// refSilent reports whether entity ent of the customer is silent at t and
// the instant its silence counts from.
func refSilent(evs []refEvent, msgs []refMsg, ent string, t time.Time, after, window time.Duration) (bool, time.Time) {
	var first, last time.Time
	seen := false
	for _, e := range evs {
		if last.IsZero() || e.t.After(last) {
			last = e.t
		}
		if e.ent != ent {
			continue
		}
		if !seen {
			first, seen = e.t, true
		}
	}
	if !seen || after == 0 || t.Before(first) || !t.Before(last.Add(window)) {
		return false, time.Time{}
	}
	for _, e := range evs {
		if e.ent == ent && e.status == "fin" && !e.t.After(t) {
			return false, time.Time{}
		}
	}
	from := first
	for _, m := range msgs {
		if m.ev.ent == ent && !m.ev.t.After(t) && m.ev.t.After(from) {
			from = m.ev.t
		}
	}
	return t.Sub(from) > after, from
}

func refStatusAt(evs []refEvent, ent string, t time.Time) string {
	st := ""
	for _, e := range evs {
		if e.ent == ent && !e.t.After(t) {
			st = e.status
		}
	}
	return st
}

// refContacts computes the figures for one customer set.
func refContacts(p *Policy, events []refEvent, contacts []refContact, fates map[string][]string) refContactFigures {
	f := refContactFigures{}
	w := p.Contacts.WindowOrDefault()
	after := p.Flags.SilentAfter
	trigger := map[string]string{}
	for _, tr := range p.Triggers {
		for _, s := range tr.Statuses {
			trigger[s] = tr.Template
		}
	}
	byCust := map[string][]refEvent{}
	for _, e := range events {
		byCust[e.cust] = append(byCust[e.cust], e)
	}
	conts := map[string][]refContact{}
	for _, c := range contacts {
		conts[c.cust] = append(conts[c.cust], c)
	}
	for cust, cs := range conts {
		if byCust[cust] == nil {
			f.add("unknown_contacts", int64(len(cs)))
			f.add("unknown_customers", 1)
			f.add("contacts", int64(len(cs)))
		}
	}
	for cust, evs := range byCust {
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].t.Before(evs[j].t) })
		var msgs []refMsg
		for _, e := range evs {
			if tpl, ok := trigger[e.status]; ok {
				msgs = append(msgs, refMsg{ev: e, tpl: tpl})
			}
		}
		ents := map[string]bool{}
		var entIDs []string
		first, last := evs[0].t, evs[0].t
		for _, e := range evs {
			if !ents[e.ent] {
				ents[e.ent] = true
				entIDs = append(entIDs, e.ent)
			}
			if e.t.After(last) {
				last = e.t
			}
		}
		sort.Strings(entIDs)
		expEnd := last.Add(w)
		inCover := func(t time.Time) bool {
			for _, m := range msgs {
				if !t.Before(m.ev.t) && t.Before(m.ev.t.Add(w)) {
					return true
				}
			}
			for _, e := range entIDs {
				if ok, _ := refSilent(evs, msgs, e, t, after, w); ok {
					return true
				}
			}
			return false
		}
		// Exposures: cut at every instant a definition can change.
		cuts := []time.Time{first, expEnd}
		for _, e := range evs {
			cuts = append(cuts, e.t, e.t.Add(after+1))
		}
		for _, m := range msgs {
			cuts = append(cuts, m.ev.t.Add(w))
		}
		sort.Slice(cuts, func(i, j int) bool { return cuts[i].Before(cuts[j]) })
		var bg time.Duration
		silent := map[string]time.Duration{}
		for i := 0; i+1 < len(cuts); i++ {
			a, b := cuts[i], cuts[i+1]
			if !a.Before(b) || a.Before(first) || !b.After(a) || !a.Before(expEnd) {
				continue
			}
			b = refEarlier(b, expEnd)
			if !inCover(a) {
				bg += b.Sub(a)
			}
			for _, e := range entIDs {
				if ok, _ := refSilent(evs, msgs, e, a, after, w); ok {
					silent[refStatusAt(evs, e, a)] += b.Sub(a)
				}
			}
		}
		f.add("background_ms", bg.Milliseconds())
		for st, d := range silent {
			f.add("silence_ms."+st, d.Milliseconds())
		}
		contacted := make([]bool, len(msgs))
		tplContacted := map[string]bool{}
		for _, c := range conts[cust] {
			f.add("contacts", 1)
			named := c.ent != "" && ents[c.ent]
			if c.ent != "" && !named {
				f.add("unknown_entity", 1)
			}
			kind := ""
			best := -1
			for i, m := range msgs {
				if named && m.ev.ent != c.ent || m.ev.t.After(c.t) {
					continue
				}
				if best < 0 || !m.ev.t.Before(msgs[best].ev.t) {
					best = i
				}
			}
			if best >= 0 && c.t.Before(msgs[best].ev.t.Add(w)) {
				m := msgs[best]
				kind = "template"
				f.add("tpl_contacts."+m.tpl, 1)
				f.add(fmt.Sprintf("delay.%s.%d", m.tpl, int64(c.t.Sub(m.ev.t)/time.Minute)), 1)
				contacted[best] = true
				tplContacted[m.tpl] = true
			} else {
				var pick string
				var pickFrom time.Time
				found := false
				for _, e := range entIDs {
					if named && e != c.ent {
						continue
					}
					if ok, from := refSilent(evs, msgs, e, c.t, after, w); ok && (!found || from.Before(pickFrom)) {
						pick, pickFrom, found = e, from, true
					}
				}
				switch {
				case found:
					kind = "silence"
					f.add("silence_contacts."+refStatusAt(evs, pick, c.t), 1)
				case c.t.Before(first):
					kind = "unattributed"
					f.add("before", 1)
				case !c.t.Before(expEnd):
					kind = "unattributed"
					f.add("after", 1)
				case inCover(c.t):
					kind = "unattributed"
					f.add("other", 1)
				default:
					kind = "unattributed"
					f.add("background", 1)
				}
			}
			f.add(kind, 1)
			f.add("channel."+c.channel+"."+kind, 1)
			f.add("reason."+c.reason+"."+kind, 1)
		}
		seen := map[string]bool{}
		for i, m := range msgs {
			f.add("tpl_messages."+m.tpl, 1)
			fate := fates[cust][i]
			f.add("fate_messages."+fate, 1)
			if contacted[i] {
				f.add("tpl_with_contact."+m.tpl, 1)
				f.add("fate_with_contact."+fate, 1)
			}
			if !seen[m.tpl] {
				seen[m.tpl] = true
				f.add("tpl_customers."+m.tpl, 1)
				if tplContacted[m.tpl] {
					f.add("tpl_customers_contacted."+m.tpl, 1)
				}
			}
		}
	}
	return f
}

func refEarlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// engineContactFigures flattens the engine's Contacts section like refContacts.
func engineContactFigures(c *ContactStats) refContactFigures {
	f := refContactFigures{}
	f.add("contacts", c.Contacts)
	f.add("template", c.AfterTemplate)
	f.add("silence", c.InSilence)
	f.add("unattributed", c.Unattributed)
	f.add("before", c.BeforeFirstEvent)
	f.add("after", c.AfterExposure)
	f.add("other", c.OtherEntity)
	f.add("background", c.Background)
	f.add("unknown_entity", c.UnknownEntity)
	f.add("background_ms", c.BackgroundExposureMs)
	f.add("unknown_contacts", c.UnknownCustomers.Contacts)
	f.add("unknown_customers", c.UnknownCustomers.Customers)
	for _, t := range c.Templates {
		f.add("tpl_messages."+t.ID, t.Messages)
		f.add("tpl_contacts."+t.ID, t.Contacts)
		f.add("tpl_with_contact."+t.ID, t.MessagesWithContact)
		f.add("tpl_customers."+t.ID, t.Customers)
		f.add("tpl_customers_contacted."+t.ID, t.CustomersContacted)
		for _, d := range t.Delays {
			f.add(fmt.Sprintf("delay.%s.%d", t.ID, d.Minutes), d.Contacts)
		}
	}
	for _, s := range c.Statuses {
		f.add("silence_contacts."+s.Status, s.Contacts)
		f.add("silence_ms."+s.Status, s.SilenceMs)
	}
	for _, b := range c.Channels {
		f.add("channel."+b.Value+".template", b.AfterTemplate)
		f.add("channel."+b.Value+".silence", b.InSilence)
		f.add("channel."+b.Value+".unattributed", b.Unattributed)
	}
	for _, b := range c.Reasons {
		f.add("reason."+b.Value+".template", b.AfterTemplate)
		f.add("reason."+b.Value+".silence", b.InSilence)
		f.add("reason."+b.Value+".unattributed", b.Unattributed)
	}
	for _, p := range c.Policy {
		f.add("fate_messages."+p.Fate, p.Messages)
		f.add("fate_with_contact."+p.Fate, p.WithContact)
	}
	return f
}

// randomContacts draws contacts around the events: before the first event,
// after the last, at exactly an event's instant, naming known, unknown or
// no entities, and for customers without events.
func randomContacts(r *rand.Rand, evs []refEvent, n int) []refContact {
	var out []refContact
	for i := 0; i < n; i++ {
		e := evs[r.IntN(len(evs))]
		c := refContact{cust: e.cust, channel: []string{"phone", "chat", ""}[r.IntN(3)], reason: []string{"where", "what", ""}[r.IntN(3)]}
		switch r.IntN(6) {
		case 0:
			c.t = e.t // shared timestamp
		case 1:
			c.t = e.t.Add(-time.Duration(r.IntN(3*24*60)) * time.Minute)
		default:
			c.t = e.t.Add(time.Duration(r.IntN(5*24*60)) * time.Minute)
		}
		if r.IntN(10) == 0 {
			c.t = c.t.Add(time.Duration(r.IntN(60)) * time.Second)
		}
		switch r.IntN(5) {
		case 0:
			c.ent = e.ent
		case 1:
			c.ent = "zz"
		}
		if r.IntN(15) == 0 {
			c.cust = "nobody" + fmt.Sprint(r.IntN(3))
		}
		out = append(out, c)
	}
	return out
}

func writeContactsCSV(t *testing.T, path string, cs []refContact) {
	t.Helper()
	var b strings.Builder
	b.WriteString("customer_id,entity_id,timestamp,channel,reason\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "%s,%s,%s,%s,%s\n", c.cust, c.ent, c.t.UTC().Format(time.RFC3339), c.channel, c.reason)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// engineFates returns the policy fate of each as-is message per customer,
// in the order of the customer's as-is messages.
func engineFates(t *testing.T, p *Policy, path string) map[string][]string {
	t.Helper()
	rec := NewTrailRecorder()
	if _, err := Run(Options{Inputs: []string{path}, Policy: p, Observer: rec, Mode: ModeBuffered, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for id, tr := range rec.trails {
		tl := timelineOf(tr)
		for _, m := range tl.msgs {
			out[id] = append(out[id], m.fate)
		}
	}
	return out
}

// TestContactsMatchReference compares every contact figure of the engine
// with the reference on random streams (DST nights, ties, contacts before
// the first and after the last event), and checks that the figures of two
// halves of the customers merge to those of the whole.
func TestContactsMatchReference(t *testing.T) {
	iters := 120
	if testing.Short() {
		iters = 30
	}
	dir := t.TempDir()
	seen := refContactFigures{}
	defer func() {
		// The random streams must exercise every case of the attribution.
		for _, k := range []string{"template", "silence", "background", "before", "after", "other", "unknown_entity", "unknown_customers", "background_ms", "restarted"} {
			if seen[k] == 0 && !t.Failed() {
				t.Errorf("no iteration had %s", k)
			}
		}
	}()
	for it := 0; it < iters; it++ {
		r := rand.New(rand.NewPCG(uint64(it), 17))
		p := randomPolicy(r)
		p.Contacts.Window = []time.Duration{30 * time.Minute, 2 * time.Hour, 0}[r.IntN(3)]
		evs := randomEvents(r, 1+r.IntN(80))
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].t.Before(evs[j].t) })
		for i := range evs {
			evs[i].seq = i
		}
		cs := randomContacts(r, evs, r.IntN(60))
		evPath := filepath.Join(dir, fmt.Sprintf("ev%d.csv", it))
		cPath := filepath.Join(dir, fmt.Sprintf("c%d.csv", it))
		writeEventsCSV(t, evPath, evs)
		writeContactsCSV(t, cPath, cs)
		want := refContacts(p, evs, cs, engineFates(t, p, evPath))
		for k, v := range want {
			seen[k] += v
		}
		label := fmt.Sprintf("iter %d (window %v, silent after %v)", it, p.Contacts.WindowOrDefault(), p.Flags.SilentAfter)
		// Shuffled by customer blocks, replayed in auto mode: the streaming
		// pass may give up and restart buffered (the recorder is reset).
		shufPath := filepath.Join(dir, fmt.Sprintf("shuf%d.csv", it))
		writeEventsCSV(t, shufPath, shuffleKeepingCustomerOrder(r, evs))
		var whole *Report
		for _, run := range []struct {
			path string
			mode Mode
		}{{evPath, ModeStream}, {evPath, ModeBuffered}, {shufPath, ModeAuto}} {
			rep, err := Run(Options{Inputs: []string{run.path}, Contacts: []string{cPath}, Policy: p, Mode: run.mode, Workers: 2, expireAfter: 1, winSize: 5})
			if err != nil {
				t.Fatalf("%s: %v", label, err)
			}
			got := engineContactFigures(rep.Contacts)
			if !reflect.DeepEqual(got, want) {
				diffFigures(t, fmt.Sprintf("%s mode %d", label, run.mode), got, want)
			}
			if run.mode == ModeBuffered {
				whole = rep
			}
			if run.mode == ModeAuto && rep.Replay == "buffered" {
				seen["restarted"]++
			}
		}
		// Merge of two halves (by customer) = whole.
		var evA, evB []refEvent
		var cA, cB []refContact
		half := func(cust string) bool { return len(cust)%2 == 0 || strings.HasSuffix(cust, "1") }
		for _, e := range evs {
			if half(e.cust) {
				evA = append(evA, e)
			} else {
				evB = append(evB, e)
			}
		}
		for _, c := range cs {
			if half(c.cust) {
				cA = append(cA, c)
			} else {
				cB = append(cB, c)
			}
		}
		if len(evA) == 0 || len(evB) == 0 {
			continue
		}
		var parts []*Report
		for i, pair := range []struct {
			evs []refEvent
			cs  []refContact
		}{{evA, cA}, {evB, cB}} {
			ep := filepath.Join(dir, fmt.Sprintf("ev%d-%d.csv", it, i))
			cp := filepath.Join(dir, fmt.Sprintf("c%d-%d.csv", it, i))
			writeEventsCSV(t, ep, pair.evs)
			writeContactsCSV(t, cp, pair.cs)
			rep, err := Run(Options{Inputs: []string{ep}, Contacts: []string{cp}, Policy: p, Workers: 1})
			if err != nil {
				t.Fatalf("%s half %d: %v", label, i, err)
			}
			parts = append(parts, rep)
		}
		m, err := Merge(parts...)
		if err != nil {
			t.Fatal(err)
		}
		a, b := *m.Contacts, *whole.Contacts
		a.Inputs, b.Inputs = nil, nil
		sort.Strings(a.UnknownCustomers.First)
		if !reflect.DeepEqual(engineContactFigures(&a), engineContactFigures(&b)) {
			diffFigures(t, label+" merged", engineContactFigures(&a), engineContactFigures(&b))
		}
		if !reflect.DeepEqual(a.UnknownCustomers, b.UnknownCustomers) || !sameRates(a, b) {
			t.Fatalf("%s: merged rates or unknown customers differ:\n%+v\n%+v", label, a, b)
		}
	}
}

func sameRates(a, b ContactStats) bool {
	if a.BackgroundPer100 != b.BackgroundPer100 || len(a.Templates) != len(b.Templates) {
		return false
	}
	for i := range a.Templates {
		x, y := a.Templates[i], b.Templates[i]
		if x.ID != y.ID || x.Per100Messages != y.Per100Messages || fmtOpt(x.Lift) != fmtOpt(y.Lift) || fmtMedian(x.MedianMinutes) != fmtMedian(y.MedianMinutes) {
			return false
		}
	}
	return true
}

func fmtMedian(m *int64) string {
	if m == nil {
		return "nil"
	}
	return fmt.Sprint(*m)
}

func fmtOpt(f *float64) string {
	if f == nil {
		return "nil"
	}
	return fmt.Sprint(math.Float64bits(*f))
}

func diffFigures(t *testing.T, label string, got, want refContactFigures) {
	t.Helper()
	var diffs []string
	for k, v := range want {
		if got[k] != v {
			diffs = append(diffs, fmt.Sprintf("%s: engine %d, reference %d", k, got[k], v))
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%s: engine %d, reference 0", k, v))
		}
	}
	sort.Strings(diffs)
	t.Fatalf("%s:\n%s", label, strings.Join(diffs, "\n"))
}

// timelineOf turns a recorded trail into the attribution's timeline.
func timelineOf(tr *Trail) *custTimeline {
	tl := &custTimeline{}
	for _, e := range tr.Events {
		tl.events = append(tl.events, tlEvent{t: e.Time.UnixNano(), ent: e.Entity, status: e.Status, final: e.Final, seq: e.Seq})
	}
	sort.SliceStable(tl.events, func(i, j int) bool { return tl.events[i].seq < tl.events[j].seq })
	fate := map[int]string{}
	for _, d := range tr.Messages {
		if d.Stream != streamNames[streamPolicy] {
			continue
		}
		fate[d.Seq] = "kept"
		if !d.Sent {
			fate[d.Seq] = d.Reason
		}
	}
	for _, d := range tr.Messages {
		if d.Stream == streamNames[streamAsIs] {
			tl.msgs = append(tl.msgs, tlMsg{t: d.Event.UnixNano(), ent: d.Entity, tpl: d.Template, seq: d.Seq, fate: fate[d.Seq]})
		}
	}
	sort.SliceStable(tl.msgs, func(i, j int) bool {
		if tl.msgs[i].t != tl.msgs[j].t {
			return tl.msgs[i].t < tl.msgs[j].t
		}
		return tl.msgs[i].seq < tl.msgs[j].seq
	})
	return tl
}
