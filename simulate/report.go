package simulate

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// SchemaVersion names the JSON report schema (documented in the README).
const SchemaVersion = "notelint.simulate/v1"

// Report is the result of a replay. Every printer renders this one value.
type Report struct {
	Schema       string          `json:"schema"`
	Inputs       []string        `json:"inputs"`
	Settings     PolicySummary   `json:"settings"`
	Replay       string          `json:"replay"` // "streaming" or "buffered"
	Notes        []string        `json:"notes"`
	Events       int64           `json:"events"`
	Customers    int64           `json:"customers"`
	Entities     int64           `json:"entities"`
	TimeSpan     TimeSpan        `json:"time_span"`
	AsIs         StreamStats     `json:"as_is"`
	Policy       StreamStats     `json:"policy"`
	Suppressed   Suppressed      `json:"suppressed"`
	Deferred     int64           `json:"deferred"`
	Keepalive    *KeepaliveStats `json:"keepalive,omitempty"` // nil: the policy has no keep-alives
	Templates    []TemplateStats `json:"templates"`
	Channels     []ChannelStats  `json:"channels"`
	Daily        []DayCount      `json:"daily"` // messages per local calendar day (days with messages)
	SMS          *SMSStats       `json:"sms"`   // nil without templates
	Flags        []FlagStats     `json:"flags"`
	TopCustomers []CustomerRow   `json:"top_customers"`
	BadRows      BadRows         `json:"bad_rows"`
	Contacts     *ContactStats   `json:"contacts,omitempty"` // --contacts: nil without

	// SourceFlapping and SilenceChange: nil when flapping_window or
	// silent_gap_after is off.
	SourceFlapping *SourceFlapping `json:"source_flapping,omitempty"`
	SilenceChange  *SilenceChange  `json:"silence_change,omitempty"`

	// Shard, Fingerprints and Part make the JSON report mergeable (see
	// merge_part.go): Shard is nil for a complete report, Part is set by
	// AttachPart.
	Shard        *ShardSet    `json:"shard,omitempty"`
	Fingerprints Fingerprints `json:"fingerprints"`
	Part         *Part        `json:"part,omitempty"`
	// Trails holds the timelines of the customers the report names (flag
	// examples, noisiest customers); the HTML report shows them. Nil when
	// they could not be kept, and TrailsMissing says why. Not part of the
	// JSON report.
	Trails        map[string]*Explanation `json:"-"`
	TrailsMissing string                  `json:"-"`

	rows           *customerRows     // see CustomerRows
	policyContacts *policyContacts   // comparisons and sweeps with --contacts: see PolicyContacts
	contactSteps   map[string][]Step // --contacts: the contacts of the observed customers, for Explain
	merge          mergeState
}

// TimeSpan is the first and last event time (RFC 3339, UTC).
type TimeSpan struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// StreamStats describe the messages per customer of one stream.
type StreamStats struct {
	Messages  int64     `json:"messages"`
	Mean      float64   `json:"mean"`
	P50       int       `json:"p50"`
	P90       int       `json:"p90"`
	P99       int       `json:"p99"`
	Max       int       `json:"max"`
	Histogram []HistBin `json:"histogram"`
}

// HistBin is one bar of the histogram: how many customers got this many messages.
type HistBin struct {
	Messages  int   `json:"messages"`
	Customers int64 `json:"customers"`
}

// Suppressed counts policy-stream drops by reason (pipeline order).
type Suppressed struct {
	Total    int64         `json:"total"`
	ByReason []ReasonCount `json:"by_reason"`
}

// ReasonCount is the number of messages one control dropped.
type ReasonCount struct {
	Reason   string `json:"reason"`
	Messages int64  `json:"messages"`
}

// TemplateStats are the messages of one trigger template.
type TemplateStats struct {
	ID        string `json:"id"`
	Channel   string `json:"channel,omitempty"`
	Segments  int    `json:"segments,omitempty"` // worst-case SMS segments per message
	AsIs      int64  `json:"as_is"`
	Policy    int64  `json:"policy"`
	Keepalive bool   `json:"keepalive,omitempty"` // a keep-alive's template
}

