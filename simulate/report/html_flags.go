package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"time"

	"github.com/notelint/notelint/simulate"
)

// The noise flags and their examples.

type flagView struct {
	Name     string
	Title    string
	Help     template.HTML
	Unit     string
	AsIs     template.HTML
	Policy   template.HTML
	CustAsIs template.HTML
	CustPol  template.HTML
	Examples []exampleView
	Better   bool // fewer with the policy
	Fewer    bool // fewer, shown as a change and not as better
	Worse    bool
	ZeroAsIs bool
	ZeroBoth bool
}

type exampleView struct {
	Stream string // "as-is" or "with the policy"
	Class  string // "as-is" or "policy"
	Who    template.HTML
	Note   template.HTML
	Detail template.HTML
	Trail  *trailView
}

// flag texts for people.
var flagTitles = map[string]string{
	"burst":      "Bursts",
	"flapping":   "Flip-flopping statuses",
	"quiet_send": "Messages at night (quiet hours)",
	"silent_gap": "Silences",
	"repeat":     "Repeats",
}

func (v *htmlView) flags() {
	r := v.R
	for i, f := range r.Flags {
		p := fmt.Sprintf("flags[%d]", i)
		fv := flagView{Name: f.Name, Title: flagTitles[f.Name], Unit: f.Unit,
			Help:     flagDetail(f.Name, r.Settings),
			AsIs:     hInt(p+".as_is.count", f.AsIs.Count),
			Policy:   hInt(p+".policy.count", f.Policy.Count),
			CustAsIs: hInt(p+".as_is.customers", f.AsIs.Customers),
			CustPol:  hInt(p+".policy.customers", f.Policy.Customers),
			Better:   f.Policy.Count < f.AsIs.Count, Worse: f.Policy.Count > f.AsIs.Count,
			ZeroAsIs: f.AsIs.Count == 0, ZeroBoth: f.AsIs.Count == 0 && f.Policy.Count == 0,
		}
		if fv.Title == "" {
			fv.Title = f.Name
		}
		for k, set := range []struct {
			stream, class, key string
			xs                 []simulate.Example
		}{{"as-is", "as-is", "as_is", f.AsIs.Examples}, {"with the policy", "policy", "policy", f.Policy.Examples}} {
			for j, x := range set.xs {
				xp := fmt.Sprintf("%s.%s.examples[%d]", p, set.key, j)
				fv.Examples = append(fv.Examples, v.example(xp, set.stream, set.class, x, fmt.Sprintf("%s-%d-%d", f.Name, k, j)))
			}
		}
		if f.Name == "silent_gap" {
			fc := fv
			// Fewer silences come from messages sent later, not from
			// messages added: a change, not an improvement.
			fc.Fewer, fc.Better = fc.Better, false
			v.Silence = &fc
			continue
		}
		v.Flags = append(v.Flags, fv)
	}
}

func (v *htmlView) example(p, stream, class string, x simulate.Example, id string) exampleView {
	ev := exampleView{Stream: stream, Class: class}
	who := hID(p+".customer", x.Customer)
	if x.Entity != "" {
		who += " / " + hID(p+".entity", x.Entity)
	}
	ev.Who = who
	ev.Note = hStr(p+".note", x.Note)
	var parts []template.HTML
	if len(x.Statuses) == len(x.Times) && len(x.Statuses) > 0 {
		for i := range x.Times {
			parts = append(parts, hStr(fmt.Sprintf("%s.statuses[%d]", p, i), x.Statuses[i])+" "+hTime(fmt.Sprintf("%s.times[%d]", p, i), x.Times[i]))
		}
		ev.Detail = joinHTML(parts, " → ")
	} else {
		for i, t := range x.Times {
			parts = append(parts, hTime(fmt.Sprintf("%s.times[%d]", p, i), t))
		}
		sep := template.HTML(", ")
		if len(x.Times) == 2 && x.Entity != "" && len(x.Statuses) == 0 {
			sep = " to "
		}
		ev.Detail = joinHTML(parts, sep)
		if len(x.Statuses) > 0 {
			var st []template.HTML
			for i, s := range x.Statuses {
				st = append(st, hStr(fmt.Sprintf("%s.statuses[%d]", p, i), s))
			}
			ev.Detail = joinHTML(st, " → ") + " · " + ev.Detail
		}
	}
	if tr := v.R.Trails[x.Customer]; tr != nil {
		var focus []time.Time
		for _, s := range x.Times {
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				focus = append(focus, t)
			}
		}
		ev.Trail = newTrailView(tr, "trail-"+id, focus)
	}
	return ev
}
