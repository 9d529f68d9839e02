package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// designFlags are the flags that replay several policies: --compare and
// --sweep.
type designFlags struct {
	compare         []string
	sweep           string
	pick            int
	maxCombinations int
}

// active reports whether a design flag was given (runDesign then runs or
// reports the misuse).
func (d *designFlags) active() bool {
	return len(d.compare) > 0 || d.sweep != "" || d.pick != -1 || d.maxCombinations != simulate.DefaultMaxCombinations
}

func addDesignFlags(cmd *cobra.Command, d *designFlags) {
	fl := cmd.Flags()
	fl.StringArrayVar(&d.compare, "compare", nil, "another policy file to replay side by side with --policy (repeatable; one read of the input)")
	fl.StringVar(&d.sweep, "sweep", "", "replay a grid of settings, e.g. 'collapse=0,15m,30m; min_gap=0,1h; keepalive.after=off,24h', and mark the Pareto frontier")
	fl.IntVar(&d.pick, "pick", -1, "with --sweep: print the policy of combination N (0: the current policy; default: see the README)")
	fl.IntVar(&d.maxCombinations, "max-combinations", simulate.DefaultMaxCombinations, "with --sweep: the largest grid to run")
}

// runDesign runs --compare or --sweep.
func runDesign(cmd *cobra.Command, opts simulate.Options, f *simulateFlags, format string, thresholds []simulate.Threshold) error {
	d := &f.design
	switch {
	case len(d.compare) > 0 && d.sweep != "":
		return usageError(fmt.Errorf("--compare and --sweep do not go together: compare named policies, or sweep a grid around --policy"))
	case f.customer != "":
		return usageError(fmt.Errorf("--customer prints one policy's timeline: it does not go with --compare or --sweep"))
	case d.sweep == "" && len(d.compare) == 0 || d.sweep == "" && (cmd.Flags().Changed("pick") || cmd.Flags().Changed("max-combinations")):
		return usageError(fmt.Errorf("--pick and --max-combinations go with --sweep"))
	}
	if d.sweep != "" {
		return runSweep(cmd, opts, f, format, thresholds)
	}
	others := make([]*simulate.Policy, 0, len(d.compare))
	for _, path := range d.compare {
		p, err := simulate.LoadPolicy(path)
		if err != nil {
			return usageError(fmt.Errorf("--compare: %w", err))
		}
		others = append(others, p)
	}
	rs, err := simulate.Compare(opts, others)
	if err != nil {
		return usageError(err)
	}
	names := simulate.UniqueNames(append([]*simulate.Policy{opts.Policy}, others...))
	var buf bytes.Buffer
	if err := report.WriteComparison(&buf, rs, names, format); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := writeOut(cmd.OutOrStdout(), f.out, buf.Bytes()); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	crossed := false
	for i, r := range rs {
		for _, c := range r.Check(thresholds) {
			fmt.Fprintf(cmd.ErrOrStderr(), "notelint: --fail-on threshold crossed by %s: %s\n", names[i], c)
			crossed = true
		}
	}
	if crossed {
		return silentExit(exitFindings)
	}
	return nil
}

// runSweep runs --sweep.
func runSweep(cmd *cobra.Command, opts simulate.Options, f *simulateFlags, format string, thresholds []simulate.Threshold) error {
	d := &f.design
	g, err := simulate.ParseGrid(d.sweep)
	if err != nil {
		return usageError(err)
	}
	if d.maxCombinations < 1 {
		return usageError(fmt.Errorf("--max-combinations %d: want 1 or more", d.maxCombinations))
	}
	if n := g.Size(); n > d.maxCombinations {
		return usageError(fmt.Errorf("--sweep: %d combinations, more than %d: pass --max-combinations %d to run them all (each costs about one replay)", n, d.maxCombinations, n))
	}
	combos, err := g.Combinations(opts.Policy)
	if err != nil {
		return usageError(err)
	}
	if d.pick < -1 {
		return usageError(fmt.Errorf("--pick %d: want 0 (the current policy) to %d", d.pick, len(combos)))
	}
	res, picked, err := simulate.Sweep(opts, d.sweep, combos, d.pick)
	if err != nil {
		return usageError(err)
	}
	var buf bytes.Buffer
	if err := report.WriteSweep(&buf, res, g.Varying(), format); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := writeOut(cmd.OutOrStdout(), f.out, buf.Bytes()); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if crossed := picked.Check(thresholds); len(crossed) > 0 {
		label := strings.TrimSpace(fmt.Sprintf("#%d %s", res.Pick, res.Points[res.Pick].Label))
		for _, c := range crossed {
			fmt.Fprintf(cmd.ErrOrStderr(), "notelint: --fail-on threshold crossed by the chosen policy %s: %s\n", label, c)
		}
		return silentExit(exitFindings)
	}
	return nil
}
