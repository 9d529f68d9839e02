package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/atomicfile"
	"github.com/notelint/notelint/lint/baseline"
)

// newOnlyFlags are the check flags that leave out known findings.
type newOnlyFlags struct {
	baseline         string
	newFromRev       string
	newFromMergeBase string
}

func (n *newOnlyFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&n.baseline, "baseline", "", "report only findings not recorded in this baseline file (see `notelint baseline write`)")
	fl.StringVar(&n.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (working tree, staged or not, and untracked files)")
	fl.StringVar(&n.newFromMergeBase, "new-from-merge-base", "", "report only findings on lines changed since the merge base of this git ref and HEAD")
	cmd.MarkFlagsMutuallyExclusive("new-from-rev", "new-from-merge-base")
}

// prepare validates the flags before any linting: the baseline is read
// and the git revision resolved in the repository holding the first path,
// so a typo fails fast (exit 2).
func (n *newOnlyFlags) prepare(ctx context.Context, paths []string) (*newOnly, error) {
	dir := "."
	if len(paths) > 0 {
		dir = paths[0]
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			dir = filepath.Dir(dir)
		}
	}
	out := &newOnly{flags: *n}
	if n.baseline != "" {
		b, err := baseline.Read(n.baseline)
		if err != nil {
			return nil, fmt.Errorf("--baseline: %w", err)
		}
		out.base = b
	}
	rev, flag := n.newFromRev, "--new-from-rev"
	if n.newFromMergeBase != "" {
		flag = "--new-from-merge-base"
		mb, err := baseline.MergeBase(ctx, dir, n.newFromMergeBase)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", flag, err)
		}
		rev = mb
	}
	if rev != "" {
		ch, err := baseline.ChangedSince(ctx, dir, rev)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", flag, err)
		}
		out.changes = ch
	}
	return out, nil
}

// newOnly is what prepare read: the baseline and the changed lines.
type newOnly struct {
	flags   newOnlyFlags
	base    *baseline.File
	changes *baseline.Changes
}

// filter leaves out the findings in the baseline and those on unchanged
// lines, and returns the rest with a note for the summary ("" when
// nothing was asked). runner checks the changed files as they were at the
// revision, to tell a problem a change brought from one it kept.
func (n *newOnly) filter(ctx context.Context, runner *lint.Runner, res *lint.Result) ([]lint.Finding, string, error) {
	findings := res.Findings
	var notes []string
	if n.base != nil {
		kept, hidden, err := n.base.Filter(n.flags.baseline, findings, res.Contents)
		if err != nil {
			return nil, "", err
		}
		findings = kept
		notes = append(notes, fmt.Sprintf("%d hidden by the baseline", hidden))
	}
	if n.changes != nil {
		before, err := n.previousFindings(ctx, runner, res)
		if err != nil {
			return nil, "", err
		}
		kept, hidden := n.changes.Filter(findings, res.Templates, before)
		findings = kept
		notes = append(notes, fmt.Sprintf("%d hidden on unchanged lines", hidden))
	}
	return findings, strings.Join(notes, ", "), nil
}

// previousFindings checks every changed file of the run as it was at the
// revision and returns its findings by file. A file that could not be
// read as templates then has none, so all of its findings count as new.
func (n *newOnly) previousFindings(ctx context.Context, runner *lint.Runner, res *lint.Result) (map[string][]lint.Finding, error) {
	out := map[string][]lint.Finding{}
	for file := range res.Contents {
		data, ok, err := n.changes.Previous(ctx, file)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		ts, err := lint.LoadTemplates(file, data, runner.Config)
		if err != nil {
			out[file] = nil
			continue
		}
		fs, _ := runner.CheckTemplates(ts)
		out[file] = fs
	}
	return out, nil
}

func newBaselineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline",
		Short: "Record today's findings so checks report only new ones",
	}
	cmd.AddCommand(newBaselineWriteCmd())
	return cmd
}

func newBaselineWriteCmd() *cobra.Command {
	var configPath string
	cmd := &cobra.Command{
		Use:   "write FILE [PATH...]",
		Short: "Write the findings of a check of PATH to a baseline file",
		Long: `Check PATH (default: the working directory) and record every finding in
FILE, a JSON file to commit. From then on, check --baseline FILE reports only
findings not recorded there. A finding is matched by file, rule, template and
a fingerprint of the text it points at and its message, not by line, so lines
added above it do not make it new; changing that text does.`,
		Example: `  notelint baseline write .notelint-baseline.json templates/
  notelint check --baseline .notelint-baseline.json templates/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBaselineWrite(cmd, args[0], args[1:], configPath)
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "config file to use instead of discovering .notelint.toml")
	return cmd
}

func runBaselineWrite(cmd *cobra.Command, file string, paths []string, configPath string) error {
	if st, err := os.Stat(file); err == nil && st.IsDir() {
		return usageError(fmt.Errorf("baseline %s: is a directory", file))
	} else if _, err := os.Stat(filepath.Dir(file)); err != nil {
		return usageError(fmt.Errorf("baseline %s: directory %s does not exist", file, filepath.Dir(file)))
	}
	cfg, all, err := loadConfig(configPath, paths)
	if err != nil {
		return usageError(err)
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	runner := &lint.Runner{Rules: all, Config: cfg, Context: cmd.Context()}
	res, err := runner.Run(paths)
	if err != nil {
		return usageError(err)
	}
	for _, e := range res.Errors {
		if errors.Is(e, lint.ErrInternal) {
			return &exitError{code: exitInternal, err: e}
		}
	}
	b, err := baseline.New(file, res.Findings, res.Contents)
	if err != nil {
		return usageError(err)
	}
	data, err := b.Marshal()
	if err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := atomicfile.Write(file, data); err != nil {
		return usageError(err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "notelint: recorded %d %s in %s\n", len(res.Findings), pluralWord(len(res.Findings), "finding", "findings"), file)
	return nil
}
