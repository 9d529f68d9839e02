// Command notelint-beam runs notelint simulate as an Apache Beam pipeline,
// on Prism (in-process, the default), Google Cloud Dataflow, Apache Flink
// or Apache Spark. The report is the one notelint simulate writes for the
// same files, byte for byte. See simulate/beam/README.md.
//
// Usage:
//
//	notelint-beam --policy policy.toml [--templates DIR] [--format text|json|csv|md|html]
//	  --out FILE [--buckets N] [--contacts FILE] [--customer ID] [--fail-on THRESHOLDS]
//	  [--runner prism|dataflow|flink|spark|...] [runner flags] FILE|GLOB|DIR...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// files
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/beam/pipeline"
	"github.com/notelint/notelint/simulate/report"
)

// stringList is a flag that can be repeated.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(s string) error { *l = append(*l, s); return nil }

// flags are notelint-beam's own flags.
type flags struct {
	policy, templates, format, out string
	buckets                        int
	strict                         bool
	replay                         string
	contacts                       stringList
	customer, failOn               string
}

func main() {
	var f flags
	flag.StringVar(&f.policy, "policy", "", "policy file (TOML with a [simulate] table; required)")
	flag.StringVar(&f.templates, "templates", "", "template directory, to link trigger template ids to real templates")
	flag.StringVar(&f.format, "format", "text", "report format: "+strings.Join(report.Formats(), ", "))
	flag.StringVar(&f.out, "out", "", "report file, also gs:// or s3://; - for standard output (local runners only)")
	flag.IntVar(&f.buckets, "buckets", 64, "customer buckets: the unit of parallel replay; each must fit in one worker's memory")
	flag.BoolVar(&f.strict, "strict", false, "a bad row is an error instead of being skipped")
	flag.StringVar(&f.replay, "replay", "auto", "replay mode of each bucket: auto, stream or buffered")
	flag.Var(&f.contacts, "contacts", "contact log (CSV or JSON Lines), also gs:// or s3://; repeat for several files; every bucket reads it whole")
	flag.StringVar(&f.customer, "customer", "", "write this customer's replay as a timeline (text or json) instead of the report")
	flag.StringVar(&f.failOn, "fail-on", "", "thresholds that make the run fail (exit 1), e.g. 'p99>5,burst>0'")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: notelint-beam --policy FILE --out FILE [flags] EVENTS...\n\nEVENTS are CSV, JSON Lines (gzip or not) or Parquet files, globs or local directories of\nParquet files, local or gs://, s3://.\nRunner flags (--runner, --project, --endpoint, ...) are Apache Beam's.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	crossed, err := run(context.Background(), &f, flag.Args())
	if err != nil {
		fmt.Fprintln(os.Stderr, "notelint-beam:", err)
		os.Exit(2)
	}
	if len(crossed) > 0 {
		for _, c := range crossed {
			fmt.Fprintf(os.Stderr, "notelint-beam: --fail-on threshold crossed: %s\n", c)
		}
		os.Exit(1)
	}
}

func run(ctx context.Context, f *flags, patterns []string) ([]simulate.Crossed, error) {
	if f.policy == "" {
		return nil, fmt.Errorf("no --policy")
	}
	if len(patterns) == 0 {
		return nil, fmt.Errorf("no events files")
	}
	format := f.format
	if format == "markdown" {
		format = "md"
	}
	if !slices.Contains(report.Formats(), format) {
		return nil, fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats(), ", "))
	}
	if _, err := simulate.ParseFailOn(f.failOn); err != nil {
		return nil, err
	}
	mode, ok := map[string]simulate.Mode{"auto": simulate.ModeAuto, "stream": simulate.ModeStream, "buffered": simulate.ModeBuffered}[f.replay]
	if !ok {
		return nil, fmt.Errorf("--replay %q: want auto, stream or buffered", f.replay)
	}
	pol, err := os.ReadFile(f.policy)
	if err != nil {
		return nil, fmt.Errorf("reading policy: %w", err)
	}
	cfg := pipeline.Config{PolicyName: f.policy, Policy: pol, Strict: f.strict, Mode: mode, Buckets: f.buckets, Format: format, Out: f.out,
		Contacts: f.contacts, Customer: strings.TrimSpace(f.customer), FailOn: f.failOn}
	if f.templates != "" {
		if cfg.Templates, err = pipeline.LoadTemplates(f.templates); err != nil {
			return nil, err
		}
	}
	if cfg.Inputs, cfg.Listed, err = pipeline.ExpandInputs(ctx, patterns); err != nil {
		return nil, err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, cfg); err != nil {
		return nil, err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return nil, err
	}
	return pipeline.Verdict(res, cfg)
}
