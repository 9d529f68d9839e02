package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/notelint/notelint/simulate"
)

// contactCaveat is the plain-words warning every Contacts section carries.
const contactCaveat = "These are associations in historical data: a contact after a message was not necessarily caused by it, and fewer contacts are not proof that a message prevented them."

// ctable is one table of the Contacts section, for the text and md printers.
type ctable struct {
	header []string
	rows   [][]string
}

// fmtLift renders a lift ("-" when undefined).
func fmtLift(l *float64) string {
	if l == nil {
		return "-"
	}
	return fmt.Sprintf("%.2f", *l)
}

func fmtMinutes(m *int64) string {
	if m == nil {
		return "-"
	}
	return simulate.HumanDuration(time.Duration(*m) * time.Minute)
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// contactSummary is the section's opening in sentences.
func contactSummary(c *simulate.ContactStats) []string {
	out := []string{
		fmt.Sprintf("%d contacts (%s); window %s after a message; silence: more than %s without a message, before the final status.",
			c.Contacts, strings.Join(c.Inputs, ", "), simulate.HumanSetting(c.Window), dash(simulate.HumanSetting(c.SilentGapAfter))),
		fmt.Sprintf("After a template %d, in a silence %d, unattributed %d (background %d, before the customer's first event %d, after the last event + window %d, inside another entity's window or silence %d).",
			c.AfterTemplate, c.InSilence, c.Unattributed, c.Background, c.BeforeFirstEvent, c.AfterExposure, c.OtherEntity),
		fmt.Sprintf("Background: %d contacts in %.1f hours outside message windows and silences = %.2f per 100 windows of %s.",
			c.Background, c.BackgroundHours, c.BackgroundPer100, simulate.HumanSetting(c.Window)),
	}
	if u := c.UnknownCustomers; u.Contacts > 0 {
		out = append(out, fmt.Sprintf("Not attributed: %d contacts of %d customers with no event (%s).", u.Contacts, u.Customers, strings.Join(u.First, ", ")))
	}
	if c.UnknownEntity > 0 {
		out = append(out, fmt.Sprintf("%d contacts name an entity the customer has no event for; they were read as naming none.", c.UnknownEntity))
	}
	return append(out, contactCaveat)
}

// contactTables are the section's tables.
func contactTables(c *simulate.ContactStats) []ctable {
	tpl := ctable{header: []string{"template (by lift)", "messages", "contacts", "per 100 messages", "lift", "customers contacted", "median delay"}}
	for _, t := range c.Templates {
		tpl.rows = append(tpl.rows, []string{t.ID, fmt.Sprint(t.Messages), fmt.Sprint(t.Contacts), fmt.Sprintf("%.2f", t.Per100Messages), fmtLift(t.Lift),
			fmt.Sprintf("%d of %d (%s)", t.CustomersContacted, t.Customers, pct(t.ShareContacted)), fmtMinutes(t.MedianMinutes)})
	}
	sil := ctable{header: []string{"silence after status", "contacts", "silent hours", "per 100 windows", "lift"}}
	for _, s := range c.Statuses {
		sil.rows = append(sil.rows, []string{s.Status, fmt.Sprint(s.Contacts), fmt.Sprintf("%.1f", s.SilenceHours), fmt.Sprintf("%.2f", s.Per100Windows), fmtLift(s.Lift)})
	}
	pol := ctable{header: []string{"as-is messages the policy", "messages", "followed by a contact", "share"}}
	for _, f := range c.Policy {
		if f.Messages == 0 && f.Fate != "kept" {
			continue
		}
		name := "keeps"
		if f.Fate != "kept" {
			name = "drops by " + f.Fate
		}
		pol.rows = append(pol.rows, []string{name, fmt.Sprint(f.Messages), fmt.Sprint(f.WithContact), pct(f.Share)})
	}
	out := []ctable{tpl, sil, pol}
	for _, b := range []struct {
		name string
		list []simulate.ContactBreakdown
	}{{"channel", c.Channels}, {"reason", c.Reasons}} {
		t := ctable{header: []string{b.name, "contacts", "after a template", "in a silence", "unattributed"}}
		for _, x := range b.list {
			t.rows = append(t.rows, []string{dash(x.Value), fmt.Sprint(x.Contacts), fmt.Sprint(x.AfterTemplate), fmt.Sprint(x.InSilence), fmt.Sprint(x.Unattributed)})
		}
		out = append(out, t)
	}
	return out
}

// writeContactsText prints the Contacts section as text.
func writeContactsText(w io.Writer, c *simulate.ContactStats) {
	fmt.Fprintln(w, "\nContacts")
	for _, s := range contactSummary(c) {
		fmt.Fprintln(w, s)
	}
	for _, ct := range contactTables(c) {
		fmt.Fprintln(w)
		t := newTable(ct.header...)
		for _, r := range ct.rows {
			cells := make([]any, len(r))
			for i, x := range r {
				cells[i] = x
			}
			t.add(cells...)
		}
		t.write(w)
	}
	if c.BadRows.Count > 0 {
		fmt.Fprintf(w, "\nbad contact rows skipped: %d; first:\n", c.BadRows.Count)
		for _, b := range c.BadRows.First {
			fmt.Fprintf(w, "  %s\n", b)
		}
	}
}

// writeContactsMarkdown prints the Contacts section for a pull-request comment.
func writeContactsMarkdown(w io.Writer, c *simulate.ContactStats) {
	fmt.Fprintln(w, "\n#### Contacts")
	fmt.Fprintln(w)
	for _, s := range contactSummary(c) {
		fmt.Fprintln(w, mdEscape(s))
		fmt.Fprintln(w)
	}
	for _, ct := range contactTables(c) {
		fmt.Fprintf(w, "| %s |\n|---%s|\n", strings.Join(ct.header, " | "), strings.Repeat("|--:", len(ct.header)-1))
		for _, r := range ct.rows {
			cells := make([]string, len(r))
			for i, x := range r {
				cells[i] = mdEscape(x)
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		fmt.Fprintln(w)
	}
	if c.BadRows.Count > 0 {
		fmt.Fprintf(w, "Bad contact rows skipped: %d (first: %s).\n", c.BadRows.Count, mdEscape(c.BadRows.First[0].String()))
	}
}
