package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/tomlkey"
)

// Config is the effective configuration: built-in defaults overlaid with one
// .notelint.toml file.
type Config struct {
	// Config (embedded) is what the loaders read: where the config lives and
	// the [lint] table.
	load.Config
	// Network is what the command line allows rules that read the network;
	// no config file can set it.
	Network NetworkPolicy
	rules   map[string]*ruleSetting
}

type ruleSetting struct {
	severity message.Severity
	explicit bool // severity set in the config
	options  any
}

// fileConfig is the shape of .notelint.toml.
type fileConfig struct {
	Lint     *load.LintConfig          `toml:"lint"`
	Rules    map[string]map[string]any `toml:"rules"`
	Simulate map[string]any            `toml:"simulate"` // read by package simulate
}

// DefaultConfig returns the built-in configuration for rules.
func DefaultConfig(rules []*Rule) *Config {
	c := &Config{
		Config: *load.DefaultConfig(),
		rules:  make(map[string]*ruleSetting, len(rules)),
	}
	for _, r := range rules {
		s := &ruleSetting{severity: r.Severity}
		if r.Options != nil {
			s.options = r.Options()
		}
		c.rules[r.ID] = s
	}
	return c
}

// maxConfigSize is the largest config file read.
const maxConfigSize = 1 << 20

// LoadConfig reads the config file at path on top of the defaults and
// validates it against rules. path "" returns the defaults. The file must
// be a regular file of at most 1 MiB (or os.DevNull, an empty config).
func LoadConfig(path string, rules []*Rule) (*Config, error) {
	c := DefaultConfig(rules)
	if path == "" {
		return c, nil
	}
	var data []byte // --config /dev/null: an empty config
	if path != os.DevNull {
		var err error
		if data, err = load.ReadRegular(path, load.SizeLimit{Bytes: maxConfigSize}); err != nil {
			return nil, fmt.Errorf("reading config: %w", err)
		}
	}
	if err := c.parse(path, data, rules); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) parse(path string, data []byte, rules []*Rule) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	c.Path = path
	c.Dir = filepath.Dir(abs)
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	var fc fileConfig
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := withoutAliasTables(dec.Decode(&fc), rules); err != nil {
		return tomlError(path, err)
	}
	origins, err := mergeAliasTables(path, data, rules, &fc)
	if err != nil {
		return err
	}
	if fc.Lint != nil {
		l := *fc.Lint
		l.LocaleSet = l.DefaultLocale != ""
		if l.DefaultLocale == "" {
			l.DefaultLocale = c.Lint.DefaultLocale
		}
		if l.MaxFileSize == 0 {
			l.MaxFileSize = c.Lint.MaxFileSize
		}
		if l.MaxBundleSize == 0 {
			l.MaxBundleSize = c.Lint.MaxBundleSize
		}
		c.Lint = l
		for _, v := range []struct {
			key string
			n   int64
		}{{"max_file_size", l.MaxFileSize}, {"max_bundle_size", l.MaxBundleSize}} {
			if v.n < 1 {
				return fmt.Errorf("%s:%d: [lint] %s must be a positive number of bytes, not %d", path, keyLine(data, "lint", v.key), v.key, v.n)
			}
		}
		if l.DefaultChannel != "" && !contains(message.KnownChannels(), l.DefaultChannel) {
			return fmt.Errorf("%s:%d: unknown default_channel %q (want one of %s)", path, keyLine(data, "lint", "default_channel"), l.DefaultChannel, strings.Join(message.KnownChannels(), ", "))
		}
		if l.DefaultKind != "" && !contains(message.KnownKinds(), l.DefaultKind) {
			return fmt.Errorf("%s:%d: unknown default_kind %q (want one of %s)", path, keyLine(data, "lint", "default_kind"), l.DefaultKind, strings.Join(message.KnownKinds(), ", "))
		}
		for _, g := range append(append([]string(nil), l.Include...), l.Exclude...) {
			if err := message.ValidateGlob(g); err != nil {
				return fmt.Errorf("%s:%d: %w", path, keyLine(data, "lint", "include"), err)
			}
		}
		if err := c.Lint.ValidateI18n(path, data); err != nil {
			return err
		}
	}
	byID := make(map[string]*Rule, len(rules))
	for _, r := range rules {
		byID[r.ID] = r
	}
	ids := make([]string, 0, len(fc.Rules))
	for id := range fc.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if err := c.parseRule(path, data, byID[id], id, fc.Rules[id], origins[id]); err != nil {
			return err
		}
	}
	return nil
}

