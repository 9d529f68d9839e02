package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

type checkFlags struct {
	formats     formatFlag
	failOn      string
	config      string
	fix         bool
	fetch       bool
	fetchAny    bool
	printConfig bool
	color       string
	newOnly     newOnlyFlags
	quiet       bool
	stdinName   string
	enable      ruleList
	disable     ruleList
}

func newCheckCmd() *cobra.Command {
	var f checkFlags
	cmd := &cobra.Command{
		Use:   "check [PATH...] | check - --stdin-filename PATH",
		Short: "Lint notification templates",
		Long: `Lint notification templates in the given files and directories (default:
the working directory): .txt, .md, .html and .toml catalogs, template-engine
files (.twig, .tpl, .erb, .ejs, .hbs, .liquid, .jinja, .gotmpl, …), and i18n
bundles (JSON, YAML, gettext .po, .properties, Android strings.xml, Apple
.strings and .xcstrings, XLIFF, PHP lang arrays) named by locale, in a
locale folder, or declared in [[lint.bundle]]. Project files (README,
LICENSE, go.mod, …) are skipped.

"check -" reads one text from standard input and checks it as the file
--stdin-filename names: loaded, classified and configured as that file
would be (editors and pre-commit wrappers pipe text this way).

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage, config or input error, 3 internal error.`,
		Example: `  notelint check examples/
  notelint check --format sarif templates/ > notelint.sarif
  notelint check --format github --format sarif:notelint.sarif templates/
  notelint check --format text,html:report.html,junit:junit.xml templates/
  notelint check --fix sms/
  notelint check --baseline .notelint-baseline.json templates/
  notelint check --new-from-merge-base origin/main templates/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCheck(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	fl.Var(&f.formats, "format", "output format: "+joinFormats()+"; format:path writes it to a file (path - is standard output); "+
		"repeat or comma-separate for several outputs, at most one on standard output")
	enumFlag(cmd, &f.failOn, "fail-on", "error", "exit 1 when a finding is at or above: error, warning, info or never", "error", "warning", "info", "never")
	fl.StringVar(&f.config, "config", "", "config file to use instead of discovering .notelint.toml")
	fl.BoolVar(&f.fix, "fix", false, "apply safe fixes (GSM-7 replacements) to the files in place")
	fl.BoolVar(&f.fetch, "fetch", false, "fetch linked landing pages over HTTP(S) (default: offline, local [landing.pages] only); fetch = true in a config needs this flag too")
	fl.BoolVar(&f.fetchAny, "fetch-allow-private", false, "with --fetch, also fetch from loopback, link-local, private and multicast addresses (refused by default)")
	fl.BoolVar(&f.printConfig, "print-config", false, "print the effective configuration and exit")
	enumFlag(cmd, &f.color, "color", "auto", "color in text output: auto, always or never", "auto", "always", "never")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print the findings only: no summary line, no notes on standard error")
	fl.StringVar(&f.stdinName, "stdin-filename", "", "with PATH -, the file name the text on standard input is checked as")
	fl.Var(&f.enable, "enable", "switch this rule on for this run (repeatable, or comma-separated)")
	fl.Var(&f.disable, "disable", "switch this rule off for this run (repeatable, or comma-separated)")
	f.newOnly.register(cmd)
	_ = cmd.RegisterFlagCompletionFunc("format", completeFormats)
	_ = cmd.RegisterFlagCompletionFunc("enable", completeRuleIDs)
	_ = cmd.RegisterFlagCompletionFunc("disable", completeRuleIDs)
	_ = cmd.MarkFlagFilename("baseline", "json")
	_ = cmd.MarkFlagFilename("config", "toml")
	return cmd
}

func joinFormats() string {
	s := ""
	for i, f := range output.Formats() {
		if i > 0 {
			s += ", "
		}
		s += f
	}
	return s
}

func runCheck(cmd *cobra.Command, args []string, f checkFlags) error {
	failOn, err := message.ParseFailOn(f.failOn)
	if err != nil {
		return usageError(err)
	}
	specs, err := parseFormats(f.formats.values)
	if err != nil {
		return usageError(err)
	}
	stdin, err := stdinMode(args, f)
	if err != nil {
		return usageError(err)
	}
	configPaths := args
	if stdin {
		configPaths = []string{filepath.Dir(f.stdinName)}
	}
	cfg, all, err := loadConfig(f.config, configPaths)
	if err != nil {
		return usageError(err)
	}
	cfg.Network = lint.NetworkPolicy{Fetch: f.fetch, AllowPrivate: f.fetchAny}
	applyRuleFlags(cfg, all, f.enable.ids, f.disable.ids)
	if f.printConfig {
		return printConfig(cmd.OutOrStdout(), cfg, all)
	}
	if err := checkOutputPaths(specs); err != nil {
		return usageError(err)
	}
	only, err := f.newOnly.prepare(cmd.Context(), args)
	if err != nil {
		return usageError(err)
	}
	paths := args
	if len(paths) == 0 {
		paths = []string{"."}
	}
	stderr := cmd.ErrOrStderr()
	notes := stderr
	if f.quiet {
		notes = io.Discard
	}
	runner := &lint.Runner{Rules: all, Config: cfg, Context: cmd.Context()}
	var res *lint.Result
	if stdin {
		if res, err = checkStdin(runner, cmd.InOrStdin(), f.stdinName); err != nil {
			return usageError(err)
		}
	} else {
		if res, err = runner.Run(paths); err != nil {
			return usageError(err)
		}
		noteUnread(notes, res.Unread)
		if f.fix {
			if res, err = fixAndRecheck(notes, runner, paths, res); err != nil {
				return usageError(err)
			}
		}
	}
	findings, hidden, err := only.filter(cmd.Context(), runner, res)
	if err != nil {
		return usageError(err)
	}
	opt := output.Options{
		Hidden:       hidden,
		Quiet:        f.quiet,
		FailOn:       failOn,
		Root:         repoRoot(),
		Version:      toolVersion(),
		Files:        res.Files,
		Templates:    len(res.Templates),
		TemplateList: res.Templates,
		Config:       cfg,
		Rules:        all,
		SMS:          smsEstimates(res.Templates, cfg),
		Limits:       rules.ChannelLimits(cfg),
		Contents:     res.Contents,
	}
	if err := writeOutputs(cmd.OutOrStdout(), specs, findings, opt, f.color); err != nil {
		return err
	}
	for _, e := range res.Errors {
		fmt.Fprintf(stderr, "notelint: %v\n", e)
	}
	if len(res.Errors) > 0 {
		for _, e := range res.Errors {
			if errors.Is(e, lint.ErrInternal) {
				return silentExit(exitInternal)
			}
		}
		return silentExit(exitUsage)
	}
	for _, fd := range findings {
		if fd.Severity >= failOn {
			return silentExit(exitFindings)
		}
	}
	return nil
}

// smsEstimates estimates every SMS template with the settings of the rule
// that checks SMS size, for the HTML page.
func smsEstimates(ts []*message.Template, cfg *lint.Config) map[*message.Template]message.SMSEstimate {
	settings := rules.SMSSettings(cfg)
	out := map[*message.Template]message.SMSEstimate{}
	for _, t := range ts {
		if t.Channel == "sms" {
			out[t] = message.EstimateSMS(t, settings)
		}
	}
	return out
}

// repoRoot returns the nearest directory above the working directory that
// holds .git, or the working directory.
func repoRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}

func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
