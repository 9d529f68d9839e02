// Package svg draws the small charts of the simulate HTML report as inline
// SVG: grouped bar charts (vertical, for histograms; horizontal, for named
// categories) and a line/area chart for time series. No JavaScript, no
// fonts, no external references: the markup is plain SVG 1.1 that a browser
// renders inside an HTML page.
//
// Every bar is a <rect class="bar"> with data-series, data-label and
// data-value attributes (and data-json when the caller names the report
// field it shows) and a <title> tooltip, so tests and screen readers can
// check what is drawn. Zero values draw no bar.
package svg

import (
	"fmt"
	"html"
	"math"
	"strconv"
	"strings"
)

// Okabe–Ito colours (safe for the common colour-vision deficiencies).
const (
	Orange     = "#E69F00"
	SkyBlue    = "#56B4E9"
	Green      = "#009E73"
	Yellow     = "#F0E442"
	Blue       = "#0072B2"
	Vermillion = "#D55E00"
	Purple     = "#CC79A7"
	Black      = "#000000"
)

// Series is one set of values, drawn in one colour.
type Series struct {
	Key    string    // machine name (data-series, CSS class "s-<key>")
	Name   string    // legend and tooltip text
	Color  string    // fill or stroke
	Values []float64 // one per label or bucket
	JSON   []string  // optional: the report field each value shows (data-json)
}

// Bars is a grouped bar chart: for each label one bar per series.
type Bars struct {
	ID         string // chart id (data-chart) and prefix of element ids
	Title      string // accessible title (<title>)
	Desc       string // accessible description
	Labels     []string
	Series     []Series
	Horizontal bool                 // labels on the left, bars to the right
	Width      int                  // viewBox width (default 720)
	Height     int                  // vertical charts: viewBox height (default 260)
	Unit       string               // tooltip unit, e.g. "customers"
	Format     func(float64) string // value text (default: integer with thousands separators)
	XTitle     string               // axis titles
	YTitle     string
	Values     bool // horizontal charts: print each value at the end of its bar
	// OneBar: horizontal charts where each label has a value in at most one
	// series (the series only colour the bars): one bar row per label, and
	// zero values are left out.
	OneBar bool
}

// Bucket is one point of a time series: a label and the dates it covers.
type Bucket struct {
	Label    string // axis and tooltip label ("Tue 17 Mar", "week of 16 Mar", "Mar 2026")
	From, To string // first and last day (YYYY-MM-DD), for data-from/data-to
}

// Line is a time series chart: the first series is drawn as a filled area
// with its outline, the others as lines.
type Line struct {
	ID      string
	Title   string
	Desc    string
	Buckets []Bucket
	Series  []Series
	Width   int // default 720
	Height  int // default 240
	Unit    string
	Format  func(float64) string
	YTitle  string
}

func esc(s string) string { return html.EscapeString(s) }

// num renders x compactly for attributes (no exponent for integers).
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// coord renders a coordinate with at most two decimals.
func coord(x float64) string {
	return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
}

// Thousands renders an integer value with thousands separators ("1,535").
func Thousands(x float64) string {
	neg := x < 0
	s := strconv.FormatInt(int64(math.Abs(math.Round(x))), 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// NiceStep returns a tick step of the form 1, 2 or 5 × 10^k giving at most
// about n ticks between 0 and max.
func NiceStep(max float64, n int) float64 {
	if max <= 0 || n <= 0 {
		return 1
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return math.Max(1, m*mag)
		}
	}
	return math.Max(1, 10*mag)
}

// scaleMax returns the axis maximum (a multiple of the tick step at or
// above the largest value) and the step.
func scaleMax(series []Series, ticks int) (float64, float64) {
	m := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				m = math.Max(m, v)
			}
		}
	}
	step := NiceStep(m, ticks)
	top := math.Ceil(m/step) * step
	if top <= 0 {
		top = step
	}
	return top, step
}