// parseRule decodes [rules.ID] into r's options. origin names the table
// of each key that came from an alias table (see Rule.ConfigAlias), so
// errors name the line the user wrote.
func (c *Config) parseRule(path string, data []byte, r *Rule, id string, raw map[string]any, origin map[string]string) error {
	table := "rules." + id
	tableOf := func(key string) string {
		if t := origin[key]; t != "" {
			return t
		}
		return table
	}
	if r == nil {
		return fmt.Errorf("%s:%d: unknown rule %q in [rules] (see `notelint rules`)", path, keyLine(data, "rules", id), id)
	}
	s := c.rules[id]
	opts := make(map[string]any, len(raw))
	for k, v := range raw {
		if k == "severity" {
			str, ok := v.(string)
			if !ok {
				return fmt.Errorf("%s:%d: [%s] severity must be a string", path, keyLine(data, table, "severity"), table)
			}
			sev, err := message.ParseSeverity(str)
			if err != nil {
				return fmt.Errorf("%s:%d: [%s] %w", path, keyLine(data, table, "severity"), table, err)
			}
			s.severity, s.explicit = sev, true
			continue
		}
		opts[k] = v
	}
	if len(opts) == 0 {
		return nil
	}
	if r.Options == nil {
		for k := range opts {
			return fmt.Errorf("%s:%d: rule %s has no option %q (it takes only severity)", path, keyLine(data, tableOf(k), k), id, k)
		}
	}
	enc, err := toml.Marshal(opts)
	if err != nil {
		return fmt.Errorf("%s: [%s]: %w", path, table, err)
	}
	target := r.Options()
	if err := toml.NewDecoder(bytes.NewReader(enc)).DisallowUnknownFields().Decode(target); err != nil {
		var sm *toml.StrictMissingError
		if errors.As(err, &sm) && len(sm.Errors) > 0 {
			k := strings.Join(sm.Errors[0].Key(), ".")
			return fmt.Errorf("%s:%d: rule %s has no option %q (see `notelint explain %s`)", path, keyLine(data, tableOf(k), k), id, k, id)
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			k := strings.Join(de.Key(), ".")
			if msg, ok := typeMismatch(de.Error()); ok {
				return fmt.Errorf("%s:%d: [%s] %s: %s", path, keyLine(data, tableOf(k), k), tableOf(k), k, msg)
			}
			return fmt.Errorf("%s:%d: [%s] %s: %w", path, keyLine(data, tableOf(k), k), tableOf(k), k, de)
		}
		return fmt.Errorf("%s: [%s]: %w", path, table, err)
	}
	if err := validateOptions(target, c.Dir); err != nil {
		var oe *OptionError
		if errors.As(err, &oe) && len(oe.Key) > 0 {
			t := tableOf(oe.Key[0])
			if n := len(oe.Key); n > 1 {
				t += "." + strings.Join(oe.Key[:n-1], ".")
			}
			return fmt.Errorf("%s:%d: [%s] %w", path, keyLine(data, t, oe.Key[len(oe.Key)-1]), t, oe.Err)
		}
		hdr := headerTable(table, raw, origin)
		return fmt.Errorf("%s:%d: [%s] %w", path, keyLine(data, hdr, ""), hdr, err)
	}
	s.options = target
	return nil
}

// tomlError turns a go-toml error into one naming file, line and key.
func tomlError(path string, err error) error {
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) && len(sm.Errors) > 0 {
		var msgs []string
		for _, e := range sm.Errors {
			row, _ := e.Position()
			msgs = append(msgs, fmt.Sprintf("%s:%d: unknown key %q", path, row, strings.Join(e.Key(), ".")))
		}
		return errors.New(strings.Join(msgs, "\n"))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		if msg, ok := typeMismatch(de.Error()); ok && len(de.Key()) > 0 {
			key := de.Key()
			table, name := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
			if table == "" {
				return fmt.Errorf("%s:%d:%d: %s: %s", path, row, col, name, msg)
			}
			if table == "rules" && strings.HasSuffix(msg, "not a string") {
				msg += fmt.Sprintf(" (write [rules.%s] with severity = ...)", name)
			}
			return fmt.Errorf("%s:%d:%d: [%s] %s: %s", path, row, col, table, name, msg)
		}
		return fmt.Errorf("%s:%d:%d: invalid TOML: %w", path, row, col, de)
	}
	return fmt.Errorf("%s: invalid TOML: %w", path, err)
}

// keyLine finds the 1-based line where key is set inside [table] (see
// tomlkey.Line).
func keyLine(data []byte, table, key string) int { return tomlkey.Line(data, table, key) }

// Severity returns the effective severity of r.
func (c *Config) Severity(r *Rule) message.Severity {
	if s, ok := c.rules[r.ID]; ok {
		return s.severity
	}
	return r.Severity
}

// SeverityExplicit reports whether the config set r's severity.
func (c *Config) SeverityExplicit(r *Rule) bool {
	s, ok := c.rules[r.ID]
	return ok && s.explicit
}

// RuleOptions returns r's decoded options, or nil when it has none.
func (c *Config) RuleOptions(r *Rule) any {
	if s, ok := c.rules[r.ID]; ok && s.options != nil {
		return s.options
	}
	if r.Options != nil {
		return r.Options()
	}
	return nil
}

// FindConfigFile picks the config to use: the explicit --config value, else
// the NOTELINT_CONFIG value env, else the nearest .notelint.toml walking up
// from workDir to the repository root (a directory holding .git). It returns
// "" when there is none.
func FindConfigFile(explicit, env, workDir string) (string, error) {
	for _, p := range []string{explicit, env} {
		if p == "" {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return "", fmt.Errorf("config file: %w", err)
		}
		if st.IsDir() {
			return "", fmt.Errorf("config file %s is a directory", p)
		}
		return p, nil
	}
	dir, err := filepath.Abs(workDir)
	if err != nil {
		return "", fmt.Errorf("finding config: %w", err)
	}
	for {
		p := filepath.Join(dir, load.ConfigFileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
