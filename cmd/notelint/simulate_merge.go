package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// maxPartBytes bounds one part read from a file or standard input.
const maxPartBytes = 4 << 30

func newSimulateMergeCmd() *cobra.Command {
	var format, out, failOn string
	var allowPartial bool
	cmd := &cobra.Command{
		Use:   "merge [flags] PART.json...|DIR|-",
		Short: "Merge the JSON reports of --shard runs into the report of one run",
		Long: `merge adds up the JSON reports of notelint simulate --shard I/N runs (the
"parts") into exactly the report a single run over all the input gives.
A directory argument reads every *.json file in it; "-" reads standard
input (one or more parts, one after the other).

It refuses, with exit 2, parts of different policies, templates, inputs or
notelint versions, a shard given twice, parts of different shard counts, a
part whose figures do not add up, and a set that misses shards (unless
--allow-partial: the report then says which shards it covers, and its JSON
can be merged again).`,
		Example: `  for i in 0 1 2 3; do
    notelint simulate --policy policy.toml --shard $i/4 --format json --out part-$i.json events.csv
  done
  notelint simulate merge --format html --out report.html part-*.json
  cat part-*.json | notelint simulate merge -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulateMerge(cmd, args, format, out, failOn, allowPartial)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fl.StringVar(&out, "out", "", "write the report to FILE instead of standard output")
	fl.StringVar(&failOn, "fail-on", "", "thresholds that make the run fail (exit 1), e.g. 'p99>5,burst>0'")
	fl.BoolVar(&allowPartial, "allow-partial", false, "merge a set of parts that misses shards (the report says so)")
	return cmd
}

func runSimulateMerge(cmd *cobra.Command, args []string, format, out, failOn string, allowPartial bool) error {
	if format == "markdown" {
		format = "md"
	}
	if !slices.Contains(report.Formats(), format) {
		return usageError(fmt.Errorf("--format %q: want one of %s", format, strings.Join(report.Formats(), ", ")))
	}
	thresholds, err := simulate.ParseFailOn(failOn)
	if err != nil {
		return usageError(err)
	}
	parts, names, err := readParts(args, cmd.InOrStdin())
	if err != nil {
		return usageError(err)
	}
	r, err := simulate.MergeParts(parts, names, simulate.MergeOptions{AllowPartial: allowPartial, Notelint: toolVersion()})
	if err != nil {
		return usageError(fmt.Errorf("merge: %w", err))
	}
	if format == "csv" && !r.HasCustomerRows() {
		return usageError(fmt.Errorf("merge: --format csv needs the per-customer rows, and a part has more than %d customers, so it does not carry them: write each shard's CSV with --shard I/N --format csv instead", simulate.MaxPartRows))
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, r, format); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := writeOut(cmd.OutOrStdout(), out, buf.Bytes()); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if crossed := r.Check(thresholds); len(crossed) > 0 {
		for _, c := range crossed {
			fmt.Fprintf(cmd.ErrOrStderr(), "notelint: --fail-on threshold crossed: %s\n", c)
		}
		return silentExit(exitFindings)
	}
	return nil
}

// readParts reads the parts named by args: files, directories (their
// *.json files) and "-" (standard input, one or more parts).
func readParts(args []string, stdin io.Reader) ([]*simulate.Report, []string, error) {
	var parts []*simulate.Report
	var names []string
	add := func(data []byte, name string) error {
		r, err := simulate.ReadPart(data, name, toolVersion())
		if err != nil {
			return err
		}
		parts = append(parts, r)
		names = append(names, name)
		return nil
	}
	stdinRead := false
	for _, arg := range args {
		if arg == "-" {
			if stdinRead {
				return nil, nil, errors.New("standard input (-) given twice")
			}
			stdinRead = true
			docs, err := splitJSON(io.LimitReader(stdin, maxPartBytes))
			if err != nil {
				return nil, nil, err
			}
			for i, d := range docs {
				if err := add(d, fmt.Sprintf("standard input (part %d)", i+1)); err != nil {
					return nil, nil, err
				}
			}
			continue
		}
		files, err := partFiles(arg)
		if err != nil {
			return nil, nil, err
		}
		for _, f := range files {
			data, err := readPartFile(f)
			if err != nil {
				return nil, nil, err
			}
			if err := add(data, f); err != nil {
				return nil, nil, err
			}
		}
	}
	return parts, names, nil
}

// partFiles returns arg, or the *.json files in directory arg (sorted).
func partFiles(arg string) ([]string, error) {
	st, err := os.Stat(arg)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return []string{arg}, nil
	}
	files, err := filepath.Glob(filepath.Join(arg, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", arg, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no *.json parts in the directory", arg)
	}
	return files, nil
}

func readPartFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	data, err := io.ReadAll(io.LimitReader(f, maxPartBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > maxPartBytes {
		return nil, fmt.Errorf("%s: larger than %d bytes", name, maxPartBytes)
	}
	return data, nil
}

// splitJSON splits standard input into its JSON documents.
func splitJSON(r io.Reader) ([][]byte, error) {
	dec := json.NewDecoder(r)
	var docs [][]byte
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("standard input (part %d): not a whole JSON report (truncated?): %w", len(docs)+1, err)
		}
		docs = append(docs, raw)
	}
	if len(docs) == 0 {
		return nil, errors.New("standard input: no parts")
	}
	return docs, nil
}
