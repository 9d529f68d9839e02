package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/simulate"
)

// LoadTemplates loads the templates under dir as notelint simulate
// --templates does (the lint config that applies to dir, then every
// template's channel and worst-case SMS segments), by template id. It
// follows loadTemplateInfo of cmd/notelint (package main, not importable):
// keep the two in step.
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
		return nil, fmt.Errorf("--templates %s: reading templates: %s", dir, strings.Join(problems, "; "))
	}
	return out, nil
}
