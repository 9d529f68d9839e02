package simulate

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

// ExplainSchema names the JSON form of an Explanation.
const ExplainSchema = "notelint.simulate.customer/v1"

// Trail is what the replay did for one customer: every event, the fate of
// every message in both streams, and every flag raised, in replay order.
type Trail struct {
	Customer string
	Events   []EventRecord
	Messages []MessageDecision
	Flags    []FlagHit
}

// TrailRecorder is an EventObserver that keeps the trails of the observed
// customers. It is safe for concurrent use.
type TrailRecorder struct {
	mu     sync.Mutex
	trails map[string]*Trail
}

// NewTrailRecorder returns an empty recorder.
func NewTrailRecorder() *TrailRecorder { return &TrailRecorder{trails: map[string]*Trail{}} }

func (r *TrailRecorder) trail(id string) *Trail {
	t := r.trails[id]
	if t == nil {
		t = &Trail{Customer: id}
		r.trails[id] = t
	}
	return t
}

// Event implements EventObserver.
func (r *TrailRecorder) Event(e EventRecord) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.trail(e.Customer)
	t.Events = append(t.Events, e)
}

// Message implements Observer.
func (r *TrailRecorder) Message(d MessageDecision) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.trail(d.Customer)
	t.Messages = append(t.Messages, d)
}

// Flag implements Observer.
func (r *TrailRecorder) Flag(f FlagHit) {
	r.mu.Lock()
	defer r.mu.Unlock()
	t := r.trail(f.Example.Customer)
	t.Flags = append(t.Flags, f)
}

// Reset implements Resetter.
func (r *TrailRecorder) Reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.trails = map[string]*Trail{}
}

// Trail returns the trail of customer id (nil when it had no event).
func (r *TrailRecorder) Trail(id string) *Trail {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.trails[id]
}

// Explanation is one customer's replay as a timeline, in the customer's
// zone: what happened, what each stream sent, and why the policy kept or
// suppressed each message.
type Explanation struct {
	Schema     string        `json:"schema"`
	Customer   string        `json:"customer"`
	Zones      []string      `json:"zones"` // zones of the customer's rows (the policy zone for rows without one)
	Policy     string        `json:"policy"`
	Events     int           `json:"events"`
	Entities   []string      `json:"entities"`
	AsIs       int           `json:"as_is"`               // as-is messages
	Sent       int           `json:"sent"`                // policy messages sent
	Deferred   int           `json:"deferred"`            // of those, moved by quiet hours
	Keepalive  int           `json:"keepalive,omitempty"` // of those, keep-alives
	Suppressed []ReasonCount `json:"suppressed"`
	FlagsAsIs  []string      `json:"as_is_flags"`
	FlagsPol   []string      `json:"policy_flags"`
	Contacts   int           `json:"contacts,omitempty"` // --contacts: the customer's contacts
	Steps      []Step        `json:"timeline"`
}

// Step is one line of a timeline.
type Step struct {
	Time     time.Time `json:"time"` // in the zone of the customer's row
	Kind     string    `json:"kind"` // "event", "send" (a policy message sent later than its event), "keepalive", "flag" or "contact"
	Entity   string    `json:"entity,omitempty"`
	Status   string    `json:"status,omitempty"`
	Final    bool      `json:"final,omitempty"`
	Template string    `json:"template,omitempty"`
	// Event steps of triggering statuses: the message in both streams.
	AsIs   string     `json:"as_is,omitempty"`  // "sent"
	Policy string     `json:"policy,omitempty"` // "sent", "deferred" (and sent) or the reason it was dropped
	Send   *time.Time `json:"send,omitempty"`   // policy send time (sent, or when it was due for the customer-level controls)
	Event  *time.Time `json:"event,omitempty"`  // send steps: the time of the event it reports
	Why    string     `json:"why,omitempty"`    // in plain words
	// Flag steps.
	Flag   string `json:"flag,omitempty"`
	Stream string `json:"stream,omitempty"` // "as_is" or "policy"
	Note   string `json:"note,omitempty"`
	// Contact steps (--contacts): Entity is the entity the contact names,
	// Template (after a message) or Status (in a silence) what it was
	// attributed to, Event the send time of that message, Note in words.
	Channel     string `json:"channel,omitempty"`
	Reason      string `json:"reason,omitempty"`
	Attribution string `json:"attribution,omitempty"` // "template", "silence" or "unattributed"
}

// ErrUnknownCustomer is returned by Explain for a customer without events.
var ErrUnknownCustomer = errors.New("customer not found")

