package simulate

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// ReadPart decodes the JSON report of a --shard run (or of a merge with
// --allow-partial) and checks that it is whole and that its figures add up.
// name is the file it came from, for the errors; version is the running
// notelint's, which must have written the part.
func ReadPart(data []byte, name, version string) (*Report, error) {
	var r Report
	if err := json.Unmarshal(data, &r); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return nil, fmt.Errorf("%s: not a whole JSON report (truncated?): %w", name, err)
		}
		return nil, fmt.Errorf("%s: not a notelint simulate JSON report: %w", name, err)
	}
	if r.Schema != SchemaVersion {
		return nil, fmt.Errorf("%s: schema %q, this notelint reads %q: merge parts written by the same notelint version", name, r.Schema, SchemaVersion)
	}
	if r.Part == nil {
		if r.Shard == nil {
			return nil, fmt.Errorf("%s: a complete report, not a part: write parts with notelint simulate --shard I/N --format json", name)
		}
		return nil, fmt.Errorf("%s: no \"part\" section: write parts with notelint simulate --shard I/N --format json", name)
	}
	if r.Part.Notelint != version {
		return nil, fmt.Errorf("%s: written by notelint %s, this is notelint %s: merge parts written by the same version", name, r.Part.Notelint, version)
	}
	if err := checkShardSet(r.Shard); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var rows []CustomerRow
	if r.Part.Rows != nil {
		rows = make([]CustomerRow, len(r.Part.Rows))
		for i, s := range r.Part.Rows {
			var err error
			if rows[i], err = decodeRow(s); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	if err := r.checkFigures(rows); err != nil {
		return nil, fmt.Errorf("%s: the figures do not add up: %w", name, err)
	}
	if err := r.checkCustomersInShard(rows); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := r.restore(rows); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &r, nil
}

func checkShardSet(s *ShardSet) error {
	if s == nil {
		return errors.New("no \"shard\": write parts with notelint simulate --shard I/N --format json")
	}
	if s.Count < 1 || s.Count > maxShards || len(s.Indexes) == 0 {
		return fmt.Errorf("shard count %d with %d indexes: not a part", s.Count, len(s.Indexes))
	}
	for i, n := range s.Indexes {
		if n < 0 || n >= s.Count || i > 0 && n <= s.Indexes[i-1] {
			return fmt.Errorf("shard indexes %v: want ascending numbers from 0 to %d", s.Indexes, s.Count-1)
		}
	}
	return nil
}

// maxHistMessages bounds the messages of one customer (the replay counts
// them in 32 bits).
const maxHistMessages = math.MaxUint32

// checkFigures checks the sums a report's figures must satisfy.
func (r *Report) checkFigures(rows []CustomerRow) error {
	if len(r.Flags) != nFlags {
		return fmt.Errorf("%d flags, want %d", len(r.Flags), nFlags)
	}
	for i, f := range r.Flags {
		if f.Name != flagNames[i] {
			return fmt.Errorf("flag %d is %q, want %q", i+1, f.Name, flagNames[i])
		}
	}
	if len(r.Suppressed.ByReason) != nDrops {
		return fmt.Errorf("%d suppression reasons, want %d", len(r.Suppressed.ByReason), nDrops)
	}
	for i, rc := range r.Suppressed.ByReason {
		if rc.Reason != dropNames[i] {
			return fmt.Errorf("suppression reason %d is %q, want %q", i+1, rc.Reason, dropNames[i])
		}
	}
	for _, st := range []struct {
		name string
		s    StreamStats
	}{{"as_is", r.AsIs}, {"policy", r.Policy}} {
		var cust, msgs int64
		for _, b := range st.s.Histogram {
			if b.Messages < 0 || b.Messages > maxHistMessages || b.Customers <= 0 {
				return fmt.Errorf("%s histogram bin %+v", st.name, b)
			}
			cust += b.Customers
			msgs += int64(b.Messages) * b.Customers
		}
		if cust != r.Customers {
			return fmt.Errorf("customers %d, %s histogram %d", r.Customers, st.name, cust)
		}
		if msgs != st.s.Messages {
			return fmt.Errorf("%s messages %d, histogram %d", st.name, st.s.Messages, msgs)
		}
	}
	if status := r.policyStatusMessages(); r.Suppressed.Total != r.AsIs.Messages-status {
		return fmt.Errorf("suppressed %d, as-is minus policy status messages %d", r.Suppressed.Total, r.AsIs.Messages-status)
	}
	var tAsIs, tPol int64
	for _, t := range r.Templates {
		tAsIs += t.AsIs
		tPol += t.Policy
	}
	if tAsIs != r.AsIs.Messages || tPol != r.Policy.Messages {
		return fmt.Errorf("templates %d as-is and %d policy messages, streams %d and %d", tAsIs, tPol, r.AsIs.Messages, r.Policy.Messages)
	}
	if r.Events < r.Customers || r.Customers < 0 || r.Entities < r.Customers {
		return fmt.Errorf("%d events, %d customers, %d entities", r.Events, r.Customers, r.Entities)
	}
	if r.BadRows.Count < int64(len(r.BadRows.First)) {
		return fmt.Errorf("%d bad rows, %d listed", r.BadRows.Count, len(r.BadRows.First))
	}
	if r.Part.Rows != nil {
		if int64(len(rows)) != r.Customers {
			return fmt.Errorf("customers %d, %d per-customer rows", r.Customers, len(rows))
		}
		var asIs, sent int64
		for i, c := range rows {
			if i > 0 && c.ID <= rows[i-1].ID {
				return fmt.Errorf("per-customer rows not in id order at %q", c.ID)
			}
			asIs += int64(c.AsIs)
			sent += int64(c.Sent)
		}
		if asIs != r.AsIs.Messages || sent != r.Policy.Messages {
			return fmt.Errorf("per-customer rows add up to %d as-is and %d policy messages, streams %d and %d", asIs, sent, r.AsIs.Messages, r.Policy.Messages)
		}
	}
	return nil
}

// checkCustomersInShard checks that every customer the part names belongs
// to its shards.
func (r *Report) checkCustomersInShard(rows []CustomerRow) error {
	ids := r.shownCustomers()
	for _, c := range rows {
		ids = append(ids, c.ID)
	}
	for id := range r.Part.Trails {
		ids = append(ids, id)
	}
	for _, id := range ids {
		if i := ShardOf(id, r.Shard.Count); !slices.Contains(r.Shard.Indexes, i) {
			return fmt.Errorf("customer %q belongs to shard %d of %d, not to the part's shards %v", id, i, r.Shard.Count, r.Shard.Indexes)
		}
	}
	return nil
}

// restore rebuilds from r.Part what Merge reads from a run's report.
func (r *Report) restore(rows []CustomerRow) error {
	p := r.Part
	if p.Rows != nil {
		r.rows = &customerRows{build: func() []CustomerRow { return rows }}
	}
	r.Trails, r.TrailsMissing = p.Trails, p.TrailsMissing
	if r.Trails == nil || r.TrailsMissing != "" {
		r.Trails = nil
	}
	if err := restoreZones(r.Trails, p.TrailZones); err != nil {
		return err
	}
	r.merge = mergeState{readerNotes: p.ReaderNotes, disorder: p.Disorder}
	if c := r.Contacts; c != nil {
		d, err := ParseDuration(c.Window)
		if err != nil || d < time.Millisecond {
			return fmt.Errorf("contacts window %q: want a duration of at least 1ms", c.Window)
		}
		c.windowNs = int64(d)
	}
	return nil
}
