package main

import (
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/cmd/notelint/internal/lsp"
	"github.com/notelint/notelint/lint"
)

func newLSPCmd() *cobra.Command {
	var configPath string
	var stdio bool
	cmd := &cobra.Command{
		Use:   "lsp",
		Short: "Run the language server (diagnostics, quick fixes, hovers) over stdio",
		Long: `Run a Language Server Protocol server on standard input and output, for
editors: findings appear as diagnostics while you type, fixable ones (such
as characters that force UCS-2) have a quick fix, and hovering a
placeholder shows its declaration and the SMS best and worst case.

The config is looked up for each file as check does and re-read on every
check, so edits to .notelint.toml apply at once.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_ = stdio // stdio is the only transport; the flag is accepted because clients pass it
			load := func(path string) (*lint.Config, []*lint.Rule, error) {
				return loadConfig(configPath, []string{filepath.Dir(path)})
			}
			err := lsp.Run(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), lsp.Options{LoadConfig: load, Version: toolVersion(), Log: cmd.ErrOrStderr()})
			if err != nil {
				return silentExitWith(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&configPath, "config", "", "config file to use instead of discovering .notelint.toml")
	cmd.Flags().BoolVar(&stdio, "stdio", true, "talk over standard input and output (the only transport)")
	return cmd
}

// silentExitWith ends the command with exit code 1, reporting err.
func silentExitWith(err error) error { return &exitError{code: 1, err: err} }
