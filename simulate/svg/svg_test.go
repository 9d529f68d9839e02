package svg

import (
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// element is a parsed SVG element with its attributes.
type element struct {
	name  string
	attrs map[string]string
	text  string // <title> and <text> content
}

// parse checks that s is well-formed XML and returns its elements.
func parse(t *testing.T, s string) []element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var out []element
	var stack []int
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			e := element{name: tk.Name.Local, attrs: map[string]string{}}
			for _, a := range tk.Attr {
				e.attrs[a.Name.Local] = a.Value
			}
			out = append(out, e)
			stack = append(stack, len(out)-1)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if n := len(stack); n > 0 {
				out[stack[n-1]].text += string(tk)
				if out[stack[n-1]].name == "title" && n > 1 {
					out[stack[n-2]].text += string(tk) // a tooltip belongs to its shape
				}
			}
		}
	}
	return out
}

func attrNum(t *testing.T, e element, k string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(e.attrs[k], 64)
	if err != nil {
		t.Fatalf("%s %s=%q: %v", e.name, k, e.attrs[k], err)
	}
	return v
}

func bars(es []element) []element {
	var out []element
	for _, e := range es {
		if e.name == "rect" && strings.HasPrefix(e.attrs["class"], "bar") {
			out = append(out, e)
		}
	}
	return out
}

func TestVerticalBars(t *testing.T) {
	b := Bars{ID: "h", Title: "T <&>", Labels: []string{"0", "1", "2", "3"}, Unit: "customers", XTitle: "messages",
		Series: []Series{{Key: "as_is", Name: "as-is", Color: Vermillion, Values: []float64{0, 10, 40, 5}},
			{Key: "policy", Name: "policy", Color: Blue, Values: []float64{2, 20, 0, 5}}}}
	es := parse(t, b.SVG())
	if es[0].name != "svg" || es[0].attrs["data-chart"] != "h" || es[0].attrs["role"] != "img" || es[1].name != "title" || es[1].text != "T <&>" {
		t.Fatalf("head: %+v %+v", es[0], es[1])
	}
	bs := bars(es)
	if len(bs) != 6 { // zeros draw nothing
		t.Fatalf("%d bars", len(bs))
	}
	// Heights are proportional to values, bars stand on the same baseline.
	var base float64
	var unit float64
	for i, r := range bs {
		v := attrNum(t, r, "data-value")
		h := attrNum(t, r, "height")
		y := attrNum(t, r, "y")
		if i == 0 {
			base, unit = y+h, h/v
		}
		if math.Abs(y+h-base) > 0.02 || math.Abs(h-v*unit) > 0.05 {
			t.Errorf("bar %d: value %v height %v y %v (base %v)", i, v, h, y, base)
		}
		if !strings.Contains(r.text, r.attrs["data-label"]) || !strings.Contains(r.text, "customers") {
			t.Errorf("tooltip %q", r.text)
		}
	}
	// Series order within a group: as-is left of policy.
	if bs[1].attrs["data-series"] != "as_is" || bs[2].attrs["data-series"] != "policy" || attrNum(t, bs[1], "x") >= attrNum(t, bs[2], "x") {
		t.Errorf("group order: %+v %+v", bs[1].attrs, bs[2].attrs)
	}
	// The axis reaches a nice number at or above the largest value (40 -> 40).
	var ticks []string
	for _, e := range es {
		if e.name == "text" && e.attrs["class"] == "tick" {
			ticks = append(ticks, e.text)
		}
	}
	if strings.Join(ticks, ",") != "0,10,20,30,40" {
		t.Errorf("ticks %v", ticks)
	}
}

