package pipeline

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/notelint/notelint/simulate"
)

// FuzzSplit: for any events file, each bucket's replay equals the --shard
// run of its index over the whole file (or both fail); a file the split
// refuses, the single run refuses too.
func FuzzSplit(f *testing.F) {
	f.Add([]byte("customer_id,entity_id,timestamp,status\nC1,E1,2026-03-02 09:00:00,shipped\n,E2,2026-03-02 09:01:00,shipped\nC2,\"E\n2\",2026-03-02 09:02:00,delayed\n"), uint8(3), false)
	f.Add([]byte("\n{\"customer_id\":\"C1\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"status\":\"shipped\"}\nnot json\n{\"customer_id\":\"C2\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"status\":\"delayed\"}\n"), uint8(2), true)
	f.Add([]byte("customer_id;timestamp;status\r\nA;1767225600;shipped\r\n   \r\nB;x;shipped"), uint8(4), false)
	// Found by the fuzzer: an empty file; a header and a blank line only.
	f.Add([]byte(""), uint8(2), false)
	f.Add([]byte("Customer_id,000000000,timestAmp,stAtus\n\n"), uint8(3), false)
	pol, err := simulate.ParsePolicy([]byte(testPolicy), "policy.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, k uint8, unnamed bool) {
		name := "events.csv"
		if unnamed {
			name = "events" // the format is told by the content
		}
		buckets := int(k%6) + 1
		cfg := &Config{Inputs: []string{name}, Buckets: buckets}
		pieces := make([][]piece, buckets)
		splitErr := splitFile(name, 0, int64(len(data)), bytes.NewReader(data), pol.Columns, buckets, func(b int, p piece) error {
			pieces[b] = append(pieces[b], p)
			return nil
		})
		fsys := fstest.MapFS{name: {Data: data}}
		if splitErr != nil {
			// The pipeline fails: so must the single run.
			_, runErr := simulate.Run(simulate.Options{Inputs: []string{name}, FS: fsys, Policy: pol, Workers: 1})
			if runErr == nil && !strings.Contains(splitErr.Error(), "XES") {
				t.Fatalf("split failed (%v), the single run did not", splitErr)
			}
			return
		}
		for b := 0; b < buckets; b++ {
			r, runErr := simulate.Run(simulate.Options{Inputs: []string{name}, FS: fsys, Policy: pol, Shard: &simulate.Shard{Index: b, Count: buckets}, Workers: 1})
			got, _, gotErr := replayBucket(cfg, pol, b, pieces[b])
			if (runErr == nil) != (gotErr == nil) {
				t.Fatalf("bucket %d: run error %v, bucket error %v", b, runErr, gotErr)
			}
			if runErr != nil {
				continue
			}
			r.AttachPart(partVersion)
			want, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("bucket %d of %d differs from the --shard run:\n got %s\nwant %s", b, buckets, got, want)
			}
		}
	})
}
