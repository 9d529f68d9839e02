package main

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

// layoutInfo is what the browser reports about the simulate page's layout.
type layoutInfo struct {
	Viewport, DocWidth float64
	MinLabel           float64  // smallest rendered chart label, CSS px
	MinLabelText       string   // that label
	Labels             int      // chart labels measured
	CutOff             []string // elements reaching past the viewport outside a scrolling box
}

// layoutJS measures the page: its width against the viewport, the rendered
// size of every chart label, and the elements that stick out of the
// viewport without a scrolling ancestor to reach them with.
const layoutJS = `(() => {
  const vw = document.documentElement.clientWidth;
  let min = Infinity, minText = "", labels = 0;
  for (const t of document.querySelectorAll("svg[data-chart] text")) {
    const m = t.getScreenCTM();
    if (!m || t.getBBox().width === 0) continue;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    labels++;
    if (px < min) { min = px; minText = t.textContent; }
  }
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if ((o === "auto" || o === "scroll") && p.scrollWidth > p.clientWidth) return true;
    }
    return false;
  };
  const cut = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || el.closest("details:not([open])")) continue;
    if (r.right > vw + 0.5 + window.scrollX && !scrolls(el)) cut.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? "." + el.className : "") + " right " + Math.round(r.right));
  }
  return {Viewport: vw, DocWidth: document.documentElement.scrollWidth, MinLabel: min, MinLabelText: minText, Labels: labels, CutOff: cut.slice(0, 10)};
})()`

// TestBrowserSimulateMobile opens the simulate report, the --compare page
// and the --sweep page at a phone's width (390 px, touch) and a desktop's
// (1280 px): each page is no wider than the screen, wide tables and charts
// scroll inside their own box, chart labels render at 11 px or more, and
// tapping the report's histogram shows its numbers. Screenshots:
// simulate-390.png, compare-1280.png, … (see screenshotDir).
func TestBrowserSimulateMobile(t *testing.T) {
	exe := findChromium(t)
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("-short: skipping the browser test")
	}
	dir := t.TempDir()
	shots := screenshotDir(t)
	pages := []struct {
		name      string
		args      []string
		minLabels int  // chart labels the page has at least
		tap       bool // it has the report's histogram to tap
	}{
		{"simulate", []string{"--contacts", simContacts}, 20, true},
		{"compare", []string{"--compare", simExampleDir + "/policy-keepalive.toml"}, 1, false},
		{"sweep", []string{"--sweep", "collapse=0,30m; min_gap=1h,3h; max_per_day=2,3"}, 1, false},
	}
	for i, pg := range pages {
		out := filepath.Join(dir, pg.name+".html")
		args := append([]string{"simulate", "--policy", simPolicy, "--templates", simTemplates, "--format", "html", "--out", out}, pg.args...)
		if _, errOut, code := runCLI(t, "", append(args, simEvents)...); code != 0 {
			t.Fatalf("%s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		pages[i].name = out
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 180*time.Second)
	defer cancel()

	for _, pg := range pages {
		for _, width := range []int64{390, 1280} {
			checkLayout(t, ctx, pg.name, width, pg.minLabels, pg.tap, shots)
		}
	}
}

// checkLayout opens page at width px (a phone below 600 px: touch, mobile
// viewport), checks its layout as TestBrowserSimulateMobile says, and saves
// a screenshot named after the page and the width.
func checkLayout(t *testing.T, ctx context.Context, page string, width int64, minLabels int, tap bool, shots string) {
	t.Helper()
	name := strings.TrimSuffix(filepath.Base(page), ".html")
	{
		mobile := width < 600
		tctx, cancelTab := chromedp.NewContext(ctx)
		w := &pageWatch{}
		if err := w.listen(tctx); err != nil {
			t.Fatal(err)
		}
		err := chromedp.Do(tctx,
			call(emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: 844, DeviceScaleFactor: 1, Mobile: mobile}),
			call(emulation.SetTouchEmulationEnabled, emulation.SetTouchEmulationEnabledParams{Enabled: mobile}),
			chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS("body > :last-child")))
		if err != nil {
			t.Fatalf("%s at %d px: %v", name, width, err)
		}
		l, err := chromedp.Run(tctx, chromedp.Evaluate[layoutInfo](layoutJS))
		if err != nil {
			t.Fatalf("%s at %d px: measuring: %v", name, width, err)
		}
		t.Logf("%s at %d px: %+v", name, width, l)
		if l.Viewport != float64(width) || l.DocWidth > l.Viewport {
			t.Errorf("%s at %d px: the page is %.0f px wide in a viewport of %.0f px", name, width, l.DocWidth, l.Viewport)
		}
		if len(l.CutOff) > 0 {
			t.Errorf("%s at %d px: cut off, with no box to scroll them in: %s", name, width, strings.Join(l.CutOff, "; "))
		}
		if l.Labels < minLabels || l.MinLabel < 11 {
			t.Errorf("%s at %d px: smallest chart label %.1f px (%q) of %d; want 11 px or more on at least %d", name, width, l.MinLabel, l.MinLabelText, l.Labels, minLabels)
		}
		if mobile && tap {
			tapChart(t, tctx)
		}
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(90))
		if err != nil {
			t.Fatalf("%s at %d px: screenshot: %v", name, width, err)
		}
		shot := filepath.Join(shots, fmt.Sprintf("%s-%d.png", name, width))
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", shot, len(png))
		w.check(t, fmt.Sprintf("%s at %d px", name, width))
		cancelTab()
	}
}

// call runs a DevTools command as an action.
func call[P, R any](c cdp.Command[P, R], params P) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, c, params)
		return err
	})
}

// tapChart taps a bar of the histogram with a touch event and checks that
// the page shows the bar's numbers (its tooltip text) on screen.
func tapChart(t *testing.T, ctx context.Context) {
	t.Helper()
	type target struct {
		X, Y  float64
		Title string
	}
	tg, err := chromedp.Run(ctx, chromedp.Evaluate[target](`(() => {
  const bar = [...document.querySelectorAll('svg[data-chart="histogram"] rect.bar')].find(b => b.getBBox().height > 2);
  bar.scrollIntoView({block: "center", inline: "center"});
  const r = bar.getBoundingClientRect();
  return {X: r.left + r.width / 2, Y: r.top + r.height / 2, Title: bar.querySelector("title").textContent};
})()`))
	if err != nil {
		t.Fatalf("finding a bar: %v", err)
	}
	pt := []*input.TouchPoint{{X: math.Round(tg.X), Y: math.Round(tg.Y)}}
	if err := chromedp.Do(ctx,
		call(input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: pt}),
		call(input.DispatchTouchEvent, input.DispatchTouchEventParams{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}}),
		chromedp.Sleep(300*time.Millisecond)); err != nil {
		t.Fatalf("tapping: %v", err)
	}
	type tip struct {
		Text    string
		Visible bool
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[tip](`(() => {
  const tip = document.querySelector(".chart-tip");
  if (!tip) return {Text: "", Visible: false};
  const r = tip.getBoundingClientRect();
  return {Text: tip.textContent, Visible: !tip.hidden && r.width > 0 && r.top >= 0 && r.bottom <= innerHeight};
})()`))
	if err != nil {
		t.Fatal(err)
	}
	if !got.Visible || got.Text != tg.Title || !strings.ContainsAny(got.Text, "0123456789") {
		t.Errorf("tapping a bar shows %+v, want its numbers %q on screen", got, tg.Title)
	}
}
