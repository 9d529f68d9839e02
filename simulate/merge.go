package simulate

import (
	"errors"
	"reflect"
	"slices"
	"sort"
	"time"
)

// Merge combines reports of runs over disjoint sets of customers (shards of
// one stream split by customer, say) into the report a single run would
// give: counts add up, percentiles come from the merged histograms, examples
// and the noisiest customers are re-selected. All reports must come from the
// same policy and templates.
func Merge(reports ...*Report) (*Report, error) {
	if len(reports) == 0 {
		return nil, errors.New("merge: no reports")
	}
	first := reports[0]
	if err := checkDiagnostics(reports); err != nil {
		return nil, err
	}
	out := &Report{Schema: first.Schema, Settings: first.Settings, Replay: "streaming", Notes: []string{}}
	var hist [2]map[int]int64
	byTpl := map[string]*TemplateStats{}
	byChan := map[string]*ChannelStats{}
	reasons := map[string]int64{}
	var from, to time.Time
	for _, r := range reports {
		if r.Schema != first.Schema || !reflect.DeepEqual(r.Settings, first.Settings) {
			return nil, errors.New("merge: the reports come from different policies or schemas")
		}
		out.Inputs = appendNew(out.Inputs, r.Inputs...)
		if r.Replay == "buffered" {
			out.Replay = "buffered"
		}
		out.Events += r.Events
		out.Customers += r.Customers
		out.Entities += r.Entities
		for _, s := range []string{r.TimeSpan.From, r.TimeSpan.To} {
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				continue
			}
			if from.IsZero() || t.Before(from) {
				from = t
			}
			if to.IsZero() || t.After(to) {
				to = t
			}
		}
		for k, st := range []StreamStats{r.AsIs, r.Policy} {
			for _, b := range st.Histogram {
				if hist[k] == nil {
					hist[k] = map[int]int64{}
				}
				hist[k][b.Messages] += b.Customers
			}
		}
		for _, rc := range r.Suppressed.ByReason {
			reasons[rc.Reason] += rc.Messages
		}
		out.Deferred += r.Deferred
		out.Daily = mergeDays(out.Daily, r.Daily)
		for _, t := range r.Templates {
			if m := byTpl[t.ID]; m != nil {
				m.AsIs += t.AsIs
				m.Policy += t.Policy
			} else {
				c := t
				byTpl[t.ID] = &c
				out.Templates = append(out.Templates, t)
			}
		}
		for _, c := range r.Channels {
			if m := byChan[c.Channel]; m != nil {
				m.AsIs += c.AsIs
				m.Policy += c.Policy
			} else {
				cc := c
				byChan[c.Channel] = &cc
			}
		}
		if r.SMS != nil {
			if out.SMS == nil {
				out.SMS = &SMSStats{SegmentPrice: r.SMS.SegmentPrice, Currency: r.SMS.Currency}
			}
			out.SMS.AsIsSegments += r.SMS.AsIsSegments
			out.SMS.PolicySegments += r.SMS.PolicySegments
		}
		out.Flags = mergeFlags(out.Flags, r.Flags)
		out.SourceFlapping = mergeSourceFlapping(out.SourceFlapping, r.SourceFlapping)
		if r.SilenceChange != nil {
			if out.SilenceChange == nil {
				out.SilenceChange = &SilenceChange{}
			}
			out.SilenceChange.add(r.SilenceChange)
		}
		for _, c := range r.TopCustomers {
			out.TopCustomers = addTop(out.TopCustomers, c)
		}
		out.BadRows.Count += r.BadRows.Count
		out.BadRows.First = append(out.BadRows.First, r.BadRows.First...)
	}
	out.BadRows.First = firstBadRows(out.BadRows.First, out.Inputs)
	out.Fingerprints = first.Fingerprints
	out.Shard = mergeShards(reports)
	out.merge = mergeNotes(reports)
	keepalive := false // a part's run noted its keep-alives: so would a single run
	for _, r := range reports {
		keepalive = keepalive || slices.Contains(r.Notes, keepaliveNote)
	}
	out.Notes = out.merge.notes(out.Shard, keepalive)
	if !from.IsZero() {
		out.TimeSpan = TimeSpan{From: fmtTime(from.UnixNano()), To: fmtTime(to.UnixNano())}
	}
	out.AsIs, out.Policy = sparseStats(hist[0]), sparseStats(hist[1])
	out.Keepalive = mergeKeepalive(reports)
	out.Suppressed = Suppressed{Total: out.AsIs.Messages - out.policyStatusMessages()}
	for _, rc := range first.Suppressed.ByReason {
		out.Suppressed.ByReason = append(out.Suppressed.ByReason, ReasonCount{Reason: rc.Reason, Messages: reasons[rc.Reason]})
	}
	for i := range out.Templates {
		out.Templates[i] = *byTpl[out.Templates[i].ID]
	}
	out.Channels = []ChannelStats{}
	for _, c := range byChan {
		out.Channels = append(out.Channels, *c)
	}
	sort.Slice(out.Channels, func(i, j int) bool { return out.Channels[i].Channel < out.Channels[j].Channel })
	if out.SMS != nil {
		out.SMS.AsIsCost = RoundMoney(float64(out.SMS.AsIsSegments) * out.SMS.SegmentPrice)
		out.SMS.PolicyCost = RoundMoney(float64(out.SMS.PolicySegments) * out.SMS.SegmentPrice)
	}
	if out.Daily == nil {
		out.Daily = []DayCount{}
	}
	if out.BadRows.First == nil {
		out.BadRows.First = []BadRow{}
	}
	contacts, err := mergeContacts(reports)
	if err != nil {
		return nil, err
	}
	out.Contacts = contacts
	out.rows = &customerRows{build: func() []CustomerRow {
		var rows []CustomerRow
		for _, r := range reports {
			rows = append(rows, r.CustomerRows()...)
		}
		return rows
	}}
	for _, r := range reports {
		if r.rows == nil {
			out.rows = nil // a part without its rows: no CSV report
		}
	}
	out.Trails = map[string]*Explanation{}
	for _, r := range reports {
		if r.Trails == nil {
			out.Trails, out.TrailsMissing = nil, r.TrailsMissing
			break
		}
		for id, x := range r.Trails {
			out.Trails[id] = x
		}
	}
	if out.Trails != nil {
		// Keep the trails of the customers the merged report names.
		named := map[string]*Explanation{}
		for _, id := range out.shownCustomers() {
			if x := out.Trails[id]; x != nil {
				named[id] = x
			}
		}
		out.Trails = named
	}
	return out, nil
}

func mergeFlags(into, add []FlagStats) []FlagStats {
	if into == nil {
		out := make([]FlagStats, len(add))
		for i, f := range add {
			out[i] = FlagStats{Name: f.Name, Unit: f.Unit, AsIs: FlagCount{Examples: []Example{}}, Policy: FlagCount{Examples: []Example{}}}
		}
		into = out
	}
	for i, f := range add {
		for _, p := range [][2]*FlagCount{{&into[i].AsIs, &f.AsIs}, {&into[i].Policy, &f.Policy}} {
			dst, src := p[0], p[1]
			dst.Count += src.Count
			dst.Customers += src.Customers
			set := exampleSet(dst.Examples)
			for _, x := range src.Examples {
				if set.wants([]byte(x.Customer)) {
					set.add(x)
				}
			}
			dst.Examples = set
		}
	}
	return into
}
