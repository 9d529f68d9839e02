// Command examplegen writes examples/simulate/events.csv, the status stream
// the README's simulate example replays (deterministic; an internal tool):
//
//	go run ./simulate/internal/examplegen > examples/simulate/events.csv
//
// With -xes it writes the same events as an XES event log instead, as a
// process-mining tool exports it: one trace per parcel (concept:name, the
// case id, and a customer_id attribute), one event per status change
// (concept:name and time:timestamp with its offset):
//
//	go run ./simulate/internal/examplegen -xes > events.xes
//
// 300 customers of a parcel service in March 2026 (Europe/Berlin, naive
// local timestamps): ordinary deliveries, delays reported twice by a
// retrying system, a depot outage on the night of 17 March that makes the
// status of 80 parcels bounce, a few parcels whose ETA flips during the day,
// and a few parcels that sit in transit for days without a word.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"time"

	"github.com/notelint/notelint/simulate/internal/xeslog"
)

// statusCancelled is the status name the policy's final list uses.
const statusCancelled = "cancelled" //nolint:misspell // a status name in the data, as in the issue

type event struct {
	t           time.Time
	cust, order string
	status      string
}

func main() {
	xes := flag.Bool("xes", false, "write an XES event log instead of CSV")
	flag.Parse()
	r := rand.New(rand.NewPCG(2026, 3))
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		fmt.Fprintln(os.Stderr, "examplegen:", err)
		os.Exit(1)
	}
	var evs []event
	add := func(cust, order string, t time.Time, status string) {
		evs = append(evs, event{t: t.Truncate(time.Minute), cust: cust, order: order, status: status})
	}
	at := func(day, hour, minute int) time.Time { return time.Date(2026, 3, day, hour, minute, 0, 0, berlin) }
	mins := func(lo, hi int) time.Duration { return time.Duration(lo+r.IntN(hi-lo+1)) * time.Minute }

	orderNo := 40000
	for c := 1; c <= 300; c++ {
		cust := fmt.Sprintf("C%04d", c)
		orders := 1
		if r.IntN(4) == 0 {
			orders = 2
		}
		for o := 0; o < orders; o++ {
			orderNo++
			order := fmt.Sprintf("A%d", orderNo)
			day := 2 + r.IntN(20)
			kind := "normal"
			switch {
			case c <= 80 && o == 0:
				kind = "outage"
			case c > 80 && c <= 88 && o == 0:
				kind = "flapping"
			case c > 88 && c <= 98 && o == 0:
				kind = "silent"
			case r.IntN(5) == 0:
				kind = "delayed"
			case r.IntN(40) == 0:
				kind = statusCancelled
			}
			if kind == "outage" {
				day = 16
			}
			t := at(day, 9, 0).Add(mins(0, 540))
			add(cust, order, t, "label_created")
			t = at(day, 14, 0).Add(mins(0, 240))
			add(cust, order, t, "shipped")
			t = t.Add(mins(60, 300))
			add(cust, order, t, "in_transit")
			switch kind {
			case "outage":
				// Depot outage on the night of 17 March: the status bounces.
				add(cust, order, at(17, 22, 0).Add(mins(0, 10)), "delayed")
				add(cust, order, at(17, 22, 15).Add(mins(0, 10)), "out_for_delivery")
				add(cust, order, at(17, 22, 45).Add(mins(0, 10)), "delayed")
				add(cust, order, at(17, 23, 25).Add(mins(0, 10)), "delayed")
				add(cust, order, at(18, 7, 10).Add(mins(0, 40)), "out_for_delivery")
				add(cust, order, at(18, 11, 0).Add(mins(0, 240)), "delivered")
				continue
			case "flapping":
				d := at(day+1, 8, 30).Add(mins(0, 30))
				add(cust, order, d, "out_for_delivery")
				add(cust, order, d.Add(mins(80, 120)), "delayed")
				add(cust, order, d.Add(mins(200, 260)), "out_for_delivery")
				add(cust, order, d.Add(mins(320, 400)), "delivered")
				continue
			case "silent":
				for i := 1; i <= 4; i++ {
					add(cust, order, t.Add(time.Duration(i)*26*time.Hour+mins(0, 90)), "in_transit")
				}
				d := at(day+5, 8, 0).Add(mins(0, 60))
				add(cust, order, d, "out_for_delivery")
				add(cust, order, d.Add(mins(90, 300)), "delivered")
				continue
			case statusCancelled:
				add(cust, order, t.Add(mins(600, 900)), statusCancelled)
				continue
			case "delayed":
				d := t.Add(mins(300, 900))
				add(cust, order, d, "delayed")
				if r.IntN(2) == 0 {
					add(cust, order, d.Add(mins(1, 20)), "delayed") // the system retries
				}
				t = d.Add(24 * time.Hour)
			}
			d := time.Date(t.Year(), t.Month(), t.Day()+1, 7, 0, 0, 0, berlin).Add(mins(0, 120))
			add(cust, order, d, "out_for_delivery")
			add(cust, order, d.Add(mins(60, 420)), "delivered")
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.t.Compare(b.t) })
	if *xes {
		if err := writeXES(evs); err != nil {
			fmt.Fprintln(os.Stderr, "examplegen:", err)
			os.Exit(1)
		}
		return
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "customer_id,entity_id,timestamp,status")
	for _, e := range evs {
		fmt.Fprintf(w, "%s,%s,%s,%s\n", e.cust, e.order, e.t.Format("2006-01-02 15:04:05"), e.status)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "examplegen:", err)
		os.Exit(1)
	}
}

// writeXES writes the events as XES: a trace per parcel, in the order of
// the parcels' first events, each trace's events in time order.
func writeXES(evs []event) error {
	var traces []xeslog.Trace
	idx := map[string]int{}
	for _, e := range evs {
		i, ok := idx[e.order]
		if !ok {
			i = len(traces)
			idx[e.order] = i
			traces = append(traces, xeslog.Trace{Attrs: []xeslog.Attr{xeslog.String("concept:name", e.order), xeslog.String("customer_id", e.cust)}})
		}
		traces[i].Events = append(traces[i].Events, []xeslog.Attr{
			xeslog.String("concept:name", e.status),
			xeslog.Date("time:timestamp", e.t.Format(xeslog.TimeLayout)),
		})
	}
	return xeslog.Write(os.Stdout, "parcels, March 2026", traces)
}
