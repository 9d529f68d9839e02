package load

import (
	"os"
	"path/filepath"
)

// ConfigFileName is the name notelint looks for when discovering a config.
const ConfigFileName = ".notelint.toml"

// Config is the part of the configuration the loaders read: where the
// config file lives and its [lint] table.
type Config struct {
	// Path is the file the config came from; "" for the built-in defaults.
	Path string
	// Dir is the directory relative paths in the config are resolved against.
	Dir  string
	Lint LintConfig
}

// DefaultConfig returns the built-in [lint] settings, with relative
// paths resolved against the working directory.
func DefaultConfig() *Config {
	c := &Config{Lint: LintConfig{DefaultLocale: "en", MaxFileSize: DefaultMaxFileSize, MaxBundleSize: DefaultMaxBundleSize}}
	if wd, err := os.Getwd(); err == nil {
		c.Dir = wd
	}
	return c
}

// LintConfig is the [lint] table.
type LintConfig struct {
	Include        []string `toml:"include"`
	Exclude        []string `toml:"exclude"`
	DefaultLocale  string   `toml:"default_locale"`
	DefaultChannel string   `toml:"default_channel"`
	DefaultKind    string   `toml:"default_kind"`
	// Syntax lists the placeholder syntaxes to read; "auto" (the default)
	// detects them per file. See SyntaxNames.
	Syntax []string `toml:"syntax,omitempty"`
	// Channel and Kind classify messages by patterns on their id or bundle
	// key, e.g. channel = { sms = ["*.sms.*"] }; front matter wins.
	Channel map[string][]string `toml:"channel,omitempty"`
	Kind    map[string][]string `toml:"kind,omitempty"`
	// Group configures multi-part grouping ([lint.group]).
	Group GroupConfig `toml:"group"`
	// Bundle lists the i18n bundles to read ([[lint.bundle]]).
	Bundle []BundleConfig `toml:"bundle,omitempty"`
	// localeSet is true when the config file names default_locale (the
	// built-in "en" is only a weak guess).
	LocaleSet bool `toml:"-"`
	// MaxFileSize is the largest template file or bundle message, in
	// bytes (default 256 KiB), and MaxBundleSize the largest i18n bundle
	// file (default 1 MiB, and one message per 64 bytes of it): more is
	// an input error, not a slow run.
	MaxFileSize   int64 `toml:"max_file_size"`
	MaxBundleSize int64 `toml:"max_bundle_size"`
}

// Resolve makes p, a path from the config, absolute against the config dir.
func (c *Config) Resolve(p string) string {
	if filepath.IsAbs(p) || c.Dir == "" {
		return p
	}
	return filepath.Join(c.Dir, p)
}
