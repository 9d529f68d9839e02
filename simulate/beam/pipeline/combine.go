package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// mergeParts adds two partial reports (JSON, as replayBucket writes them)
// up with simulate.Merge; an empty one is the identity. The result stays a
// part, also when it covers every bucket, so that it can be merged again.
func mergeParts(a, b []byte, buckets int) ([]byte, error) {
	if len(a) == 0 {
		return b, nil
	}
	if len(b) == 0 {
		return a, nil
	}
	ra, err := simulate.ReadPart(a, "partial report", partVersion)
	if err != nil {
		return nil, err
	}
	rb, err := simulate.ReadPart(b, "partial report", partVersion)
	if err != nil {
		return nil, err
	}
	m, err := simulate.Merge(ra, rb)
	if err != nil {
		return nil, err
	}
	if m.Shard == nil {
		m.Shard = &simulate.ShardSet{Count: buckets, Indexes: make([]int, buckets)}
		for i := range m.Shard.Indexes {
			m.Shard.Indexes[i] = i
		}
	}
	m.AttachPart(partVersion)
	out, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("encoding the merged report: %w", err)
	}
	return out, nil
}

// finalReport turns the merge of every bucket into the complete report.
func finalReport(acc []byte, buckets int) (*simulate.Report, error) {
	if len(acc) == 0 {
		return nil, errors.New("no report: no bucket was replayed")
	}
	r, err := simulate.ReadPart(acc, "merged report", partVersion)
	if err != nil {
		return nil, err
	}
	if r.Shard.Count != buckets || len(r.Shard.Indexes) != buckets {
		return nil, fmt.Errorf("the merged report covers %d of %d buckets", len(r.Shard.Indexes), buckets)
	}
	r.Shard = nil
	return simulate.Merge(r) // recomputes the notes of a complete report
}

// render writes r in format.
func render(r *simulate.Report, format string) ([]byte, error) {
	var buf bytes.Buffer
	if err := report.Write(&buf, r, format); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// mergeFn is the CombineFn that adds the buckets' reports up.
type mergeFn struct {
	Buckets int
}

// CreateAccumulator returns the empty report.
func (f *mergeFn) CreateAccumulator() []byte { return nil }

// AddInput adds one bucket's report.
func (f *mergeFn) AddInput(acc, part []byte) ([]byte, error) { return mergeParts(acc, part, f.Buckets) }

// MergeAccumulators adds two merged reports.
func (f *mergeFn) MergeAccumulators(a, b []byte) ([]byte, error) {
	return mergeParts(a, b, f.Buckets)
}

// ExtractOutput returns the merge of every bucket (finalReport reads it).
func (f *mergeFn) ExtractOutput(acc []byte) []byte { return acc }
