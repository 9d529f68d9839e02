package report

import (
	"fmt"
	"html/template"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/svg"
)

// The Contacts section of the HTML report (--contacts).

// Colours of the lift chart: above the background (more contacts) and at
// or below it.
const (
	colorMoreContacts  = svg.Vermillion
	colorFewerContacts = svg.Green
)

type contactsView struct {
	Summary  []template.HTML
	Caveat   string
	LiftSVG  template.HTML
	Tpl      []contactTplRow
	Silences []contactSilRow
	Policy   []contactFateRow
	Channels []contactBreakRow
	Reasons  []contactBreakRow
	BadCount template.HTML
	BadRows  []badRowView
}

type contactTplRow struct {
	ID, Messages, Contacts, Per100, Lift, Contacted, Customers, Median template.HTML
	Above, Below                                                       bool
}

type contactSilRow struct {
	Status, Contacts, Hours, Per100, Lift template.HTML
	Above                                 bool
}

type contactFateRow struct {
	What                         string
	Messages, WithContact, Share template.HTML
}

type contactBreakRow struct {
	Value, Contacts, Template, Silence, Unattributed template.HTML
}

func hLift(path string, l *float64) template.HTML {
	if l == nil {
		return `<span class="off">–</span>`
	}
	return hDec(path, *l, 2)
}

