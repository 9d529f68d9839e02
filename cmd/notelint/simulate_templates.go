package main

import (
	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/templateinfo"
)

// loadTemplateInfo loads the templates under dir with the config that
// applies to it and returns, by template id, the channel and (for SMS) the
// worst-case segment count, so simulate can link trigger template ids to
// real templates.
func loadTemplateInfo(dir string) (map[string]simulate.TemplateInfo, error) {
	cfg, _, err := loadConfig("", []string{dir})
	if err != nil {
		return nil, err
	}
	return templateinfo.Load(dir, cfg)
}
