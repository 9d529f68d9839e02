package simulate

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Grid is a parsed --sweep: the settings to vary and their values. Its
// combinations vary the last axis fastest.
type Grid struct {
	Axes []Axis
}

// Axis is one setting of a grid with its values as written.
type Axis struct {
	Key    string
	Values []string
	apply  []func(p *Policy) error
}

// DefaultMaxCombinations is the largest grid a sweep runs without
// --max-combinations.
const DefaultMaxCombinations = 64

// GridKeys are the settings a sweep can vary.
var gridKeys = []string{"collapse", "min_gap", "max_per_day", "dedupe", "quiet_hours", "quiet_action", "keepalive.after", "keepalive.repeat", "keepalive.template"}

// GridKeys returns the settings a sweep can vary.
func GridKeys() []string { return slices.Clone(gridKeys) }

// GridError is a grid syntax error at a byte offset of the grid.
type GridError struct {
	Spec   string
	Offset int // byte offset of the token
	Len    int
	Msg    string
}

func (e *GridError) Error() string {
	col := len([]rune(e.Spec[:e.Offset]))
	n := max(1, len([]rune(e.Spec[e.Offset:min(len(e.Spec), e.Offset+e.Len)])))
	return fmt.Sprintf("--sweep: column %d: %s\n  %s\n  %s%s", col+1, e.Msg, e.Spec, strings.Repeat(" ", col), strings.Repeat("^", n))
}

// ParseGrid parses a grid such as
// "collapse=0,15m,30m; min_gap=0,1h; keepalive.after=off,24h". An error
// points at the token.
func ParseGrid(spec string) (*Grid, error) {
	g := &Grid{}
	seen := map[string]bool{}
	off := 0
	for _, part := range strings.Split(spec, ";") {
		start := off
		off += len(part) + 1
		if strings.TrimSpace(part) == "" {
			if strings.TrimSpace(spec) == "" {
				return nil, &GridError{Spec: spec, Offset: 0, Len: 1, Msg: "empty grid: want key=value,value; …"}
			}
			continue
		}
		lead := len(part) - len(strings.TrimLeft(part, " \t"))
		eq := strings.IndexByte(part, '=')
		if eq < 0 {
			tok := strings.TrimSpace(part)
			return nil, &GridError{Spec: spec, Offset: start + lead, Len: len(tok), Msg: fmt.Sprintf("%q: want key=value,value,…", tok)}
		}
		key := strings.TrimSpace(part[:eq])
		if !slices.Contains(gridKeys, key) {
			return nil, &GridError{Spec: spec, Offset: start + lead, Len: max(1, len(key)), Msg: fmt.Sprintf("unknown setting %q (want one of %s)", key, strings.Join(gridKeys, ", "))}
		}
		if seen[key] {
			return nil, &GridError{Spec: spec, Offset: start + lead, Len: len(key), Msg: fmt.Sprintf("%s is given twice", key)}
		}
		seen[key] = true
		ax := Axis{Key: key}
		voff := start + eq + 1
		for _, raw := range strings.Split(part[eq+1:], ",") {
			vlead := len(raw) - len(strings.TrimLeft(raw, " \t"))
			v := strings.TrimSpace(raw)
			at := voff + vlead
			voff += len(raw) + 1
			if v == "" {
				return nil, &GridError{Spec: spec, Offset: min(at, len(spec)-1), Len: 1, Msg: fmt.Sprintf("%s: empty value", key)}
			}
			if slices.Contains(ax.Values, v) {
				return nil, &GridError{Spec: spec, Offset: at, Len: len(v), Msg: fmt.Sprintf("%s: %q is given twice", key, v)}
			}
			fn, err := gridSetter(key, v)
			if err != nil {
				return nil, &GridError{Spec: spec, Offset: at, Len: len(v), Msg: fmt.Sprintf("%s: %v", key, err)}
			}
			ax.Values = append(ax.Values, v)
			ax.apply = append(ax.apply, fn)
		}
		g.Axes = append(g.Axes, ax)
	}
	return g, nil
}

// Size returns the number of combinations (capped at MaxInt32).
func (g *Grid) Size() int {
	n := 1
	for _, a := range g.Axes {
		n *= len(a.Values)
		if n > 1<<31 {
			return 1 << 31
		}
	}
	return n
}

// Combination is one point of a grid: the values of the axes that vary
// (see Varying) and the policy they make.
type Combination struct {
	Values []string
	Policy *Policy
}

// Varying returns the keys of the axes with more than one value: the
// columns of a sweep's table (a one-value axis is the same everywhere).
func (g *Grid) Varying() []string {
	var keys []string
	for _, a := range g.Axes {
		if len(a.Values) > 1 {
			keys = append(keys, a.Key)
		}
	}
	return keys
}

// Combinations applies every combination of the grid to a copy of base.
func (g *Grid) Combinations(base *Policy) ([]Combination, error) {
	n := g.Size()
	out := make([]Combination, 0, n)
	idx := make([]int, len(g.Axes))
	for k := 0; k < n; k++ {
		p := base.clone()
		c := Combination{Policy: p}
		ka := kaEdit{}
		var label []string
		for i, a := range g.Axes {
			v := a.Values[idx[i]]
			if len(a.Values) > 1 {
				c.Values = append(c.Values, v)
				label = append(label, a.Key+"="+v)
			}
			if err := a.apply[idx[i]](p); err != nil {
				return nil, err
			}
			ka.note(a.Key, v)
		}
		if err := ka.apply(p, base); err != nil {
			return nil, err
		}
		p.Name = strings.Join(label, " ")
		if p.Name == "" {
			p.Name = "grid"
		}
		out = append(out, c)
		for i := len(idx) - 1; i >= 0; i-- {
			idx[i]++
			if idx[i] < len(g.Axes[i].Values) {
				break
			}
			idx[i] = 0
		}
	}
	return out, nil
}