func TestHorizontalBars(t *testing.T) {
	b := Bars{ID: "t", Horizontal: true, Values: true, Labels: []string{"delivery-shipped", "x"},
		Series: []Series{{Key: "a", Name: "a", Color: Vermillion, Values: []float64{1535, 0}, JSON: []string{"templates[0].as_is", "templates[1].as_is"}}}}
	es := parse(t, b.SVG())
	bs := bars(es)
	if len(bs) != 1 || bs[0].attrs["data-json"] != "templates[0].as_is" || bs[0].attrs["data-value"] != "1535" {
		t.Fatalf("bars %+v", bs)
	}
	var values []string
	for _, e := range es {
		if e.name == "text" && e.attrs["class"] == "value" {
			values = append(values, e.text)
		}
	}
	if strings.Join(values, "|") != "1,535|0" {
		t.Errorf("value labels %v", values)
	}
	vb := strings.Fields(es[0].attrs["viewBox"])
	if h, _ := strconv.Atoi(vb[3]); h < 80 {
		t.Errorf("viewBox %v", vb)
	}
}

func TestLine(t *testing.T) {
	l := Line{ID: "tl", Buckets: []Bucket{{"Mon", "2026-03-02", "2026-03-02"}, {"Tue", "2026-03-03", "2026-03-03"}, {"Wed", "2026-03-04", "2026-03-04"}},
		Series: []Series{{Key: "as_is", Name: "as-is", Color: Vermillion, Values: []float64{3, 0, 9}}, {Key: "policy", Name: "p", Color: Blue, Values: []float64{1, 1, 2}}}}
	es := parse(t, l.SVG())
	var lines, areas, hits int
	for _, e := range es {
		switch {
		case e.name == "path" && strings.HasPrefix(e.attrs["class"], "line"):
			lines++
			if e.attrs["data-points"] != "3" || strings.Count(e.attrs["d"], "M")+strings.Count(e.attrs["d"], "L") != 3 {
				t.Errorf("line %+v", e.attrs)
			}
		case e.name == "path" && strings.HasPrefix(e.attrs["class"], "area"):
			areas++
		case e.name == "rect" && e.attrs["class"] == "hit":
			hits++
			if hits == 3 && (e.attrs["data-as-is"] != "9" || e.attrs["data-policy"] != "2" || e.attrs["data-from"] != "2026-03-04" || !strings.Contains(e.text, "Wed: as-is 9, p 2")) {
				t.Errorf("hit %+v %q", e.attrs, e.text)
			}
		}
	}
	if lines != 2 || areas != 1 || hits != 3 {
		t.Errorf("lines %d areas %d hits %d", lines, areas, hits)
	}
}

func TestEmptyAndZero(t *testing.T) {
	for _, s := range []string{
		(&Bars{ID: "a"}).SVG(),
		(&Bars{ID: "b", Labels: []string{"x"}, Series: []Series{{Key: "k", Values: []float64{0}}}}).SVG(),
		(&Bars{ID: "c", Horizontal: true}).SVG(),
		(&Line{ID: "d"}).SVG(),
		(&Line{ID: "e", Buckets: []Bucket{{Label: "x"}}, Series: []Series{{Key: "k", Values: []float64{0}}}}).SVG(),
	} {
		es := parse(t, s)
		if len(bars(es)) != 0 || strings.Contains(s, "NaN") || strings.Contains(s, "Inf") {
			t.Errorf("empty chart: %s", s)
		}
	}
}

func TestNiceStep(t *testing.T) {
	for _, c := range []struct {
		max  float64
		n    int
		want float64
	}{{40, 5, 10}, {459, 4, 200}, {1535, 4, 500}, {7, 5, 2}, {3, 5, 1}, {0, 5, 1}, {957, 5, 200}, {100000, 5, 20000}} {
		if got := NiceStep(c.max, c.n); got != c.want {
			t.Errorf("NiceStep(%v, %d) = %v, want %v", c.max, c.n, got, c.want)
		}
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[float64]string{0: "0", 999: "999", 1000: "1,000", 1535: "1,535", 1234567: "1,234,567", -367: "−367"} {
		if got := Thousands(in); got != want {
			t.Errorf("Thousands(%v) = %q, want %q", in, got, want)
		}
	}
}

// TestPaletteContrast: the two stream colours keep at least 3:1 against
// white (WCAG non-text contrast).
func TestPaletteContrast(t *testing.T) {
	lum := func(hex string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	for _, c := range []string{Vermillion, Blue} {
		if r := 1.05 / (lum(c) + 0.05); r < 3 {
			t.Errorf("%s: contrast %.2f", c, r)
		}
	}
}
