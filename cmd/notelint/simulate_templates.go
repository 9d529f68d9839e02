package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/simulate"
)

// loadTemplateInfo loads the templates under dir and returns, by template
// id, the channel and (for SMS) the worst-case segment count, so simulate
// can link trigger template ids to real templates.
func loadTemplateInfo(dir string) (map[string]simulate.TemplateInfo, error) {
	cfg, _, err := loadConfig("", []string{dir})
	if err != nil {
		return nil, err
	}
	files, err := load.Discover([]string{dir}, &cfg.Config)
	if err != nil {
		return nil, err
	}
	out := map[string]simulate.TemplateInfo{}
	var problems []string
	for _, f := range files {
		ts, err := load.LoadFile(f, &cfg.Config)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		for _, t := range ts {
			info := simulate.TemplateInfo{ID: t.ID, Channel: t.Channel}
			if t.Channel == "sms" {
				info.Segments = message.EstimateSMS(t, rules.SMSSettings(cfg)).Worst.Segments
			}
			out[t.ID] = info
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("reading templates: %s", strings.Join(problems, "; "))
	}
	return out, nil
}
