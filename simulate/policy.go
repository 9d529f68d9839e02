package simulate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/notelint/notelint/lint/tomlkey"
)

// Policy is a notification policy: which statuses send which template, the
// noise controls applied to the policy stream, and the flag thresholds.
type Policy struct {
	Source       string         // file the policy was read from ("" when built in code)
	Name         string         // simulate.name: the policy's name in comparisons ("" none)
	Timezone     *time.Location // zone for rows without a timezone and for naive timestamps (default UTC)
	Final        []string       // final statuses (end of the silent_gap span)
	Dedupe       bool
	Collapse     time.Duration // 0: off
	Quiet        *QuietHours   // nil: no quiet hours
	QuietDrop    bool          // quiet_action = "drop" (default "defer")
	MinGap       time.Duration // 0: off
	MaxPerDay    int           // 0: off
	Triggers     []Trigger
	Keepalives   []Keepalive // [[simulate.keepalive]]: messages that fill silences
	Columns      Columns
	Flags        FlagThresholds
	Cost         Cost
	Contacts     ContactSettings // [simulate.contacts]: read by --contacts
	timezoneName string
}

// Trigger maps event statuses to the template they send.
type Trigger struct {
	Statuses []string
	Template string
}

// Columns names the input columns (CSV header names or JSON keys).
type Columns struct {
	CustomerID, EntityID, Timestamp, Status, Timezone string
	// entityExplicit and zoneExplicit are set when the policy names the
	// optional columns, which then must exist.
	entityExplicit, zoneExplicit bool
	// customerExplicit, timestampExplicit and statusExplicit are set when the
	// policy names those columns (XES: look up that attribute first).
	customerExplicit, timestampExplicit, statusExplicit bool
}

// FlagThresholds are the flag settings; a zero count, window or after
// disables that flag.
type FlagThresholds struct {
	BurstCount     int
	BurstWindow    time.Duration
	FlappingWindow time.Duration
	SilentAfter    time.Duration
}

// Cost prices SMS segments.
type Cost struct {
	SMSSegment float64
	Currency   string
}

// DefaultColumns returns the default column names.
func DefaultColumns() Columns {
	return Columns{CustomerID: "customer_id", EntityID: "entity_id", Timestamp: "timestamp", Status: "status", Timezone: "timezone"}
}

// DefaultFlags returns the flag thresholds used when [simulate.flags] does not
// set them: burst 3 in 1h, flapping within 24h, silent gap after 48h.
func DefaultFlags() FlagThresholds {
	return FlagThresholds{BurstCount: 3, BurstWindow: time.Hour, FlappingWindow: 24 * time.Hour, SilentAfter: 48 * time.Hour}
}

// maxTriggers bounds the triggers of a policy (template indexes are 16-bit).
const maxTriggers = 10000

// ErrNoPolicy is returned by ParsePolicy when the document has no [simulate] table.
var ErrNoPolicy = errors.New("no [simulate] table")

// LoadPolicy reads the [simulate] table of the TOML file at path.
func LoadPolicy(path string) (*Policy, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading policy: %w", err)
	}
	return ParsePolicy(data, path)
}

// policyDoc is the shape read from a policy or config file: [simulate] is
// decoded strictly, every other top-level table is left to its owner.
type policyDoc struct {
	Simulate *policySection `toml:"simulate"`
}

type policySection struct {
	Timezone    *string            `toml:"timezone"`
	Final       []string           `toml:"final"`
	Dedupe      bool               `toml:"dedupe"`
	Collapse    any                `toml:"collapse"`
	QuietHours  *string            `toml:"quiet_hours"`
	QuietAction *string            `toml:"quiet_action"`
	MinGap      any                `toml:"min_gap"`
	MaxPerDay   int                `toml:"max_per_day"`
	Trigger     []triggerSection   `toml:"trigger"`
	Keepalive   []keepaliveSection `toml:"keepalive"`
	Name        *string            `toml:"name"`
	Columns     *columnsSection    `toml:"columns"`
	Flags       *flagsSection      `toml:"flags"`
	Cost        *costSection       `toml:"cost"`
	Contacts    *contactsSection   `toml:"contacts"`
}

type triggerSection struct {
	Status   any    `toml:"status"`
	Template string `toml:"template"`
}

