package svg

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// ScatterPoint is one point of a scatter chart.
type ScatterPoint struct {
	X, Y     float64
	Label    string // tooltip
	Frontier bool   // drawn filled and joined to the other frontier points
	Current  bool   // the reference point (drawn as a vermillion diamond)
	Chosen   bool   // ringed
	Index    int    // data-index
}

// Scatter is a scatter chart of points with a highlighted frontier.
type Scatter struct {
	ID, Title, Desc string
	Points          []ScatterPoint
	XTitle, YTitle  string
	XFormat         func(float64) string // default: two decimals
	Width, Height   int                  // default 720 × 380
	Standalone      bool                 // an image file: carries its own style and background
}

// standaloneStyle styles a chart outside the report page.
const standaloneStyle = `<style>text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#333}.grid{stroke:#e3e6ea}.axis{stroke:#6b6b6b}.axis-title{fill:#4d4d4d}</style>`

// axisRange returns a nice [lo, hi] around the values with its step.
func axisRange(vs []float64, ticks int, fromZero bool) (lo, hi, step float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, v := range vs {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	maxV := hi
	if len(vs) == 0 {
		lo, hi = 0, 1
	}
	if fromZero {
		lo = math.Min(lo, 0)
	}
	span := hi - lo
	if span <= 0 {
		span = math.Max(math.Abs(hi), 1)
	}
	raw := span / float64(ticks)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	lo = math.Floor(lo/step) * step
	hi = math.Ceil(hi/step) * step
	if hi <= lo || hi-maxV < step/10 {
		hi += step // room above the highest point
	}
	return lo, hi, step
}

// SVG renders the chart.
func (s *Scatter) SVG() string {
	w, h := s.Width, s.Height
	if w == 0 {
		w = 720
	}
	if h == 0 {
		h = 380
	}
	xf := s.XFormat
	if xf == nil {
		xf = func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	}
	const left, right, top, bottom = 64.0, 16.0, 40.0, 48.0
	pw, ph := float64(w)-left-right, float64(h)-top-bottom
	xs := make([]float64, len(s.Points))
	ys := make([]float64, len(s.Points))
	for i, p := range s.Points {
		xs[i], ys[i] = p.X, p.Y
	}
	x0, x1, xstep := axisRange(xs, 6, false)
	y0, y1, ystep := axisRange(ys, 5, true)
	px := func(v float64) float64 { return left + (v-x0)/(x1-x0)*pw }
	py := func(v float64) float64 { return top + ph - (v-y0)/(y1-y0)*ph }
	var sb strings.Builder
	svgOpen(&sb, s.ID, "scatter", s.Title, s.Desc, w, h)
	if s.Standalone {
		fmt.Fprintf(&sb, `%s<rect width="%d" height="%d" fill="#fff"/>`, standaloneStyle, w, h)
	}
	// Legend.
	fmt.Fprintf(&sb, `<g class="legend"><circle cx="%s" cy="14" r="5" fill="%s"/><text class="legend-text" x="%s" y="18">on the frontier</text>`, coord(left+5), Blue, coord(left+15))
	fmt.Fprintf(&sb, `<circle cx="%s" cy="14" r="5" fill="#fff" stroke="#767676" stroke-width="1.5"/><text class="legend-text" x="%s" y="18">dominated</text>`, coord(left+140), coord(left+150))
	fmt.Fprintf(&sb, `<path d="M%s 8 l6 6 l-6 6 l-6 -6 z" fill="%s"/><text class="legend-text" x="%s" y="18">current policy</text>`, coord(left+250), Vermillion, coord(left+262))
	fmt.Fprintf(&sb, `<circle cx="%s" cy="14" r="8" fill="none" stroke="#000" stroke-width="1.5"/><text class="legend-text" x="%s" y="18">chosen</text></g>`, coord(left+380), coord(left+393))
	for v := y0; v <= y1+ystep/2; v += ystep {
		y := py(v)
		fmt.Fprintf(&sb, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="tick" x="%s" y="%s" text-anchor="end">%s</text>`,
			coord(left), coord(left+pw), coord(y), coord(y), coord(left-6), coord(y+4), esc(Thousands(v)))
	}
	for v := x0; v <= x1+xstep/2; v += xstep {
		x := px(v)
		fmt.Fprintf(&sb, `<line class="grid" x1="%s" x2="%s" y1="%s" y2="%s"/><text class="tick" x="%s" y="%s" text-anchor="middle">%s</text>`,
			coord(x), coord(x), coord(top), coord(top+ph), coord(x), coord(top+ph+16), esc(xf(v)))
	}
	fmt.Fprintf(&sb, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left+pw), coord(top+ph), coord(top+ph))
	fmt.Fprintf(&sb, `<line class="axis" x1="%s" x2="%s" y1="%s" y2="%s"/>`, coord(left), coord(left), coord(top), coord(top+ph))
	// The frontier in this projection: its points joined in x order.
	var fr []ScatterPoint
	for _, p := range s.Points {
		if p.Frontier {
			fr = append(fr, p)
		}
	}
	sort.SliceStable(fr, func(i, j int) bool { return fr[i].X < fr[j].X || fr[i].X == fr[j].X && fr[i].Y < fr[j].Y })
	if len(fr) > 1 {
		var d strings.Builder
		for i, p := range fr {
			cmd := "L"
			if i == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s ", cmd, coord(px(p.X)), coord(py(p.Y)))
		}
		fmt.Fprintf(&sb, `<path class="frontier" d="%s" fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="4 3"/>`, strings.TrimSpace(d.String()), Blue)
	}
	// Dominated points first, then the frontier, then the current policy on top.
	for pass := 0; pass < 3; pass++ {
		for _, p := range s.Points {
			x, y := coord(px(p.X)), coord(py(p.Y))
			tip := fmt.Sprintf("%s: %s %s, %s %s", p.Label, xf(p.X), s.XTitle, Thousands(p.Y), s.YTitle)
			attrs := fmt.Sprintf(`data-index="%d" data-x="%s" data-y="%s"`, p.Index, num(p.X), num(p.Y))
			switch {
			case pass == 0 && !p.Frontier && !p.Current:
				fmt.Fprintf(&sb, `<circle class="point dominated" %s cx="%s" cy="%s" r="5" fill="#fff" stroke="#767676" stroke-width="1.5"><title>%s</title></circle>`, attrs, x, y, esc(tip))
			case pass == 1 && p.Frontier && !p.Current:
				fmt.Fprintf(&sb, `<circle class="point frontier" %s cx="%s" cy="%s" r="5" fill="%s"><title>%s</title></circle>`, attrs, x, y, Blue, esc(tip))
			case pass == 2 && p.Current:
				fmt.Fprintf(&sb, `<path class="point current" %s d="M%s %s m0 -8 l8 8 l-8 8 l-8 -8 z" fill="%s"><title>%s</title></path>`, attrs, x, y, Vermillion, esc("current policy, "+tip))
			}
			if pass == 2 && p.Chosen {
				fmt.Fprintf(&sb, `<circle class="chosen" cx="%s" cy="%s" r="9" fill="none" stroke="#000" stroke-width="1.5"/>`, x, y)
			}
		}
	}
	fmt.Fprintf(&sb, `<text class="axis-title" x="%s" y="%s" text-anchor="middle">%s</text>`, coord(left+pw/2), coord(float64(h)-8), esc(s.XTitle))
	fmt.Fprintf(&sb, `<text class="axis-title" x="%s" y="%s" text-anchor="start">%s</text>`, coord(left), coord(top-8), esc(s.YTitle))
	sb.WriteString(`</svg>`)
	return sb.String()
}
