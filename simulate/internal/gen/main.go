// Command gen writes a deterministic synthetic status stream for notelint
// simulate benchmarks (an internal tool, not part of the notelint CLI):
//
//	go run ./simulate/internal/gen -n 10000000 > /tmp/ev.csv
//	go run ./simulate/internal/gen -n 10000000 -order random > /tmp/ev-unsorted.csv
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/notelint/notelint/simulate/internal/synth"
)

func main() {
	n := flag.Int("n", 1_000_000, "number of events")
	seed := flag.Uint64("seed", 1, "random seed")
	order := flag.String("order", synth.ByTime, "row order: time, customer or random")
	flag.Parse()
	if err := synth.Write(os.Stdout, synth.Config{Events: *n, Seed: *seed, Order: *order}); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