type columnsSection struct {
	CustomerID *string `toml:"customer_id"`
	EntityID   *string `toml:"entity_id"`
	Timestamp  *string `toml:"timestamp"`
	Status     *string `toml:"status"`
	Timezone   *string `toml:"timezone"`
}

type flagsSection struct {
	Burst     *burstSection    `toml:"burst"`
	Flapping  *flappingSection `toml:"flapping"`
	SilentGap *silentSection   `toml:"silent_gap"`
}

type burstSection struct {
	Count  *int `toml:"count"`
	Window any  `toml:"window"`
}

type flappingSection struct {
	Window any `toml:"window"`
}

type silentSection struct {
	After any `toml:"after"`
}

type costSection struct {
	SMSSegment float64 `toml:"sms_segment"`
	Currency   string  `toml:"currency"`
}

// policyDuration converts a decoded duration value (a string such as
// "30m" or "2d") and names the key and line when it is not one.
func policyDuration(v any, at func(table, key string) string, table, key string) (time.Duration, error) {
	name := table + "." + key
	str, ok := v.(string)
	if !ok {
		return 0, fmt.Errorf("%s: %s: want a duration string such as \"30m\" or \"2d\", found %v", at(table, key), name, v)
	}
	d, err := ParseDuration(str)
	if err != nil {
		return 0, fmt.Errorf("%s: %s: %w", at(table, key), name, err)
	}
	if d > maxDuration {
		return 0, fmt.Errorf("%s: %s: %q is longer than 3650d", at(table, key), name, str)
	}
	return d, nil
}

// ParsePolicy parses the [simulate] table of a TOML document; name is used in
// error messages. Unknown keys inside [simulate] are errors naming the key and
// line; other top-level tables are ignored. It returns an error wrapping
// ErrNoPolicy when there is no [simulate] table.
func ParsePolicy(data []byte, name string) (*Policy, error) {
	var doc policyDoc
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		if perr := policyTOMLError(name, data, err); perr != nil {
			return nil, perr
		}
	}
	if doc.Simulate == nil {
		return nil, fmt.Errorf("%s: %w", name, ErrNoPolicy)
	}
	return compilePolicy(doc.Simulate, data, name)
}

// policyTOMLError turns a go-toml error into one naming file, line and key;
// unknown keys outside [simulate] are not errors (nil).
func policyTOMLError(name string, data []byte, err error) error {
	var sm *toml.StrictMissingError
	if errors.As(err, &sm) {
		var msgs []string
		for _, e := range sm.Errors {
			key := e.Key()
			if len(key) == 0 || key[0] != "simulate" {
				continue
			}
			row, _ := e.Position()
			msgs = append(msgs, fmt.Sprintf("%s:%d: unknown key %q", name, row, strings.Join(key, ".")))
		}
		if len(msgs) == 0 {
			return nil
		}
		return errors.New(strings.Join(msgs, "\n"))
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		key := strings.Join(de.Key(), ".")
		if key != "" {
			return fmt.Errorf("%s:%d:%d: %s: %s", name, row, col, key, strings.TrimPrefix(de.Error(), "toml: "))
		}
		return fmt.Errorf("%s:%d:%d: %s", name, row, col, strings.TrimPrefix(de.Error(), "toml: "))
	}
	// Errors without a position (a text value given as a number, say).
	return fmt.Errorf("%s: %w", name, err)
}

