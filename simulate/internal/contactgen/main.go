// Command contactgen writes examples/simulate/contacts.csv, the contact log
// (calls, chats, e-mails) the README's contacts example joins to
// examples/simulate/events.csv (deterministic; an internal tool):
//
//	go run ./simulate/internal/contactgen > examples/simulate/contacts.csv
//
// It replays the example with its policy and plants known effects, so that
// the report must find them:
//
//   - the vague two-segment delay SMS (delivery-delayed) draws a call or
//     chat from 60 % of its messages, 20 minutes to 6 hours later
//     ("what does delayed mean");
//   - the clear "out for delivery today" SMS (delivery-today) is followed by
//     fewer contacts than the background: 80 % of the background contacts
//     that would fall in the 72 hours after it are not made;
//   - a parcel silent for more than 72 hours (no message, not delivered)
//     draws a "where is my parcel" call on 60 % of its further silent days;
//   - every customer makes background contacts (address changes, invoices,
//     returns) at 4 % per day of exposure.
package main

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"time"

	"github.com/notelint/notelint/simulate"
)

const (
	window     = 72 * time.Hour
	day        = 24 * time.Hour
	vagueShare = 0.6
	quietShare = 0.8 // background contacts not made after delivery-today
	silentDay  = 0.6
	background = 0.04 // per customer-day
)

type row struct {
	t                     time.Time
	cust, ent, ch, reason string
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "contactgen:", err)
		os.Exit(1)
	}
}

func run() error {
	pol, err := simulate.LoadPolicy("examples/simulate/policy.toml")
	if err != nil {
		return err
	}
	rec := simulate.NewTrailRecorder()
	r, err := simulate.Run(simulate.Options{Inputs: []string{"examples/simulate/events.csv"}, Policy: pol, Observer: rec, Workers: 1, Mode: simulate.ModeBuffered})
	if err != nil {
		return err
	}
	ids := make([]string, 0, r.Customers)
	for _, cr := range r.CustomerRows() {
		ids = append(ids, cr.ID)
	}
	sort.Strings(ids)
	rnd := rand.New(rand.NewPCG(2026, 17))
	berlin := pol.Timezone
	var rows []row
	between := func(lo, hi time.Time) time.Time {
		return lo.Add(time.Duration(rnd.Int64N(int64(hi.Sub(lo)) + 1))).Truncate(time.Minute)
	}
	phoneOr := func(p float64, other string) string {
		if rnd.Float64() < p {
			return "phone"
		}
		return other
	}
	for _, id := range ids {
		tr := rec.Trail(id)
		first, last := tr.Events[0].Time, tr.Events[0].Time
		for _, e := range tr.Events {
			if e.Time.Before(first) {
				first = e.Time
			}
			if e.Time.After(last) {
				last = e.Time
			}
		}
		var today []time.Time
		msgs := map[string][]time.Time{}
		for _, m := range tr.Messages {
			if m.Stream != "as_is" {
				continue
			}
			msgs[m.Entity] = append(msgs[m.Entity], m.Event)
			switch m.Template {
			case "delivery-delayed":
				if rnd.Float64() < vagueShare {
					t := m.Event.Add(20*time.Minute + time.Duration(rnd.Int64N(int64(340*time.Minute)))).Truncate(time.Minute)
					rows = append(rows, row{t, id, m.Entity, phoneOr(0.7, "chat"), "what does delayed mean"})
				}
			case "delivery-today":
				today = append(today, m.Event)
			}
		}
		// Background, day by day over the exposure.
		for d := first; d.Before(last.Add(window)); d = d.Add(day) {
			if rnd.Float64() >= background {
				continue
			}
			t := between(d, d.Add(day-time.Minute))
			quiet := false
			for _, s := range today {
				if !t.Before(s) && t.Before(s.Add(window)) {
					quiet = true
				}
			}
			if quiet && rnd.Float64() < quietShare {
				continue
			}
			reasons := []string{"change address", "invoice question", "return"}
			rows = append(rows, row{t, id, "", phoneOr(0.4, "email"), reasons[rnd.IntN(len(reasons))]})
		}
		// Silences of each parcel.
		ents := map[string][2]time.Time{} // first event, first final status
		for _, e := range tr.Events {
			v, ok := ents[e.Entity]
			if !ok {
				v = [2]time.Time{e.Time, {}}
			}
			if e.Final && v[1].IsZero() {
				v[1] = e.Time
			}
			ents[e.Entity] = v
		}
		names := make([]string, 0, len(ents))
		for n := range ents {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			v := ents[n]
			end := v[1]
			if end.IsZero() {
				end = last.Add(window)
			}
			anchors := append([]time.Time{v[0]}, msgs[n]...)
			for i, a := range anchors {
				hi := end
				if i+1 < len(anchors) && anchors[i+1].Before(hi) {
					hi = anchors[i+1]
				}
				// From the end of the message's window on: earlier, the
				// contact belongs to the message (the attribution's first rule).
				for lo := a.Add(window); lo.Add(day).Before(hi); lo = lo.Add(day) {
					if rnd.Float64() < silentDay {
						rows = append(rows, row{between(lo, lo.Add(day-time.Minute)), id, n, phoneOr(0.8, "chat"), "where is my parcel"})
					}
				}
			}
		}
	}
	// Two contacts of people who are not customers in the export.
	rows = append(rows,
		row{time.Date(2026, 3, 9, 10, 15, 0, 0, berlin), "C9001", "", "phone", "where is my parcel"},
		row{time.Date(2026, 3, 20, 16, 40, 0, 0, berlin), "C9002", "", "email", "return"})
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].t.Before(rows[j].t) })
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "customer_id,entity_id,timestamp,channel,reason")
	for _, c := range rows {
		fmt.Fprintf(w, "%s,%s,%s,%s,%s\n", c.cust, c.ent, c.t.In(berlin).Format("2006-01-02 15:04:05"), c.ch, c.reason)
	}
	return w.Flush()
}
