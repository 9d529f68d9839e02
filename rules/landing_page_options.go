package rules

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules/landing"
)

// landingPageOptions are the options of the landing-page rule. The keys of
// the old [landing] table (pages, fetch, timeout, max_bytes, concurrency)
// are read as aliases of the same options (lint.Rule.ConfigAlias).
type landingPageOptions struct {
	// Disable lists check ids to switch off (see landing.CheckIDs).
	Disable []string `toml:"disable"`
	// Overlap is the share (0 to 1) of the message's key words that the
	// page's title, headings and text must mention.
	Overlap float64 `toml:"overlap"`
	// MinExplanation is the number of words a page must show before a login
	// form for it not to count as a login wall.
	MinExplanation int `toml:"min_explanation_words"`
	// SiteNames are names of the site or brand: a title or heading made of
	// them (and generic words) alone is generic.
	SiteNames []string `toml:"site_names"`
	// Pages maps URL patterns to local files, relative to the config file.
	Pages map[string]string `toml:"pages"`
	// Fetch asks for fetching unmapped links; it takes effect only with
	// --fetch on the command line (lint.Config.Network), so a config added
	// in a pull request cannot make CI fetch.
	Fetch bool `toml:"fetch"`
	// Timeout is the time a fetched page may take ("5s").
	Timeout string `toml:"timeout"`
	// MaxBytes caps the size of a page, fetched or local.
	MaxBytes int64 `toml:"max_bytes"`
	// Concurrency is the number of fetches at once.
	Concurrency int `toml:"concurrency"`
}

const (
	defaultOverlap        = 0.25
	defaultMinExplanation = 20
	maxConcurrency        = 64
)

func defaultLandingOptions() *landingPageOptions {
	return &landingPageOptions{
		Overlap:        defaultOverlap,
		MinExplanation: defaultMinExplanation,
		Timeout:        landing.DefaultTimeout.String(),
		MaxBytes:       landing.DefaultMaxBytes,
		Concurrency:    landing.DefaultConcurrency,
	}
}

func optionError(key string, format string, args ...any) error {
	return &lint.OptionError{Key: []string{key}, Err: fmt.Errorf(format, args...)}
}

func (o *landingPageOptions) Validate() error {
	known := map[string]bool{}
	for _, c := range landing.CheckIDs() {
		known[c] = true
	}
	for _, d := range o.Disable {
		if !known[d] {
			return optionError("disable", "disable: unknown check %q (want one of %s)", d, strings.Join(landing.SortedChecks(), ", "))
		}
	}
	if o.Overlap < 0 || o.Overlap > 1 {
		return optionError("overlap", "overlap must be between 0 and 1, not %v", o.Overlap)
	}
	if o.MinExplanation < 0 {
		return optionError("min_explanation_words", "min_explanation_words must not be negative")
	}
	if d, err := time.ParseDuration(o.Timeout); o.Timeout != "" && (err != nil || d <= 0) {
		return optionError("timeout", "timeout %q is not a duration like \"5s\"", o.Timeout)
	}
	if o.MaxBytes < 0 {
		return optionError("max_bytes", "max_bytes must not be negative")
	}
	if o.Concurrency < 0 || o.Concurrency > maxConcurrency {
		return optionError("concurrency", "concurrency must be 1 to %d, not %d", maxConcurrency, o.Concurrency)
	}
	return nil
}

// ValidateDir refuses mapped files outside the directory of the config
// file: absolute paths, ".." escapes and symlinks that lead out of it.
func (o *landingPageOptions) ValidateDir(dir string) error {
	patterns := make([]string, 0, len(o.Pages))
	for p := range o.Pages {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	root := landing.NewRoot(dir, "the directory of the config file")
	for _, p := range patterns {
		file := o.Pages[p]
		if err := root.Check(file); err != nil {
			return &lint.OptionError{Key: []string{"pages", p}, Err: fmt.Errorf("%q = %q: %w; landing pages must lie inside it", p, file, err)}
		}
	}
	return nil
}

// timeout returns the fetch timeout.
func (o *landingPageOptions) timeout() time.Duration {
	d, err := time.ParseDuration(o.Timeout)
	if err != nil || d <= 0 {
		return landing.DefaultTimeout
	}
	return d
}