// kaEdit collects the keep-alive settings of a combination: they are
// applied together, since a rule needs a template.
type kaEdit struct {
	after, repeat, template string
}

func (k *kaEdit) note(key, v string) {
	switch key {
	case "keepalive.after":
		k.after = v
	case "keepalive.repeat":
		k.repeat = v
	case "keepalive.template":
		k.template = v
	}
}

func (k *kaEdit) apply(p *Policy, base *Policy) error {
	if k.after == "" && k.repeat == "" && k.template == "" {
		return nil
	}
	if k.after == "off" {
		p.Keepalives = nil
		return nil
	}
	if len(p.Keepalives) == 0 {
		if k.template == "" {
			return fmt.Errorf("--sweep: %s has no [[simulate.keepalive]]: add keepalive.template=ID to the grid", base.Source)
		}
		if k.after == "" {
			return fmt.Errorf("--sweep: %s has no [[simulate.keepalive]]: add keepalive.after=DURATION to the grid", base.Source)
		}
		p.Keepalives = []Keepalive{{}}
	}
	for i := range p.Keepalives {
		r := &p.Keepalives[i]
		if k.after != "" {
			d, _ := ParseDuration(k.after) // checked by ParseGrid
			r.After = d
		}
		if k.repeat != "" {
			r.Repeat = k.repeat == "true"
		}
		if k.template != "" {
			r.Template = k.template
		}
	}
	for _, t := range p.Triggers {
		for _, r := range p.Keepalives {
			if r.Template == t.Template {
				return fmt.Errorf("--sweep: keepalive.template %q is also a trigger's template: a keep-alive needs its own", r.Template)
			}
		}
	}
	return nil
}

// gridSetter checks one value of a grid setting and returns what it does.
func gridSetter(key, v string) (func(p *Policy) error, error) {
	none := func(*Policy) error { return nil }
	dur := func() (time.Duration, error) {
		if v == "0" || v == "off" {
			return 0, nil
		}
		d, err := ParseDuration(v)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration (such as 30m, 2h, 1d) or off", v)
		}
		if d > maxDuration {
			return 0, fmt.Errorf("%q is longer than 3650d", v)
		}
		return d, nil
	}
	boolean := func() (bool, error) {
		switch v {
		case "true", "on":
			return true, nil
		case "false", "off":
			return false, nil
		}
		return false, fmt.Errorf("%q: want true or false", v)
	}
	switch key {
	case "collapse":
		d, err := dur()
		return func(p *Policy) error { p.Collapse = d; return nil }, err
	case "min_gap":
		d, err := dur()
		return func(p *Policy) error { p.MinGap = d; return nil }, err
	case "max_per_day":
		if v == "off" {
			v = "0"
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("%q: want a count (0 or off: no limit)", v)
		}
		return func(p *Policy) error { p.MaxPerDay = n; return nil }, nil
	case "dedupe":
		b, err := boolean()
		return func(p *Policy) error { p.Dedupe = b; return nil }, err
	case "quiet_hours":
		if v == "off" {
			return func(p *Policy) error { p.Quiet = nil; return nil }, nil
		}
		q, err := ParseQuietHours(v)
		if err != nil {
			return nil, fmt.Errorf("%q: %w", v, err)
		}
		return func(p *Policy) error { p.Quiet = &q; return nil }, nil
	case "quiet_action":
		if v != "defer" && v != "drop" {
			return nil, fmt.Errorf("%q: want defer or drop", v)
		}
		return func(p *Policy) error { p.QuietDrop = v == "drop"; return nil }, nil
	case "keepalive.after":
		if v == "off" {
			return none, nil
		}
		d, err := ParseDuration(v)
		if err != nil || d < minKeepaliveAfter || d > maxDuration {
			return nil, fmt.Errorf("%q: want off or a duration from 1m to 3650d", v)
		}
		return none, nil
	case "keepalive.repeat":
		_, err := boolean()
		return none, err
	case "keepalive.template":
		return none, nil
	}
	return nil, fmt.Errorf("unknown setting %q", key)
}

// clone returns a deep copy of p.
func (p *Policy) clone() *Policy {
	q := *p
	q.Final = slices.Clone(p.Final)
	if p.Quiet != nil {
		qh := *p.Quiet
		q.Quiet = &qh
	}
	q.Triggers = make([]Trigger, len(p.Triggers))
	for i, t := range p.Triggers {
		q.Triggers[i] = Trigger{Statuses: slices.Clone(t.Statuses), Template: t.Template}
	}
	q.Keepalives = make([]Keepalive, len(p.Keepalives))
	for i, k := range p.Keepalives {
		q.Keepalives[i] = k
		q.Keepalives[i].Statuses = slices.Clone(k.Statuses)
	}
	if len(q.Keepalives) == 0 {
		q.Keepalives = nil
	}
	return &q
}
