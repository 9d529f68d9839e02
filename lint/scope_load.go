package lint

// applyConfigDefaults records the config's default channel, kind and
// locale: stated by the user, so rules act on them, but any folder, key or
// front matter that says otherwise wins.
func applyConfigDefaults(t *Template, cfg *LoaderConfig) {
	l := &cfg.Lint
	t.setLocale(l.DefaultLocale, FromDefault, Low, "built-in default")
	if l.localeSet {
		t.setLocale(l.DefaultLocale, FromConfigDefault, High, "default_locale")
	}
	t.setChannel(l.DefaultChannel, FromConfigDefault, High, "default_channel")
	t.setKind(l.DefaultKind, FromConfigDefault, High, "default_kind")
}

// DefaultLocaleSet reports whether the config file names default_locale;
// the built-in "en" is only a weak guess.
func (c *LoaderConfig) DefaultLocaleSet() bool { return c != nil && c.Lint.localeSet }
