package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/pelletier/go-toml/v2"
	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
)

// loadConfig finds and loads the config for a run over paths: --config,
// else NOTELINT_CONFIG, else the nearest .notelint.toml above the first
// path (or the working directory).
func loadConfig(explicit string, paths []string) (*lint.Config, []*lint.Rule, error) {
	all := rules.All()
	start := "."
	if len(paths) > 0 {
		start = paths[0]
		if st, err := os.Stat(start); err == nil && !st.IsDir() {
			start = filepath.Dir(start)
		}
	}
	path, err := lint.FindConfigFile(explicit, os.Getenv("NOTELINT_CONFIG"), start)
	if err != nil {
		return nil, nil, err
	}
	if path == "" && start != "." {
		if path, err = lint.FindConfigFile("", "", "."); err != nil {
			return nil, nil, err
		}
	}
	cfg, err := lint.LoadConfig(path, all)
	if err != nil {
		return nil, nil, err
	}
	return cfg, all, nil
}

func newConfigCmd() *cobra.Command {
	var configPath string
	cmd := &cobra.Command{
		Use:   "config [PATH]",
		Short: "Show the effective configuration and the file it came from",
		Long: `Show the configuration notelint would use for a check of PATH (default: the
working directory): built-in defaults overlaid with the config file found by
--config, NOTELINT_CONFIG, or the nearest .notelint.toml walking up to the
repository root.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, all, err := loadConfig(configPath, args)
			if err != nil {
				return usageError(err)
			}
			return printConfig(cmd.OutOrStdout(), cfg, all)
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "config file to use instead of discovering .notelint.toml")
	return cmd
}

// printConfig writes the effective configuration as TOML.
func printConfig(w io.Writer, cfg *lint.Config, all []*lint.Rule) error {
	if cfg.Path == "" {
		fmt.Fprintln(w, "# no config file found: built-in defaults")
	} else {
		fmt.Fprintf(w, "# from %s\n", cfg.Path)
	}
	ruleTables := map[string]any{}
	for _, r := range all {
		t := map[string]any{"severity": cfg.Severity(r).String()}
		if opts := cfg.RuleOptions(r); opts != nil {
			b, err := toml.Marshal(opts)
			if err != nil {
				return fmt.Errorf("printing options of %s: %w", r.ID, err)
			}
			var m map[string]any
			if err := toml.Unmarshal(b, &m); err != nil {
				return fmt.Errorf("printing options of %s: %w", r.ID, err)
			}
			for k, v := range m {
				t[k] = v
			}
		}
		ruleTables[r.ID] = t
	}
	doc := map[string]any{
		"lint":  cfg.Lint,
		"rules": ruleTables,
	}
	enc := toml.NewEncoder(w)
	enc.SetIndentTables(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("printing config: %w", err)
	}
	return nil
}