// UnknownCustomer is Explain's error for a customer without events among
// the report's customers.
func UnknownCustomer(customer string, customers int64) error {
	return fmt.Errorf("%w: no event of customer %q in %d customers (ids match exactly, after trimming spaces)", ErrUnknownCustomer, customer, customers)
}

// Explain replays opts and returns the timeline of one customer.
func Explain(opts Options, customer string) (*Explanation, *Report, error) {
	rec := NewTrailRecorder()
	opts.Observer = rec
	opts.ObserveCustomers = []string{customer}
	r, err := Run(opts)
	if err != nil {
		return nil, nil, err
	}
	tr := rec.Trail(customer)
	if tr == nil || len(tr.Events) == 0 {
		return nil, r, UnknownCustomer(customer, r.Customers)
	}
	x := BuildExplanation(tr, opts.Policy)
	x.addContacts(r.contactSteps[customer])
	return x, r, nil
}

// addContacts puts the customer's contact steps (--contacts) into the timeline.
func (x *Explanation) addContacts(steps []Step) {
	if len(steps) == 0 {
		return
	}
	x.Contacts = len(steps)
	x.Steps = append(x.Steps, steps...)
	sortSteps(x.Steps)
}

func sortSteps(steps []Step) {
	sort.SliceStable(steps, func(i, j int) bool {
		a, b := &steps[i], &steps[j]
		if !a.Time.Equal(b.Time) {
			return a.Time.Before(b.Time)
		}
		return kindOrder[a.Kind] < kindOrder[b.Kind]
	})
}

// Step kinds, in the order steps at the same instant are listed.
var kindOrder = map[string]int{"event": 0, "send": 1, "flag": 2, "contact": 3}

// BuildExplanation turns a trail into a timeline; p supplies the control
// settings the explanations quote.
func BuildExplanation(tr *Trail, p *Policy) *Explanation {
	x := &Explanation{Schema: ExplainSchema, Customer: tr.Customer, Events: len(tr.Events),
		Policy: newReport(&Options{}, compile(p, nil)).Settings.Controls(),
		Zones:  []string{}, Entities: []string{}, FlagsAsIs: []string{}, FlagsPol: []string{}, Steps: []Step{}}
	zones := map[string]bool{}
	ents := map[string]bool{}
	for _, e := range tr.Events {
		if z := e.Time.Location().String(); !zones[z] {
			zones[z] = true
			x.Zones = append(x.Zones, z)
		}
		if !ents[e.Entity] {
			ents[e.Entity] = true
			x.Entities = append(x.Entities, entityLabel(e.Entity))
		}
	}
	var asIs, pol = map[int]*MessageDecision{}, map[int]*MessageDecision{}
	polOrder := []*MessageDecision{} // policy decisions in decision (send) order
	var kas []*MessageDecision
	for i := range tr.Messages {
		d := &tr.Messages[i]
		if d.Keepalive {
			kas = append(kas, d)
			continue
		}
		if d.Stream == "as_is" {
			asIs[d.Seq] = d
			x.AsIs++
			continue
		}
		pol[d.Seq] = d
		polOrder = append(polOrder, d)
		if d.Sent {
			x.Sent++
			if d.Deferred {
				x.Deferred++
			}
		}
	}
	reasons := map[string]int{}
	for _, d := range polOrder {
		if !d.Sent {
			reasons[d.Reason]++
		}
	}
	x.Suppressed = []ReasonCount{}
	for _, n := range dropNames {
		if reasons[n] > 0 {
			x.Suppressed = append(x.Suppressed, ReasonCount{Reason: n, Messages: int64(reasons[n])})
		}
	}
	ex := explainer{tr: tr, p: p, pol: pol, polOrder: polOrder}
	for i := range tr.Events {
		e := &tr.Events[i]
		st := Step{Time: e.Time, Kind: "event", Entity: e.Entity, Status: e.Status, Final: e.Final, Template: e.Template}
		if a := asIs[e.Seq]; a != nil {
			st.AsIs = "sent"
		}
		if d := pol[e.Seq]; d != nil {
			st.Policy, st.Why = ex.why(e, d)
			if !d.Send.IsZero() {
				s := d.Send
				st.Send = &s
			}
		}
		x.Steps = append(x.Steps, st)
	}
	x.keepaliveSteps(tr, polOrder, kas)
	for _, d := range polOrder {
		if d.Sent && !d.Send.Equal(d.Event) {
			ev := d.Event
			x.Steps = append(x.Steps, Step{Time: d.Send, Kind: "send", Entity: d.Entity, Status: d.Status,
				Template: d.Template, Policy: "sent", Event: &ev})
		}
	}
	flagSeen := [2]map[string]bool{{}, {}}
	for _, f := range tr.Flags {
		k := 0
		if f.Stream == "policy" {
			k = 1
		}
		if !flagSeen[k][f.Flag] {
			flagSeen[k][f.Flag] = true
		}
		loc := tr.zoneOf(f.Example.Entity)
		at := flagTime(f.Example).In(loc)
		x.Steps = append(x.Steps, Step{Time: at, Kind: "flag", Entity: f.Example.Entity, Flag: f.Flag,
			Stream: f.Stream, Note: flagNote(f.Flag, f.Example, at)})
	}
	for _, n := range flagNames {
		if flagSeen[0][n] {
			x.FlagsAsIs = append(x.FlagsAsIs, n)
		}
		if flagSeen[1][n] {
			x.FlagsPol = append(x.FlagsPol, n)
		}
	}
	sortSteps(x.Steps)
	return x
}

