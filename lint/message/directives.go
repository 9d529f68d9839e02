package message

import (
	"fmt"
	"strings"
)

type suppressRange struct {
	rule       string
	start, end int // file byte range where the rule is off
	dir        int // index into directives.all
	file       *Source
}

type suppressLine struct {
	rule string
	line int
	dir  int
	file *Source // nil: the template's file
}

// Directives are the suppressions of one template.
type Directives struct {
	All      []Directive
	ranges   []suppressRange
	lines    []suppressLine
	wide     []int // template-wide (front matter) directive indexes
	Problems []Problem
}

// AddTemplateWide records a directive that holds for the whole template
// (one in front matter).
func (d *Directives) AddTemplateWide(dir Directive) {
	d.All = append(d.All, dir)
	d.wide = append(d.wide, len(d.All)-1)
}

// Comment parses the text inside <!-- --> at file range
// [start, end). open holds disable directives waiting for their enable.
func (d *Directives) Comment(src []byte, text string, start, end int, open map[string]int) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "notelint-") {
		return
	}
	verb, rest, _ := strings.Cut(text, " ")
	if i := strings.Index(rest, "--"); i >= 0 {
		rest = rest[:i] // the reason
	}
	ids := strings.FieldsFunc(rest, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
	switch verb {
	case "notelint-disable", "notelint-enable", "notelint-disable-next-line":
	default:
		d.Problems = append(d.Problems, Problem{Kind: DirectiveProblem, Start: start, End: end,
			Message: fmt.Sprintf("unknown directive %q", verb),
			Hint:    "use notelint-disable, notelint-enable or notelint-disable-next-line"})
		return
	}
	if len(ids) == 0 {
		d.Problems = append(d.Problems, Problem{Kind: DirectiveProblem, Start: start, End: end,
			Message: verb + " must name the rule it switches off",
			Hint:    "write <!-- " + verb + " rule-id -- reason -->"})
		return
	}
	for _, id := range ids {
		switch verb {
		case "notelint-disable":
			d.All = append(d.All, Directive{Rule: id, Start: start, End: end})
			open[id] = len(d.All) - 1
			d.ranges = append(d.ranges, suppressRange{rule: id, start: end, end: len(src), dir: len(d.All) - 1})
		case "notelint-enable":
			if idx, ok := open[id]; ok {
				for i := range d.ranges {
					if d.ranges[i].dir == idx {
						d.ranges[i].end = start
					}
				}
				delete(open, id)
			}
		case "notelint-disable-next-line":
			d.All = append(d.All, Directive{Rule: id, Start: start, End: end})
			d.lines = append(d.lines, suppressLine{rule: id, line: nextContentLine(src, end), dir: len(d.All) - 1})
		}
	}
}

// nextContentLine returns the 1-based number of the first non-blank line
// after offset.
func nextContentLine(src []byte, offset int) int {
	line := 1 + strings.Count(string(src[:offset]), "\n")
	rest := string(src[offset:])
	// Skip the rest of the comment's own line.
	nl := strings.IndexByte(rest, '\n')
	if nl < 0 {
		return line + 1
	}
	line++
	rest = rest[nl+1:]
	for {
		nl := strings.IndexByte(rest, '\n')
		cur := rest
		if nl >= 0 {
			cur = rest[:nl]
		}
		if strings.TrimSpace(cur) != "" || nl < 0 {
			return line
		}
		line++
		rest = rest[nl+1:]
	}
}

// Suppressed reports whether a finding of rule at file offset off, on
// 1-based line, in the file at path, is switched off by a directive, and
// marks the directive used.
func (d *Directives) Suppressed(rule, path string, off, line int) bool {
	hit := false
	for _, i := range d.wide {
		if d.All[i].Rule == rule {
			d.All[i].Used, hit = true, true
		}
	}
	for _, r := range d.ranges {
		if r.rule == rule && off >= r.start && off < r.end && (r.file == nil || r.file.Path == path) {
			d.All[r.dir].Used, hit = true, true
		}
	}
	for _, l := range d.lines {
		if l.rule == rule && line == l.line && (l.file == nil || l.file.Path == path) {
			d.All[l.dir].Used, hit = true, true
		}
	}
	return hit
}

// Merge adds the directives of a grouped part's template; other is true
// when they are in a file other than the group's main one.
func (d *Directives) Merge(m *Directives, src *Source, other bool) {
	base := len(d.All)
	for _, dir := range m.All {
		if other && dir.Source == nil {
			dir.Source = src
		}
		d.All = append(d.All, dir)
	}
	for _, r := range m.ranges {
		r.dir += base
		if r.file == nil {
			r.file = src
		}
		d.ranges = append(d.ranges, r)
	}
	for _, l := range m.lines {
		l.dir += base
		if l.file == nil {
			l.file = src
		}
		d.lines = append(d.lines, l)
	}
	for _, w := range m.wide {
		d.wide = append(d.wide, w+base)
	}
	for _, p := range m.Problems {
		if other && p.Source == nil {
			p.Source = src
		}
		d.Problems = append(d.Problems, p)
	}
}
