package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/templateinfo"
)

// LoadTemplates loads the templates under dir as notelint simulate
// --templates does: the lint config that applies to dir (NOTELINT_CONFIG,
// else the nearest .notelint.toml), then package templateinfo.
func LoadTemplates(dir string) (map[string]simulate.TemplateInfo, error) {
	start := dir
	if st, err := os.Stat(start); err == nil && !st.IsDir() {
		start = filepath.Dir(start)
	}
	path, err := lint.FindConfigFile("", os.Getenv("NOTELINT_CONFIG"), start)
	if err != nil {
		return nil, err
	}
	if path == "" {
		if path, err = lint.FindConfigFile("", "", "."); err != nil {
			return nil, err
		}
	}
	cfg, err := lint.LoadConfig(path, rules.All())
	if err != nil {
		return nil, err
	}
	info, err := templateinfo.Load(dir, cfg)
	if err != nil {
		return nil, fmt.Errorf("--templates %s: %w", dir, err)
	}
	return info, nil
}
