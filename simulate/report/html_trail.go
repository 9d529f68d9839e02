package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"

	"github.com/notelint/notelint/simulate"
)

// Customer replays (timelines) and the noisiest customers.

type trailView struct {
	Omitted  string
	ID       string
	Head     string
	Summary  string
	Flags    string
	Days     []trailDay
	Customer string
}

type trailDay struct {
	Date  string
	Steps []trailStep
}

type trailStep struct {
	Time     string
	Kind     string
	Entity   string
	What     string
	Template string
	AsIs     string
	Policy   string
	Class    string // ok, drop, send, flag
	Why      string
	Stream   string
}

// Timelines in the page: a flag example shows the customer's whole replay
// when it has at most trailFull steps, else the days around the flagged
// moment; no timeline shows more than trailMax steps.
const (
	trailFull = 80
	trailMax  = 400
)

func newTrailView(x *simulate.Explanation, id string, focus []time.Time) *trailView {
	ents := x.Entities
	if len(ents) > 12 {
		ents = append(append([]string{}, ents[:12]...), fmt.Sprintf("and %d more", len(x.Entities)-12))
	}
	tv := &trailView{ID: id, Customer: x.Customer, Summary: explanationSummary(x),
		Head:  fmt.Sprintf("%s, %s (%s), zone %s", plural(x.Events, "event"), plural(len(x.Entities), "entity"), strings.Join(ents, ", "), strings.Join(x.Zones, ", ")),
		Flags: fmt.Sprintf("Flags as-is: %s. With the policy: %s.", flagsOrNone(x.FlagsAsIs), flagsOrNone(x.FlagsPol))}
	steps := x.Steps
	before, after := 0, 0
	if len(steps) > trailFull && len(focus) > 0 {
		lo, hi := focus[0], focus[0]
		for _, t := range focus {
			if t.Before(lo) {
				lo = t
			}
			if t.After(hi) {
				hi = t
			}
		}
		loDay := lo.AddDate(0, 0, -1).Format(time.DateOnly)
		hiDay := hi.AddDate(0, 0, 1).Format(time.DateOnly)
		i, j := 0, len(steps)
		for i < j && steps[i].Time.In(lo.Location()).Format(time.DateOnly) < loDay {
			i++
		}
		for j > i && steps[j-1].Time.In(lo.Location()).Format(time.DateOnly) > hiDay {
			j--
		}
		before, after = i, len(steps)-j
		steps = steps[i:j]
	}
	if len(steps) > trailMax {
		after += len(steps) - trailMax
		steps = steps[:trailMax]
	}
	if before+after > 0 {
		tv.Omitted = fmt.Sprintf("%s before and %s after are not shown here; notelint simulate with --customer %s prints the whole replay.",
			plural(before, "step"), plural(after, "step"), x.Customer)
	}
	for _, s := range steps {
		d := s.Time.Format("Mon 2 Jan 2006 (MST)")
		if len(tv.Days) == 0 || tv.Days[len(tv.Days)-1].Date != d {
			tv.Days = append(tv.Days, trailDay{Date: d})
		}
		st := trailStep{Time: stepClock(s.Time), Kind: s.Kind, Entity: s.Entity}
		switch s.Kind {
		case "event":
			st.What = s.Status
			if s.Final {
				st.What += " (final)"
			}
			st.Template = s.Template
			if s.Template == "" {
				st.AsIs, st.Policy, st.Class = "no message", "", "none"
			} else {
				st.AsIs = "✓ sent"
				st.Policy, st.Why = s.Policy, s.Why
				st.Class = "drop"
				if s.Policy == "sent" || s.Policy == "deferred" {
					st.Class = "ok"
				}
			}
		case "send":
			st.Class = "send"
			st.Template = s.Template
			st.What = fmt.Sprintf("policy sends %s", s.Template)
			st.Why = fmt.Sprintf("for %q of %s", s.Status, simulate.Clock(*s.Event, s.Time))
		case "keepalive":
			st.Class = "send"
			st.Template = s.Template
			st.Why = s.Why
		case "contact":
			st.Class = "contact"
			st.What = "contact"
			if s.Channel != "" {
				st.What = s.Channel
			}
			if s.Reason != "" {
				st.What += fmt.Sprintf(" %q", s.Reason)
			}
			st.Why = s.Note
		case "flag":
			st.Class = "flag"
			st.Stream = "as-is"
			if s.Stream == "policy" {
				st.Stream = "with the policy"
			}
			st.What = s.Flag
			st.Why = s.Note
		}
		tv.Days[len(tv.Days)-1].Steps = append(tv.Days[len(tv.Days)-1].Steps, st)
	}
	return tv
}

type topRow struct {
	ID                          template.HTML
	AsIs, Sent, Sup, Def        template.HTML
	AsIsFlags, Flags            []template.HTML
	TrailID                     string
	AsIsN, SentN, SupN, DefN    int
	IDText                      string
	AsIsFlagsText, FlagsText    string
	HasTrail                    bool
	AsIsFlagsNone, FlagsNone    bool
	AsIsFlagsSort, FlagsSortKey string
}

func (v *htmlView) top() {
	r := v.R
	for i, c := range r.TopCustomers {
		p := fmt.Sprintf("top_customers[%d]", i)
		row := topRow{ID: hID(p+".id", c.ID), AsIs: hInt(p+".as_is", int64(c.AsIs)), Sent: hInt(p+".sent", int64(c.Sent)),
			Sup: hInt(p+".suppressed", int64(c.Suppressed)), Def: hInt(p+".deferred", int64(c.Deferred)),
			AsIsN: c.AsIs, SentN: c.Sent, SupN: c.Suppressed, DefN: c.Deferred, IDText: c.ID,
			AsIsFlagsNone: len(c.AsIsFlags) == 0, FlagsNone: len(c.Flags) == 0,
			AsIsFlagsSort: strings.Join(c.AsIsFlags, ","), FlagsSortKey: strings.Join(c.Flags, ",")}
		for j, f := range c.AsIsFlags {
			row.AsIsFlags = append(row.AsIsFlags, hStr(fmt.Sprintf("%s.as_is_flags[%d]", p, j), f))
		}
		for j, f := range c.Flags {
			row.Flags = append(row.Flags, hStr(fmt.Sprintf("%s.flags[%d]", p, j), f))
		}
		if r.Trails[c.ID] != nil {
			row.HasTrail = true
			row.TrailID = "top-" + strconv.Itoa(i)
		}
		v.Top = append(v.Top, row)
	}
}

// TopTrail returns the timeline view of a noisiest customer (template helper).
func (v *htmlView) TopTrail(i int) *trailView {
	if i >= len(v.R.TopCustomers) {
		return nil
	}
	x := v.R.Trails[v.R.TopCustomers[i].ID]
	if x == nil {
		return nil
	}
	return newTrailView(x, "trail-top-"+strconv.Itoa(i), nil)
}
