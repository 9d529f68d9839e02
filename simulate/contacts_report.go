package simulate

import (
	"sort"
	"time"
)

// ContactStats is the Contacts section of the report (--contacts): the
// contacts attributed to the as-is messages before them, to silences, or to
// the background. Every count is a sum over customers, so reports of
// disjoint customers merge exactly; the rates, shares, medians and lifts are
// derived from the counts (see finish).
type ContactStats struct {
	Inputs               []string           `json:"inputs"`
	Window               string             `json:"window"`
	SilentGapAfter       string             `json:"silent_gap_after"` // "" when silences are off
	Contacts             int64              `json:"contacts"`         // rows read (bad rows excluded)
	AfterTemplate        int64              `json:"after_template"`
	InSilence            int64              `json:"in_silence"`
	Unattributed         int64              `json:"unattributed"`
	Background           int64              `json:"background"`                 // unattributed, inside the background exposure
	BeforeFirstEvent     int64              `json:"before_first_event"`         // unattributed, before the customer's first event
	AfterExposure        int64              `json:"after_exposure"`             // unattributed, at or after the last event + window
	OtherEntity          int64              `json:"inside_other_entity_window"` // unattributed, naming an entity while another's window or silence is open
	UnknownEntity        int64              `json:"unknown_entity"`             // contacts naming an entity the customer has no event for (read as naming none)
	BackgroundExposureMs int64              `json:"background_exposure_ms"`     // exposure outside windows and silences
	BackgroundHours      float64            `json:"background_exposure_hours"`  // the same in hours
	BackgroundPer100     float64            `json:"background_per_100_windows"` // Background per 100 windows of the window length
	UnknownCustomers     UnknownCustomers   `json:"unknown_customers"`
	Templates            []TemplateContacts `json:"templates"` // ranked by lift
	Statuses             []StatusContacts   `json:"silences"`  // by contacts
	Channels             []ContactBreakdown `json:"channels"`
	Reasons              []ContactBreakdown `json:"reasons"`
	Policy               []FateContacts     `json:"policy"` // "kept" then each control
	BadRows              BadRows            `json:"bad_rows"`

	windowNs int64
}

// UnknownCustomers are contacts of customers without any event.
type UnknownCustomers struct {
	Contacts  int64    `json:"contacts"`
	Customers int64    `json:"customers"`
	First     []string `json:"first"` // the smallest five ids
}

// TemplateContacts are the contacts after one template's as-is messages.
type TemplateContacts struct {
	ID                  string     `json:"id"`
	Messages            int64      `json:"messages"`
	Contacts            int64      `json:"contacts"`
	MessagesWithContact int64      `json:"messages_with_contact"`
	Customers           int64      `json:"customers"`           // customers who got the template
	CustomersContacted  int64      `json:"customers_contacted"` // of them, those with a contact attributed to it
	Per100Messages      float64    `json:"contacts_per_100_messages"`
	ShareContacted      float64    `json:"share_contacted"` // CustomersContacted / Customers
	MedianMinutes       *int64     `json:"median_minutes"`  // nil without contacts
	Lift                *float64   `json:"lift"`            // nil when the background rate is 0
	Delays              []DelayBin `json:"delays"`          // contacts per whole minute after the message
}

// DelayBin counts contacts made Minutes (rounded down) after their message.
type DelayBin struct {
	Minutes  int64 `json:"minutes"`
	Contacts int64 `json:"contacts"`
}

// StatusContacts are the contacts during silences after one status.
type StatusContacts struct {
	Status        string   `json:"status"`
	Contacts      int64    `json:"contacts"`
	SilenceMs     int64    `json:"silence_ms"` // time entities spent silent in this status
	SilenceHours  float64  `json:"silence_hours"`
	Per100Windows float64  `json:"contacts_per_100_windows"`
	Lift          *float64 `json:"lift"`
}

// ContactBreakdown counts the contacts of one channel or reason.
type ContactBreakdown struct {
	Value         string `json:"value"` // "" when not given
	Contacts      int64  `json:"contacts"`
	AfterTemplate int64  `json:"after_template"`
	InSilence     int64  `json:"in_silence"`
	Unattributed  int64  `json:"unattributed"`
}