// ChannelStats are the messages of one channel ("" when unknown).
type ChannelStats struct {
	Channel string `json:"channel"`
	AsIs    int64  `json:"as_is"`
	Policy  int64  `json:"policy"`
}

// SMSStats are the SMS segments of both streams and their cost.
type SMSStats struct {
	AsIsSegments   int64   `json:"as_is_segments"`
	PolicySegments int64   `json:"policy_segments"`
	SegmentPrice   float64 `json:"segment_price"`
	Currency       string  `json:"currency"`
	AsIsCost       float64 `json:"as_is_cost"`
	PolicyCost     float64 `json:"policy_cost"`
}

// FlagStats are one flag in both streams.
type FlagStats struct {
	Name   string    `json:"name"`
	Unit   string    `json:"unit"` // what Count counts: customers, entities or messages
	AsIs   FlagCount `json:"as_is"`
	Policy FlagCount `json:"policy"`
}

// FlagCount is one flag in one stream.
type FlagCount struct {
	Count     int64     `json:"count"`
	Customers int64     `json:"customers"`
	Examples  []Example `json:"examples"`
}

// BadRows summarizes skipped input rows.
type BadRows struct {
	Count int64    `json:"count"`
	First []BadRow `json:"first"`
}

// PolicySummary is the policy as the report shows it.
type PolicySummary struct {
	Source      string             `json:"source"`
	Timezone    string             `json:"timezone"`
	Final       []string           `json:"final"`
	Dedupe      bool               `json:"dedupe"`
	Collapse    string             `json:"collapse"`
	QuietHours  string             `json:"quiet_hours"`
	QuietAction string             `json:"quiet_action"`
	MinGap      string             `json:"min_gap"`
	MaxPerDay   int                `json:"max_per_day"`
	Triggers    []TriggerSummary   `json:"triggers"`
	Keepalive   []KeepaliveSummary `json:"keepalive,omitempty"`
	Flags       FlagSettings       `json:"flags"`
	Templates   bool               `json:"templates"` // templates were linked (--templates)
}

// TriggerSummary is one trigger.
type TriggerSummary struct {
	Statuses []string `json:"statuses"`
	Template string   `json:"template"`
}

// FlagSettings are the flag thresholds ("" or 0: off).
type FlagSettings struct {
	BurstCount     int    `json:"burst_count"`
	BurstWindow    string `json:"burst_window"`
	FlappingWindow string `json:"flapping_window"`
	SilentGapAfter string `json:"silent_gap_after"`
}

// Controls describes the noise controls of the policy in one line:
// "dedupe · collapse 30m · quiet_hours 21:00-08:00 (defer)".
func (s PolicySummary) Controls() string {
	var parts []string
	if s.Dedupe {
		parts = append(parts, "dedupe")
	}
	if s.Collapse != "" {
		parts = append(parts, "collapse "+HumanSetting(s.Collapse))
	}
	if s.QuietHours != "" {
		parts = append(parts, fmt.Sprintf("quiet_hours %s (%s)", s.QuietHours, s.QuietAction))
	}
	if s.MinGap != "" {
		parts = append(parts, "min_gap "+HumanSetting(s.MinGap))
	}
	if s.MaxPerDay > 0 {
		parts = append(parts, fmt.Sprintf("max_per_day %d", s.MaxPerDay))
	}
	if len(parts) == 0 {
		return "no noise controls"
	}
	return strings.Join(parts, " · ")
}

func durOrEmpty(d int64) string {
	if d <= 0 {
		return ""
	}
	return formatDuration(durationOf(d))
}

