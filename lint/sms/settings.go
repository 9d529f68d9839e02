package sms

import "fmt"

// Settings are the options of an SMS size estimate: the segment budget,
// the length assumed for a placeholder without a declared max, and the
// split model. They are the options of the sms-segments rule; the HTML
// report and simulate read the same values.
type Settings struct {
	// MaxSegments is the segment budget of every SMS; a template's front
	// matter max_segments overrides it (see Budget).
	MaxSegments int `toml:"max_segments"`
	// DefaultVarLength is the length assumed for a placeholder without a
	// declared max.
	DefaultVarLength int `toml:"default_var_length"`
	// Split is "graphemes" (the default) or "minimal"; see SplitMode.
	Split string `toml:"split"`
}

// MaxVarLength is the largest length a placeholder may stand for (a
// declared max or default_var_length): longer worst cases would only cost
// time and memory.
const MaxVarLength = 10000

// DefaultSettings returns the built-in settings: a budget of one segment,
// 20 characters per undeclared placeholder, grapheme splitting.
func DefaultSettings() Settings {
	return Settings{MaxSegments: 1, DefaultVarLength: 20, Split: "graphemes"}
}

// Validate checks the settings as read from a config.
func (s Settings) Validate() error {
	if s.MaxSegments < 1 || s.MaxSegments > MaxParts {
		return fmt.Errorf("max_segments must be 1 to %d, not %d", MaxParts, s.MaxSegments)
	}
	if s.DefaultVarLength < 0 || s.DefaultVarLength > MaxVarLength {
		return fmt.Errorf("default_var_length must be 0 to %d, not %d", MaxVarLength, s.DefaultVarLength)
	}
	if s.Split != "graphemes" && s.Split != "minimal" {
		return fmt.Errorf("split must be \"graphemes\" or \"minimal\", not %q", s.Split)
	}
	return nil
}

// Options returns the Analyze options of the settings' split model.
func (s Settings) Options() Options {
	if s.Split == "minimal" {
		return Options{Split: Minimal}
	}
	return Options{Split: Graphemes}
}

// Budget is the one place the segment budget of a message is decided: the
// message's own max_segments (front matter) when it sets one, else the
// configured MaxSegments, else 1.
func (s Settings) Budget(own int) int {
	switch {
	case own > 0:
		return own
	case s.MaxSegments > 0:
		return s.MaxSegments
	}
	return 1
}