// FateContacts compares the as-is messages the policy keeps with those a
// control holds back: how many were followed by a contact attributed to them.
type FateContacts struct {
	Fate        string  `json:"fate"` // "kept" or the control: dedupe, collapse, quiet_hours, quiet_merge, min_gap, max_per_day
	Messages    int64   `json:"messages"`
	WithContact int64   `json:"with_contact"`
	Share       float64 `json:"share"`
}

// MaxLift returns the highest template lift (0 when none is defined).
func (c *ContactStats) MaxLift() float64 {
	var m float64
	for _, t := range c.Templates {
		if t.Lift != nil && *t.Lift > m {
			m = *t.Lift
		}
	}
	return m
}

// per100Windows is n contacts per 100 windows of exposure ms.
func (c *ContactStats) per100Windows(n, ms int64) float64 {
	if ms <= 0 {
		return 0
	}
	windows := float64(ms) / float64(c.windowNs/int64(time.Millisecond))
	return float64(n) / windows * 100
}

// finish derives the rates, shares, medians and lifts from the counts and
// sorts the tables.
func (c *ContactStats) finish() {
	c.BackgroundPer100 = c.per100Windows(c.Background, c.BackgroundExposureMs)
	c.BackgroundHours = float64(c.BackgroundExposureMs) / 3.6e6
	lift := func(rate float64) *float64 {
		if c.BackgroundPer100 <= 0 {
			return nil
		}
		l := rate / c.BackgroundPer100
		return &l
	}
	for i := range c.Templates {
		t := &c.Templates[i]
		t.Per100Messages, t.ShareContacted, t.MedianMinutes, t.Lift = 0, 0, nil, nil
		if t.Messages > 0 {
			t.Per100Messages = float64(t.Contacts) / float64(t.Messages) * 100
			t.Lift = lift(t.Per100Messages)
		}
		if t.Customers > 0 {
			t.ShareContacted = float64(t.CustomersContacted) / float64(t.Customers)
		}
		sort.Slice(t.Delays, func(a, b int) bool { return t.Delays[a].Minutes < t.Delays[b].Minutes })
		t.MedianMinutes = medianDelay(t.Delays, t.Contacts)
	}
	sort.SliceStable(c.Templates, func(a, b int) bool {
		x, y := c.Templates[a], c.Templates[b]
		lx, ly := liftKey(x.Lift), liftKey(y.Lift)
		if lx != ly {
			return lx > ly
		}
		if x.Per100Messages != y.Per100Messages {
			return x.Per100Messages > y.Per100Messages
		}
		return x.ID < y.ID
	})
	for i := range c.Statuses {
		s := &c.Statuses[i]
		s.Per100Windows = c.per100Windows(s.Contacts, s.SilenceMs)
		s.SilenceHours = float64(s.SilenceMs) / 3.6e6
		s.Lift = nil
		if s.SilenceMs > 0 {
			s.Lift = lift(s.Per100Windows)
		}
	}
	sort.SliceStable(c.Statuses, func(a, b int) bool {
		x, y := c.Statuses[a], c.Statuses[b]
		if x.Contacts != y.Contacts {
			return x.Contacts > y.Contacts
		}
		return x.Status < y.Status
	})
	for _, list := range [][]ContactBreakdown{c.Channels, c.Reasons} {
		sort.SliceStable(list, func(a, b int) bool {
			if list[a].Contacts != list[b].Contacts {
				return list[a].Contacts > list[b].Contacts
			}
			return list[a].Value < list[b].Value
		})
	}
	for i := range c.Policy {
		p := &c.Policy[i]
		p.Share = 0
		if p.Messages > 0 {
			p.Share = float64(p.WithContact) / float64(p.Messages)
		}
	}
	sort.Strings(c.UnknownCustomers.First)
	if len(c.UnknownCustomers.First) > maxBadKept {
		c.UnknownCustomers.First = c.UnknownCustomers.First[:maxBadKept]
	}
}

func liftKey(l *float64) float64 {
	if l == nil {
		return -1
	}
	return *l
}

// medianDelay is the nearest-rank median: the smallest delay that at least
// half of the n contacts do not exceed.
func medianDelay(bins []DelayBin, n int64) *int64 {
	if n == 0 {
		return nil
	}
	rank := (n + 1) / 2
	var cum int64
	for _, b := range bins {
		cum += b.Contacts
		if cum >= rank {
			m := b.Minutes
			return &m
		}
	}
	return nil
}