func compilePolicy(s *policySection, data []byte, name string) (*Policy, error) {
	at := func(table, key string) string {
		return fmt.Sprintf("%s:%d", name, tomlkey.Line(data, table, key))
	}
	p := &Policy{
		Source:   name,
		Timezone: time.UTC,
		Final:    append([]string(nil), s.Final...),
		Dedupe:   s.Dedupe,
		Columns:  DefaultColumns(),
		Flags:    DefaultFlags(),
	}
	if s.Timezone != nil && *s.Timezone != "" {
		loc, err := loadLocation(*s.Timezone)
		if err != nil {
			return nil, fmt.Errorf("%s: simulate.timezone: %w", at("simulate", "timezone"), err)
		}
		p.Timezone, p.timezoneName = loc, *s.Timezone
	}
	for _, f := range p.Final {
		if strings.TrimSpace(f) == "" {
			return nil, fmt.Errorf("%s: simulate.final: empty status", at("simulate", "final"))
		}
	}
	var err error
	if s.Collapse != nil {
		if p.Collapse, err = policyDuration(s.Collapse, at, "simulate", "collapse"); err != nil {
			return nil, err
		}
	}
	if s.QuietHours != nil && *s.QuietHours != "" {
		q, err := ParseQuietHours(*s.QuietHours)
		if err != nil {
			return nil, fmt.Errorf("%s: simulate.quiet_hours: %w", at("simulate", "quiet_hours"), err)
		}
		p.Quiet = &q
	}
	if s.QuietAction != nil {
		switch *s.QuietAction {
		case "", "defer":
		case "drop":
			p.QuietDrop = true
		default:
			return nil, fmt.Errorf("%s: simulate.quiet_action: %q is not \"defer\" or \"drop\"", at("simulate", "quiet_action"), *s.QuietAction)
		}
	}
	if s.MinGap != nil {
		if p.MinGap, err = policyDuration(s.MinGap, at, "simulate", "min_gap"); err != nil {
			return nil, err
		}
	}
	if s.MaxPerDay < 0 {
		return nil, fmt.Errorf("%s: simulate.max_per_day: %d is negative", at("simulate", "max_per_day"), s.MaxPerDay)
	}
	p.MaxPerDay = s.MaxPerDay
	if err := compileTriggers(p, s.Trigger, data, name); err != nil {
		return nil, err
	}
	if err := compileKeepalives(p, s.Keepalive, data, name); err != nil {
		return nil, err
	}
	if s.Name != nil {
		if strings.TrimSpace(*s.Name) == "" {
			return nil, fmt.Errorf("%s: simulate.name: empty name", at("simulate", "name"))
		}
		p.Name = *s.Name
	}
	if c := s.Columns; c != nil {
		set := func(dst *string, v *string, key string) error {
			if v == nil {
				return nil
			}
			if strings.TrimSpace(*v) == "" {
				return fmt.Errorf("%s: simulate.columns.%s: empty column name", at("simulate.columns", key), key)
			}
			*dst = *v
			return nil
		}
		for _, e := range []error{
			set(&p.Columns.CustomerID, c.CustomerID, "customer_id"),
			set(&p.Columns.EntityID, c.EntityID, "entity_id"),
			set(&p.Columns.Timestamp, c.Timestamp, "timestamp"),
			set(&p.Columns.Status, c.Status, "status"),
			set(&p.Columns.Timezone, c.Timezone, "timezone"),
		} {
			if e != nil {
				return nil, e
			}
		}
		p.Columns.entityExplicit = c.EntityID != nil
		p.Columns.zoneExplicit = c.Timezone != nil
		p.Columns.customerExplicit = c.CustomerID != nil
		p.Columns.timestampExplicit = c.Timestamp != nil
		p.Columns.statusExplicit = c.Status != nil
	}
	if f := s.Flags; f != nil {
		if b := f.Burst; b != nil {
			if b.Count != nil {
				p.Flags.BurstCount = *b.Count
			}
			if b.Window != nil {
				if p.Flags.BurstWindow, err = policyDuration(b.Window, at, "simulate.flags", "burst"); err != nil {
					return nil, err
				}
			}
			if p.Flags.BurstCount < 0 || p.Flags.BurstCount == 1 {
				return nil, fmt.Errorf("%s: simulate.flags.burst.count: %d: want 2 or more (0 turns the flag off)", at("simulate.flags", "burst"), p.Flags.BurstCount)
			}
			if p.Flags.BurstCount > 1000 {
				return nil, fmt.Errorf("%s: simulate.flags.burst.count: %d is more than 1000", at("simulate.flags", "burst"), p.Flags.BurstCount)
			}
			if p.Flags.BurstWindow == 0 {
				p.Flags.BurstCount = 0
			}
		}
		if fl := f.Flapping; fl != nil && fl.Window != nil {
			if p.Flags.FlappingWindow, err = policyDuration(fl.Window, at, "simulate.flags", "flapping"); err != nil {
				return nil, err
			}
		}
		if sg := f.SilentGap; sg != nil && sg.After != nil {
			if p.Flags.SilentAfter, err = policyDuration(sg.After, at, "simulate.flags", "silent_gap"); err != nil {
				return nil, err
			}
		}
	}
	if c := s.Cost; c != nil {
		if c.SMSSegment < 0 {
			return nil, fmt.Errorf("%s: simulate.cost.sms_segment: %g is negative", at("simulate.cost", "sms_segment"), c.SMSSegment)
		}
		p.Cost = Cost{SMSSegment: c.SMSSegment, Currency: c.Currency}
	}
	if p.Contacts, err = compileContacts(s.Contacts, at); err != nil {
		return nil, err
	}
	return p, nil
}

