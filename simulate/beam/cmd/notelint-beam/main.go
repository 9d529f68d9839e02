// Command notelint-beam runs notelint simulate as an Apache Beam pipeline,
// on Prism (in-process, the default), Google Cloud Dataflow, Apache Flink
// or Apache Spark. The report is the one notelint simulate writes for the
// same files, byte for byte. See simulate/beam/README.md.
//
// Usage:
//
//	notelint-beam --policy policy.toml [--templates DIR] [--format text|json|csv|md|html]
//	  --out FILE [--buckets N] [--runner prism|dataflow|flink|spark|...] [runner flags] FILE|GLOB...
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3" // s3:// files
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/beam/pipeline"
	"github.com/notelint/notelint/simulate/report"
)

func main() {
	var (
		policy    = flag.String("policy", "", "policy file (TOML with a [simulate] table; required)")
		templates = flag.String("templates", "", "template directory, to link trigger template ids to real templates")
		format    = flag.String("format", "text", "report format: "+strings.Join(report.Formats(), ", "))
		out       = flag.String("out", "", "report file, also gs:// or s3://; - for standard output (local runners only)")
		buckets   = flag.Int("buckets", 64, "customer buckets: the unit of parallel replay; each must fit in one worker's memory")
		strict    = flag.Bool("strict", false, "a bad row is an error instead of being skipped")
		replay    = flag.String("replay", "auto", "replay mode of each bucket: auto, stream or buffered")
	)
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "Usage: notelint-beam --policy FILE --out FILE [flags] EVENTS...\n\nEVENTS are CSV or JSON Lines files (gzip or not) or globs, local or gs://, s3://.\nRunner flags (--runner, --project, --endpoint, ...) are Apache Beam's.\n\nFlags:\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	beam.Init()
	if err := run(context.Background(), *policy, *templates, *format, *out, *buckets, *strict, *replay, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "notelint-beam:", err)
		os.Exit(2)
	}
}

func run(ctx context.Context, policy, templates, format, out string, buckets int, strict bool, replay string, patterns []string) error {
	if policy == "" {
		return fmt.Errorf("no --policy")
	}
	if len(patterns) == 0 {
		return fmt.Errorf("no events files")
	}
	if format == "markdown" {
		format = "md"
	}
	if !strings.Contains(","+strings.Join(report.Formats(), ",")+",", ","+format+",") {
		return fmt.Errorf("--format %q: want one of %s", format, strings.Join(report.Formats(), ", "))
	}
	mode, ok := map[string]simulate.Mode{"auto": simulate.ModeAuto, "stream": simulate.ModeStream, "buffered": simulate.ModeBuffered}[replay]
	if !ok {
		return fmt.Errorf("--replay %q: want auto, stream or buffered", replay)
	}
	pol, err := os.ReadFile(policy)
	if err != nil {
		return fmt.Errorf("reading policy: %w", err)
	}
	cfg := pipeline.Config{PolicyName: policy, Policy: pol, Strict: strict, Mode: mode, Buckets: buckets, Format: format, Out: out}
	if templates != "" {
		if cfg.Templates, err = pipeline.LoadTemplates(templates); err != nil {
			return err
		}
	}
	if cfg.Inputs, cfg.Listed, err = pipeline.ExpandInputs(ctx, patterns); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, cfg); err != nil {
		return err
	}
	return beamx.Run(ctx, p)
}
