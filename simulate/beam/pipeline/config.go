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
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/notelint/notelint/simulate"
)

// partVersion stamps the partial reports between the pipeline's steps.
const partVersion = "notelint-beam"

// Config is what the pipeline's workers need. Beam ships it to them as
// JSON, so it holds the policy's text rather than the parsed policy.
type Config struct {
	Inputs     []string                         // events files in input order (patterns expanded)
	PolicyName string                           // the policy file as the report names it
	Policy     []byte                           // the policy file's text (TOML)
	Templates  map[string]simulate.TemplateInfo // nil: template ids are plain names
	Strict     bool                             // a bad row stops the run
	Mode       simulate.Mode                    // auto, stream or buffered
	Buckets    int                              // customer buckets: the unit of parallel replay
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
	pol, err := simulate.ParsePolicy(c.Policy, c.PolicyName)
	if err != nil {
		return nil, err
	}
	if err := pol.CheckTemplates(c.Templates); err != nil {
		return nil, err
	}
	return pol, nil
}

// ExpandInputs expands the file patterns (globs, also gs:// and s3://
// where Beam has the file system) in order, each pattern's files sorted as
// the file system lists them.
func ExpandInputs(ctx context.Context, patterns []string) ([]string, error) {
	var out []string
	for _, pat := range patterns {
		fsys, err := filesystem.New(ctx, pat)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", pat, err)
		}
		names, err := fsys.List(ctx, pat)
		_ = fsys.Close()
		if err != nil {
			return nil, fmt.Errorf("listing %s: %w", pat, err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no such file", pat)
		}
		slices.Sort(names)
		out = append(out, names...)
	}
	return out, nil
}
