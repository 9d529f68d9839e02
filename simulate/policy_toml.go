package simulate

import (
	"fmt"
	"strings"
	"time"
)

// TOML renders the policy as a [simulate] table that ParsePolicy reads
// back to the same policy (a sweep prints the one it picks).
func (p *Policy) TOML() string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("[simulate]")
	if p.Name != "" {
		line("name = %s", tomlString(p.Name))
	}
	if p.timezoneName != "" {
		line("timezone = %s", tomlString(p.timezoneName))
	}
	if len(p.Final) > 0 {
		line("final = %s", tomlList(p.Final))
	}
	line("dedupe = %t", p.Dedupe)
	if p.Collapse > 0 {
		line("collapse = %s", tomlDur(p.Collapse))
	}
	if p.Quiet != nil {
		line("quiet_hours = %s", tomlString(p.Quiet.String()))
		action := "defer"
		if p.QuietDrop {
			action = "drop"
		}
		line("quiet_action = %s", tomlString(action))
	}
	if p.MinGap > 0 {
		line("min_gap = %s", tomlDur(p.MinGap))
	}
	if p.MaxPerDay > 0 {
		line("max_per_day = %d", p.MaxPerDay)
	}
	for _, t := range p.Triggers {
		line("\n[[simulate.trigger]]")
		line("status = %s", tomlList(t.Statuses))
		line("template = %s", tomlString(t.Template))
	}
	for _, k := range p.Keepalives {
		line("\n[[simulate.keepalive]]")
		line("after = %s", tomlDur(k.After))
		line("template = %s", tomlString(k.Template))
		if len(k.Statuses) > 0 {
			line("statuses = %s", tomlList(k.Statuses))
		}
		line("repeat = %t", k.Repeat)
	}
	def := DefaultColumns()
	c := p.Columns
	var cols []string
	for _, x := range []struct {
		key, v, d string
		explicit  bool
	}{
		{"customer_id", c.CustomerID, def.CustomerID, c.customerExplicit},
		{"entity_id", c.EntityID, def.EntityID, c.entityExplicit},
		{"timestamp", c.Timestamp, def.Timestamp, c.timestampExplicit},
		{"status", c.Status, def.Status, c.statusExplicit},
		{"timezone", c.Timezone, def.Timezone, c.zoneExplicit},
	} {
		if x.explicit || x.v != x.d {
			cols = append(cols, fmt.Sprintf("%s = %s", x.key, tomlString(x.v)))
		}
	}
	if len(cols) > 0 {
		line("\n[simulate.columns]")
		line("%s", strings.Join(cols, "\n"))
	}
	f := p.Flags
	line("\n[simulate.flags]")
	line("burst = { count = %d, window = %s }", f.BurstCount, tomlDur(f.BurstWindow))
	line("flapping = { window = %s }", tomlDur(f.FlappingWindow))
	line("silent_gap = { after = %s }", tomlDur(f.SilentAfter))
	if p.Cost != (Cost{}) {
		line("\n[simulate.cost]")
		line("sms_segment = %v", p.Cost.SMSSegment)
		line("currency = %s", tomlString(p.Cost.Currency))
	}
	cs := p.Contacts
	if cs.Window > 0 || cs.Columns != (ContactColumns{}) {
		line("\n[simulate.contacts]")
		if cs.Window > 0 {
			line("window = %s", tomlDur(cs.Window))
		}
		cc := cs.Columns
		var ccols []string
		for _, x := range [][2]string{{"customer_id", cc.CustomerID}, {"timestamp", cc.Timestamp}, {"entity_id", cc.EntityID}, {"channel", cc.Channel}, {"reason", cc.Reason}} {
			if x[1] != "" {
				ccols = append(ccols, fmt.Sprintf("%s = %s", x[0], tomlString(x[1])))
			}
		}
		if len(ccols) > 0 {
			line("\n[simulate.contacts.columns]")
			line("%s", strings.Join(ccols, "\n"))
		}
	}
	return b.String()
}

// tomlDur writes a duration as the policy reads it ("0" when off).
func tomlDur(d time.Duration) string {
	if d <= 0 {
		return `"0s"`
	}
	return tomlString(formatDuration(d))
}

func tomlList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = tomlString(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
