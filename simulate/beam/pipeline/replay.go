package pipeline

import (
	"encoding/json"
	"fmt"

	"github.com/notelint/notelint/simulate"
)

// replayBucket replays the pieces of one bucket with simulate.Run, as
// notelint simulate --shard BUCKET/BUCKETS over the whole input would, and
// returns the partial report as JSON (with its "part" section).
func replayBucket(cfg *Config, pol *simulate.Policy, bucket int, pieces []piece) ([]byte, error) {
	fsys, err := newBucketFS(cfg.Inputs, pieces)
	if err != nil {
		return nil, fmt.Errorf("bucket %d: %w", bucket, err)
	}
	r, err := simulate.Run(simulate.Options{
		Inputs:    cfg.Inputs,
		FS:        fsys,
		Policy:    pol,
		Templates: cfg.Templates,
		Strict:    cfg.Strict,
		Mode:      cfg.Mode,
		Shard:     &simulate.Shard{Index: bucket, Count: cfg.Buckets},
	})
	if err != nil {
		return nil, err
	}
	r.AttachPart(partVersion)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("bucket %d: encoding the report: %w", bucket, err)
	}
	return b, nil
}
