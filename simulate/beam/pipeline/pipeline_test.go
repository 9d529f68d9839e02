package pipeline

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/internal/synth"
	"github.com/notelint/notelint/simulate/report"
)

func TestMain(m *testing.M) {
	flag.Parse()
	beam.Init()
	os.Exit(m.Run())
}

// runPrism runs the pipeline on Beam's in-process runner, Prism, and
// returns the report it wrote.
func runPrism(t *testing.T, cfg Config) []byte {
	t.Helper()
	out, _, err := runPrismResult(t, cfg)
	if err != nil {
		t.Fatalf("prism: %v", err)
	}
	return out
}

// runPrismResult runs the pipeline on Prism and returns what it wrote
// (nil when nothing), its result and its error.
func runPrismResult(t *testing.T, cfg Config) ([]byte, beam.PipelineResult, error) {
	t.Helper()
	cfg.Out = filepath.Join(t.TempDir(), "report."+cfg.Format)
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, cfg); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		return nil, nil, err
	}
	t.Logf("%d buckets on prism: %v", cfg.Buckets, time.Since(start).Round(time.Millisecond))
	b, err := os.ReadFile(cfg.Out)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return b, res, nil
}

// singleFormat renders the single run in format.
func singleFormat(t *testing.T, cfg *Config, format string) []byte {
	t.Helper()
	pol, err := cfg.check()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	r, err := simulate.Run(simulate.Options{Inputs: cfg.listed(), Contacts: cfg.Contacts, Policy: pol, Templates: cfg.Templates, Strict: cfg.Strict, Mode: cfg.Mode})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("single run: %v", time.Since(start).Round(time.Millisecond))
	var buf bytes.Buffer
	if err := report.Write(&buf, r, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPrismExamples runs the pipeline on the example stream with its
// policy and templates: every format equals the single run's.
func TestPrismExamples(t *testing.T) {
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			cfg := examplesConfig(t, 8)
			cfg.Format = format
			want := singleFormat(t, cfg, format)
			if got := runPrism(t, *cfg); !bytes.Equal(got, want) {
				t.Errorf("the pipeline's %s report differs from the single run's:\n got %.2000s\nwant %.2000s", format, got, want)
			}
		})
	}
}

// TestPrismEdgeCases runs the pipeline on files with bad rows, gzip, JSON
// Lines and rows out of order.
func TestPrismEdgeCases(t *testing.T) {
	cfg := testConfig(t, edgeInputs(t, t.TempDir()), testPolicy, 5)
	want := singleFormat(t, cfg, "json")
	if got := runPrism(t, *cfg); !bytes.Equal(got, want) {
		t.Errorf("the pipeline's report differs from the single run's:\n got %s\nwant %s", got, want)
	}
}

// generatedEvents is the size of the generated stream of
// TestPrismGenerated: NOTELINT_BEAM_EVENTS, else 2 million.
func generatedEvents(t *testing.T) int {
	n := 2_000_000
	if s := os.Getenv("NOTELINT_BEAM_EVENTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("NOTELINT_BEAM_EVENTS=%q: want a positive number of events", s)
		}
		n = v
	}
	return n
}

// TestPrismGenerated runs the pipeline on a generated stream (two files,
// one of them gzip) with the example policy and templates.
func TestPrismGenerated(t *testing.T) {
	n := generatedEvents(t)
	t.Logf("%d events", n)
	dir := t.TempDir()
	var inputs []string
	for i, name := range []string{"events-1.csv", "events-2.csv.gz"} {
		var buf bytes.Buffer
		if err := synth.Write(&buf, synth.Config{Events: n / 2, Seed: uint64(i + 1)}); err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, writeFile(t, dir, name, buf.String()))
	}
	cfg := examplesConfig(t, 16)
	cfg.Inputs = inputs
	want := singleFormat(t, cfg, "json")
	if got := runPrism(t, *cfg); !bytes.Equal(got, want) {
		t.Errorf("the pipeline's report differs from the single run's:\n got %.3000s\nwant %.3000s", got, want)
	}
}
