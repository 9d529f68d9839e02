package lint

// LoadTemplates reads data as the file at path with cfg's loader settings
// (the built-in ones when cfg is nil), groups the parts and infers each
// template's scope: what a check run sees of one file.
func LoadTemplates(path string, data []byte, cfg *Config) ([]*Template, error) {
	if cfg == nil {
		return LoadText(path, data, DefaultLoaderConfig())
	}
	return LoadText(path, data, &cfg.LoaderConfig)
}
