// Package pipeline is notelint simulate as an Apache Beam pipeline: it
// reads the events files through Beam's file IO, sends each customer's rows
// to one of a fixed number of buckets (FNV-1a 64 of the customer id modulo
// the bucket count, the function of notelint simulate --shard), replays
// each bucket with simulate.Run, the engine of the notelint command, and
// adds the buckets' reports up with simulate.Merge in a CombineFn. The
// result is the report a single notelint simulate run over the same files
// gives, byte for byte.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/notelint/notelint/simulate"
)

// partVersion stamps the partial reports between the pipeline's steps.
const partVersion = "notelint-beam"

// Config is what the pipeline's workers need. Beam ships it to them as
// JSON, so it holds the policy's text rather than the parsed policy.
type Config struct {
	Inputs     []string                         // events files in input order (patterns and directories expanded)
	Listed     []string                         // the inputs as the report lists them (directories as given); nil: Inputs
	Contacts   []string                         // contact files (--contacts); every bucket reads them whole
	Customer   string                           // --customer: write this customer's replay instead of the report
	FailOn     string                           // --fail-on thresholds, checked on the complete report
	PolicyName string                           // the policy file as the report names it
	Policy     []byte                           // the policy file's text (TOML)
	Templates  map[string]simulate.TemplateInfo // nil: template ids are plain names
	Strict     bool                             // a bad row stops the run
	Mode       simulate.Mode                    // auto, stream or buffered
	Buckets    int                              // customer buckets: the unit of parallel replay
	GroupBytes int64                            // Parquet: bytes of row groups one worker splits (0: 64 MiB)
	Format     string                           // report format: text, json, csv, md or html
	Out        string                           // where the report goes ("-": standard output)
}

// check validates cfg and parses its policy.
func (c *Config) check() (*simulate.Policy, error) {
	if len(c.Inputs) == 0 {
		return nil, errors.New("no events files")
	}
	for i, name := range c.Inputs {
		if slices.Contains(c.Inputs[:i], name) {
			return nil, fmt.Errorf("%s is given twice", name)
		}
	}
	if c.Buckets < 1 || c.Buckets > 1<<20 {
		return nil, fmt.Errorf("--buckets %d: want 1 to %d", c.Buckets, 1<<20)
	}
	if c.Out == "" {
		return nil, errors.New("no --out")
	}
	if c.Customer != "" && c.Format != "text" && c.Format != "json" {
		return nil, fmt.Errorf("--customer prints text or json, not --format %s", c.Format)
	}
	if _, err := simulate.ParseFailOn(c.FailOn); err != nil {
		return nil, err
	}
	for i, name := range c.Contacts {
		if name == "-" {
			return nil, errors.New("--contacts -: standard input is not read by a pipeline; name a file")
		}
		if slices.Contains(c.Contacts[:i], name) || slices.Contains(c.Inputs, name) {
			return nil, fmt.Errorf("%s is given twice", name)
		}
	}
	pol, err := simulate.ParsePolicy(c.Policy, c.PolicyName)
	if err != nil {
		return nil, err
	}
	if err := pol.CheckTemplates(c.Templates); err != nil {
		return nil, err
	}
	return pol, nil
}

// listed is what the report lists as its inputs.
func (c *Config) listed() []string {
	if c.Listed != nil {
		return c.Listed
	}
	return c.Inputs
}

// groupBytes is how many bytes of Parquet row groups one worker splits.
func (c *Config) groupBytes() int64 {
	if c.GroupBytes > 0 {
		return c.GroupBytes
	}
	return 64 << 20
}

// ExpandInputs expands the events arguments in order: a local directory to
// the Parquet files under it (hive-style partitions, as notelint simulate
// does), a file pattern (globs, also gs:// and s3:// where Beam has the
// file system) to its files, sorted as the file system lists them. listed
// is what notelint simulate would list in the report for the same
// arguments: each directory as given, each file.
func ExpandInputs(ctx context.Context, patterns []string) (files, listed []string, err error) {
	for _, pat := range patterns {
		if st, err := os.Stat(pat); err == nil && st.IsDir() {
			names, err := simulate.ExpandDirectories([]string{pat})
			if err != nil {
				return nil, nil, err
			}
			files, listed = append(files, names...), append(listed, pat)
			continue
		}
		fsys, err := filesystem.New(ctx, pat)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", pat, err)
		}
		names, err := fsys.List(ctx, pat)
		_ = fsys.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("listing %s: %w", pat, err)
		}
		if len(names) == 0 {
			return nil, nil, fmt.Errorf("%s: no such file", pat)
		}
		slices.Sort(names)
		files, listed = append(files, names...), append(listed, names...)
	}
	return files, listed, nil
}
