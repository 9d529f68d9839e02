// Package synth generates deterministic synthetic parcel-delivery status
// streams for notelint simulate's tests and benchmarks. It is not a user
// command: see ../gen for the command that writes large files.
package synth

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// Order of the rows in the output.
const (
	ByTime     = "time"     // sorted by timestamp (ties in generation order)
	ByCustomer = "customer" // each customer's rows together, in time order
	Random     = "random"   // shuffled: not in time order per customer
)

// Config describes a stream.
type Config struct {
	Events int       // rows to write (exactly)
	Seed   uint64    // same seed, same stream
	Order  string    // ByTime (default), ByCustomer or Random
	Start  time.Time // first order placed at or after Start (default 2026-01-01 UTC)
	Days   int       // orders are placed over this many days (default 90)
}

// Statuses, in lifecycle order; the first two and "in_transit" send nothing
// under the example policy.
var statuses = []string{"label_created", "shipped", "in_transit", "delayed", "out_for_delivery", "delivered"}

const (
	stLabel = iota
	stShipped
	stTransit
	stDelayed
	stOut
	stDelivered
)

var zones = []string{"", "", "", "", "", "", "", "", "Europe/London", "America/New_York"}

// row is one generated event (16 bytes, so 10 M rows sort in memory).
type row struct {
	t     int64 // Unix seconds
	cust  uint32
	order uint8
	st    uint8
	_     uint16
}

// Write writes cfg.Events rows of CSV (header customer_id, entity_id,
// timestamp, status, timezone) to w.
func Write(w io.Writer, cfg Config) error {
	if cfg.Start.IsZero() {
		cfg.Start = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if cfg.Days <= 0 {
		cfg.Days = 90
	}
	rows := generate(cfg)
	switch cfg.Order {
	case "", ByTime:
		slices.SortStableFunc(rows, func(a, b row) int {
			switch {
			case a.t < b.t:
				return -1
			case a.t > b.t:
				return 1
			}
			return 0
		})
	case ByCustomer:
		// generate emits customer by customer, each in time order.
	case Random:
		r := rand.New(rand.NewPCG(cfg.Seed, 99))
		r.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	default:
		return fmt.Errorf("synth: unknown order %q", cfg.Order)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if _, err := bw.WriteString("customer_id,entity_id,timestamp,status,timezone\n"); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	var buf []byte
	for _, r := range rows {
		buf = buf[:0]
		buf = append(buf, 'c')
		buf = strconv.AppendUint(buf, uint64(r.cust), 10)
		buf = append(buf, ",c"...)
		buf = strconv.AppendUint(buf, uint64(r.cust), 10)
		buf = append(buf, '-', 'o')
		buf = strconv.AppendUint(buf, uint64(r.order), 10)
		buf = append(buf, ',')
		buf = time.Unix(r.t, 0).UTC().AppendFormat(buf, time.RFC3339)
		buf = append(buf, ',')
		buf = append(buf, statuses[r.st]...)
		buf = append(buf, ',')
		buf = append(buf, zones[r.cust%uint32(len(zones))]...)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	return nil
}

// generate makes the rows customer by customer (each in time order).
func generate(cfg Config) []row {
	r := rand.New(rand.NewPCG(cfg.Seed, 1))
	rows := make([]row, 0, cfg.Events)
	start := cfg.Start.Unix()
	span := int64(cfg.Days) * 86400
	hour := func(lo, hi int) int64 { return int64(lo*3600 + r.IntN((hi-lo)*3600+1)) }
	for cust := uint32(1); len(rows) < cfg.Events; cust++ {
		orders := 1 + r.IntN(3)
		var evs []row
		for o := 0; o < orders; o++ {
			t := start + r.Int64N(span)
			add := func(st int) { evs = append(evs, row{t: t, cust: cust, order: uint8(o), st: uint8(st)}) }
			add(stLabel)
			t += hour(1, 20)
			add(stShipped)
			for i := r.IntN(3); i > 0; i-- {
				t += hour(3, 30)
				add(stTransit)
			}
			if r.IntN(4) == 0 { // a delay, sometimes reported twice by a retrying system
				t += hour(1, 24)
				add(stDelayed)
				if r.IntN(3) == 0 {
					t += int64(r.IntN(600))
					add(stDelayed)
				}
			}
			t += hour(6, 30)
			add(stOut)
			if r.IntN(12) == 0 { // flapping ETA
				t += int64(r.IntN(3600))
				add(stDelayed)
				t += int64(r.IntN(3600))
				add(stOut)
			}
			t += hour(1, 8)
			add(stDelivered)
		}
		slices.SortStableFunc(evs, func(a, b row) int {
			switch {
			case a.t < b.t:
				return -1
			case a.t > b.t:
				return 1
			}
			return 0
		})
		for _, e := range evs {
			if len(rows) == cfg.Events {
				break
			}
			rows = append(rows, e)
		}
	}
	return rows
}
