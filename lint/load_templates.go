package lint

import (
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// LoadTemplates reads data as the file at path with cfg's loader settings
// (the built-in ones when cfg is nil), groups the parts and infers each
// template's scope: what a check run sees of one file.
func LoadTemplates(path string, data []byte, cfg *Config) ([]*message.Template, error) {
	if cfg == nil {
		return load.LoadText(path, data, load.DefaultConfig())
	}
	return load.LoadText(path, data, &cfg.Config)
}

// ConfigFileName is the name notelint looks for when discovering a config.
const ConfigFileName = load.ConfigFileName

// Discover lists the template and bundle files under paths that cfg
// includes, in a stable order.
func Discover(paths []string, cfg *Config) ([]string, error) {
	return load.Discover(paths, &cfg.Config)
}

// LoadFile reads and parses the file at path with cfg's loader settings,
// before grouping and scope inference.
func LoadFile(path string, cfg *Config) ([]*message.Template, error) {
	return load.LoadFile(path, &cfg.Config)
}
