package rules

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// landingCheck returns the check id of a landing-page finding: the word
// after "landing page " in its message.
func landingCheck(msg string) string {
	rest := strings.TrimPrefix(msg, "landing page ")
	if i := strings.IndexByte(rest, ':'); i > 0 {
		return rest[:i]
	}
	return "?"
}

// runLanding checks the templates under root with the landing-page rule
// alone and the config root/.notelint.toml, offline.
func runLanding(t testing.TB, root string) (*lint.Result, []string) {
	t.Helper()
	return runLandingNet(t, root, lint.NetworkPolicy{})
}

// runLandingNet is runLanding with the network policy of the command line
// (--fetch, --fetch-allow-private).
func runLandingNet(t testing.TB, root string, network lint.NetworkPolicy) (*lint.Result, []string) {
	t.Helper()
	rs := []*lint.Rule{landingPage()}
	cfg, err := lint.LoadConfig(filepath.Join(root, lint.ConfigFileName), rs)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Network = network
	files, err := lint.Discover([]string{root}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	res := (&lint.Runner{Rules: rs, Config: cfg}).RunFiles(files)
	for _, e := range res.Errors {
		t.Errorf("load: %v", e)
	}
	return res, files
}

// TestLandingFixtures checks the templates under testdata/landing against
// the findings listed next to each in <file>.want, one "line:col check" a
// line (check as in "landing page <check>:"). -update rewrites them.
func TestLandingFixtures(t *testing.T) {
	root := filepath.Join("..", "testdata", "landing")
	res, files := runLanding(t, root)
	if len(files) < 15 {
		t.Fatalf("only %d fixture templates", len(files))
	}
	got := map[string][]string{}
	for _, f := range res.Findings {
		if f.Rule != "landing-page" {
			continue
		}
		got[f.File] = append(got[f.File], fmt.Sprintf("%d:%d %s", f.Line, f.Column, landingCheck(f.Message)))
		if testing.Verbose() {
			t.Logf("%s:%d:%d %s: %s\n\thint: %s", f.File, f.Line, f.Column, f.Severity, f.Message, f.Hint)
		}
	}
	compareWantFiles(t, files, got, "TestLandingFixtures")
}

// TestLandingFixtureSeverities checks the severity split: unreachable is
// an error, the rest warnings.
func TestLandingFixtureSeverities(t *testing.T) {
	res, _ := runLanding(t, filepath.Join("..", "testdata", "landing"))
	for _, f := range res.Findings {
		want := message.Warning
		if landingCheck(f.Message) == "unreachable" {
			want = message.Error
		}
		if f.Severity != want {
			t.Errorf("%s: %s is %v, want %v", f.File, f.Message, f.Severity, want)
		}
	}
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLandingUnmappedNoticeOncePerRun(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{".notelint.toml": "[lint]\ndefault_locale = \"en\"\n[rules.landing-page]\nfetch = true\n"}
	for i := 0; i < 6; i++ {
		files[fmt.Sprintf("sms/en/m%d.txt", i)] = fmt.Sprintf("Acme: your parcel %d is late. Track it: https://acme.example/t/%d", i, i)
	}
	files["sms/en/mail.txt"] = "Write to mailto:help@acme.example or call tel:+41800"
	writeFiles(t, dir, files)
	res, _ := runLanding(t, dir)
	if len(res.Findings) != 1 {
		t.Fatalf("want one notice, got %d: %v", len(res.Findings), res.Findings)
	}
	f := res.Findings[0]
	if f.Severity != message.Info || landingCheck(f.Message) != "unmapped" || !strings.Contains(f.Hint, `"https://acme.example/t/*"`) || !strings.Contains(f.Hint, "--fetch") {
		t.Errorf("notice: %+v", f)
	}
	// Switched off.
	writeFiles(t, dir, map[string]string{".notelint.toml": "[rules.landing-page]\ndisable = [\"unmapped\"]\n"})
	if res, _ := runLanding(t, dir); len(res.Findings) != 0 {
		t.Errorf("disabled notice still reported: %v", res.Findings)
	}
}

func TestLandingURLVarWithoutSample(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".notelint.toml": "",
		"sms/en/a.txt":   "+++\n[vars]\nlink = { max = 30, type = \"url\" }\n+++\nAcme: your parcel is late. Track it: {{link}}\n",
	})
	res, _ := runLanding(t, dir)
	if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "{{link}} has neither a sample URL nor a landing file") {
		t.Fatalf("got %v", res.Findings)
	}
	if f := res.Findings[0]; f.Line != 5 || f.Column != 38 {
		t.Errorf("notice at %d:%d, want the placeholder at 5:38", f.Line, f.Column)
	}
}

