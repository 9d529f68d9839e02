package simulate

import (
	"bufio"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// XES event logs (IEEE 1849, the process-mining exchange format) are read
// streaming with encoding/xml: a <trace> is a case, its <event>s are the
// status changes. Only the attributes directly inside a <trace> or an
// <event> count (nested attributes, <global> defaults, <extension> and
// <classifier> declarations and log-level attributes are ignored).
//
// Mapping:
//
//	customer_id  the attribute [simulate.columns] customer_id names (default
//	             "customer_id") on the event, else on its trace; else the
//	             trace's concept:name (the case id)
//	entity_id    the attribute entity_id names (default "entity_id"), event
//	             else trace; else the case id
//	timestamp    the event's time:timestamp, or the event attribute timestamp names
//	status       the event's concept:name, or the event attribute status names
//	timezone     the attribute timezone names (event, else trace); default "timezone"
//
// An attribute that an event and its trace lack falls back to the standard
// one, so a policy written for a CSV export of the same log (customer_id =
// "customer", entity_id = "ticket", status = "activity") reads the XES
// original too; when [simulate.columns] named the attribute, the report
// notes how many events fell back.
//
// The reader turns the XML into chunks of compact records (one per event,
// with the line of its <event> tag) that the parsers decode like CSV lines,
// so timestamps, zones and bad rows are handled exactly as for CSV.

// XES record kinds in a chunk.
const (
	xesRecEvent = 'E' // line, then nCols length-prefixed fields
	xesRecBad   = 'B' // line, then a length-prefixed reason
)

// xesSlot is how one column is found in an XES log.
type xesSlot struct {
	key      string // attribute key asked for ("" none)
	explicit bool   // named in [simulate.columns]
	onTrace  bool   // the key may be a trace attribute too
	std      int    // standard fallback: xesStdNone, xesStdCase, xesStdName, xesStdTime
	fellBack int64  // events that used the fallback although key was named
	found    bool   // the key was found at least once
}

const (
	xesStdNone = iota
	xesStdCase // the trace's concept:name
	xesStdName // the event's concept:name
	xesStdTime // the event's time:timestamp
)

const (
	xesConceptName = "concept:name"
	xesTimestamp   = "time:timestamp"
)

// xesReader converts an XES document into record chunks.
type xesReader struct {
	name  string
	dec   *xml.Decoder
	slots [nCols]xesSlot
	keys  []string // distinct keys to keep (slot keys, concept:name, time:timestamp)

	depth     int   // element depth (log = 1)
	inLog     bool  // the root is <log>
	traceOpen bool  // inside a <trace>
	traceEvs  int64 // events of the current trace so far
	eventOpen bool  // inside an <event>
	eventLine int64 // line of the current <event> tag
	attrDepth int   // depth of the trace or event whose attributes are read
	traceVals []xesVal
	eventVals []xesVal
	pending   []byte // records of the chunk being built
	events    int64
	done      bool
}

// xesVal is a kept attribute value (by index into keys).
type xesVal struct {
	set bool
	v   string
}

// xesAttrElems are the XES attribute element names.
var xesAttrElems = map[string]bool{"string": true, "date": true, "int": true, "float": true, "boolean": true, "id": true, "list": true, "container": true}

func newXESReader(name string, r io.Reader, cols Columns) *xesReader {
	x := &xesReader{name: name}
	def := DefaultColumns()
	x.slots[colCust] = xesSlot{key: cols.CustomerID, explicit: cols.customerExplicit, onTrace: true, std: xesStdCase}
	x.slots[colEnt] = xesSlot{key: cols.EntityID, explicit: cols.entityExplicit, onTrace: true, std: xesStdCase}
	x.slots[colTS] = xesSlot{key: cols.Timestamp, explicit: cols.timestampExplicit, std: xesStdTime}
	x.slots[colStatus] = xesSlot{key: cols.Status, explicit: cols.statusExplicit, std: xesStdName}
	x.slots[colZone] = xesSlot{key: cols.Timezone, explicit: cols.zoneExplicit, onTrace: true, std: xesStdNone}
	if x.slots[colZone].key == "" {
		x.slots[colZone].key = def.Timezone
	}
	for _, i := range []int{colTS, colStatus} {
		if !x.slots[i].explicit {
			x.slots[i].key = "" // the standard attribute
		}
	}
	x.keys = []string{xesConceptName, xesTimestamp}
	for _, s := range x.slots {
		if s.key != "" && x.keyIndex(s.key) < 0 {
			x.keys = append(x.keys, s.key)
		}
	}
	x.traceVals = make([]xesVal, len(x.keys))
	x.eventVals = make([]xesVal, len(x.keys))
	d := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	d.CharsetReader = xesCharsetReader
	x.dec = d
	return x
}

func (x *xesReader) keyIndex(k string) int {
	for i, kk := range x.keys {
		if kk == k {
			return i
		}
	}
	return -1
}

// columnNames are the names bad-row messages use for the columns.
func (x *xesReader) columnNames() [nCols]string {
	std := [...]string{xesStdNone: "", xesStdCase: "case id (trace " + xesConceptName + ")", xesStdName: "event " + xesConceptName, xesStdTime: xesTimestamp}
	var n [nCols]string
	for i, s := range x.slots {
		if s.explicit || i == colZone {
			n[i] = s.key
		} else {
			n[i] = std[s.std]
		}
	}
	return n
}

// xesCharsetReader accepts the encodings besides UTF-8 that XES exporters
// write: US-ASCII and ISO-8859-1.
func xesCharsetReader(label string, input io.Reader) (io.Reader, error) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "us-ascii", "ascii", "utf8":
		return input, nil
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		return &latin1Reader{r: bufio.NewReader(input)}, nil
	}
	return nil, fmt.Errorf("encoding %q is not supported (convert the log to UTF-8)", label)
}