func compileTriggers(p *Policy, ts []triggerSection, data []byte, name string) error {
	if len(ts) == 0 {
		return fmt.Errorf("%s:%d: no [[simulate.trigger]]: a policy needs at least one trigger (status = [...], template = \"id\")", name, tomlkey.Line(data, "simulate", ""))
	}
	if len(ts) > maxTriggers {
		return fmt.Errorf("%s: %d triggers: at most %d", name, len(ts), maxTriggers)
	}
	owner := map[string]int{}
	for i, t := range ts {
		where := fmt.Sprintf("%s:%d: simulate.trigger #%d", name, tomlkey.ArrayLine(data, "simulate.trigger", i), i+1)
		var statuses []string
		switch v := t.Status.(type) {
		case string:
			statuses = []string{v}
		case []any:
			for _, x := range v {
				s, ok := x.(string)
				if !ok {
					return fmt.Errorf("%s: status: want a string or a list of strings, found %v", where, x)
				}
				statuses = append(statuses, s)
			}
		case nil:
			return fmt.Errorf("%s: missing status", where)
		default:
			return fmt.Errorf("%s: status: want a string or a list of strings, found %v", where, v)
		}
		if len(statuses) == 0 {
			return fmt.Errorf("%s: status: empty list", where)
		}
		if strings.TrimSpace(t.Template) == "" {
			return fmt.Errorf("%s: missing template", where)
		}
		for _, s := range statuses {
			if strings.TrimSpace(s) == "" {
				return fmt.Errorf("%s: status: empty status", where)
			}
			if j, dup := owner[s]; dup {
				return fmt.Errorf("%s: status %q is already in trigger #%d (a status sends one template)", where, s, j+1)
			}
			owner[s] = i
		}
		p.Triggers = append(p.Triggers, Trigger{Statuses: statuses, Template: t.Template})
	}
	return nil
}

// CheckTemplates verifies that every trigger and keep-alive names a template
// in tpl (when tpl is not nil) and returns an error naming the unknown ones.
func (p *Policy) CheckTemplates(tpl map[string]TemplateInfo) error {
	if tpl == nil {
		return nil
	}
	var missing, missingKA []string
	for _, t := range p.Triggers {
		if _, ok := tpl[t.Template]; !ok {
			missing = append(missing, t.Template)
		}
	}
	for _, k := range p.Keepalives {
		if _, ok := tpl[k.Template]; !ok && !slices.Contains(missingKA, k.Template) {
			missingKA = append(missingKA, k.Template)
		}
	}
	if len(missing) == 0 && len(missingKA) == 0 {
		return nil
	}
	known := make([]string, 0, len(tpl))
	for id := range tpl {
		known = append(known, id)
	}
	sort.Strings(known)
	if len(known) > 10 {
		known = append(known[:10], "…")
	}
	kind := "trigger"
	if len(missing) == 0 {
		kind, missing = "keep-alive", missingKA
	}
	sort.Strings(missing)
	return fmt.Errorf("%s: %s template %s not found among the templates (%s)", p.Source, kind, strings.Join(quoteAll(missing), ", "), strings.Join(known, ", "))
}

// TimezoneName returns the configured zone name ("UTC" when none).
func (p *Policy) TimezoneName() string {
	if p.timezoneName == "" {
		return "UTC"
	}
	return p.timezoneName
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// loadLocation loads an IANA zone from the embedded database, rejecting
// "Local" (machine-dependent).
func loadLocation(name string) (*time.Location, error) {
	if name == "Local" {
		return nil, errors.New("\"Local\" depends on the machine: name an IANA zone such as \"Europe/Berlin\"")
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q", name)
	}
	return loc, nil
}