func (b *Bars) format(v float64) string {
	if b.Format != nil {
		return b.Format(v)
	}
	return Thousands(v)
}

func svgOpen(sb *strings.Builder, id, kind, title, desc string, w, h int) {
	fmt.Fprintf(sb, `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-%s" data-chart="%s" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-title %s-desc" preserveAspectRatio="xMidYMid meet">`,
		esc(kind), esc(id), w, h, esc(id), esc(id))
	fmt.Fprintf(sb, `<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
}

// legend draws the series names at (x, y).
func legend(sb *strings.Builder, series []Series, x, y float64) {
	for _, s := range series {
		fmt.Fprintf(sb, `<g class="legend"><rect x="%s" y="%s" width="12" height="12" rx="2" fill="%s"/><text x="%s" y="%s" class="legend-text">%s</text></g>`,
			coord(x), coord(y-10), esc(s.Color), coord(x+17), coord(y), esc(s.Name))
		x += 17 + 7.5*float64(len([]rune(s.Name))) + 22
	}
}

func (s *Series) jsonAttr(i int) string {
	if i < len(s.JSON) && s.JSON[i] != "" {
		return ` data-json="` + esc(s.JSON[i]) + `"`
	}
	return ""
}

// SVG renders the bar chart.
func (b *Bars) SVG() string {
	if b.Horizontal {
		return b.horizontal()
	}
	return b.vertical()
}

func (b *Bars) vertical() string {
	w, h := b.Width, b.Height
	if w == 0 {
		w = 720
	}
	if h == 0 {
		h = 260
	}
	const left, right, top, bottom = 56.0, 12.0, 34.0, 44.0
	pw, ph := float64(w)-left-right, float64(h)-top-bottom
	ymax, step := scaleMax(b.Series, 5)
	var sb strings.Builder
	svgOpen(&sb, b.ID, "bars", b.Title, b.Desc, w, h)
	legend(&sb, b.Series, left, 16)
	yGrid(&sb, left, top, pw, ph, ymax, step)
	n := len(b.Labels)
	if n > 0 {
		group := pw / float64(n)
		ns := float64(max(1, len(b.Series)))
		gap := math.Min(group*0.2, 16)
		bw := (group - gap) / ns
		// Label every k-th group so labels do not overlap (about 7 px per character).
		longest := 1
		for _, l := range b.Labels {
			longest = max(longest, len([]rune(l)))
		}
		every := max(1, int(math.Ceil(float64(longest)*7.5/group)))
		for i, l := range b.Labels {
			x0 := left + float64(i)*group + gap/2
			for si, s := range b.Series {
				if i >= len(s.Values) {
					continue
				}
				v := s.Values[i]
				if v <= 0 || math.IsNaN(v) {
					continue
				}
				bh := v / ymax * ph
				fmt.Fprintf(&sb, `<rect class="bar s-%s" data-series="%s" data-label="%s" data-value="%s"%s x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`,
					esc(s.Key), esc(s.Key), esc(l), num(v), s.jsonAttr(i), coord(x0+float64(si)*bw), coord(top+ph-bh), coord(math.Max(bw-1, 1)), coord(bh), esc(s.Color),
					esc(fmt.Sprintf("%s: %s %s, %s", b.XTitle+" "+l, b.format(v), b.Unit, s.Name)))
			}
			if i%every == 0 {
				fmt.Fprintf(&sb, `<text class="label" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(left+(float64(i)+0.5)*group), coord(top+ph+16), esc(l))
			}
		}
	}
	fmt.Fprintf(&sb, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left+pw), coord(top+ph), coord(top+ph))
	if b.XTitle != "" {
		fmt.Fprintf(&sb, `<text class="axis-title" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(left+pw/2), coord(float64(h)-6), esc(b.XTitle))
	}
	if b.YTitle != "" {
		fmt.Fprintf(&sb, `<text class="axis-title" x="%s" y="%s" text-anchor="end">%s</text>`, coord(float64(w)-right), coord(16), esc(b.YTitle))
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}

func (b *Bars) horizontal() string {
	w := b.Width
	if w == 0 {
		w = 720
	}
	longest := 1
	for _, l := range b.Labels {
		longest = max(longest, len([]rune(l)))
	}
	left := math.Max(64, math.Min(12+7.2*float64(longest), float64(w)*0.4))
	const right, top = 70.0, 30.0
	ns := max(1, len(b.Series))
	if b.OneBar {
		ns = 1
	}
	barH := 16.0
	groupH := float64(ns)*barH + 12
	h := int(top + groupH*float64(len(b.Labels)) + 26)
	pw := float64(w) - left - right
	xmax, step := scaleMax(b.Series, 4)
	var sb strings.Builder
	svgOpen(&sb, b.ID, "hbars", b.Title, b.Desc, w, h)
	legend(&sb, b.Series, left, 16)
	plotBottom := top + groupH*float64(len(b.Labels))
	for v := 0.0; v <= xmax+step/2; v += step {
		x := left + v/xmax*pw
		fmt.Fprintf(&sb, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(x), coord(x), coord(top), coord(plotBottom))
		fmt.Fprintf(&sb, `<text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(x), coord(plotBottom+16), esc(Thousands(v)))
	}
	for i, l := range b.Labels {
		y0 := top + float64(i)*groupH + 6
		fmt.Fprintf(&sb, `<text class="label" x="%s" y="%s" text-anchor="end">%s</text>`, coord(left-8), coord(y0+float64(ns)*barH/2+4), esc(l))
		for si, s := range b.Series {
			if i >= len(s.Values) {
				continue
			}
			v := s.Values[i]
			y := y0 + float64(si)*barH
			if b.OneBar {
				if v <= 0 || math.IsNaN(v) {
					continue
				}
				y = y0
			}
			if v > 0 && !math.IsNaN(v) {
				bw := v / xmax * pw
				fmt.Fprintf(&sb, `<rect class="bar s-%s" data-series="%s" data-label="%s" data-value="%s"%s x="%s" y="%s" width="%s" height="%s" fill="%s"><title>%s</title></rect>`,
					esc(s.Key), esc(s.Key), esc(l), num(v), s.jsonAttr(i), coord(left), coord(y), coord(math.Max(bw, 1)), coord(barH-2), esc(s.Color),
					esc(fmt.Sprintf("%s: %s %s, %s", l, b.format(v), b.Unit, s.Name)))
				if b.Values {
					fmt.Fprintf(&sb, `<text class="value" x="%s" y="%s">%s</text>`, coord(left+bw+4), coord(y+barH-5), esc(b.format(v)))
				}
			} else if b.Values {
				fmt.Fprintf(&sb, `<text class="value" x="%s" y="%s">%s</text>`, coord(left+4), coord(y+barH-5), esc(b.format(0)))
			}
		}
	}
	fmt.Fprintf(&sb, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left), coord(top), coord(plotBottom))
	sb.WriteString(`</svg>`)
	return sb.String()
}