// latin1Reader decodes ISO-8859-1 to UTF-8.
type latin1Reader struct {
	r   *bufio.Reader
	out []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.out) < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if len(l.out) > 0 {
				break
			}
			return 0, err
		}
		l.out = utf8.AppendRune(l.out, rune(b))
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}

// line returns the line of the decoder's position.
func (x *xesReader) line() int64 {
	l, _ := x.dec.InputPos()
	return int64(l)
}

// errorf wraps an error with the file and the decoder's line.
func (x *xesReader) errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: XES: %s", x.name, x.line(), fmt.Sprintf(format, args...))
}

// next returns the next chunk of records; io.EOF at the end.
func (x *xesReader) next(pl *pools) ([]byte, int64, error) {
	if x.done {
		return nil, 0, io.EOF
	}
	if pl != nil {
		x.pending = pl.chunk(chunkSize + chunkSize/4)
	} else {
		x.pending = make([]byte, 0, 4<<10) // grows as records come
	}
	for len(x.pending) < chunkSize {
		tok, err := x.dec.Token()
		if errors.Is(err, io.EOF) {
			x.done = true
			if x.depth > 0 {
				return nil, 0, x.errorf("unexpected end of file inside <log>")
			}
			if !x.inLog {
				return nil, 0, fmt.Errorf("%s: XES: no <log> element", x.name)
			}
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return nil, 0, fmt.Errorf("%s:%d: XES: %s", x.name, se.Line, se.Msg)
			}
			return nil, 0, x.errorf("%v", err)
		}
		if err := x.token(tok); err != nil {
			return nil, 0, err
		}
	}
	if len(x.pending) == 0 {
		return nil, 0, io.EOF
	}
	return x.pending, 1, nil
}

// token handles one XML token.
func (x *xesReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		x.depth++
		name := t.Name.Local
		switch {
		case x.depth == 1:
			if name != "log" {
				return x.errorf("not an XES log: the root element is <%s>, want <log>", name)
			}
			x.inLog = true
		case x.depth == 2 && name == "trace":
			x.traceOpen, x.traceEvs = true, 0
			x.attrDepth = 2
			clear(x.traceVals)
		case name == "event" && (x.depth == 3 && x.traceOpen || x.depth == 2):
			x.eventOpen = true
			x.eventLine = x.line()
			x.attrDepth = x.depth
			clear(x.eventVals)
		case x.depth == x.attrDepth+1 && xesAttrElems[name] && (x.eventOpen || x.traceOpen):
			return x.attribute(t)
		}
	case xml.EndElement:
		switch {
		case x.eventOpen && x.depth == x.attrDepth:
			x.eventOpen = false
			x.emitEvent()
			if x.traceOpen {
				x.traceEvs++
				x.attrDepth = 2
			} else {
				x.attrDepth = 0
			}
		case x.traceOpen && x.depth == 2:
			x.traceOpen = false
			x.attrDepth = 0
		}
		x.depth--
	}
	return nil
}

// attribute keeps the value of a wanted attribute of the open trace or event.
func (x *xesReader) attribute(t xml.StartElement) error {
	var key, val string
	var hasVal bool
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "key":
			key = a.Value
		case "value":
			val, hasVal = a.Value, true
		}
	}
	i := x.keyIndex(key)
	if i < 0 || !hasVal {
		return nil
	}
	if x.eventOpen {
		if !x.eventVals[i].set {
			x.eventVals[i] = xesVal{set: true, v: val}
		}
		return nil
	}
	if x.traceEvs > 0 && x.traceKeyUsed(key) {
		return x.errorf("trace attribute %q comes after the trace's first event (XES puts a trace's attributes before its events)", key)
	}
	if !x.traceVals[i].set {
		x.traceVals[i] = xesVal{set: true, v: val}
	}
	return nil
}

