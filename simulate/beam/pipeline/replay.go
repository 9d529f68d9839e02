package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// replayBucket replays the pieces of one bucket with simulate.Run, as
// notelint simulate --shard BUCKET/BUCKETS over the whole input would, and
// returns the partial report as JSON (with its "part" section). The bucket
// of cfg.Customer also returns that customer's replay in cfg.Format, as
// notelint simulate --customer prints it.
func replayBucket(cfg *Config, pol *simulate.Policy, bucket int, pieces []piece) (part, explained []byte, err error) {
	fsys, err := newBucketFS(cfg.Inputs, pieces)
	if err != nil {
		return nil, nil, fmt.Errorf("bucket %d: %w", bucket, err)
	}
	fsys.other = func(name string) (fs.File, error) { return openRemote(context.Background(), name) }
	opts := simulate.Options{
		Inputs:    cfg.Inputs,
		Contacts:  cfg.Contacts,
		FS:        fsys,
		Policy:    pol,
		Templates: cfg.Templates,
		Strict:    cfg.Strict,
		Mode:      cfg.Mode,
		Shard:     &simulate.Shard{Index: bucket, Count: cfg.Buckets},
	}
	var r *simulate.Report
	if cfg.Customer != "" && simulate.ShardOf(cfg.Customer, cfg.Buckets) == bucket {
		var x *simulate.Explanation
		x, r, err = simulate.Explain(opts, cfg.Customer)
		if errors.Is(err, simulate.ErrUnknownCustomer) {
			err = nil // the complete report says how many customers there were
		} else if err == nil {
			var buf bytes.Buffer
			if err := report.WriteExplanation(&buf, x, cfg.Format); err != nil {
				return nil, nil, fmt.Errorf("bucket %d: %w", bucket, err)
			}
			explained = buf.Bytes()
		}
	} else {
		r, err = simulate.Run(opts)
	}
	if err != nil {
		return nil, nil, err
	}
	r.Inputs = append([]string{}, cfg.listed()...) // directories as given, as notelint simulate lists them
	r.AttachPart(partVersion)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, nil, fmt.Errorf("bucket %d: encoding the report: %w", bucket, err)
	}
	return b, explained, nil
}
