package simulate

import (
	"fmt"
	"strings"
	"time"

	"github.com/notelint/notelint/lint/tomlkey"
)

// Keepalive is a [[simulate.keepalive]] rule: a message sent when an entity
// has had no message for After (see the package documentation).
type Keepalive struct {
	After    time.Duration
	Template string
	Statuses []string // only while the entity is in one of these; empty: any status
	Repeat   bool     // again after each further After of silence
}

type keepaliveSection struct {
	After    any      `toml:"after"`
	Template string   `toml:"template"`
	Statuses []string `toml:"statuses"`
	Repeat   bool     `toml:"repeat"`
}

// maxKeepalives bounds the keep-alive rules of a policy.
const maxKeepalives = 8

// minKeepaliveAfter is the shortest keep-alive interval.
const minKeepaliveAfter = time.Minute

func compileKeepalives(p *Policy, ks []keepaliveSection, data []byte, name string) error {
	if len(ks) > maxKeepalives {
		return fmt.Errorf("%s:%d: %d [[simulate.keepalive]] rules: at most %d", name, tomlkey.ArrayLine(data, "simulate.keepalive", maxKeepalives), len(ks), maxKeepalives)
	}
	triggerTpl := map[string]bool{}
	for _, t := range p.Triggers {
		triggerTpl[t.Template] = true
	}
	for i, k := range ks {
		where := fmt.Sprintf("%s:%d: simulate.keepalive #%d", name, tomlkey.ArrayLine(data, "simulate.keepalive", i), i+1)
		if k.After == nil {
			return fmt.Errorf("%s: missing after (a duration such as \"24h\")", where)
		}
		str, ok := k.After.(string)
		if !ok {
			return fmt.Errorf("%s: after: want a duration string such as \"24h\", found %v", where, k.After)
		}
		d, err := ParseDuration(str)
		if err != nil {
			return fmt.Errorf("%s: after: %w", where, err)
		}
		if d < minKeepaliveAfter || d > maxDuration {
			return fmt.Errorf("%s: after: %q: want 1m to 3650d", where, str)
		}
		if strings.TrimSpace(k.Template) == "" {
			return fmt.Errorf("%s: missing template", where)
		}
		if triggerTpl[k.Template] {
			return fmt.Errorf("%s: template %q is also a trigger's template: a keep-alive needs its own", where, k.Template)
		}
		for _, st := range k.Statuses {
			if strings.TrimSpace(st) == "" {
				return fmt.Errorf("%s: statuses: empty status", where)
			}
		}
		p.Keepalives = append(p.Keepalives, Keepalive{After: d, Template: k.Template, Statuses: append([]string(nil), k.Statuses...), Repeat: k.Repeat})
	}
	return nil
}

// KeepaliveSummary is one keep-alive rule as the report shows it.
type KeepaliveSummary struct {
	After    string   `json:"after"`
	Template string   `json:"template"`
	Statuses []string `json:"statuses"`
	Repeat   bool     `json:"repeat"`
}

func keepaliveSummaries(p *Policy) []KeepaliveSummary {
	var out []KeepaliveSummary
	for _, k := range p.Keepalives {
		out = append(out, KeepaliveSummary{After: formatDuration(k.After), Template: k.Template, Statuses: append([]string{}, k.Statuses...), Repeat: k.Repeat})
	}
	return out
}

// keepaliveNote is the report note of a run that is buffered because its
// policy has keep-alives.
const keepaliveNote = "the policy has keep-alives, which depend on each entity's later events: the events were replayed from a sorted in-memory copy"

// KeepaliveStats are the keep-alives of the policy stream.
type KeepaliveStats struct {
	Sent      int64         `json:"sent"`
	Deferred  int64         `json:"deferred"`  // sent after quiet hours
	Dropped   []ReasonCount `json:"dropped"`   // attempts dropped by quiet_hours (drop), min_gap, max_per_day
	Customers int64         `json:"customers"` // customers who got at least one
}

// fillKeepalive sets r.Keepalive when the policy has keep-alives.
func (r *Report) fillKeepalive(pol *compiled, acc *accum, tables []customerTable) {
	if len(pol.ka) == 0 {
		return
	}
	k := &KeepaliveStats{Sent: acc.ka.sent, Deferred: acc.ka.deferred, Dropped: make([]ReasonCount, nKADrops)}
	for _, t := range tables {
		k.Customers += int64(len(t.ka))
	}
	for i := range acc.ka.drops {
		k.Dropped[i] = ReasonCount{Reason: kaDropNames[i], Messages: acc.ka.drops[i]}
	}
	r.Keepalive = k
}

// policyStatusMessages is the number of policy messages sent for status
// changes (keep-alives not included).
func (r *Report) policyStatusMessages() int64 {
	if r.Keepalive == nil {
		return r.Policy.Messages
	}
	return r.Policy.Messages - r.Keepalive.Sent
}

// keepaliveSteps adds a step per keep-alive sent, saying how long its
// entity had been without a message.
func (x *Explanation) keepaliveSteps(tr *Trail, polOrder, kas []*MessageDecision) {
	for _, d := range kas {
		x.Sent++
		x.Keepalive++
		// The silence start: the entity's latest message sent before, else its first event.
		var since time.Time
		for _, e := range tr.Events {
			if e.Entity == d.Entity {
				since = e.Time
				break
			}
		}
		for _, m := range append(append([]*MessageDecision{}, polOrder...), kas...) {
			if m.Sent && m.Entity == d.Entity && m.Send.Before(d.Send) && m.Send.After(since) {
				since = m.Send
			}
		}
		note := fmt.Sprintf("keep-alive in status %q: no message for %s", d.Status, formatDuration(d.Send.Sub(since)))
		if d.Deferred {
			note += fmt.Sprintf(" (due %s, after quiet hours)", Clock(d.Event, d.Send))
		}
		ev := d.Event
		x.Steps = append(x.Steps, Step{Time: d.Send, Kind: "keepalive", Entity: d.Entity, Status: d.Status,
			Template: d.Template, Policy: "sent", Event: &ev, Why: note})
	}
}

// mergeKeepalive adds up the keep-alives of reports over disjoint
// customers (nil when none has keep-alives).
func mergeKeepalive(reports []*Report) *KeepaliveStats {
	var out *KeepaliveStats
	for _, r := range reports {
		k := r.Keepalive
		if k == nil {
			continue
		}
		if out == nil {
			out = &KeepaliveStats{}
			for _, d := range k.Dropped {
				out.Dropped = append(out.Dropped, ReasonCount{Reason: d.Reason})
			}
		}
		out.Sent += k.Sent
		out.Deferred += k.Deferred
		out.Customers += k.Customers
		for i, d := range k.Dropped {
			if i < len(out.Dropped) && out.Dropped[i].Reason == d.Reason {
				out.Dropped[i].Messages += d.Messages
			}
		}
	}
	return out
}
