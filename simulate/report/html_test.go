package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/notelint/notelint/simulate"
)

// exampleOptions replays examples/simulate with its templates' channels
// and segments (as --templates examples/simulate/templates links them).
func exampleOptions(t testing.TB) simulate.Options {
	t.Helper()
	p, err := simulate.LoadPolicy("../../examples/simulate/policy.toml")
	if err != nil {
		t.Fatal(err)
	}
	return simulate.Options{Inputs: []string{"../../examples/simulate/events.csv"}, Contacts: []string{"../../examples/simulate/contacts.csv"}, Policy: p, Templates: map[string]simulate.TemplateInfo{
		"delivery-shipped": {ID: "delivery-shipped", Channel: "sms", Segments: 1},
		"delivery-delayed": {ID: "delivery-delayed", Channel: "sms", Segments: 2},
		"delivery-today":   {ID: "delivery-today", Channel: "sms", Segments: 1},
		"delivery-closed":  {ID: "delivery-closed", Channel: "sms", Segments: 1},
	}}
}

func exampleReport(t testing.TB) *simulate.Report {
	t.Helper()
	r, err := simulate.Run(exampleOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// renderBoth renders r as JSON (decoded generically) and as HTML (parsed).
func renderBoth(t *testing.T, r *simulate.Report) (any, *goquery.Document, string) {
	t.Helper()
	var jb, hb bytes.Buffer
	if err := Write(&jb, r, "json"); err != nil {
		t.Fatal(err)
	}
	if err := Write(&hb, r, "html"); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&jb)
	dec.UseNumber()
	var j any
	if err := dec.Decode(&j); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(hb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return j, doc, hb.String()
}

var pathSeg = regexp.MustCompile(`^([a-z_0-9]+)((?:\[\d+\])*)$`)

// jsonAt resolves a path like "flags[1].as_is.examples[0].times[2]".
func jsonAt(j any, path string) (any, error) {
	cur := j
	for _, part := range strings.Split(path, ".") {
		m := pathSeg.FindStringSubmatch(part)
		if m == nil {
			return nil, fmt.Errorf("bad path segment %q", part)
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %q is not in an object", path, m[1])
		}
		if cur, ok = obj[m[1]]; !ok {
			return nil, fmt.Errorf("%s: no key %q", path, m[1])
		}
		for _, ix := range regexp.MustCompile(`\d+`).FindAllString(m[2], -1) {
			i, _ := strconv.Atoi(ix)
			arr, ok := cur.([]any)
			if !ok || i >= len(arr) {
				return nil, fmt.Errorf("%s: index %d out of range", path, i)
			}
			cur = arr[i]
		}
	}
	return cur, nil
}

func jsonNum(t *testing.T, j any, path string) float64 {
	t.Helper()
	v, err := jsonAt(j, path)
	if err != nil {
		t.Fatal(err)
	}
	n, ok := v.(json.Number)
	if !ok {
		t.Fatalf("%s is %T, not a number", path, v)
	}
	f, err := n.Float64()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// Independent formatting, as a reader of the page expects it.
var durPart = regexp.MustCompile(`(\d+)([dhms])`)

func wantDuration(s string) string {
	names := map[string]string{"d": "day", "h": "hour", "m": "minute", "s": "second"}
	var out []string
	for _, m := range durPart.FindAllStringSubmatch(s, -1) {
		w := names[m[2]]
		if m[1] != "1" {
			w += "s"
		}
		out = append(out, m[1]+" "+w)
	}
	return strings.Join(out, " ")
}

func wantInt(x float64) string {
	s := strconv.FormatInt(int64(math.Abs(x)), 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if x < 0 {
		s = "−" + s
	}
	return s
}

func wantDec(x float64, d int) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', d, 64), "-", "−", 1)
}

// TestHTMLNumbersMatchJSON renders the example report as JSON and HTML and
// checks every figure in the page: each marked field against the JSON
// value at its path, each computed figure against its recomputation from
// the JSON, the chart bars and timeline points against the JSON, and that
// no other text of the page (outside the customers' timelines, which the
// JSON does not carry) contains a digit.
func TestHTMLNumbersMatchJSON(t *testing.T) {
	r := exampleReport(t)
	j, doc, _ := renderBoth(t, r)
	checked := 0
	doc.Find("[data-json]").Each(func(_ int, s *goquery.Selection) {
		if s.Closest("[data-trail]").Length() > 0 {
			return
		}
		path, _ := s.Attr("data-json")
		jv, err := jsonAt(j, path)
		if err != nil {
			t.Error(err)
			return
		}
		text := s.Text()
		checked++
		switch jv := jv.(type) {
		case json.Number:
			if s.Is("rect") { // a chart bar
				if v, _ := s.Attr("data-value"); v != jv.String() {
					t.Errorf("bar %s = %s, JSON %s", path, v, jv)
				}
				return
			}
			want, _ := jv.Float64()
			val, _ := s.Attr("value")
			got, err := strconv.ParseFloat(val, 64)
			if err != nil || got != want {
				t.Errorf("%s: value %q, JSON %s", path, val, jv)
			}
			disp := wantInt(want)
			if d, ok := s.Attr("data-decimals"); ok {
				n, _ := strconv.Atoi(d)
				disp = wantDec(want, n)
			}
			if text != disp {
				t.Errorf("%s: shows %q, want %q (JSON %s)", path, text, disp, jv)
			}
		case string:
			switch f, _ := s.Attr("data-fmt"); f {
			case "duration":
				if s.AttrOr("data-value", "") != jv || text != wantDuration(jv) {
					t.Errorf("%s: %q (data-value %q), JSON %q", path, text, s.AttrOr("data-value", ""), jv)
				}
			case "day":
				tm, err := time.Parse(time.DateOnly, jv)
				if err != nil || s.AttrOr("datetime", "") != jv || text != tm.Format("Monday 2 January 2006") {
					t.Errorf("%s: %q, JSON %q", path, text, jv)
				}
			case "date", "datetime":
				dt, _ := s.Attr("datetime")
				tm, err := time.Parse(time.RFC3339Nano, jv)
				layout := "2 Jan 2006"
				if f == "datetime" {
					layout = "Mon 2 Jan 15:04"
				}
				if err != nil || dt != jv || text != tm.Format(layout) {
					t.Errorf("%s: %q (datetime %q), JSON %q", path, text, dt, jv)
				}
			default:
				if text != jv {
					t.Errorf("%s: shows %q, JSON %q", path, text, jv)
				}
			}
		default:
			t.Errorf("%s: JSON value %T", path, jv)
		}
	})
	doc.Find("[data-op]").Each(func(_ int, s *goquery.Selection) {
		if s.Closest("[data-trail]").Length() > 0 {
			return
		}
		op, _ := s.Attr("data-op")
		args := strings.Fields(s.AttrOr("data-args", ""))
		val, _ := strconv.ParseFloat(s.AttrOr("value", ""), 64)
		text := s.Text()
		checked++
		var want float64
		var disp string
		switch op {
		case "pct":
			a, b := jsonNum(t, j, args[0]), jsonNum(t, j, args[1])
			want = math.Round((b-a)/a*1000) / 10
			sign := ""
			if want > 0 {
				sign = "+"
			} else if want == 0 {
				sign = "±"
			}
			disp = sign + wantDec(want, 1) + " %"
		case "diff":
			want = jsonNum(t, j, args[0]) - jsonNum(t, j, args[1])
			disp = wantInt(want)
			if s.AttrOr("data-decimals", "") == "2" {
				want = math.Round(want*100) / 100
				disp = wantDec(want, 2)
			}
		case "hist":
			lo, _ := strconv.Atoi(args[1])
			hi, _ := strconv.Atoi(args[2])
			bins, _ := jsonAt(j, args[0]+".histogram")
			for _, b := range bins.([]any) {
				m := b.(map[string]any)
				n, _ := m["messages"].(json.Number).Int64()
				c, _ := m["customers"].(json.Number).Float64()
				if int(n) >= lo && int(n) <= hi {
					want += c
				}
			}
			disp = wantInt(want)
		default:
			t.Errorf("unknown data-op %q", op)
			return
		}
		if math.Abs(val-want) > 1e-9 || text != disp {
			t.Errorf("%s %v: value %v shows %q, want %v %q", op, args, val, text, want, disp)
		}
	})
	if checked < 150 {
		t.Errorf("only %d figures checked", checked)
	}

	// No digit outside the marked figures.
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "svg", "head":
				return
			}
			for _, a := range n.Attr {
				switch a.Key {
				case "data-json", "data-op", "data-trail", "data-static":
					return
				}
			}
		}
		if n.Type == html.TextNode && strings.ContainsAny(n.Data, "0123456789") {
			t.Errorf("unmarked figure in the page: %q (in <%s>)", strings.TrimSpace(n.Data), n.Parent.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}

	// Histogram bars: each label's bar equals the JSON bins it covers.
	doc.Find(`svg[data-chart="histogram"] rect.bar`).Each(func(_ int, s *goquery.Selection) {
		label, series := s.AttrOr("data-label", ""), s.AttrOr("data-series", "")
		lo, hi := 0, 0
		switch {
		case strings.HasSuffix(label, "+"):
			lo, _ = strconv.Atoi(strings.TrimSuffix(label, "+"))
			hi = math.MaxInt32
		case strings.Contains(label, "-"):
			a, b, _ := strings.Cut(label, "-")
			lo, _ = strconv.Atoi(a)
			hi, _ = strconv.Atoi(b)
		default:
			lo, _ = strconv.Atoi(label)
			hi = lo
		}
		var want float64
		bins, _ := jsonAt(j, series+".histogram")
		for _, b := range bins.([]any) {
			m := b.(map[string]any)
			n, _ := m["messages"].(json.Number).Int64()
			c, _ := m["customers"].(json.Number).Float64()
			if int(n) >= lo && int(n) <= hi {
				want += c
			}
		}
		if v, _ := strconv.ParseFloat(s.AttrOr("data-value", ""), 64); v != want {
			t.Errorf("histogram bar %s %s = %v, JSON %v", series, label, v, want)
		}
	})
	// Timeline points: each bucket is the sum of the JSON days it covers.
	daily, _ := jsonAt(j, "daily")
	var sumA, sumP float64
	doc.Find(`svg[data-chart="timeline"] rect.hit`).Each(func(_ int, s *goquery.Selection) {
		from, to := s.AttrOr("data-from", ""), s.AttrOr("data-to", "")
		var a, p float64
		for _, d := range daily.([]any) {
			m := d.(map[string]any)
			if date := m["date"].(string); date >= from && date <= to {
				x, _ := m["as_is"].(json.Number).Float64()
				y, _ := m["policy"].(json.Number).Float64()
				a, p = a+x, p+y
			}
		}
		ga, _ := strconv.ParseFloat(s.AttrOr("data-as-is", ""), 64)
		gp, _ := strconv.ParseFloat(s.AttrOr("data-policy", ""), 64)
		if ga != a || gp != p {
			t.Errorf("timeline %s..%s: %v/%v, JSON %v/%v", from, to, ga, gp, a, p)
		}
		sumA, sumP = sumA+a, sumP+p
	})
	if sumA != jsonNum(t, j, "as_is.messages") || sumP != jsonNum(t, j, "policy.messages") {
		t.Errorf("timeline totals %v/%v", sumA, sumP)
	}
	// Bars per chart as ChartBars computes them from the report.
	for chart, n := range ChartBars(r) {
		sel := fmt.Sprintf(`svg[data-chart=%q] rect.bar`, chart)
		if chart == "timeline" {
			sel = `svg[data-chart="timeline"] rect.hit`
		}
		if got := doc.Find(sel).Length(); got != n {
			t.Errorf("chart %s: %d bars drawn, ChartBars %d", chart, got, n)
		}
	}
}

// TestHTMLSelfContained: no resource outside the page, no script but the
// inline table sorter, the examples open without script.
func TestHTMLSelfContained(t *testing.T) {
	r := exampleReport(t)
	_, doc, page := renderBoth(t, r)
	for _, bad := range []string{"src=", "@import", "url(", "<link", "<iframe", "<img", "<object", "<embed", "//fonts.", "https:"} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	if n := strings.Count(page, "http:"); n != strings.Count(page, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Errorf("%d http: references besides the SVG namespace", n)
	}
	doc.Find("a[href]").Each(func(_ int, s *goquery.Selection) {
		href := s.AttrOr("href", "")
		if !strings.HasPrefix(href, "#") || doc.Find("#"+strings.TrimPrefix(href, "#")).Length() != 1 {
			t.Errorf("link %q does not point into the page", href)
		}
	})
	if n := doc.Find("script").Length(); n != 1 {
		t.Errorf("%d scripts", n)
	}
	// Every flag example of the report has its timeline inside a <details>.
	var examples int
	for _, f := range r.Flags {
		examples += len(f.AsIs.Examples) + len(f.Policy.Examples)
	}
	examples += len(r.SourceFlapping.Examples)
	if got := doc.Find("ul.examples details .trail").Length(); got != examples {
		t.Errorf("%d example timelines, want %d", got, examples)
	}
	if got := doc.Find(`details[id^="trail-top-"] .trail`).Length(); got != len(r.TopCustomers) {
		t.Errorf("%d noisiest-customer timelines, want %d", got, len(r.TopCustomers))
	}
	lead := strings.Join(strings.Fields(doc.Find(".summary .big").Text()), " ")
	if want := "The policy sends 1,168 messages instead of 1,535 (−23.9 %, 367 fewer) to 300 customers."; lead != want {
		t.Errorf("lead sentence %q, want %q", lead, want)
	}
}

// TestHTMLWithoutTemplates: a report without linked templates, without
// trails, with a flag off, still renders (and states what is missing).
func TestHTMLWithoutTemplates(t *testing.T) {
	r := fixtureReport(t)
	r.Settings.Flags.SilentGapAfter = ""
	r.SMS = nil
	r.Trails, r.TrailsMissing = nil, "the input was too long"
	var b bytes.Buffer
	if err := Write(&b, r, "html"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"No templates were linked", "<svg", "The policy sends", "the input was too long."} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestDailyBuckets(t *testing.T) {
	days := []simulate.DayCount{{Date: "2026-01-01", AsIs: 1, Policy: 1}, {Date: "2026-01-03", AsIs: 2}}
	bs, unit := dailyBuckets(days)
	if unit != "day" || len(bs) != 3 || bs[1].asIs != 0 || bs[2].asIs != 2 || bs[2].label != "Sat 3 Jan" {
		t.Errorf("days: %s %+v", unit, bs)
	}
	days = append(days, simulate.DayCount{Date: "2026-06-30", AsIs: 5, Policy: 4}) // 181 days: weeks from Monday 29 Dec
	bs, unit = dailyBuckets(days)
	if unit != "week" || bs[0].from != "2025-12-29" || bs[0].to != "2026-01-04" || bs[0].asIs != 3 || bs[len(bs)-1].asIs != 5 {
		t.Errorf("weeks: %s %+v", unit, bs[0])
	}
	days = append(days, simulate.DayCount{Date: "2028-02-29", AsIs: 7, Policy: 7})
	bs, unit = dailyBuckets(days)
	if unit != "month" || bs[0].label != "Jan 2026" || bs[len(bs)-1].to != "2028-02-29" || bs[len(bs)-1].asIs != 7 {
		t.Errorf("months: %s %+v %+v", unit, bs[0], bs[len(bs)-1])
	}
	if bs, _ := dailyBuckets(nil); len(bs) != 0 {
		t.Error("no days")
	}
}