// traceKeyUsed reports whether a trace attribute with this key matters.
func (x *xesReader) traceKeyUsed(key string) bool {
	if key == xesConceptName {
		return true
	}
	for _, s := range x.slots {
		if s.onTrace && s.key == key {
			return true
		}
	}
	return false
}

// value looks up slot i for the current event; ok is false when neither
// the named nor the standard attribute is there.
func (x *xesReader) value(i int) (string, bool) {
	s := &x.slots[i]
	if s.key != "" {
		k := x.keyIndex(s.key)
		if v := x.eventVals[k]; v.set {
			s.found = true
			return v.v, true
		}
		if s.onTrace && x.traceOpen {
			if v := x.traceVals[k]; v.set {
				s.found = true
				return v.v, true
			}
		}
		if s.explicit {
			s.fellBack++
		}
	}
	var v xesVal
	switch s.std {
	case xesStdCase:
		if x.traceOpen {
			v = x.traceVals[x.keyIndex(xesConceptName)]
		}
	case xesStdName:
		v = x.eventVals[x.keyIndex(xesConceptName)]
	case xesStdTime:
		v = x.eventVals[x.keyIndex(xesTimestamp)]
	}
	return v.v, v.set
}

// emitEvent appends the record of the event just closed.
func (x *xesReader) emitEvent() {
	x.events++
	var f [nCols]string
	for i := range f {
		v, ok := x.value(i)
		if !ok && i != colZone && (i != colEnt || x.traceOpen) {
			x.bad(x.missing(i))
			return
		}
		f[i] = v
	}
	x.pending = append(x.pending, xesRecEvent)
	x.pending = binary.AppendUvarint(x.pending, uint64(x.eventLine))
	for _, v := range f {
		x.pending = binary.AppendUvarint(x.pending, uint64(len(v)))
		x.pending = append(x.pending, v...)
	}
}

// missing words why slot i has no value.
func (x *xesReader) missing(i int) string {
	s := x.slots[i]
	var std string
	switch s.std {
	case xesStdCase:
		if !x.traceOpen {
			std = "an event outside a <trace> has no case id"
		} else {
			std = "its trace has no " + xesConceptName + " (case id)"
		}
	case xesStdName:
		std = "the event has no " + xesConceptName + " (status)"
	case xesStdTime:
		std = "the event has no " + xesTimestamp
	}
	if s.explicit {
		where := "the event"
		if s.onTrace {
			where = "the event or its trace"
		}
		return fmt.Sprintf("no attribute %q (%s) on %s, and %s", s.key, colKeys[i], where, std)
	}
	return std
}

func (x *xesReader) bad(reason string) {
	x.pending = append(x.pending, xesRecBad)
	x.pending = binary.AppendUvarint(x.pending, uint64(x.eventLine))
	x.pending = binary.AppendUvarint(x.pending, uint64(len(reason)))
	x.pending = append(x.pending, reason...)
}

// notes returns what the report should say about fallbacks, once the
// document is read.
func (x *xesReader) notes() []string {
	var out []string
	std := [...]string{xesStdNone: "simulate.timezone", xesStdCase: "the case id (trace " + xesConceptName + ")", xesStdName: "the event's " + xesConceptName, xesStdTime: "the event's " + xesTimestamp}
	for i, s := range x.slots {
		if s.fellBack == 0 {
			continue
		}
		if !s.found {
			out = append(out, fmt.Sprintf("%s: no event has the attribute %q ([simulate.columns] %s); %s was used", x.name, s.key, colKeys[i], std[s.std]))
			continue
		}
		out = append(out, fmt.Sprintf("%s: %d of %d events lack the attribute %q ([simulate.columns] %s); %s was used for them", x.name, s.fellBack, x.events, s.key, colKeys[i], std[s.std]))
	}
	return out
}

// parseXES decodes a chunk of XES records.
func (p *parser) parseXES(j *job, res *result) {
	data := j.data
	for len(data) > 0 {
		kind := data[0]
		data = data[1:]
		line, n := binary.Uvarint(data)
		data = data[n:]
		if kind == xesRecBad {
			l, n := binary.Uvarint(data)
			data = data[n:]
			p.bad(res, j.src, int64(line), "%s", data[:l])
			data = data[l:]
			continue
		}
		var f [nCols][]byte
		for i := range f {
			l, n := binary.Uvarint(data)
			data = data[n:]
			f[i] = data[:l:l]
			data = data[l:]
		}
		p.emit(res, j.src, int64(line), &f)
	}
}
