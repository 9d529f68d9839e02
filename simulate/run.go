package simulate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"slices"
)

// Mode selects how events are replayed.
type Mode int

const (
	// ModeAuto holds the events in memory, by customer, and replays them
	// at the end of the input when they fit (a few hundred megabytes);
	// otherwise it streams and, when a customer's rows turn out not to be
	// in time order, restarts buffered (stdin is always buffered).
	ModeAuto Mode = iota
	// ModeStream streams and fails on rows out of order.
	ModeStream
	// ModeBuffered holds all events (about 24 bytes each and their ids) and
	// replays them at the end of the input.
	ModeBuffered
)

// maxInputs bounds the number of events files of a run (file indexes are 16-bit).
const maxInputs = 60000

// Options configure a Run.
type Options struct {
	Inputs    []string                // event files; "-" is Stdin
	Contacts  []string                // contact files (--contacts); "-" is Stdin
	Stdin     io.Reader               // read for "-"
	Policy    *Policy                 // required
	Templates map[string]TemplateInfo // nil: template ids are plain names
	Strict    bool                    // a bad row is an error instead of being skipped
	Mode      Mode
	Workers   int   // replay goroutines (default GOMAXPROCS); half as many parse
	FS        fs.FS // where the event files are opened; nil: the operating system's files
	// Observer, when set, receives the decision trail of the customers in
	// ObserveCustomers (all customers when empty).
	Observer         Observer
	ObserveCustomers []string
	// Shard, when set, replays only the customers of that shard (--shard).
	Shard *Shard

	keepEvents  bool  // keep every event of a streaming replay (more policies replay from them)
	expireAfter int64 // tests: retire customers this long after their last event
	winSize     int   // tests: events per streaming window
	bufferLimit int64 // tests: bytes of events ModeAuto holds at most (0: bufferBudget)
}

