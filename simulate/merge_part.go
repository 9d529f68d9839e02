package simulate

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Fingerprints identify what a report was computed from, so that a merge
// takes only parts of one run. Each is "fnv1a64:" and 16 hex digits of
// FNV-1a 64 over a canonical text.
type Fingerprints struct {
	// Policy: the policy's settings, columns, cost and contact settings (not
	// the file it came from).
	Policy string `json:"policy"`
	// Templates: each linked template's id, channel and SMS segments; ""
	// without --templates.
	Templates string `json:"templates"`
	// Input: each events and contacts file's name as given and its size in
	// bytes (every file, by path, under a directory). Not a hash of the
	// contents: it tells parts of one run from parts of another.
	Input string `json:"input"`
}

// ShardSet is the shards a partial report covers: one for a --shard run,
// several for a merge with --allow-partial. A complete report has none.
type ShardSet struct {
	Count   int   `json:"count"`
	Indexes []int `json:"indexes"` // ascending
}

// Part is what a merge needs beyond the figures: the per-customer rows
// (the CSV report), the replays of the customers the part names (the HTML
// report) and the parts of the notes. The JSON report of a --shard run
// carries it; a complete report does not.
type Part struct {
	Notelint string `json:"notelint"` // version of the notelint that wrote it
	// Rows are one per customer, by id (see encodeRow); nil when the part
	// has more than MaxPartRows customers (then a merge cannot write the
	// CSV report).
	Rows          []string                `json:"rows"`
	Trails        map[string]*Explanation `json:"trails"`
	TrailsMissing string                  `json:"trails_missing,omitempty"`
	// TrailZones name the zones of the trails' times (JSON keeps only their
	// offsets): per customer and step, those of time, send and event.
	TrailZones  map[string][][3]string `json:"trail_zones"`
	ReaderNotes []string               `json:"reader_notes"`
	Disorder    *Disorder              `json:"disorder,omitempty"`
}

// Disorder is why a part was replayed buffered: the first row (in input
// order) earlier than its customer's previous row, or Input -1 when rows
// were out of order only across customers.
type Disorder struct {
	Input int    `json:"input"`
	Line  int64  `json:"line"`
	Note  string `json:"note"`
}

// MaxPartRows bounds the per-customer rows a part carries.
const MaxPartRows = 2_000_000

// mergeState is what a report keeps for Merge beyond its exported figures.
type mergeState struct {
	readerNotes []string
	disorder    *Disorder
}

// stamp records the fingerprints, the shard and the notes' parts of a run.
func (r *Report) stamp(opts *Options, pol *compiled, readerNotes []string, disorder *Disorder) {
	r.Fingerprints = Fingerprints{
		Policy:    policyFingerprint(r.Settings, pol.p),
		Templates: templatesFingerprint(opts.Templates),
		Input:     inputFingerprint(opts),
	}
	r.merge = mergeState{readerNotes: append([]string{}, readerNotes...), disorder: disorder}
	if opts.Shard != nil {
		r.Shard = &ShardSet{Count: opts.Shard.Count, Indexes: []int{opts.Shard.Index}}
		r.Notes = append(r.Notes, r.Shard.note())
	}
}

// note says which customers a partial report covers.
func (s *ShardSet) note() string {
	if len(s.Indexes) == 1 {
		return fmt.Sprintf("partial report: only the customers of shard %d of %d (--shard %d/%d); notelint simulate merge adds up the parts",
			s.Indexes[0], s.Count, s.Indexes[0], s.Count)
	}
	idx := make([]string, len(s.Indexes))
	for i, n := range s.Indexes {
		idx[i] = fmt.Sprint(n)
	}
	return fmt.Sprintf("partial report: only the customers of shards %s of %d", strings.Join(idx, ", "), s.Count)
}

// AttachPart fills r.Part, so that the JSON report can be merged: version
// is the notelint version that writes it.
func (r *Report) AttachPart(version string) {
	p := &Part{Notelint: version, Trails: r.Trails, TrailsMissing: r.TrailsMissing,
		ReaderNotes: append([]string{}, r.merge.readerNotes...), Disorder: r.merge.disorder}
	if p.Trails == nil {
		p.Trails = map[string]*Explanation{}
	}
	p.TrailZones = map[string][][3]string{}
	for id, x := range p.Trails {
		zs := make([][3]string, len(x.Steps))
		for i, st := range x.Steps {
			zs[i][0] = st.Time.Location().String()
			if st.Send != nil {
				zs[i][1] = st.Send.Location().String()
			}
			if st.Event != nil {
				zs[i][2] = st.Event.Location().String()
			}
		}
		p.TrailZones[id] = zs
	}
	if r.rows != nil && r.Customers <= MaxPartRows {
		rows := r.CustomerRows()
		p.Rows = make([]string, len(rows))
		for i, c := range rows {
			p.Rows[i] = encodeRow(c)
		}
	}
	r.Part = p
}

