package pipeline

import (
	"context"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local files
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/notelint/notelint/simulate"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(int, []byte), error](&splitFn{})
	register.Emitter2[int, []byte]()
	register.DoFn2x2[int, func(*[]byte) bool, []byte, error](&replayFn{})
	register.Iter1[[]byte]()
	register.Combiner3[[]byte, []byte, []byte](&mergeFn{})
	register.DoFn2x1[context.Context, []byte, error](&writeFn{})
}

// Build adds the pipeline to s: read cfg.Inputs, bucket the rows by
// customer, replay each bucket, merge the reports and write the complete
// one to cfg.Out in cfg.Format.
func Build(s beam.Scope, cfg Config) error {
	if _, err := cfg.check(); err != nil {
		return err
	}
	s = s.Scope("notelint-simulate")
	names := beam.CreateList(s, cfg.Inputs)
	matched := fileio.MatchAll(s, names, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matched, fileio.ReadUncompressed(), fileio.ReadDirectoryDisallow())
	pieces := beam.ParDo(s, &splitFn{Cfg: cfg}, files)
	buckets := beam.GroupByKey(s, pieces)
	parts := beam.ParDo(s, &replayFn{Cfg: cfg}, buckets)
	rendered := beam.Combine(s, &mergeFn{Buckets: cfg.Buckets, Format: cfg.Format}, parts)
	beam.ParDo0(s, &writeFn{Out: cfg.Out}, rendered)
	return nil
}

// splitFn cuts each events file into pieces keyed by bucket.
type splitFn struct {
	Cfg   Config
	cols  simulate.Columns
	index map[string]int
}

// Setup parses the policy for its column names.
func (f *splitFn) Setup() error {
	pol, err := f.Cfg.check()
	if err != nil {
		return err
	}
	f.cols = pol.Columns
	f.index = map[string]int{}
	for i, name := range f.Cfg.Inputs {
		f.index[name] = i
	}
	return nil
}

// ProcessElement splits one file.
func (f *splitFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(int, []byte)) error {
	name := file.Metadata.Path
	i, ok := f.index[name]
	if !ok {
		return fmt.Errorf("%s: not among the inputs %v", name, f.Cfg.Inputs)
	}
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("opening events: %w", err)
	}
	defer func() { _ = rc.Close() }()
	batches := make([][]byte, f.Cfg.Buckets)
	err = splitFile(name, i, file.Metadata.Size, rc, f.cols, f.Cfg.Buckets, func(b int, p piece) error {
		batches[b] = appendPiece(batches[b], p)
		if len(batches[b]) >= batchBytes {
			emit(b, batches[b])
			batches[b] = nil
		}
		return nil
	})
	if err != nil {
		return err
	}
	for b, batch := range batches {
		if len(batch) > 0 {
			emit(b, batch)
		}
	}
	return nil
}

// replayFn replays one bucket.
type replayFn struct {
	Cfg Config
	pol *simulate.Policy
}

// Setup parses the policy.
func (f *replayFn) Setup() error {
	var err error
	f.pol, err = f.Cfg.check()
	return err
}

// ProcessElement replays the pieces of one bucket and emits its report.
func (f *replayFn) ProcessElement(bucket int, values func(*[]byte) bool) ([]byte, error) {
	var pieces []piece
	var b []byte
	for values(&b) {
		var err error
		if pieces, err = decodePieces(pieces, b); err != nil {
			return nil, fmt.Errorf("bucket %d: %w", bucket, err)
		}
	}
	return replayBucket(&f.Cfg, f.pol, bucket, pieces)
}

// writeFn writes the report.
type writeFn struct {
	Out string
}

// ProcessElement writes data to Out.
func (f *writeFn) ProcessElement(ctx context.Context, data []byte) error {
	if f.Out == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	fsys, err := filesystem.New(ctx, f.Out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", f.Out, err)
	}
	defer func() { _ = fsys.Close() }()
	w, err := fsys.OpenWrite(ctx, f.Out)
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return fmt.Errorf("writing the report to %s: %w", f.Out, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing the report to %s: %w", f.Out, err)
	}
	return nil
}