func (o *Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// Run replays the inputs through the policy and returns the report: the
// figures, one row per customer (Report.CustomerRows) and the timelines of
// the customers the report names (Report.Trails). The inputs are read once.
func Run(opts Options) (*Report, error) {
	r, _, err := run(opts)
	return r, err
}

// runState is what a run keeps to replay more policies from its events.
type runState struct {
	out      *pipelineOut
	contacts *contactInput
	replay   string   // how the events were replayed
	why      string   // why buffered: "fallback", "forced" (--replay buffered, stdin), "keepalive"; "" streaming
	notes    []string // the notes Run added after buildReport (rows out of order)
}

// run is Run, also returning what more policies need to replay.
func run(opts Options) (*Report, *runState, error) {
	if opts.Policy == nil {
		return nil, nil, errors.New("simulate: no policy")
	}
	if len(opts.Inputs) == 0 {
		return nil, nil, errors.New("simulate: no events file")
	}
	given := opts.Inputs
	inputs, xerr := expandInputs(opts.Inputs, opts.FS)
	if xerr != nil {
		return nil, nil, xerr
	}
	opts.Inputs = inputs
	if len(opts.Inputs) > maxInputs {
		return nil, nil, fmt.Errorf("simulate: %d events files: at most %d (concatenate them)", len(opts.Inputs), maxInputs)
	}
	if err := opts.Policy.CheckTemplates(opts.Templates); err != nil {
		return nil, nil, err
	}
	pol := compile(opts.Policy, opts.Templates)
	var contacts *contactInput
	var contactRec *contactRecorder
	var contactExplain map[string]bool
	if len(opts.Contacts) > 0 {
		if slices.Contains(opts.Contacts, "-") && slices.Contains(opts.Inputs, "-") {
			return nil, nil, errors.New("simulate: standard input (-) can hold the events or the contacts, not both")
		}
		var err error
		if contacts, err = readShardContacts(opts.Contacts, opts.Stdin, opts.FS, opts.Policy, opts.Strict, opts.Shard); err != nil {
			return nil, nil, err
		}
		contactRec, contactExplain = withContactObserver(&opts)
	}
	// Keep-alives need each entity's span end before its replay: buffered.
	why := ""
	switch {
	case opts.Mode == ModeBuffered || slices.Contains(opts.Inputs, "-"):
		why = "forced"
	case len(pol.ka) > 0:
		why = "keepalive"
	}
	buffered := why != ""
	replay := "streaming"
	if buffered {
		replay = "buffered"
	}
	var notes []string
	var disorder *Disorder
	if why == "keepalive" {
		notes = append(notes, keepaliveNote)
	}
	out, err := runPipeline(&opts, pol, buffered)
	var de *disorderError
	if errors.As(err, &de) {
		if opts.Mode == ModeStream {
			return nil, nil, fmt.Errorf("%w (rows of a customer must be in time order)", err)
		}
		replay, why = "buffered", "fallback"
		if rs, ok := opts.Observer.(Resetter); ok {
			rs.Reset()
		}
		out, err = runPipeline(&opts, pol, true)
		if err == nil {
			notes = append(notes, disorderNote(out.shards))
			disorder = disorderOf(out.shards, notes[len(notes)-1])
		}
	}
	if err != nil {
		return nil, nil, err
	}
	if out.sortedCopy {
		replay, why = "buffered", "fallback"
		notes = append(notes, disorderNote(out.shards))
		disorder = disorderOf(out.shards, notes[len(notes)-1])
	}
	r := buildReport(&opts, pol, out)
	r.Inputs = append([]string{}, given...) // directories as given, not their files
	r.Replay = replay
	r.Notes = append(r.Notes, notes...)
	r.stamp(&opts, pol, out.notes, disorder)
	if r.Events == 0 && r.BadRows.Count > 0 && opts.Shard == nil {
		return nil, nil, fmt.Errorf("no usable events: all %d rows were bad (first: %s)", r.BadRows.Count, r.BadRows.First[0])
	}
	r.Trails, r.TrailsMissing = namedTrails(pol, out.shards, r)
	if contacts != nil {
		if contactExplain != nil {
			// The customers the report names get their contacts in their timelines.
			for _, id := range r.shownCustomers() {
				contactExplain[id] = true
			}
		}
		r.Contacts, r.contactSteps = attributeContacts(contactRec, contacts, pol, opts.Contacts, contactExplain)
		for id, x := range r.Trails {
			x.addContacts(r.contactSteps[id])
		}
	}
	return r, &runState{out: out, contacts: contacts, replay: replay, why: why, notes: notes}, nil
}

// buildReport merges the shard summaries into one report.
func buildReport(opts *Options, pol *compiled, out *pipelineOut) *Report {
	acc := newAccum(pol)
	var hist [2]histogram
	var flagCust [2][nFlags]int64
	var top []CustomerRow
	var customers, entities int64
	tables := make([]customerTable, 0, len(out.shards))
	for _, sh := range out.shards {
		sum := sh.summarize()
		tables = append(tables, customerTable{cust: sh.cust, keys: sh.custKeys, ka: sh.kaCust})
		acc.merge(sum.acc)
		customers += sum.customers
		entities += sum.entities
		for k := range hist {
			hist[k].merge(sum.hist[k])
			for f := range flagCust[k] {
				flagCust[k][f] += sum.flagCust[k][f]
			}
		}
		for _, t := range sum.top {
			top = addTop(top, t)
		}
	}
	r := newReport(opts, pol)
	r.Events, r.Customers, r.Entities = acc.events, customers, entities
	if acc.events > 0 {
		r.TimeSpan = TimeSpan{From: fmtTime(acc.minT), To: fmtTime(acc.maxT)}
	}
	r.AsIs = streamStats(hist[streamAsIs])
	r.Policy = streamStats(hist[streamPolicy])
	r.fillTemplates(pol, acc)
	r.fillFlags(pol, acc, flagCust)
	r.fillDiagnostics(pol, &acc.diag)
	r.fillKeepalive(pol, acc, tables)
	r.Suppressed = Suppressed{Total: r.AsIs.Messages - r.policyStatusMessages()}
	r.Suppressed.ByReason = make([]ReasonCount, nDrops)
	for i := range acc.drops {
		r.Suppressed.ByReason[i] = ReasonCount{Reason: dropNames[i], Messages: acc.drops[i]}
	}
	r.Deferred = acc.deferred
	r.Daily = acc.days.days()
	r.TopCustomers = top
	r.rows = rowsOf(tables)
	r.BadRows = BadRows{Count: out.badCount, First: append([]BadRow{}, out.bad...)}
	r.Notes = append(r.Notes, out.notes...)
	return r
}

// disorderNote says that the events were replayed buffered, with the first
// row (in input order) that is earlier than its customer's previous row.
// The buffered shards find it, so the note does not depend on which
// streaming shard noticed first. Rows that are in order per customer but
// not across customers (files concatenated by region, say) make the
// streaming replay give up too; then there is no such row to name.
func disorderNote(shards []*shard) string {
	var first *disorderError
	for _, s := range shards {
		d := s.disorder
		if d != nil && (first == nil || d.input < first.input || d.input == first.input && d.line < first.line) {
			first = d
		}
	}
	if first == nil {
		return "rows are not in time order across customers; the events were replayed from a sorted in-memory copy"
	}
	return fmt.Sprintf("rows are not in time order per customer (for example %v); the events were replayed from a sorted in-memory copy", first)
}