func TestLandingOptionsValidate(t *testing.T) {
	for _, bad := range []string{
		"[rules.landing-page]\ndisable = [\"colour\"]\n",
		"[rules.landing-page]\noverlap = 1.5\n",
		"[rules.landing-page]\nmin_explanation_words = -1\n",
		"[rules.landing-page]\nchecks = 1\n",
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{".notelint.toml": bad})
		if _, err := lint.LoadConfig(filepath.Join(dir, ".notelint.toml"), All()); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

const fetchGoodPage = `<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width">
<title>Parcel AB12CD: new delivery window | Acme</title></head><body><main>
<h1>Your parcel is running late</h1><p>New delivery window: Tuesday 14:00-16:00.</p>
<a href="/t/AB12CD/day">Pick another delivery day</a></main></body></html>`

// TestLandingFetch runs the rule with --fetch against a local server,
// which needs --fetch-allow-private.
func TestLandingFetch(t *testing.T) {
	var hits int64
	mux := http.NewServeMux()
	mux.HandleFunc("/t/", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&hits, 1)
		if !strings.HasPrefix(r.UserAgent(), "notelint/") {
			http.Error(w, "no user agent", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, fetchGoodPage)
	})
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/flyer", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/", http.StatusFound)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, fetchGoodPage)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	files := map[string]string{
		".notelint.toml":   "[landing]\nfetch = true\ntimeout = \"20s\"\n",
		"sms/en/gone.txt":  "Acme: your parcel is running late. Track it: " + srv.URL + "/gone",
		"sms/en/flyer.txt": "Acme: your parcel is running late. Track it: " + srv.URL + "/flyer",
		"sms/en/old.txt":   "Acme: your parcel is running late. Track it: " + srv.URL + "/old",
		"sms/en/var.txt":   "+++\nkind = \"delay\"\n[vars]\ncode = { sample = \"AB12CD\" }\n+++\nAcme: your parcel is running late, new delivery window Tue. Track it: " + srv.URL + "/t/{{code}}",
	}
	for i := 0; i < 10; i++ {
		files[fmt.Sprintf("sms/en/good%d.txt", i)] = "+++\nkind = \"delay\"\n+++\nAcme: your parcel is running late. New delivery window: Tue 14:00-16:00. Track it: " + srv.URL + "/t/AB12CD"
	}
	writeFiles(t, dir, files)
	res, _ := runLandingNet(t, dir, lint.NetworkPolicy{Fetch: true, AllowPrivate: true})
	got := map[string][]string{}
	for _, f := range res.Findings {
		got[filepath.Base(f.File)] = append(got[filepath.Base(f.File)], landingCheck(f.Message))
	}
	want := map[string][]string{
		"gone.txt":  {"unreachable"},
		"flyer.txt": {"not-html"},
		"old.txt":   {"home-page"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	for _, f := range res.Findings {
		if landingCheck(f.Message) == "unreachable" && (!strings.Contains(f.Message, "HTTP 404 Not Found") || f.Severity != message.Error) {
			t.Errorf("unreachable: %+v", f)
		}
	}
	// Ten templates and one placeholder filled from its sample lead to the
	// same URL: fetched once per run.
	if hits != 1 {
		t.Errorf("server hit %d times, want once", hits)
	}
}

// TestLandingNoNoticeWithoutSetUp: a project that maps no page, fetches
// none and declares no landing file gets no notice about unmapped links.
func TestLandingNoNoticeWithoutSetUp(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".notelint.toml": "[lint]\ndefault_locale = \"en\"\n",
		"sms/en/a.txt":   "Acme: your parcel is late. Track it: https://acme.example/t/1",
	})
	if res, _ := runLanding(t, dir); len(res.Findings) != 0 {
		t.Errorf("notice without landing set-up: %v", res.Findings)
	}
}