func (v *htmlView) contacts() {
	c := v.R.Contacts
	if c == nil {
		return
	}
	cv := &contactsView{Caveat: contactCaveat}
	cv.Summary = []template.HTML{
		template.HTML(fmt.Sprintf("%s contacts were joined to the as-is messages: a contact belongs to the latest message to the customer (to the parcel, when the contact names one) if it came within %s of it; otherwise to a silence (no message for longer than %s, no final status yet); otherwise it is unattributed.",
			hInt("contacts.contacts", c.Contacts), hDur("contacts.window", c.Window), silentWords(c.SilentGapAfter))),
		template.HTML(fmt.Sprintf("After a message: <b>%s</b>. During a silence: <b>%s</b>. Unattributed: <b>%s</b>, of which %s fall in the background (%s before the customer's first event, %s after the last event and its window, %s inside another parcel's window or silence).",
			hInt("contacts.after_template", c.AfterTemplate), hInt("contacts.in_silence", c.InSilence), hInt("contacts.unattributed", c.Unattributed),
			hInt("contacts.background", c.Background), hInt("contacts.before_first_event", c.BeforeFirstEvent), hInt("contacts.after_exposure", c.AfterExposure), hInt("contacts.inside_other_entity_window", c.OtherEntity))),
		template.HTML(fmt.Sprintf("The background rate: %s contacts in %s hours outside every message window and silence, that is <b>%s</b> contacts per <span data-static>100</span> windows of %s. A template's <b>lift</b> is its contacts per <span data-static>100</span> messages divided by this rate: above <span data-static>1</span>, more contacts follow the message than the background; below <span data-static>1</span>, fewer.",
			hInt("contacts.background", c.Background), hDec("contacts.background_exposure_hours", c.BackgroundHours, 1), hDec("contacts.background_per_100_windows", c.BackgroundPer100, 2), hDur("contacts.window", c.Window))),
	}
	if u := c.UnknownCustomers; u.Contacts > 0 {
		cv.Summary = append(cv.Summary, template.HTML(fmt.Sprintf("%s contacts of %s customers with no event in the stream were not attributed.",
			hInt("contacts.unknown_customers.contacts", u.Contacts), hInt("contacts.unknown_customers.customers", u.Customers))))
	}
	var labels []string
	above := svg.Series{Key: "above", Name: "more contacts than the background", Color: colorMoreContacts}
	below := svg.Series{Key: "below", Name: "as many or fewer", Color: colorFewerContacts}
	for i, t := range c.Templates {
		p := fmt.Sprintf("contacts.templates[%d]", i)
		row := contactTplRow{ID: hStr(p+".id", t.ID), Messages: hInt(p+".messages", t.Messages), Contacts: hInt(p+".contacts", t.Contacts),
			Per100: hDec(p+".contacts_per_100_messages", t.Per100Messages, 2), Lift: hLift(p+".lift", t.Lift),
			Contacted: hInt(p+".customers_contacted", t.CustomersContacted), Customers: hInt(p+".customers", t.Customers),
			Median: `<span class="off">–</span>`}
		if t.MedianMinutes != nil {
			row.Median = hInt(p+".median_minutes", *t.MedianMinutes) + " min"
		}
		if t.Lift != nil {
			row.Above, row.Below = *t.Lift > 1, *t.Lift < 1
			labels = append(labels, t.ID)
			a, b := 0.0, *t.Lift
			if row.Above {
				a, b = *t.Lift, 0
			}
			above.Values, below.Values = append(above.Values, a), append(below.Values, b)
			above.JSON, below.JSON = append(above.JSON, p+".lift"), append(below.JSON, p+".lift")
		}
		cv.Tpl = append(cv.Tpl, row)
	}
	if len(labels) > 0 {
		b := svg.Bars{ID: "contact-lift", Title: "Contacts after each template, against the background",
			Desc:   "Lift of each template: its contacts per 100 messages divided by the background contacts per 100 windows. Above 1 in red, at or below 1 in green.",
			Labels: labels, Horizontal: true, OneBar: true, Values: true, Unit: "× the background", Format: func(x float64) string { return fmtDec(x, 2) },
			Series: []svg.Series{above, below}}
		cv.LiftSVG = template.HTML(b.SVG())
	}
	for i, s := range c.Statuses {
		p := fmt.Sprintf("contacts.silences[%d]", i)
		cv.Silences = append(cv.Silences, contactSilRow{Status: hStr(p+".status", s.Status), Contacts: hInt(p+".contacts", s.Contacts),
			Hours: hDec(p+".silence_hours", s.SilenceHours, 1), Per100: hDec(p+".contacts_per_100_windows", s.Per100Windows, 2),
			Lift: hLift(p+".lift", s.Lift), Above: s.Lift != nil && *s.Lift > 1})
	}
	for i, f := range c.Policy {
		if f.Messages == 0 && f.Fate != "kept" {
			continue
		}
		p := fmt.Sprintf("contacts.policy[%d]", i)
		what := "kept by the policy"
		if f.Fate != "kept" {
			what = "held back by " + f.Fate
		}
		cv.Policy = append(cv.Policy, contactFateRow{What: what, Messages: hInt(p+".messages", f.Messages), WithContact: hInt(p+".with_contact", f.WithContact), Share: hDec(p+".share", f.Share, 3)})
	}
	for _, b := range []struct {
		key  string
		list []simulate.ContactBreakdown
		into *[]contactBreakRow
	}{{"channels", c.Channels, &cv.Channels}, {"reasons", c.Reasons, &cv.Reasons}} {
		for i, x := range b.list {
			p := fmt.Sprintf("contacts.%s[%d]", b.key, i)
			val := hStr(p+".value", x.Value)
			if x.Value == "" {
				val = `<span class="off">not given</span>`
			}
			*b.into = append(*b.into, contactBreakRow{Value: val, Contacts: hInt(p+".contacts", x.Contacts), Template: hInt(p+".after_template", x.AfterTemplate),
				Silence: hInt(p+".in_silence", x.InSilence), Unattributed: hInt(p+".unattributed", x.Unattributed)})
		}
	}
	if c.BadRows.Count > 0 {
		cv.BadCount = hInt("contacts.bad_rows.count", c.BadRows.Count)
		for i, b := range c.BadRows.First {
			p := fmt.Sprintf("contacts.bad_rows.first[%d]", i)
			cv.BadRows = append(cv.BadRows, badRowView{File: hStr(p+".file", b.File), Line: hInt(p+".line", b.Line), Reason: hStr(p+".reason", b.Reason)})
		}
	}
	v.Contacts = cv
}

func silentWords(after string) template.HTML {
	if after == "" {
		return `<span class="off">(silences off: silent_gap is off)</span>`
	}
	return hDur("contacts.silent_gap_after", after)
}
