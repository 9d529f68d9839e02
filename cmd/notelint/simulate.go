package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/atomicfile"
	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// simulateFlags are the command-line flags of notelint simulate.
type simulateFlags struct {
	policy, config, templates string
	format, out, failOn       string
	customer                  string
	contacts                  []string
	strict                    bool
	mode                      string
	workers                   int
	shard                     string
	design                    designFlags // --compare, --sweep (simulate_design.go)
}

func newSimulateCmd() *cobra.Command {
	var f simulateFlags
	cmd := &cobra.Command{
		Use:   "simulate [flags] EVENTS_FILE...",
		Short: "Replay historical status streams through a notification policy",
		Long: `simulate replays status changes (CSV, JSON Lines or XES event logs, optionally
gzipped; Parquet files and directories of them; "-" reads standard input)
through a notification policy and reports, as-is and with the policy, how
many messages each customer gets, which controls suppress what, and where
the noise (burst, flapping, repeat, quiet_send) and the silences
(silent_gap) are.

--format html writes one self-contained page with charts and, for every
customer it names, the whole replay. --customer ID prints one customer's
replay as a timeline: each event, each message and what the policy did to it.
--contacts FILE joins a contact log (calls, chats, e-mails) to the as-is
messages and silences before each contact: which templates draw contacts,
which silences do (associations, not proof of cause).

--shard I/N replays only the customers whose id hashes to shard I of N
(FNV-1a 64 mod N); "notelint simulate merge" adds the JSON parts up into
exactly the report of a single run.

The policy is the [simulate] table of --policy FILE, else of the config
(--config, NOTELINT_CONFIG or the nearest .notelint.toml).`,
		Example: `  notelint simulate --policy examples/simulate/policy.toml examples/simulate/events.csv
  notelint simulate --policy examples/simulate/policy.toml --templates examples/simulate/templates \
    --format html --out report.html examples/simulate/events.csv
  notelint simulate --policy examples/simulate/policy.toml --customer C0001 examples/simulate/events.csv
  notelint simulate --format csv --out per-customer.csv events.csv.gz
  notelint simulate --fail-on 'p99>5,burst>0' events.jsonl log.xes.gz
  notelint simulate --policy examples/simulate/policy.toml \
    --contacts examples/simulate/contacts.csv --fail-on 'contact_lift>3' examples/simulate/events.csv
  notelint simulate --policy a.toml --compare b.toml --compare c.toml events.csv
  notelint simulate --policy examples/simulate/policy.toml --templates examples/simulate/templates \
    --sweep 'collapse=0,30m; min_gap=0,1h; keepalive.after=off,36h' examples/simulate/events.csv`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSimulate(cmd, args, &f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.policy, "policy", "", "TOML file with the [simulate] policy (default: the config's [simulate] table)")
	fl.StringVar(&f.config, "config", "", "config file to use instead of discovering .notelint.toml")
	fl.StringVar(&f.templates, "templates", "", "template directory: links trigger template ids to channels and SMS segments")
	fl.StringVar(&f.format, "format", "text", "output format: "+strings.Join(report.Formats(), ", "))
	fl.StringVar(&f.out, "out", "", "write the report to FILE instead of standard output")
	fl.StringVar(&f.failOn, "fail-on", "", "thresholds that make the run fail (exit 1), e.g. 'p99>5,burst>0'")
	fl.StringVar(&f.customer, "customer", "", "print this customer's replay as a timeline (text or json) instead of the report")
	fl.StringArrayVar(&f.contacts, "contacts", nil, "contact log (CSV or JSON Lines: customer_id, timestamp, optional entity_id, channel, reason); repeat for several files")
	fl.BoolVar(&f.strict, "strict", false, "stop at the first bad row instead of skipping and counting bad rows")
	fl.StringVar(&f.shard, "shard", "", "replay only shard I of N (I/N): the customers whose FNV-1a 64 id hash mod N is I; merge the JSON parts with simulate merge")
	fl.StringVar(&f.mode, "replay", "auto", "auto, stream or buffered (for benchmarks)")
	fl.IntVar(&f.workers, "workers", 0, "replay goroutines (default: GOMAXPROCS; half as many parse)")
	addDesignFlags(cmd, &f.design)
	_ = fl.MarkHidden("replay")
	_ = fl.MarkHidden("workers")
	cmd.AddCommand(newSimulateMergeCmd())
	return cmd
}

func runSimulate(cmd *cobra.Command, args []string, f *simulateFlags) error {
	format := f.format
	if format == "markdown" {
		format = "md"
	}
	if !slices.Contains(report.Formats(), format) {
		return usageError(fmt.Errorf("--format %q: want one of %s", f.format, strings.Join(report.Formats(), ", ")))
	}
	thresholds, err := simulate.ParseFailOn(f.failOn)
	if err != nil {
		return usageError(err)
	}
	mode, err := replayMode(f.mode)
	if err != nil {
		return usageError(err)
	}
	pol, cfgPath, err := simulatePolicy(f)
	if err != nil {
		return usageError(err)
	}
	tpl, err := simulateTemplates(f, cfgPath)
	if err != nil {
		return usageError(err)
	}
	opts := simulate.Options{
		Inputs:    args,
		Contacts:  f.contacts,
		Stdin:     cmd.InOrStdin(),
		Policy:    pol,
		Templates: tpl,
		Strict:    f.strict,
		Mode:      mode,
		Workers:   f.workers,
	}
	if f.shard != "" {
		if opts.Shard, err = simulate.ParseShard(f.shard); err != nil {
			return usageError(err)
		}
	}
	if f.design.active() {
		if f.shard != "" {
			return usageError(errors.New("--shard replays one policy: run --compare and --sweep over the whole input, or merge the parts first"))
		}
		return runDesign(cmd, opts, f, format, thresholds)
	}
	if f.customer != "" {
		return explainCustomer(cmd, opts, f, format, thresholds)
	}
	r, err := simulate.Run(opts)
	if err != nil {
		return usageError(err)
	}
	if r.Shard != nil {
		r.AttachPart(toolVersion())
	}
	var buf bytes.Buffer
	if err := report.Write(&buf, r, format); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := writeOut(cmd.OutOrStdout(), f.out, buf.Bytes()); err != nil {
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

// explainCustomer prints one customer's replay (--customer).
func explainCustomer(cmd *cobra.Command, opts simulate.Options, f *simulateFlags, format string, thresholds []simulate.Threshold) error {
	if format != "text" && format != "json" {
		return usageError(fmt.Errorf("--customer prints text or json, not --format %s", format))
	}
	x, r, err := simulate.Explain(opts, strings.TrimSpace(f.customer))
	if err != nil {
		return usageError(err)
	}
	var buf bytes.Buffer
	if err := report.WriteExplanation(&buf, x, format); err != nil {
		return &exitError{code: exitInternal, err: err}
	}
	if err := writeOut(cmd.OutOrStdout(), f.out, buf.Bytes()); err != nil {
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

// writeOut writes b to --out FILE or to w. A file is replaced atomically
// (a reader never sees half a report); a device or pipe (/dev/stdout) is
// written to.
func writeOut(w io.Writer, out string, b []byte) error {
	if out == "" {
		_, err := w.Write(b)
		return err
	}
	write := atomicfile.Write
	if st, err := os.Stat(out); err == nil && !st.Mode().IsRegular() {
		write = func(name string, b []byte) error { return os.WriteFile(name, b, 0o644) }
	}
	if err := write(out, b); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

func replayMode(s string) (simulate.Mode, error) {
	switch s {
	case "", "auto":
		return simulate.ModeAuto, nil
	case "stream":
		return simulate.ModeStream, nil
	case "buffered":
		return simulate.ModeBuffered, nil
	}
	return 0, fmt.Errorf("--replay %q: want auto, stream or buffered", s)
}

// simulatePolicy loads the policy from --policy, else from the config's
// [simulate] table. It returns the config path when the policy (or an
// explicit --config) makes the config's template include paths apply.
func simulatePolicy(f *simulateFlags) (*simulate.Policy, string, error) {
	cfgPath, err := lint.FindConfigFile(f.config, os.Getenv("NOTELINT_CONFIG"), ".")
	if err != nil {
		return nil, "", err
	}
	if f.policy != "" {
		p, err := simulate.LoadPolicy(f.policy)
		if err != nil {
			return nil, "", err
		}
		if f.config == "" {
			cfgPath = "" // a standalone policy file does not pick up discovered templates
		}
		return p, cfgPath, nil
	}
	if cfgPath == "" {
		return nil, "", errors.New("no policy: pass --policy FILE or add a [simulate] table to .notelint.toml")
	}
	p, err := simulate.LoadPolicy(cfgPath)
	if errors.Is(err, simulate.ErrNoPolicy) {
		return nil, "", fmt.Errorf("%s has no [simulate] table: pass --policy FILE or add one", cfgPath)
	}
	return p, cfgPath, err
}

// simulateTemplates loads the templates of --templates DIR, else of the
// config's [lint] include paths; nil when there are none.
func simulateTemplates(f *simulateFlags, cfgPath string) (map[string]simulate.TemplateInfo, error) {
	if f.templates != "" {
		tpl, err := loadTemplateInfo(f.templates)
		if err != nil {
			return nil, fmt.Errorf("--templates %s: %w", f.templates, err)
		}
		return tpl, nil
	}
	if cfgPath == "" {
		return nil, nil
	}
	data, err := os.ReadFile(cfgPath)
	if err != nil {
		return nil, fmt.Errorf("reading config: %w", err)
	}
	var cfg struct {
		Lint struct {
			Include []string `toml:"include"`
		} `toml:"lint"`
	}
	if err := toml.NewDecoder(bytes.NewReader(data)).Decode(&cfg); err != nil {
		return nil, fmt.Errorf("reading [lint] include of %s: %w", cfgPath, err)
	}
	if len(cfg.Lint.Include) == 0 {
		return nil, nil
	}
	dir := filepath.Dir(cfgPath)
	tpl, err := loadTemplateInfo(dir)
	if err != nil {
		return nil, fmt.Errorf("templates of %s ([lint] include; pass --templates DIR to choose others): %w", cfgPath, err)
	}
	return tpl, nil
}