// HasCustomerRows reports whether the report has its per-customer rows (a
// merge of parts that did not carry them has not).
func (r *Report) HasCustomerRows() bool { return r.rows != nil }

// disorderOf is the Disorder of a buffered retry whose note is note.
func disorderOf(shards []*shard, note string) *Disorder {
	var first *disorderError
	for _, s := range shards {
		d := s.disorder
		if d != nil && (first == nil || d.input < first.input || d.input == first.input && d.line < first.line) {
			first = d
		}
	}
	if first == nil {
		return &Disorder{Input: -1, Note: note}
	}
	return &Disorder{Input: first.input, Line: first.line, Note: note}
}

func fingerprint(parts ...string) string {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
		b = append(b, 0)
	}
	return fmt.Sprintf("fnv1a64:%016x", fnv1a64(b))
}

func policyFingerprint(s PolicySummary, p *Policy) string {
	s.Source = ""
	v := struct {
		Settings PolicySummary
		Columns  Columns
		Cost     Cost
		Contacts ContactSettings
	}{s, p.Columns, p.Cost, p.Contacts}
	b, err := json.Marshal(v)
	if err != nil {
		// A NaN price does not encode as JSON.
		b = fmt.Appendf(nil, "%v", v)
	}
	return fingerprint(string(b))
}

func templatesFingerprint(tpl map[string]TemplateInfo) string {
	if tpl == nil {
		return ""
	}
	ids := make([]string, 0, len(tpl))
	for id := range tpl {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	parts := make([]string, 0, len(ids))
	for _, id := range ids {
		t := tpl[id]
		parts = append(parts, fmt.Sprintf("%s\t%s\t%d", id, t.Channel, t.Segments))
	}
	return fingerprint(parts...)
}

func inputFingerprint(opts *Options) string {
	var parts []string
	for _, group := range [][]string{opts.Inputs, {"--contacts"}, opts.Contacts} {
		for _, name := range group {
			parts = append(parts, name)
			if name == "-" || name == "--contacts" {
				continue
			}
			parts = append(parts, fileSizes(opts.FS, name)...)
		}
	}
	return fingerprint(parts...)
}

// fileSizes lists the size of file name, or of every file under directory
// name (with its path), in a stable order.
func fileSizes(fsys fs.FS, name string) []string {
	var st fs.FileInfo
	var err error
	if fsys != nil {
		st, err = fs.Stat(fsys, name)
	} else {
		st, err = os.Stat(name)
	}
	if err != nil {
		return []string{"?"}
	}
	if !st.IsDir() {
		return []string{fmt.Sprint(st.Size())}
	}
	var out []string
	walk := func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil //nolint:nilerr // an unreadable entry is left out of the fingerprint, the run reports it
		}
		if info, err := d.Info(); err == nil {
			out = append(out, p, fmt.Sprint(info.Size()))
		}
		return nil
	}
	if fsys != nil {
		_ = fs.WalkDir(fsys, name, func(p string, d fs.DirEntry, err error) error { return walk(path.Clean(p), d, err) })
	} else {
		_ = filepath.WalkDir(name, func(p string, d fs.DirEntry, err error) error { return walk(filepath.ToSlash(p), d, err) })
	}
	return out
}

// restoreZones gives the times of the trails their zones back.
func restoreZones(trails map[string]*Explanation, zones map[string][][3]string) error {
	locs := map[string]*time.Location{}
	in := func(t time.Time, name string) (time.Time, error) {
		if name == "" {
			return t, nil
		}
		loc, ok := locs[name]
		if !ok {
			var err error
			if loc, err = loadLocation(name); err != nil {
				return t, fmt.Errorf("trail zone %q: %w", name, err)
			}
			locs[name] = loc
		}
		return t.In(loc), nil
	}
	for id, x := range trails {
		zs := zones[id]
		if x == nil {
			return fmt.Errorf("the trail of %q is empty", id)
		}
		if len(zs) != len(x.Steps) {
			return fmt.Errorf("the trail of %q has %d zones for %d steps", id, len(zs), len(x.Steps))
		}
		for i := range x.Steps {
			st := &x.Steps[i]
			var err error
			if st.Time, err = in(st.Time, zs[i][0]); err != nil {
				return err
			}
			for j, tp := range []*time.Time{st.Send, st.Event} {
				if tp != nil {
					if *tp, err = in(*tp, zs[i][j+1]); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}