func newReport(opts *Options, pol *compiled) *Report {
	p := pol.p
	s := PolicySummary{
		Source:    p.Source,
		Timezone:  p.TimezoneName(),
		Final:     append([]string{}, p.Final...),
		Dedupe:    p.Dedupe,
		Collapse:  durOrEmpty(int64(p.Collapse)),
		MinGap:    durOrEmpty(int64(p.MinGap)),
		MaxPerDay: p.MaxPerDay,
		Templates: pol.haveInfo,
	}
	if p.Quiet != nil {
		s.QuietHours = p.Quiet.String()
		s.QuietAction = "defer"
		if p.QuietDrop {
			s.QuietAction = "drop"
		}
	}
	for _, t := range p.Triggers {
		s.Triggers = append(s.Triggers, TriggerSummary(t))
	}
	s.Keepalive = keepaliveSummaries(p)
	if p.Flags.BurstCount > 1 {
		s.Flags.BurstCount = p.Flags.BurstCount
		s.Flags.BurstWindow = durOrEmpty(int64(p.Flags.BurstWindow))
	}
	s.Flags.FlappingWindow = durOrEmpty(int64(p.Flags.FlappingWindow))
	s.Flags.SilentGapAfter = durOrEmpty(int64(p.Flags.SilentAfter))
	return &Report{
		Schema:   SchemaVersion,
		Inputs:   append([]string{}, opts.Inputs...),
		Settings: s,
		Notes:    []string{},
	}
}

func streamStats(h histogram) StreamStats {
	st := StreamStats{Histogram: []HistBin{}}
	st.Messages = h.total()
	if n := h.customers(); n > 0 {
		st.Mean = float64(st.Messages) / float64(n)
	}
	st.P50, st.P90, st.P99, st.Max = h.percentile(50), h.percentile(90), h.percentile(99), h.max()
	for n, c := range h {
		if c > 0 {
			st.Histogram = append(st.Histogram, HistBin{Messages: n, Customers: c})
		}
	}
	return st
}

func (r *Report) fillTemplates(pol *compiled, acc *accum) {
	byChannel := map[string]*ChannelStats{}
	r.Templates = []TemplateStats{}
	r.Channels = []ChannelStats{}
	var sms SMSStats
	for i, id := range pol.templates {
		info := pol.info[i]
		t := TemplateStats{ID: id, Channel: info.Channel, Segments: info.Segments,
			AsIs: acc.tplMsgs[streamAsIs][i], Policy: acc.tplMsgs[streamPolicy][i], Keepalive: i >= pol.nTriggerTpl}
		r.Templates = append(r.Templates, t)
		cs := byChannel[info.Channel]
		if cs == nil {
			cs = &ChannelStats{Channel: info.Channel}
			byChannel[info.Channel] = cs
		}
		cs.AsIs += t.AsIs
		cs.Policy += t.Policy
		sms.AsIsSegments += t.AsIs * int64(info.Segments)
		sms.PolicySegments += t.Policy * int64(info.Segments)
	}
	for _, cs := range byChannel {
		r.Channels = append(r.Channels, *cs)
	}
	sort.Slice(r.Channels, func(i, j int) bool { return r.Channels[i].Channel < r.Channels[j].Channel })
	if pol.haveInfo {
		sms.SegmentPrice, sms.Currency = pol.p.Cost.SMSSegment, pol.p.Cost.Currency
		sms.AsIsCost = RoundMoney(float64(sms.AsIsSegments) * sms.SegmentPrice)
		sms.PolicyCost = RoundMoney(float64(sms.PolicySegments) * sms.SegmentPrice)
		r.SMS = &sms
	}
}

// RoundMoney rounds an amount as the report does: to 1/10000 of the
// currency unit (segment prices have three or four decimals).
func RoundMoney(x float64) float64 { return math.Round(x*10000) / 10000 }

func (r *Report) fillFlags(pol *compiled, acc *accum, flagCust [2][nFlags]int64) {
	r.Flags = make([]FlagStats, 0, nFlags)
	for f := 0; f < nFlags; f++ {
		fs := FlagStats{Name: flagNames[f], Unit: flagUnits[f]}
		for k, dst := range []*FlagCount{&fs.AsIs, &fs.Policy} {
			dst.Count = acc.flagCount[k][f]
			dst.Customers = flagCust[k][f]
			dst.Examples = append([]Example{}, acc.examples[k][f]...)
		}
		r.Flags = append(r.Flags, fs)
	}
}

// Flag returns the stats of the named flag.
func (r *Report) Flag(name string) (FlagStats, bool) {
	for _, f := range r.Flags {
		if f.Name == name {
			return f, true
		}
	}
	return FlagStats{}, false
}