func (l *Line) format(v float64) string {
	if l.Format != nil {
		return l.Format(v)
	}
	return Thousands(v)
}

// SVG renders the time series.
func (l *Line) SVG() string {
	w, h := l.Width, l.Height
	if w == 0 {
		w = 720
	}
	if h == 0 {
		h = 240
	}
	const left, right, top, bottom = 56.0, 12.0, 34.0, 30.0
	pw, ph := float64(w)-left-right, float64(h)-top-bottom
	ymax, step := scaleMax(l.Series, 5)
	var sb strings.Builder
	svgOpen(&sb, l.ID, "line", l.Title, l.Desc, w, h)
	legend(&sb, l.Series, left, 16)
	yGrid(&sb, left, top, pw, ph, ymax, step)
	n := len(l.Buckets)
	slot := pw / float64(max(n, 1))
	xOf := func(i int) float64 { return left + (float64(i)+0.5)*slot }
	yOf := func(v float64) float64 { return top + ph - v/ymax*ph }
	for si, s := range l.Series {
		if n == 0 {
			break
		}
		var d strings.Builder
		for i := 0; i < n; i++ {
			v := 0.0
			if i < len(s.Values) {
				v = s.Values[i]
			}
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s ", cmd, coord(xOf(i)), coord(yOf(v)))
		}
		line := strings.TrimSpace(d.String())
		if si == 0 {
			area := fmt.Sprintf("%s L%s %s L%s %s Z", line, coord(xOf(n-1)), coord(top+ph), coord(xOf(0)), coord(top+ph))
			fmt.Fprintf(&sb, `<path class="area s-%s" d="%s" fill="%s" fill-opacity="0.18" stroke="none"/>`, esc(s.Key), area, esc(s.Color))
		}
		fmt.Fprintf(&sb, `<path class="line s-%s" data-series="%s" data-points="%d" d="%s" fill="none" stroke="%s" stroke-width="2.2" stroke-linejoin="round"/>`,
			esc(s.Key), esc(s.Key), n, line, esc(s.Color))
		if n <= 62 {
			for i := 0; i < n; i++ {
				v := 0.0
				if i < len(s.Values) {
					v = s.Values[i]
				}
				fmt.Fprintf(&sb, `<circle class="dot s-%s" cx="%s" cy="%s" r="2.6" fill="%s"/>`, esc(s.Key), coord(xOf(i)), coord(yOf(v)), esc(s.Color))
			}
		}
	}
	// Hover targets: one per bucket with every series' value.
	longest := 1
	for _, b := range l.Buckets {
		longest = max(longest, len([]rune(b.Label)))
	}
	every := max(1, int(math.Ceil(float64(longest)*7.0/slot)))
	for i, b := range l.Buckets {
		var tip []string
		attrs := ""
		for _, s := range l.Series {
			v := 0.0
			if i < len(s.Values) {
				v = s.Values[i]
			}
			tip = append(tip, fmt.Sprintf("%s %s", s.Name, l.format(v)))
			attrs += fmt.Sprintf(` data-%s="%s"`, esc(strings.ReplaceAll(s.Key, "_", "-")), num(v))
		}
		fmt.Fprintf(&sb, `<rect class="hit" data-label="%s" data-from="%s" data-to="%s"%s x="%s" y="%s" width="%s" height="%s" fill="transparent"><title>%s</title></rect>`,
			esc(b.Label), esc(b.From), esc(b.To), attrs, coord(left+float64(i)*slot), coord(top), coord(slot), coord(ph),
			esc(fmt.Sprintf("%s: %s %s", b.Label, strings.Join(tip, ", "), l.Unit)))
		if i%every == 0 {
			fmt.Fprintf(&sb, `<text class="label" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(xOf(i)), coord(top+ph+16), esc(b.Label))
		}
	}
	fmt.Fprintf(&sb, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left+pw), coord(top+ph), coord(top+ph))
	if l.YTitle != "" {
		fmt.Fprintf(&sb, `<text class="axis-title" x="%s" y="%s" text-anchor="end">%s</text>`, coord(float64(w)-right), coord(16), esc(l.YTitle))
	}
	sb.WriteString(`</svg>`)
	return sb.String()
}

// yGrid draws the horizontal grid lines and y tick labels of a plot area
// of width pw and height ph at (left, top), every step up to ymax.
func yGrid(sb *strings.Builder, left, top, pw, ph, ymax, step float64) {
	for v := 0.0; v <= ymax+step/2; v += step {
		y := top + ph - v/ymax*ph
		fmt.Fprintf(sb, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left+pw), coord(y), coord(y))
		fmt.Fprintf(sb, `<text class="tick" x="%s" y="%s" text-anchor="end">%s</text>`, coord(left-6), coord(y+4), esc(Thousands(v)))
	}
}