func entityLabel(e string) string {
	if e == "" {
		return "(the customer)"
	}
	return e
}

// flagTime is the instant a flag is shown at: the last time of its example.
func flagTime(x Example) time.Time {
	for i := len(x.Times) - 1; i >= 0; i-- {
		if t, err := time.Parse(time.RFC3339, x.Times[i]); err == nil {
			return t
		}
	}
	return time.Time{}
}

// zoneOf returns the zone of the entity's events (else of the customer's
// first event).
func (tr *Trail) zoneOf(entity string) *time.Location {
	loc := time.UTC
	for i, e := range tr.Events {
		if i == 0 || e.Entity == entity {
			loc = e.Time.Location()
		}
	}
	return loc
}

// flagNote is the flag's example in words, its times relative to at.
func flagNote(flag string, x Example, at time.Time) string {
	var ts []time.Time
	for _, s := range x.Times {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			ts = append(ts, t.In(at.Location()))
		}
	}
	var b strings.Builder
	b.WriteString(x.Note)
	switch {
	case flag == "silent_gap" && len(ts) == 2:
		fmt.Fprintf(&b, ", from %s to %s", Clock(ts[0], at), Clock(ts[1], at))
	case len(x.Statuses) > 1 && len(ts) == len(x.Statuses):
		parts := make([]string, len(ts))
		for i := range ts {
			parts[i] = fmt.Sprintf("%s %s", x.Statuses[i], Clock(ts[i], at))
		}
		b.WriteString(": " + strings.Join(parts, " → "))
	case len(ts) > 1:
		parts := make([]string, len(ts))
		for i := range ts {
			parts[i] = Clock(ts[i], at)
		}
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	return b.String()
}

// explainer words the policy's decision on one message.
type explainer struct {
	tr       *Trail
	p        *Policy
	pol      map[int]*MessageDecision
	polOrder []*MessageDecision
}

// Clock renders t as a timeline quotes it: HH:MM (HH:MM:SS when the
// seconds are not 0), with the day when it differs from ref's.
func Clock(t, ref time.Time) string {
	f := "15:04"
	if t.Second() != 0 {
		f = "15:04:05"
	}
	if y1, m1, d1 := t.Date(); true {
		y2, m2, d2 := ref.Date()
		if y1 != y2 || m1 != m2 || d1 != d2 {
			f = "Mon 02 Jan " + f
		}
	}
	return t.Format(f)
}

func fmtDur(d time.Duration) string { return HumanDuration(d) }

