package lint

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

// directives are the suppressions of one template.
type directives struct {
	all      []Directive
	ranges   []suppressRange
	lines    []suppressLine
	wide     []int // template-wide (front matter) directive indexes
	problems []Problem
}

func (d *directives) addTemplateWide(dir Directive) {
	d.all = append(d.all, dir)
	d.wide = append(d.wide, len(d.all)-1)
}

// commentDirective parses the text inside <!-- --> at file range
// [start, end). open holds disable directives waiting for their enable.
func (d *directives) comment(src []byte, text string, start, end int, open map[string]int) {
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
		d.problems = append(d.problems, Problem{Kind: DirectiveProblem, Start: start, End: end,
			Message: fmt.Sprintf("unknown directive %q", verb),
			Hint:    "use notelint-disable, notelint-enable or notelint-disable-next-line"})
		return
	}
	if len(ids) == 0 {
		d.problems = append(d.problems, Problem{Kind: DirectiveProblem, Start: start, End: end,
			Message: verb + " must name the rule it switches off",
			Hint:    "write <!-- " + verb + " rule-id -- reason -->"})
		return
	}
	for _, id := range ids {
		switch verb {
		case "notelint-disable":
			d.all = append(d.all, Directive{Rule: id, Start: start, End: end})
			open[id] = len(d.all) - 1
			d.ranges = append(d.ranges, suppressRange{rule: id, start: end, end: len(src), dir: len(d.all) - 1})
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
			d.all = append(d.all, Directive{Rule: id, Start: start, End: end})
			d.lines = append(d.lines, suppressLine{rule: id, line: nextContentLine(src, end), dir: len(d.all) - 1})
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

// suppressed reports whether a finding of rule at file offset off, on
// 1-based line, in the file at path, is switched off by a directive, and
// marks the directive used.
func (d *directives) suppressed(rule, path string, off, line int) bool {
	hit := false
	for _, i := range d.wide {
		if d.all[i].Rule == rule {
			d.all[i].used, hit = true, true
		}
	}
	for _, r := range d.ranges {
		if r.rule == rule && off >= r.start && off < r.end && (r.file == nil || r.file.Path == path) {
			d.all[r.dir].used, hit = true, true
		}
	}
	for _, l := range d.lines {
		if l.rule == rule && line == l.line && (l.file == nil || l.file.Path == path) {
			d.all[l.dir].used, hit = true, true
		}
	}
	return hit
}

// merge adds the directives of a grouped part's template; other is true
// when they are in a file other than the group's main one.
func (d *directives) merge(m *directives, src *Source, other bool) {
	base := len(d.all)
	for _, dir := range m.all {
		if other && dir.Source == nil {
			dir.Source = src
		}
		d.all = append(d.all, dir)
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
	for _, p := range m.problems {
		if other && p.Source == nil {
			p.Source = src
		}
		d.problems = append(d.problems, p)
	}
}
