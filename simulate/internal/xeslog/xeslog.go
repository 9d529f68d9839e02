// Package xeslog writes XES event logs (IEEE 1849) the way process-mining
// tools export them, for the examples and the tests of the XES reader.
package xeslog

import (
	"bytes"
	"io"
	"strings"
)

// Attr is one attribute: Kind is the XES element (string, date, int, ...).
type Attr struct {
	Kind, Key, Value string
}

// String returns a string attribute.
func String(key, value string) Attr { return Attr{Kind: "string", Key: key, Value: value} }

// Date returns a date attribute; value is xs:dateTime ("2026-03-02T10:00:00.000+01:00").
func Date(key, value string) Attr { return Attr{Kind: "date", Key: key, Value: value} }

// Trace is a case: its attributes, then its events (each a list of attributes).
type Trace struct {
	Attrs  []Attr
	Events [][]Attr
}

// TimeLayout is the timestamp layout exporters write: milliseconds and offset.
const TimeLayout = "2006-01-02T15:04:05.000-07:00"

var escaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;")

// Write writes a log named name with the Concept and Time extensions.
func Write(w io.Writer, name string, traces []Trace) error {
	bw := &bytes.Buffer{}
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" ?>` + "\n")
	bw.WriteString(`<log xes.version="1.0" xes.features="nested-attributes" xmlns="http://www.xes-standard.org/">` + "\n")
	bw.WriteString(`	<extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>` + "\n")
	bw.WriteString(`	<extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>` + "\n")
	bw.WriteString(`	<global scope="event"><string key="concept:name" value="__INVALID__"/></global>` + "\n")
	attr(bw, "\t", String("concept:name", name))
	for _, t := range traces {
		bw.WriteString("\t<trace>\n")
		for _, a := range t.Attrs {
			attr(bw, "\t\t", a)
		}
		for _, ev := range t.Events {
			bw.WriteString("\t\t<event>\n")
			for _, a := range ev {
				attr(bw, "\t\t\t", a)
			}
			bw.WriteString("\t\t</event>\n")
		}
		bw.WriteString("\t</trace>\n")
	}
	bw.WriteString("</log>\n")
	_, err := w.Write(bw.Bytes())
	return err
}

func attr(w *bytes.Buffer, indent string, a Attr) {
	w.WriteString(indent + "<" + a.Kind + ` key="` + escaper.Replace(a.Key) + `" value="` + escaper.Replace(a.Value) + "\"/>\n")
}
