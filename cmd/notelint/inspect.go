package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/output"
)

func newInspectCmd() *cobra.Command {
	var configPath, format string
	var onlyNotifications bool
	cmd := &cobra.Command{
		Use:   "inspect [PATH...]",
		Short: "Show what notelint takes each template for, and which rules run on it",
		Long: `Show, for every template check would read under PATH (default: the working
directory), whether notelint takes it for a customer notification, its
channel, kind and locale, where each answer came from (front-matter, config,
key, path, text or a default) and how sure it is, and which rules run on it.

Rules act only on what is known with medium or high confidence. To pin an
answer, set it in front matter (channel, kind, locale), in the config
([lint] default_channel, default_kind, default_locale, channel and kind key
patterns), or in a [[lint.bundle]] table.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError(fmt.Errorf("unknown --format %q (want text or json)", format))
			}
			cfg, all, err := loadConfig(configPath, args)
			if err != nil {
				return usageError(err)
			}
			paths := args
			if len(paths) == 0 {
				paths = []string{"."}
			}
			files, err := load.Discover(paths, &cfg.Config)
			if err != nil {
				return usageError(err)
			}
			runner := &lint.Runner{Rules: all, Config: cfg}
			ts, errs := runner.LoadFiles(files)
			var rows []inspectRow
			for _, t := range ts {
				if onlyNotifications && !t.IsNotification() {
					continue
				}
				rows = append(rows, newInspectRow(t, cfg, all))
			}
			w := cmd.OutOrStdout()
			if format == "json" {
				err = writeInspectJSON(w, rows)
			} else {
				err = writeInspectText(w, rows)
			}
			for _, e := range errs {
				fmt.Fprintf(cmd.ErrOrStderr(), "notelint: %v\n", e)
			}
			if err == nil && len(errs) > 0 {
				return silentExit(exitUsage)
			}
			return err
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "config file (default: nearest .notelint.toml)")
	enumFlag(cmd, &format, "format", "text", "output format: text or json", "text", "json")
	cmd.Flags().BoolVar(&onlyNotifications, "notifications", false, "list only the templates taken for notifications")
	return cmd
}

// inspectRow is one template as inspect shows it.
type inspectRow struct {
	File   string        `json:"file"`
	Line   int           `json:"line"`
	Column int           `json:"column"`
	ID     string        `json:"id"`
	Scope  message.Scope `json:"scope"`
	Rules  []string      `json:"rules"`
}

func newInspectRow(t *message.Template, cfg *lint.Config, all []*lint.Rule) inspectRow {
	pos := t.Source.Position(t.Start)
	row := inspectRow{File: t.Source.Path, Line: pos.Line, Column: pos.Column, ID: t.ID, Scope: t.Scope, Rules: []string{}}
	for _, r := range all {
		if cfg.Runs(r, t) {
			row.Rules = append(row.Rules, r.ID)
		}
	}
	return row
}

func writeInspectJSON(w io.Writer, rows []inspectRow) error {
	if rows == nil {
		rows = []inspectRow{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"templates": rows})
}

func writeInspectText(w io.Writer, rows []inspectRow) error {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%s:%d:%d %s\n", output.Visible(r.File), r.Line, r.Column, output.Visible(r.ID))
		for _, f := range []struct {
			name string
			fact message.Fact
		}{{"notification", r.Scope.Notification}, {"channel", r.Scope.Channel}, {"kind", r.Scope.Kind}, {"locale", r.Scope.Locale}} {
			fmt.Fprintf(&b, "    %-13s %s\n", f.name, describeFact(f.fact))
		}
		if r.Scope.NotTemplate != "" {
			fmt.Fprintf(&b, "    %-13s %s\n", "not checked", output.Visible(r.Scope.NotTemplate))
		}
		rules := "none"
		if len(r.Rules) > 0 {
			rules = strings.Join(r.Rules, ", ")
		}
		fmt.Fprintf(&b, "    %-13s %s\n", "rules", rules)
	}
	fmt.Fprintf(&b, "%d templates\n", len(rows))
	_, err := io.WriteString(w, b.String())
	return err
}

// describeFact writes a fact as `sms (path "sms/", medium)`.
func describeFact(f message.Fact) string {
	if f.Value == "" {
		return "unknown"
	}
	src := f.Source.String()
	if f.Detail != "" {
		src += ": " + output.Visible(f.Detail)
	}
	return fmt.Sprintf("%s, from %s (%s)", f.Value, src, f.Confidence)
}
