package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/notelint/notelint/simulate"
)

// What the pipeline tells the program that submitted it, through Beam's
// metrics (namespace metricsNS; distributions, which every runner reports
// and a retried step does not change): "checked" (1) when the report was
// complete, "crossed-I" (the value, as float64 bits) for each --fail-on
// threshold I it crosses, "unknown-customer" (the report's customers) when
// --customer names no customer of the input.
const metricsNS = "notelint"

// finishFn writes the complete report, or cfg.Customer's replay, and
// checks the --fail-on thresholds.
type finishFn struct {
	Cfg Config
	ths []simulate.Threshold
}

// Setup parses the thresholds.
func (f *finishFn) Setup() error {
	var err error
	f.ths, err = simulate.ParseFailOn(f.Cfg.FailOn)
	return err
}

// ProcessElement writes the output of the run: merged is the merge of every
// bucket, explained the customer's replay (one element at most).
func (f *finishFn) ProcessElement(ctx context.Context, merged []byte, explained func(*[]byte) bool) error {
	r, err := finalReport(merged, f.Cfg.Buckets)
	if err != nil {
		return err
	}
	var out []byte
	if f.Cfg.Customer != "" {
		var b []byte
		for explained(&b) {
			out = b
		}
		if out == nil {
			beam.NewDistribution(metricsNS, "unknown-customer").Update(ctx, r.Customers)
			beam.NewDistribution(metricsNS, "checked").Update(ctx, 1)
			return nil
		}
	} else if out, err = render(r, f.Cfg.Format); err != nil {
		return err
	}
	if err := writeOut(ctx, f.Cfg.Out, out); err != nil {
		return err
	}
	for i, th := range f.ths {
		for _, c := range r.Check([]simulate.Threshold{th}) {
			beam.NewDistribution(metricsNS, "crossed-"+strconv.Itoa(i)).Update(ctx, int64(math.Float64bits(c.Actual)))
		}
	}
	beam.NewDistribution(metricsNS, "checked").Update(ctx, 1)
	return nil
}

// writeOut writes data to out ("-": standard output).
func writeOut(ctx context.Context, out string, data []byte) error {
	if out == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	fsys, err := filesystem.New(ctx, out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	defer func() { _ = fsys.Close() }()
	w, err := fsys.OpenWrite(ctx, out)
	if err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return fmt.Errorf("writing the report to %s: %w", out, err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing the report to %s: %w", out, err)
	}
	return nil
}

// Verdict reads the result of a finished run that has cfg.FailOn or
// cfg.Customer from its metrics: the thresholds the report crosses (as
// notelint simulate --fail-on reports them), or notelint simulate
// --customer's error for a customer without events. It is an error when the
// runner reported no result (an --async job, a runner without metrics): the
// verdict is then unknown, not passed.
func Verdict(res beam.PipelineResult, cfg Config) ([]simulate.Crossed, error) {
	ths, err := simulate.ParseFailOn(cfg.FailOn)
	if err != nil {
		return nil, err
	}
	if len(ths) == 0 && cfg.Customer == "" {
		return nil, nil
	}
	got := map[string]int64{}
	if res != nil {
		for _, d := range res.Metrics().AllMetrics().Distributions() {
			if v := d.Result(); d.Namespace() == metricsNS && v.Count > 0 {
				got[d.Name()] = v.Max
			}
		}
	}
	if _, ok := got["checked"]; !ok {
		return nil, errors.New("the runner reported no result of --fail-on or --customer (run the job to its end, not --async, on a runner that reports metrics)")
	}
	if n, ok := got["unknown-customer"]; ok {
		return nil, simulate.UnknownCustomer(cfg.Customer, n)
	}
	var crossed []simulate.Crossed
	for i, th := range ths {
		if v, ok := got["crossed-"+strconv.Itoa(i)]; ok {
			crossed = append(crossed, simulate.Crossed{Threshold: th, Actual: math.Float64frombits(uint64(v))})
		}
	}
	return crossed, nil
}
