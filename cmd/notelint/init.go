package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/load"
	"github.com/spf13/cobra"
)

// configSchemaURL is the JSON Schema of .notelint.toml (lint/config.schema.json),
// named on the first line of a starter config so taplo and Even Better TOML
// complete and validate it.
const configSchemaURL = "https://raw.githubusercontent.com/notelint/notelint/main/lint/config.schema.json"

// defaultIncludes are the include globs of a starter config written where
// no template was found.
var defaultIncludes = []string{"**/*.txt", "**/*.md", "**/*.html", "**/*.toml"}

// maxIncludes bounds the include globs init writes; beyond it, one glob
// per extension ("**/*.twig") is written instead of one per folder.
const maxIncludes = 12

// starterConfig is the commented .notelint.toml that notelint init writes,
// with include globs for the folders where templates were found.
func starterConfig(includes []string, found bool) string {
	quoted := make([]string, len(includes))
	for i, g := range includes {
		quoted[i] = strconv.Quote(g)
	}
	where := "# No templates were found here: these globs are a starting point."
	if found {
		where = "# These globs match the folders that held templates when notelint init ran;\n" +
			"# add a glob when templates live elsewhere, or remove one to stop checking it."
	}
	return `#:schema ` + configSchemaURL + `
# notelint configuration. Every key is optional; see ` + "`notelint config`" + `
# for the effective values and ` + "`notelint explain RULE`" + ` for rule options.

[lint]
# Files to check, relative to this file ("**" matches any number of folders).
` + where + `
include = [` + strings.Join(quoted, ", ") + `]
exclude = ["**/drafts/**"]
# Used when neither front matter nor the path names them.
default_locale = "en"
# default_channel = "sms"
# default_kind = "delay"
# Larger files are an input error, not checked: templates and each
# bundle message (bytes; default 256 KiB), i18n bundle files (1 MiB,
# and at most one message per 64 bytes of it).
max_file_size = 262144
max_bundle_size = 1048576

[rules.sms-segments]       # also read from [sms], the older spelling
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
}

// includeGlobs returns include globs that match the template files found
// (slash paths relative to the config): one per top-level folder and
// extension ("mail/**/*.twig", "*.txt"), Android resources by name
// ("app/**/strings.xml"); one per extension when there would be more
// than maxIncludes.
func includeGlobs(files []string) []string {
	type key struct{ dir, pat string }
	seen := map[key]bool{}
	pats := map[string]bool{}
	for _, f := range files {
		f = filepath.ToSlash(f)
		base := path.Base(f)
		pat := "*" + path.Ext(base)
		if strings.EqualFold(path.Ext(base), ".xml") {
			pat = base
		}
		dir, _, nested := strings.Cut(f, "/")
		if !nested {
			dir = ""
		}
		seen[key{dir, pat}] = true
		pats[pat] = true
	}
	var out []string
	if len(seen) > maxIncludes {
		for p := range pats {
			out = append(out, "**/"+p)
		}
	} else {
		for k := range seen {
			if k.dir == "" {
				out = append(out, k.pat)
			} else {
				out = append(out, k.dir+"/**/"+k.pat)
			}
		}
	}
	sort.Strings(out)
	return out
}

func newInitCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter .notelint.toml in the working directory, including the folders that hold templates",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(load.ConfigFileName, flags, 0o644)
			if errors.Is(err, fs.ErrExist) {
				return usageError(fmt.Errorf("%s already exists; use --force to overwrite it", load.ConfigFileName))
			}
			if err != nil {
				return usageError(err)
			}
			includes, found := defaultIncludes, false
			if files, err := load.Discover([]string{"."}, load.DefaultConfig()); err == nil && len(files) > 0 {
				includes, found = includeGlobs(files), true
			}
			if _, err := f.WriteString(starterConfig(includes, found)); err != nil {
				f.Close()
				return usageError(fmt.Errorf("writing %s: %w", load.ConfigFileName, err))
			}
			if err := f.Close(); err != nil {
				return usageError(fmt.Errorf("writing %s: %w", load.ConfigFileName, err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", load.ConfigFileName)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing .notelint.toml")
	return cmd
}
