package main

// The browser test opens both HTML reports (notelint simulate --format html
// on examples/simulate, notelint check --format html on examples/) in
// headless Chromium and checks what a person would see: the charts are
// drawn with the bars the report calls for, the SMS bubbles render, no
// request leaves the page, the console stays free of errors, and the
// simulate report draws the same charts with JavaScript turned off.
//
// It needs Chromium: NOTELINT_CHROMIUM names the binary, else chromium,
// chromium-browser, google-chrome or headless-shell on PATH. Without one
// the test is skipped, except when CI=true: then it fails (CI installs
// Debian's chromium with .ci/install-chromium). Screenshots go to
// NOTELINT_SCREENSHOTS (a directory) when set, else to the test's
// temporary directory.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/simulate"
	"github.com/notelint/notelint/simulate/report"
)

// findChromium returns the browser to use, or skips (fails under CI).
func findChromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("NOTELINT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("CI=true but no Chromium found (chromium, chromium-browser, google-chrome, headless-shell or NOTELINT_CHROMIUM): install it with .ci/install-chromium")
	}
	t.Skip("no Chromium found (chromium, chromium-browser, google-chrome, headless-shell or NOTELINT_CHROMIUM): skipping the browser test; CI=true makes it mandatory")
	return ""
}

// pageWatch records what a page does that it must not: requests other
// than file: and data: URLs, console errors, uncaught exceptions and
// browser log errors.
type pageWatch struct {
	mu       sync.Mutex
	requests []string
	problems []string
}

