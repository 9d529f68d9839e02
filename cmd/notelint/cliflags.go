package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/rules"
)

// enumValue is a string flag that accepts only the listed values; a wrong
// value is a usage error that names them all.
type enumValue struct {
	p       *string
	allowed []string
}

func (e *enumValue) String() string { return *e.p }

// Set accepts one of the allowed values.
func (e *enumValue) Set(v string) error {
	if !slices.Contains(e.allowed, v) {
		return fmt.Errorf("want %s", orList(e.allowed))
	}
	*e.p = v
	return nil
}

// Type names the value in the help.
func (e *enumValue) Type() string { return "string" }

// enumFlag defines --name on cmd, taking one of allowed (default def),
// and completes the allowed values in the shell.
func enumFlag(cmd *cobra.Command, p *string, name, def, usage string, allowed ...string) {
	*p = def
	cmd.Flags().Var(&enumValue{p: p, allowed: allowed}, name, usage)
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(allowed, cobra.ShellCompDirectiveNoFileComp))
}

// orList joins values as "a, b or c".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}

// ruleList is a repeatable flag of rule ids (comma-separated or repeated),
// each checked against the catalog.
type ruleList struct {
	ids []string
}

func (r *ruleList) String() string { return strings.Join(r.ids, ",") }

// Set adds the comma-separated rule ids in v.
func (r *ruleList) Set(v string) error {
	for _, id := range strings.Split(v, ",") {
		id = strings.TrimSpace(id)
		if rules.ByID(rules.All(), id) == nil {
			return fmt.Errorf("unknown rule %q (see `notelint rules`)", id)
		}
		r.ids = append(r.ids, id)
	}
	return nil
}

// Type names the value in the help.
func (r *ruleList) Type() string { return "rule" }

// ruleIDs returns every rule id with its summary, for shell completion.
func ruleIDs() []string {
	var out []string
	for _, r := range rules.All() {
		out = append(out, r.ID+"\t"+r.Summary)
	}
	return out
}

// completeRuleIDs completes a rule id argument or flag value.
func completeRuleIDs(_ *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	return ruleIDs(), cobra.ShellCompDirectiveNoFileComp
}

// completeFormats completes a --format value: a format name, or after
// "name:" a file path.
func completeFormats(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		toComplete = toComplete[i+1:]
	}
	if strings.Contains(toComplete, ":") {
		return nil, cobra.ShellCompDirectiveDefault
	}
	return output.Formats(), cobra.ShellCompDirectiveNoFileComp
}

// stdinMode reports whether check reads standard input ("check -"), and
// whether the flags that go with it are consistent.
func stdinMode(args []string, f checkFlags) (bool, error) {
	if !slices.Contains(args, "-") {
		if f.stdinName != "" {
			return false, errors.New("--stdin-filename needs PATH - (read the text from standard input)")
		}
		return false, nil
	}
	switch {
	case len(args) > 1:
		return false, errors.New("PATH - (standard input) cannot be combined with other paths")
	case f.stdinName == "":
		return false, errors.New("PATH - needs --stdin-filename PATH: the file name the text is checked as")
	case f.fix:
		return false, errors.New("--fix cannot write to standard input; run it on the file")
	case f.newOnly.newFromRev != "" || f.newOnly.newFromMergeBase != "":
		return false, errors.New("--new-from-rev and --new-from-merge-base compare files in git, not standard input")
	}
	return true, nil
}

// applyRuleFlags switches rules on (--enable) and off (--disable) for
// this run, over the config. A rule switched on keeps its configured
// severity, else its default one, else warning.
func applyRuleFlags(cfg *lint.Config, all []*lint.Rule, enable, disable []string) {
	for _, id := range enable {
		r := rules.ByID(all, id)
		if r == nil || cfg.Severity(r) != message.Off {
			continue
		}
		sev := r.Severity
		if sev == message.Off {
			sev = message.Warning
		}
		cfg.SetSeverity(id, sev)
	}
	for _, id := range disable {
		cfg.SetSeverity(id, message.Off)
	}
}
