package main

// The serve browser test opens `notelint serve` on a small template tree
// in headless Chromium, as an author would: it opens an SMS, types into
// the editor, and checks that the phone preview follows (segment count, a
// highlighted UCS-2 character), that a finding appears and goes again
// when its fix is applied, and that Save writes the file; then that the
// editor follows a file changed on disk, that Save refuses one changed
// under unsaved edits and shows the difference, and that a new
// message can be started, its kind changed and saved. It takes
// screenshots at 390 px and 1280 px. Like TestBrowserReports it needs
// Chromium (skipped without one, failing under CI=true).

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/notelint/notelint/cmd/notelint/internal/serve"
	"github.com/notelint/notelint/lint"
)

const serveTestSMS = `+++
kind = "delay"
[vars]
eta = { sample = "14:00-16:00", max = 11, type = "time" }
+++
Acme: your parcel is running late. It now arrives at {{eta}}.
`

func TestBrowserServe(t *testing.T) {
	exe := findChromium(t)
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("-short: skipping the browser test")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "templates")
	file := filepath.Join(root, "sms/en/delay.txt")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, ".notelint.toml"), []byte("[sms]\nmax_segments = 1\n[rules.sender-id]\nbrands = [\"Acme\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(serveTestSMS), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := serve.New(serve.Options{Root: root, Version: "test", LoadConfig: func(p string) (*lint.Config, []*lint.Rule, error) {
		return loadConfig("", []string{p})
	}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	shots := screenshotDir(t)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 900),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	ctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	defer cancel()
	w := &pageWatch{}
	if err := w.listen(ctx); err != nil {
		t.Fatal(err)
	}

	wait := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[any](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("screen").innerText + " | " + document.getElementById("finding-list").innerText + " | " + document.getElementById("status").innerText`))
			t.Fatalf("waiting for %s: %v (page: %s)", what, err, state)
		}
	}
	eval := func(js string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return s
	}
	shot := func(name string, width int64) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)                          // let the layout settle
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100: PNG
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		p := filepath.Join(shots, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s (%d bytes)", p, len(png))
		if len(png) < 10000 {
			t.Errorf("%s: screenshot of %d bytes: blank page?", name, len(png))
		}
	}

	// Open the page on the SMS: the list shows it, the preview is one GSM-7 segment.
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/#sms%2Fen%2Fdelay.txt")); err != nil {
		t.Fatal(err)
	}
	wait("the template list", `document.querySelector('.templates a[data-path="sms/en/delay.txt"]') !== null`)
	wait("the SMS preview", `document.querySelector(".sms-bubble") !== null`)
	if got := eval(`document.querySelector(".sms-bubble").dataset.segments + " " + document.querySelector(".sms-bubble").dataset.encoding`); got != "1 GSM-7" {
		t.Errorf("preview before typing: %s, want 1 GSM-7 segment", got)
	}
	if n := eval(`String(document.querySelectorAll('.finding[data-rule="sms-unicode"]').length)`); n != "0" {
		t.Errorf("sms-unicode findings before typing: %s", n)
	}

	// The phone shows the worst case on request (placeholders at their max: "xxxxxxxxxxx").
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.case-pick button[data-case="worst"]`))); err != nil {
		t.Fatal(err)
	}
	wait("the worst case", `document.querySelector('.sms-bubble[data-case="worst"]') !== null && document.querySelector(".sms-bubble").textContent.includes("xxxxxxxxxxx")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.case-pick button[data-case="best"]`))); err != nil {
		t.Fatal(err)
	}
	wait("the best case", `document.querySelector('.sms-bubble[data-case="best"]') !== null`)

	// Type a curly apostrophe at the end: UCS-2, 2 segments, the character marked, a finding.
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS("#editor")),
		chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById("editor"); e.setSelectionRange(e.value.length - 1, e.value.length - 1); })()`),
		chromedp.KeyEvent(" We’re sorry for the wait."),
	); err != nil {
		t.Fatal(err)
	}
	wait("the preview to turn UCS-2", `document.querySelector(".sms-bubble").dataset.encoding === "UCS-2"`)
	if got := eval(`document.querySelector(".sms-bubble").dataset.segments`); got != "2" {
		t.Errorf("segments after typing ’: %s, want 2", got)
	}
	if got := eval(`document.querySelectorAll(".sms-bubble .seg-break").length + " " + [...document.querySelectorAll(".sms-bubble mark.ucs2")].map(m => m.textContent + "→" + m.dataset.replacement).join(",")`); got != "1 ’→'" {
		t.Errorf("segment breaks and UCS-2 marks: %q, want 1 break and ’ marked with its replacement", got)
	}
	if got := eval(`[...document.querySelectorAll(".stats td[data-case]")].map(td => td.textContent).join(",")`); got != "2,2" {
		t.Errorf("segments in the size table: %q", got)
	}
	wait("the sms-unicode finding", `document.querySelector('.finding[data-rule="sms-unicode"]') !== null`)
	if got := eval(`document.querySelector(".ucs2-list") ? document.querySelector(".ucs2-list").textContent : ""`); got != "Forces UCS-2: ’ → ' Replace it" {
		t.Errorf("UCS-2 list under the bubble: %q", got)
	}
	if got := eval(`document.querySelector('.backdrop mark.warning') ? document.querySelector('.backdrop mark.warning').textContent : ""`); got != "’" {
		t.Errorf("editor highlight: %q, want ’", got)
	}
	shot("serve-1280.png", 1280)
	shot("serve-390.png", 390)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}

	// Apply the fix: the finding goes, the SMS is one GSM-7 segment again.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.finding[data-rule="sms-unicode"] button.fix`))); err != nil {
		t.Fatal(err)
	}
	wait("the finding to go", `document.querySelector('.finding[data-rule="sms-unicode"]') === null && document.querySelector(".sms-bubble").dataset.encoding === "GSM-7"`)
	if got := eval(`document.querySelector(".sms-bubble").dataset.segments`); got != "1" {
		t.Errorf("segments after the fix: %s", got)
	}

	// Save writes the file.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save"))); err != nil {
		t.Fatal(err)
	}
	wait("the save", `document.getElementById("dirty").textContent === "saved"`)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(serveTestSMS, "{{eta}}.", "{{eta}}. We're sorry for the wait.", 1)
	if string(b) != want {
		t.Errorf("saved file:\n%s\nwant:\n%s", b, want)
	}

	// Back in the tab after the file changed on disk, with nothing unsaved:
	// the editor follows the file.
	onDisk := want + "Reply STOP to opt out.\n"
	if err := os.WriteFile(file, []byte(onDisk), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new Event("focus"))`)); err != nil {
		t.Fatal(err)
	}
	// The status line says "reloaded" only until the next check reports, so
	// under load it may already be overwritten: the editor's text is what
	// counts.
	wait("the reload from disk", `document.getElementById("editor").value.includes("Reply STOP")`)

	// The file changes on disk while there are unsaved changes: Save
	// refuses, shows the difference, and overwrites on request.
	if err := chromedp.Do(ctx,
		chromedp.Focus(chromedp.CSS("#editor")),
		chromedp.KeyEvent("!"),
	); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(want+"Reply STOP to stop these messages.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save"))); err != nil {
		t.Fatal(err)
	}
	wait("the conflict dialog", `document.getElementById("conflict").open`)
	if d := eval(`document.getElementById("diff").textContent`); !strings.Contains(d, "-Reply STOP to stop these messages.") || !strings.Contains(d, "+Reply STOP to opt out.") {
		t.Errorf("conflict diff:\n%s", d)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#overwrite"))); err != nil {
		t.Fatal(err)
	}
	wait("the overwrite", `!document.getElementById("conflict").open && document.getElementById("dirty").textContent === "saved"`)
	if b, err := os.ReadFile(file); err != nil || !strings.Contains(string(b), "Reply STOP to opt out.") || strings.Count(string(b), "!") != 1 {
		t.Errorf("after overwrite the file holds %q (%v)", b, err)
	}

	// A new message: picked from channel, kind and language, its kind changed
	// in the scope bar (written as front matter), saved as a new file.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS("#new-open")),
		chromedp.Evaluate[chromedp.Void](`(() => { document.getElementById("new-channel").value = "sms"; document.getElementById("new-kind").value = "outage"; document.getElementById("new-locale").value = "de"; })()`),
		chromedp.Click(chromedp.CSS("#new-form button[type=submit]")),
	); err != nil {
		t.Fatal(err)
	}
	wait("the new message", `document.getElementById("path").value === "sms/de/new-outage.txt" && document.querySelector('select[data-scope="kind"]') !== null && document.querySelector('select[data-scope="kind"]').value === "outage"`)
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector('select[data-scope="kind"]'); s.value = "delay"; s.dispatchEvent(new Event("change")); })()`),
		chromedp.Focus(chromedp.CSS("#editor")),
		chromedp.Evaluate[chromedp.Void](`(() => { const e = document.getElementById("editor"); e.setSelectionRange(e.value.length, e.value.length); })()`),
		chromedp.KeyEvent("Acme: Ihr Paket kommt einen Tag später, am Dienstag zwischen 10 und 12 Uhr."),
	); err != nil {
		t.Fatal(err)
	}
	wait("the new message's preview", `document.querySelector(".sms-bubble") !== null && document.querySelector(".sms-bubble").textContent.includes("Paket")`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#save"))); err != nil {
		t.Fatal(err)
	}
	wait("the new file", `document.getElementById("dirty").textContent === "saved" && document.querySelector('.templates a[data-path="sms/de/new-outage.txt"]') !== null`)
	b, err = os.ReadFile(filepath.Join(root, "sms/de/new-outage.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(b); !strings.HasPrefix(got, "+++\nchannel = \"sms\"\nkind = \"delay\"\nlocale = \"de\"\n+++\n") || !strings.HasSuffix(got, "12 Uhr.") {
		t.Errorf("new file:\n%s", got)
	}

	// Nothing left the server's origin; no console errors.
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.requests) == 0 {
		t.Error("no request seen")
	}
	for _, u := range w.requests {
		if !strings.HasPrefix(u, ts.URL+"/") && !strings.HasPrefix(u, "data:") && u != "about:srcdoc" {
			t.Errorf("request left the server: %s", u)
		}
	}
	for _, p := range w.problems {
		if strings.Contains(p, "409 (Conflict)") && strings.Contains(p, "/api/save") {
			continue // the refused save above
		}
		t.Errorf("page: %s", p)
	}
}