func (ex *explainer) why(e *EventRecord, d *MessageDecision) (outcome, why string) {
	p := ex.p
	ent := entityLabel(e.Entity)
	deferNote := func() string {
		if !d.Deferred || p.Quiet == nil {
			return ""
		}
		return fmt.Sprintf("quiet hours %s moved it to %s; ", p.Quiet, Clock(d.Send, e.Time))
	}
	if d.Sent {
		switch {
		case d.Deferred:
			return "deferred", fmt.Sprintf("%s, inside quiet hours %s: deferred and sent at %s", ex.due(e), p.Quiet, Clock(d.Send, e.Time))
		case d.Send.Equal(e.Time):
			return "sent", "sent at once"
		default:
			return "sent", fmt.Sprintf("sent at %s, after the collapse wait of %s (no newer status of %s came)", Clock(d.Send, e.Time), fmtDur(p.Collapse), ent)
		}
	}
	switch d.Reason {
	case "dedupe":
		if prev := ex.prevEvent(e); prev != nil {
			return d.Reason, fmt.Sprintf("dropped by dedupe: the previous event of %s (%s) had the same status", ent, Clock(prev.Time, e.Time))
		}
		return d.Reason, "dropped by dedupe: the previous event had the same status"
	case "collapse":
		if next := ex.nextCandidate(e); next != nil {
			return d.Reason, fmt.Sprintf("dropped by collapse: %s's next status %q came %s later (%s), within %s, and replaced it",
				ent, next.Status, fmtDur(next.Time.Sub(e.Time)), Clock(next.Time, e.Time), fmtDur(p.Collapse))
		}
		return d.Reason, fmt.Sprintf("dropped by collapse: a newer status came within %s", fmtDur(p.Collapse))
	case "quiet_hours":
		return d.Reason, fmt.Sprintf("dropped by quiet hours: %s, inside %s (quiet_action = \"drop\")", ex.due(e), p.Quiet)
	case "quiet_merge":
		if later := ex.mergedInto(d); later != nil {
			return d.Reason, fmt.Sprintf("quiet hours %s deferred it to %s together with %s's later %q (%s); only that later one is kept",
				p.Quiet, Clock(d.Send, e.Time), ent, later.Status, Clock(later.Event, e.Time))
		}
		return d.Reason, fmt.Sprintf("quiet hours %s deferred it to %s together with a later status of %s; only the later one is kept", p.Quiet, Clock(d.Send, e.Time), ent)
	case "min_gap":
		if prev := ex.prevKept(d); prev != nil {
			what, aside := "sent", ""
			if !prev.Sent {
				what, aside = "due", "; max_per_day dropped it, but it still counts for min_gap"
			}
			return d.Reason, fmt.Sprintf("%sdropped by min_gap: due at %s, only %s after the message %s at %s (%s %q%s); min_gap is %s",
				deferNote(), Clock(d.Send, e.Time), fmtDur(d.Send.Sub(prev.Send)), what, Clock(prev.Send, e.Time), entityLabel(prev.Entity), prev.Status, aside, fmtDur(p.MinGap))
		}
		return d.Reason, fmt.Sprintf("%sdropped by min_gap %s", deferNote(), fmtDur(p.MinGap))
	case "max_per_day":
		return d.Reason, fmt.Sprintf("%sdropped by max_per_day: due at %s, and %d messages were already sent on %s",
			deferNote(), Clock(d.Send, e.Time), p.MaxPerDay, d.Send.Format("Mon 02 Jan"))
	}
	return d.Reason, "dropped by " + d.Reason
}

// due words when a message was due before quiet hours: at once, or after the collapse wait.
func (ex *explainer) due(e *EventRecord) string {
	if ex.p.Collapse <= 0 {
		return "due at once"
	}
	return fmt.Sprintf("due at %s after the collapse wait of %s", Clock(e.Time.Add(ex.p.Collapse), e.Time), fmtDur(ex.p.Collapse))
}

// prevEvent returns the entity's event before e.
func (ex *explainer) prevEvent(e *EventRecord) *EventRecord {
	var prev *EventRecord
	for i := range ex.tr.Events {
		o := &ex.tr.Events[i]
		if o.Seq >= e.Seq {
			break
		}
		if o.Entity == e.Entity {
			prev = o
		}
	}
	return prev
}

// nextCandidate returns the entity's next triggering event after e that
// dedupe did not drop (the candidate that superseded e in collapse).
func (ex *explainer) nextCandidate(e *EventRecord) *EventRecord {
	for i := range ex.tr.Events {
		o := &ex.tr.Events[i]
		if o.Seq <= e.Seq || o.Entity != e.Entity || o.Template == "" {
			continue
		}
		if d := ex.pol[o.Seq]; d != nil && d.Reason == "dedupe" {
			continue
		}
		return o
	}
	return nil
}

// mergedInto returns the deferred message of the same entity and send
// instant that quiet_merge kept instead of d (the last one).
func (ex *explainer) mergedInto(d *MessageDecision) *MessageDecision {
	var last *MessageDecision
	for _, o := range ex.polOrder {
		if o.Entity == d.Entity && o.Deferred && o.Send.Equal(d.Send) && o.Seq > d.Seq {
			last = o
		}
	}
	return last
}

// prevKept returns the message min_gap measured d against: the previous
// one in send order that min_gap kept (sent, or dropped by max_per_day).
func (ex *explainer) prevKept(d *MessageDecision) *MessageDecision {
	var prev *MessageDecision
	for _, o := range ex.polOrder {
		if o == d {
			break
		}
		if o.Sent || o.Reason == "max_per_day" {
			prev = o
		}
	}
	return prev
}
