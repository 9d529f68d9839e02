package simulate

import (
	"slices"
	"sort"
)

// appendNew appends the items of add that list does not hold yet.
func appendNew(list []string, add ...string) []string {
	for _, s := range add {
		if !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// firstBadRows keeps the first maxBadKept of rows in input order (inputs
// lists the files in the order they were read). Each part keeps its first
// bad rows, so the first of all parts are among them.
func firstBadRows(rows []BadRow, inputs []string) []BadRow {
	at := func(b BadRow) int {
		if i := slices.Index(inputs, b.File); i >= 0 {
			return i
		}
		return len(inputs)
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if ia, ib := at(a), at(b); ia != ib {
			return ia < ib
		}
		return a.Line < b.Line
	})
	if len(rows) > maxBadKept {
		rows = rows[:maxBadKept]
	}
	if rows == nil {
		rows = []BadRow{}
	}
	return rows
}

// mergeShards returns the shards the reports cover together; nil when
// they cover all shards or when a report is not a partial one.
func mergeShards(reports []*Report) *ShardSet {
	var out *ShardSet
	for _, r := range reports {
		if r.Shard == nil {
			return nil
		}
		if out == nil {
			out = &ShardSet{Count: r.Shard.Count}
		}
		for _, i := range r.Shard.Indexes {
			if !slices.Contains(out.Indexes, i) {
				out.Indexes = append(out.Indexes, i)
			}
		}
	}
	if out == nil || len(out.Indexes) >= out.Count {
		return nil
	}
	sort.Ints(out.Indexes)
	return out
}

// mergeNotes combines the parts of the notes: the readers' notes (the same
// in every part of one input) and the first row out of order.
func mergeNotes(reports []*Report) mergeState {
	var m mergeState
	for _, r := range reports {
		m.readerNotes = appendNew(m.readerNotes, r.merge.readerNotes...)
		if d := r.merge.disorder; d != nil && (m.disorder == nil || earlier(d, m.disorder)) {
			m.disorder = d
		}
	}
	return m
}

// earlier orders the rows out of order: by input and line, a row before
// none (Input -1).
func earlier(a, b *Disorder) bool {
	if (a.Input < 0) != (b.Input < 0) {
		return b.Input < 0
	}
	return a.Input < b.Input || a.Input == b.Input && a.Line < b.Line
}

// notes are the report's notes, in the order a run writes them; keepalive
// says the policy has keep-alives (replayed from memory, which a run notes).
func (m mergeState) notes(s *ShardSet, keepalive bool) []string {
	out := append([]string{}, m.readerNotes...)
	if keepalive {
		out = append(out, keepaliveNote)
	}
	if m.disorder != nil {
		out = append(out, m.disorder.Note)
	}
	if s != nil {
		out = append(out, s.note())
	}
	return out
}
