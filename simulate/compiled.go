package simulate

import (
	"time"
)

// TemplateInfo links a trigger template id to a real template.
type TemplateInfo struct {
	ID       string
	Channel  string
	Segments int // worst-case SMS segments; 0 when not SMS
}

// Flags, in report order.
const (
	flagBurst = iota
	flagFlapping
	flagQuietSend
	flagSilentGap
	flagRepeat
	nFlags
)

// flagNames are the flag names used in reports and --fail-on.
var flagNames = [nFlags]string{"burst", "flapping", "quiet_send", "silent_gap", "repeat"}

// flagUnits say what a flag counts.
var flagUnits = [nFlags]string{"customers", "entities", "messages", "entities", "messages"}

// Streams.
const (
	streamAsIs   = 0
	streamPolicy = 1
)

var streamNames = [2]string{"as_is", "policy"}

// Reasons a policy message is dropped, in pipeline order.
const (
	dropDedupe = iota
	dropCollapse
	dropQuiet
	dropQuietMerge
	dropMinGap
	dropMaxPerDay
	nDrops
)

var dropNames = [nDrops]string{"dedupe", "collapse", "quiet_hours", "quiet_merge", "min_gap", "max_per_day"}

// compiled is a Policy prepared for replay. It is read-only and shared.
type compiled struct {
	p           *Policy
	collapse    int64
	minGap      int64
	quiet       *QuietHours
	trigger     map[string]int // status -> template index
	final       map[string]bool
	templates   []string
	info        []TemplateInfo // by template index; zero value when unknown
	haveInfo    bool
	burstWin    int64
	flapWin     int64
	silentAfter int64
	keepFor     int64    // how long min_gap/max_per_day state matters after a kept message
	ka          []kaRule // keep-alive rules; nil: none
	nTriggerTpl int      // templates[:nTriggerTpl] are the triggers'; the rest keep-alives'
}

// maxDuration bounds every policy duration so time arithmetic cannot overflow.
const maxDuration = 3650 * 24 * time.Hour

func compile(p *Policy, tpl map[string]TemplateInfo) *compiled {
	c := &compiled{
		p:           p,
		collapse:    int64(p.Collapse),
		minGap:      int64(p.MinGap),
		quiet:       p.Quiet,
		trigger:     map[string]int{},
		final:       map[string]bool{},
		burstWin:    int64(p.Flags.BurstWindow),
		flapWin:     int64(p.Flags.FlappingWindow),
		silentAfter: int64(p.Flags.SilentAfter),
		haveInfo:    tpl != nil,
	}
	idx := map[string]int{}
	for _, t := range p.Triggers {
		i, ok := idx[t.Template]
		if !ok {
			i = len(c.templates)
			idx[t.Template] = i
			c.templates = append(c.templates, t.Template)
			info := tpl[t.Template]
			info.ID = t.Template
			c.info = append(c.info, info)
		}
		for _, s := range t.Statuses {
			c.trigger[s] = i
		}
	}
	c.nTriggerTpl = len(c.templates)
	for _, k := range p.Keepalives {
		i, ok := idx[k.Template]
		if !ok {
			i = len(c.templates)
			idx[k.Template] = i
			c.templates = append(c.templates, k.Template)
			info := tpl[k.Template]
			info.ID = k.Template
			c.info = append(c.info, info)
		}
		r := kaRule{after: int64(k.After), tpl: uint16(i), repeat: k.Repeat}
		if len(k.Statuses) > 0 {
			r.statuses = map[string]bool{}
			for _, st := range k.Statuses {
				r.statuses[st] = true
			}
		}
		c.ka = append(c.ka, r)
	}
	for _, f := range p.Final {
		c.final[f] = true
	}
	c.keepFor = c.minGap
	if p.MaxPerDay > 0 && c.keepFor < 52*int64(time.Hour) {
		// Two instants more than 52 hours apart are on different local
		// calendar days in any pair of zones (offsets span 26 hours).
		c.keepFor = 52 * int64(time.Hour)
	}
	return c
}
