package load

import "github.com/notelint/notelint/lint/message"

// applyConfigDefaults records the config's default channel, kind and
// locale: stated by the user, so rules act on them, but any folder, key or
// front matter that says otherwise wins.
func applyConfigDefaults(t *message.Template, cfg *Config) {
	l := &cfg.Lint
	t.SetLocale(l.DefaultLocale, message.FromDefault, message.Low, "built-in default")
	if l.LocaleSet {
		t.SetLocale(l.DefaultLocale, message.FromConfigDefault, message.High, "default_locale")
	}
	t.SetChannel(l.DefaultChannel, message.FromConfigDefault, message.High, "default_channel")
	t.SetKind(l.DefaultKind, message.FromConfigDefault, message.High, "default_kind")
}

// DefaultLocaleSet reports whether the config file names default_locale;
// the built-in "en" is only a weak guess.
func (c *Config) DefaultLocaleSet() bool { return c != nil && c.Lint.LocaleSet }
