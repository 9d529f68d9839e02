// Package templateinfo links simulate's trigger template ids to real
// templates: it loads the templates under a folder with a lint config and
// returns, by template id, the channel and (for SMS) the worst-case segment
// count. notelint simulate --templates and the Beam pipeline both use it.
package templateinfo

import (
	"fmt"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules"
	"github.com/notelint/notelint/simulate"
)

// Load loads the templates under dir with cfg's loader settings and SMS
// budget. A file that cannot be read is an error naming it; all such
// files are named, sorted.
func Load(dir string, cfg *lint.Config) (map[string]simulate.TemplateInfo, error) {
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
