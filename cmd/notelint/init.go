package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
)

// starterConfig is the commented .notelint.toml that `notelint init` writes.
const starterConfig = `# notelint configuration. Every key is optional; see ` + "`notelint config`" + `
# for the effective values and ` + "`notelint explain RULE`" + ` for rule options.

[lint]
# Files to check, relative to this file ("**" matches any number of folders).
include = ["**/*.txt", "**/*.md", "**/*.html", "**/*.toml"]
exclude = ["**/drafts/**"]
# Used when neither front matter nor the path names them.
default_locale = "en"
# default_channel = "sms"
# default_kind = "delay"

[sms]
max_segments = 1          # segment budget per SMS
default_var_length = 20   # assumed length of a placeholder without max
split = "graphemes"       # never split an emoji or flag; "minimal" = spec minimum

# Per rule: severity = "error" | "warning" | "info" | "off", plus options.
# [rules.sms-unicode]
# severity = "error"
# allow = ["€"]

# Landing pages: map link patterns to local HTML files (offline by default).
# [landing.pages]
# "https://acme.example/track/*" = "site/track.html"
`

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter .notelint.toml in the working directory",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(lint.ConfigFileName, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usageError(fmt.Errorf("%s already exists; use --force to overwrite it", lint.ConfigFileName))
			}
			if err != nil {
				return usageError(err)
			}
			if _, err := f.WriteString(starterConfig); err != nil {
				f.Close()
				return usageError(fmt.Errorf("writing %s: %w", lint.ConfigFileName, err))
			}
			if err := f.Close(); err != nil {
				return usageError(fmt.Errorf("writing %s: %w", lint.ConfigFileName, err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", lint.ConfigFileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing .notelint.toml")
	return cmd
}
