package pipeline

import (
	"io"

	"github.com/notelint/notelint/simulate"
)

// splitFile cuts one events file (input index of the run, size in bytes)
// into pieces for buckets customer buckets: its head to every bucket, each
// record to the bucket of its customer (simulate.ShardOf), a record of no
// customer to bucket 0, which counts those.
func splitFile(name string, index int, size int64, r io.Reader, cols simulate.Columns, buckets int, emit func(bucket int, p piece) error) error {
	head := func(text []byte, next int64) error {
		p := piece{file: index, next: next, size: size, text: append([]byte(nil), text...)}
		for b := 0; b < buckets; b++ {
			if err := emit(b, p); err != nil {
				return err
			}
		}
		return nil
	}
	record := func(line int64, text, customer []byte) error {
		b := 0
		if customer != nil {
			b = simulate.ShardOf(string(customer), buckets)
		}
		return emit(b, piece{file: index, line: line, text: append([]byte(nil), text...)})
	}
	return simulate.SplitEvents(name, r, cols, head, record)
}
