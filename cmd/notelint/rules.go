package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/rules"
)

func newRulesCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the rules with their default severity",
		Long:  "List every rule with its default severity and summary. `notelint explain ID` shows a rule's documentation.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			all := rules.All()
			w := cmd.OutOrStdout()
			switch format {
			case "json":
				type ruleJSON struct {
					ID       string `json:"id"`
					Severity string `json:"severity"`
					Summary  string `json:"summary"`
					Fixable  bool   `json:"fixable"`
					Doc      string `json:"doc"`
				}
				out := make([]ruleJSON, 0, len(all))
				for _, r := range all {
					out = append(out, ruleJSON{r.ID, r.Severity.String(), r.Summary, r.Fixable, r.Doc})
				}
				enc := json.NewEncoder(w)
				enc.SetIndent("", "  ")
				return enc.Encode(out)
			case "text":
				tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "RULE\tDEFAULT\tSUMMARY")
				for _, r := range all {
					sum := r.Summary
					if r.Fixable {
						sum += " (fixable)"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, sum)
				}
				return tw.Flush()
			default:
				return usageError(fmt.Errorf("unknown --format %q (want text or json)", format))
			}
		},
	}
	enumFlag(cmd, &format, "format", "text", "output format: text or json", "text", "json")
	return cmd
}

func newExplainCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Show a rule's documentation, examples and options",
		Args:  cobra.ExactArgs(1),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeRuleIDs(cmd, args, toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			all := rules.All()
			r := rules.ByID(all, args[0])
			if r == nil {
				ids := make([]string, len(all))
				for i, x := range all {
					ids[i] = x.ID
				}
				return usageError(fmt.Errorf("unknown rule %q; rules: %s", args[0], strings.Join(ids, ", ")))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (default: %s)\n\n%s\n\n%s\n", r.ID, r.Severity, r.Summary, r.Doc)
			return nil
		},
	}
}
