package simulate

import (
	"sort"
	"sync"
)

// customerTable is what a finished shard keeps for the per-customer rows:
// its customer records and their ids (the rest of the shard is dropped).
type customerTable struct {
	cust chunked[customer]
	keys keyStore
	ka   map[uint32]uint32 // keep-alives per customer
}

// customerRows builds a report's per-customer rows on first use, so a run
// whose printer never asks for them does not pay for a million rows.
type customerRows struct {
	once  sync.Once
	build func() []CustomerRow
	rows  []CustomerRow
}

func (c *customerRows) get() []CustomerRow {
	c.once.Do(func() {
		c.rows = c.build()
		sort.Slice(c.rows, func(i, j int) bool { return c.rows[i].ID < c.rows[j].ID })
		c.build = nil
	})
	return c.rows
}

// rowsOf returns the lazily built rows of the customers in tables.
func rowsOf(tables []customerTable) *customerRows {
	return &customerRows{build: func() []CustomerRow {
		n := 0
		for _, t := range tables {
			n += t.cust.len()
		}
		rows := make([]CustomerRow, 0, n)
		for _, t := range tables {
			for ci := 0; ci < t.cust.len(); ci++ {
				rows = append(rows, rowOf(t.cust.at(uint32(ci)), t.keys.get(uint32(ci)), t.ka[uint32(ci)]))
			}
		}
		return rows
	}}
}

// CustomerRows returns one row per customer (customers without messages
// included), sorted by id. The rows are built on the first call and kept.
func (r *Report) CustomerRows() []CustomerRow {
	if r.rows == nil {
		return []CustomerRow{}
	}
	return r.rows.get()
}