func (w *pageWatch) listen(ctx context.Context) error {
	return chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			w.requests = append(w.requests, ev.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, fmt.Sprint(a.Value)+a.Description)
				}
				w.problems = append(w.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			what := d.Text
			if d.Exception != nil {
				what += " " + d.Exception.Description
			}
			w.problems = append(w.problems, fmt.Sprintf("exception: %s at %s:%d", what, d.URL, d.LineNumber+1))
		case *cdplog.EventEntryAdded:
			if ev.Entry.Level == cdplog.EntryLevelError {
				w.problems = append(w.problems, fmt.Sprintf("log %s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
}

func (w *pageWatch) check(t *testing.T, page string) {
	t.Helper()
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.requests) == 0 {
		t.Errorf("%s: no request seen at all (is the network domain watched?)", page)
	}
	for _, u := range w.requests {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("%s: request left the page: %s", page, u)
		}
	}
	for _, p := range w.problems {
		t.Errorf("%s: %s", page, p)
	}
}

func screenshotDir(t *testing.T) string {
	if d := os.Getenv("NOTELINT_SCREENSHOTS"); d != "" {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		return d
	}
	return t.TempDir()
}

// chartInfo is what the browser reports about one chart.
type chartInfo struct {
	Width, Height float64
	Bars          int       // rect.bar with a non-empty box
	Hits          int       // timeline buckets
	Lines         []float64 // rendered length of each line
}

const chartsJS = `(() => {
  const out = {};
  for (const s of document.querySelectorAll("svg[data-chart]")) {
    const r = s.getBoundingClientRect();
    const bars = [...s.querySelectorAll("rect.bar")].filter(b => { const bb = b.getBBox(); return bb.width > 0 && bb.height > 0; }).length;
    out[s.dataset.chart] = {Width: r.width, Height: r.height, Bars: bars,
      Hits: s.querySelectorAll("rect.hit").length,
      Lines: [...s.querySelectorAll("path.line")].map(p => p.getTotalLength())};
  }
  return out;
})()`

func TestBrowserReports(t *testing.T) {
	exe := findChromium(t)
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("-short: skipping the browser test")
	}
	dir := t.TempDir()
	shots := screenshotDir(t)

	// The simulate report of examples/simulate, and the figures it must show.
	simPage := filepath.Join(dir, "simulate.html")
	if _, errOut, code := runCLI(t, "", "simulate", "--policy", simPolicy, "--templates", simTemplates, "--contacts", simContacts, "--format", "html", "--out", simPage, simEvents); code != 0 {
		t.Fatalf("simulate --format html: exit %d: %s", code, errOut)
	}
	pol, err := simulate.LoadPolicy(simPolicy)
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := loadTemplateInfo(simTemplates)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := simulate.Run(simulate.Options{Inputs: []string{simEvents}, Contacts: []string{simContacts}, Policy: pol, Templates: tpl})
	if err != nil {
		t.Fatal(err)
	}
	wantBars := report.ChartBars(rep)

	// The check report of examples/, and its SMS templates.
	checkPage := filepath.Join(dir, "check.html")
	if _, errOut, code := runCLI(t, "", "check", "--format", "html:"+checkPage, "../../examples"); code > 1 {
		t.Fatalf("check --format html: exit %d: %s", code, errOut)
	}
	wantSMS := countSMSTemplates(t, "../../examples")

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true), // --headless
		chromedp.NoSandbox,              // --no-sandbox
		chromedp.DisableGPU,             // --disable-gpu
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1200, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil { // start the browser (no timeout on this context)
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 180*time.Second)
	defer cancel()

	// open loads page in a new tab (scripts off when noJS), runs extra,
	// reads the charts and takes a screenshot.
	open := func(page string, noJS bool, extra func(ctx context.Context) error) (map[string]chartInfo, *pageWatch) {
		t.Helper()
		tctx, cancelTab := chromedp.NewContext(ctx)
		defer cancelTab()
		w := &pageWatch{}
		if err := w.listen(tctx); err != nil {
			t.Fatal(err)
		}
		if noJS {
			err := chromedp.Do(tctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
				return err
			}))
			if err != nil {
				t.Fatal(err)
			}
		}
		if err := chromedp.Do(tctx, chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS("footer"))); err != nil {
			t.Fatalf("%s: %v", page, err)
		}
		charts, err := chromedp.Run(tctx, chromedp.Evaluate[map[string]chartInfo](chartsJS))
		if err != nil {
			t.Fatalf("%s: reading the charts: %v", page, err)
		}
		if extra != nil {
			if err := extra(tctx); err != nil {
				t.Fatalf("%s: %v", page, err)
			}
		}
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: screenshot: %v", page, err)
		}
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		if noJS {
			name += "-nojs"
		}
		shot := filepath.Join(shots, name+".png")
		if err := os.WriteFile(shot, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", shot, len(png))
		if len(png) < 10000 {
			t.Errorf("%s: screenshot of %d bytes: blank page?", page, len(png))
		}
		return charts, w
	}

	checkCharts := func(label string, charts map[string]chartInfo) {
		t.Helper()
		if len(charts) != len(wantBars) {
			t.Errorf("%s: charts %v, want %v", label, keys(charts), wantBars)
		}
		for id, n := range wantBars {
			c, ok := charts[id]
			if !ok {
				t.Errorf("%s: chart %s missing", label, id)
				continue
			}
			if c.Width < 300 || c.Height < 80 {
				t.Errorf("%s: chart %s drawn %.0fx%.0f", label, id, c.Width, c.Height)
			}
			if id == "timeline" {
				if c.Hits != n || len(c.Lines) != 2 || c.Lines[0] <= 0 || c.Lines[1] <= 0 {
					t.Errorf("%s: timeline %+v, want %d points and two lines", label, c, n)
				}
				continue
			}
			if c.Bars != n || n == 0 {
				t.Errorf("%s: chart %s: %d bars drawn, the report calls for %d", label, id, c.Bars, n)
			}
		}
	}

	var sorted string
	charts, w := open(simPage, false, func(ctx context.Context) (err error) {
		sorted, err = chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const th = document.querySelector("table.sortable th"); th.click(); return th.getAttribute("aria-sort"); })()`))
		return err
	})
	checkCharts("simulate", charts)
	w.check(t, "simulate")
	if sorted != "ascending" {
		t.Errorf("clicking a column head: aria-sort %q (the sort script did not run)", sorted)
	}

	var tabIndex int
	charts, w = open(simPage, true, func(ctx context.Context) (err error) {
		// The sort script makes column heads focusable; without JavaScript they stay as they are.
		tabIndex, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelector("table.sortable th").tabIndex`))
		return err
	})
	if tabIndex != -1 {
		t.Errorf("without JavaScript: the sort script ran (tabIndex %d)", tabIndex)
	}
	checkCharts("simulate without JavaScript", charts)
	w.check(t, "simulate without JavaScript")

	var bubbles bubbleInfo
	_, w = open(checkPage, false, func(ctx context.Context) (err error) {
		bubbles, err = chromedp.Run(ctx, chromedp.Evaluate[bubbleInfo](`(() => {
	  const bs = [...document.querySelectorAll(".sms-bubble")];
	  return {Bubbles: bs.length,
	    Drawn: bs.filter(b => { const r = b.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length,
	    Breaks: document.querySelectorAll(".sms-bubble .seg-break").length,
	    WantBreaks: bs.reduce((n, b) => n + Number(b.dataset.segments) - 1, 0),
	    SMSTemplates: document.querySelectorAll('.template[data-channel="sms"]').length};
	})()`))
		return err
	})
	w.check(t, "check")
	if bubbles.Bubbles != wantSMS || bubbles.Drawn != wantSMS || bubbles.SMSTemplates != wantSMS || bubbles.Breaks != bubbles.WantBreaks {
		t.Errorf("check page: %+v, want %d SMS templates drawn as bubbles", bubbles, wantSMS)
	}
}

// bubbleInfo is what the browser reports about the SMS bubbles of the check page.
type bubbleInfo struct {
	Bubbles, Drawn, Breaks, WantBreaks, SMSTemplates int
}

func keys(m map[string]chartInfo) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// countSMSTemplates loads the templates under dir as check does and
// counts the SMS ones.
func countSMSTemplates(t *testing.T, dir string) int {
	t.Helper()
	cfg, _, err := loadConfig("", []string{dir})
	if err != nil {
		t.Fatal(err)
	}
	files, err := load.Discover([]string{dir}, &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		ts, err := load.LoadFile(f, &cfg.Config)
		if err != nil {
			continue
		}
		for _, tp := range ts {
			if tp.Channel == "sms" {
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no SMS template under " + dir)
	}
	return n
}
