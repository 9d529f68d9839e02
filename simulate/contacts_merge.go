package simulate

import "errors"

// mergeContacts adds the Contacts sections of reports over disjoint
// customers (each shard's contacts split by the same customer key as its
// events). All or none of the reports must have one.
func mergeContacts(reports []*Report) (*ContactStats, error) {
	var out *ContactStats
	for i, r := range reports {
		c := r.Contacts
		if (c == nil) != (reports[0].Contacts == nil) {
			return nil, errors.New("merge: some reports have contacts, some do not")
		}
		if c == nil {
			continue
		}
		if i == 0 {
			out = &ContactStats{Window: c.Window, SilentGapAfter: c.SilentGapAfter, windowNs: c.windowNs,
				BadRows: BadRows{First: []BadRow{}}, UnknownCustomers: UnknownCustomers{First: []string{}}}
		}
		if c.Window != out.Window || c.SilentGapAfter != out.SilentGapAfter {
			return nil, errors.New("merge: the contact windows differ")
		}
		out.Inputs = appendNew(out.Inputs, c.Inputs...)
		out.Contacts += c.Contacts
		out.AfterTemplate += c.AfterTemplate
		out.InSilence += c.InSilence
		out.Unattributed += c.Unattributed
		out.Background += c.Background
		out.BeforeFirstEvent += c.BeforeFirstEvent
		out.AfterExposure += c.AfterExposure
		out.OtherEntity += c.OtherEntity
		out.UnknownEntity += c.UnknownEntity
		out.BackgroundExposureMs += c.BackgroundExposureMs
		out.UnknownCustomers.Contacts += c.UnknownCustomers.Contacts
		out.UnknownCustomers.Customers += c.UnknownCustomers.Customers
		out.UnknownCustomers.First = append(out.UnknownCustomers.First, c.UnknownCustomers.First...)
		out.Templates = mergeTemplateContacts(out.Templates, c.Templates)
		out.Statuses = mergeStatusContacts(out.Statuses, c.Statuses)
		out.Channels = mergeBreakdown(out.Channels, c.Channels)
		out.Reasons = mergeBreakdown(out.Reasons, c.Reasons)
		out.Policy = mergeFates(out.Policy, c.Policy)
		out.BadRows.Count += c.BadRows.Count
		out.BadRows.First = append(out.BadRows.First, c.BadRows.First...)
	}
	if out != nil {
		out.BadRows.First = firstBadRows(out.BadRows.First, out.Inputs)
		out.finish()
	}
	return out, nil
}

func mergeTemplateContacts(into, add []TemplateContacts) []TemplateContacts {
	for _, t := range add {
		i := 0
		for i < len(into) && into[i].ID != t.ID {
			i++
		}
		if i == len(into) {
			into = append(into, TemplateContacts{ID: t.ID, Delays: []DelayBin{}})
		}
		d := &into[i]
		d.Messages += t.Messages
		d.Contacts += t.Contacts
		d.MessagesWithContact += t.MessagesWithContact
		d.Customers += t.Customers
		d.CustomersContacted += t.CustomersContacted
		at := make(map[int64]int, len(d.Delays))
		for j, b := range d.Delays {
			at[b.Minutes] = j
		}
		for _, b := range t.Delays {
			j, ok := at[b.Minutes]
			if !ok {
				j = len(d.Delays)
				at[b.Minutes] = j
				d.Delays = append(d.Delays, DelayBin{Minutes: b.Minutes})
			}
			d.Delays[j].Contacts += b.Contacts
		}
	}
	return into
}

func mergeStatusContacts(into, add []StatusContacts) []StatusContacts {
	for _, s := range add {
		i := 0
		for i < len(into) && into[i].Status != s.Status {
			i++
		}
		if i == len(into) {
			into = append(into, StatusContacts{Status: s.Status})
		}
		into[i].Contacts += s.Contacts
		into[i].SilenceMs += s.SilenceMs
	}
	return into
}

func mergeBreakdown(into, add []ContactBreakdown) []ContactBreakdown {
	if into == nil {
		into = []ContactBreakdown{}
	}
	for _, b := range add {
		i := 0
		for i < len(into) && into[i].Value != b.Value {
			i++
		}
		if i == len(into) {
			into = append(into, ContactBreakdown{Value: b.Value})
		}
		into[i].Contacts += b.Contacts
		into[i].AfterTemplate += b.AfterTemplate
		into[i].InSilence += b.InSilence
		into[i].Unattributed += b.Unattributed
	}
	return into
}

func mergeFates(into, add []FateContacts) []FateContacts {
	for _, f := range add {
		i := 0
		for i < len(into) && into[i].Fate != f.Fate {
			i++
		}
		if i == len(into) {
			into = append(into, FateContacts{Fate: f.Fate})
		}
		into[i].Messages += f.Messages
		into[i].WithContact += f.WithContact
	}
	return into
}
