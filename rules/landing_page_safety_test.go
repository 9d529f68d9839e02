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

// landingServer serves fetchGoodPage on 127.0.0.1 and counts requests.
func landingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, fetchGoodPage)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

// TestLandingConfigFetchNeedsFlag: fetch = true in a config (which a pull
// request can add) does not fetch without --fetch on the command line.
func TestLandingConfigFetchNeedsFlag(t *testing.T) {
	srv, hits := landingServer(t)
	for name, cfg := range map[string]string{
		"alias": "[landing]\nfetch = true\n",
		"rule":  "[rules.landing-page]\nfetch = true\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				".notelint.toml": cfg,
				"sms/en/a.txt":   "Acme: your parcel is running late. Track it: " + srv.URL + "/t/AB12CD",
			})
			res, _ := runLanding(t, dir)
			if n := hits.Load(); n != 0 {
				t.Fatalf("fetched %d times without --fetch", n)
			}
			if len(res.Findings) != 1 || !strings.Contains(res.Findings[0].Message, "fetch = true in the config takes effect only with --fetch on the command line") {
				t.Errorf("findings: %v", res.Findings)
			}
		})
	}
}

// TestLandingFetchRefusesLoopback: --fetch alone does not connect to a
// loopback address; the link gets an unreachable error saying why.
func TestLandingFetchRefusesLoopback(t *testing.T) {
	srv, hits := landingServer(t)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".notelint.toml": "",
		"sms/en/a.txt":   "Acme: your parcel is running late. Track it: " + srv.URL + "/t/AB12CD",
	})
	res, _ := runLandingNet(t, dir, lint.NetworkPolicy{Fetch: true})
	if hits.Load() != 0 {
		t.Error("a loopback address was fetched without --fetch-allow-private")
	}
	if len(res.Findings) != 1 || landingCheck(res.Findings[0].Message) != "unreachable" || res.Findings[0].Severity != message.Error ||
		!strings.Contains(res.Findings[0].Message, "was not fetched: notelint refused to connect to 127.0.0.1, a loopback address") ||
		!strings.Contains(res.Findings[0].Hint, "--fetch-allow-private") {
		t.Errorf("findings: %v", res.Findings)
	}
}

// TestLandingPagesOutsideConfigDir: a mapped file outside the directory of
// the config file is a config error naming the line of the mapping.
func TestLandingPagesOutsideConfigDir(t *testing.T) {
	ok := "\"https://acme.example/ok/*\" = \"site/ok.html\"\n"
	cases := []struct {
		name, config, want string
	}{
		{"absolute", "[landing.pages]\n" + ok + "\"https://acme.example/*\" = \"/etc/passwd\"\n",
			`.notelint.toml:3: [landing.pages] "https://acme.example/*" = "/etc/passwd": it is outside `},
		{"dot-dot", "# pages\n[landing.pages]\n\"https://acme.example/*\" = \"../secret.html\"\n" + ok,
			`.notelint.toml:3: [landing.pages] "https://acme.example/*" = "../secret.html": it is outside `},
		{"dot-dot inside a path", "[landing.pages]\n\"https://acme.example/*\" = \"site/../../secret.html\"\n",
			`.notelint.toml:2: [landing.pages] "https://acme.example/*" = "site/../../secret.html": it is outside `},
		{"symlink", "[landing.pages]\n" + ok + "\"https://acme.example/*\" = \"site/link.html\"\n",
			`.notelint.toml:3: [landing.pages] "https://acme.example/*" = "site/link.html": it links to `},
		{"rule table", "[rules.landing-page]\noverlap = 0.3\n\n[rules.landing-page.pages]\n\"https://acme.example/*\" = \"/etc/passwd\"\n",
			`.notelint.toml:5: [rules.landing-page.pages] "https://acme.example/*" = "/etc/passwd": it is outside `},
		{"inline table", "[rules.landing-page]\noverlap = 0.3\npages = { \"https://acme.example/*\" = \"/etc/passwd\" }\n",
			`.notelint.toml:3: [rules.landing-page.pages] "https://acme.example/*" = "/etc/passwd": it is outside `},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := t.TempDir()
			dir := filepath.Join(base, "repo")
			writeFiles(t, base, map[string]string{"secret.html": "<title>secret</title>", "repo/site/ok.html": fetchGoodPage})
			if err := os.Symlink(filepath.Join("..", "..", "secret.html"), filepath.Join(dir, "site", "link.html")); err != nil {
				t.Skipf("no symlinks: %v", err)
			}
			writeFiles(t, dir, map[string]string{".notelint.toml": c.config})
			_, err := lint.LoadConfig(filepath.Join(dir, ".notelint.toml"), All())
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "(the directory of the config file)") {
				t.Errorf("err = %v\nwant %q", err, c.want)
			}
		})
	}
}

// TestLandingFilesOutsideConfigDir: a var's landing file and an hreflang
// alternate outside the directory of the config file are not read; the
// link gets an unreachable error naming the reason.
func TestLandingFilesOutsideConfigDir(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "repo")
	writeFiles(t, base, map[string]string{
		"secret.html":         fetchGoodPage,
		"repo/.notelint.toml": "[landing.pages]\n\"https://acme.example/en/*\" = \"site/en.html\"\n",
		"repo/site/en.html":   `<html lang="en"><head><link rel="alternate" hreflang="de" href="../../secret.html"></head><body></body></html>`,
		"repo/sms/en/var.txt": "+++\n[vars]\nlink = { sample = \"https://acme.example/t/1\", type = \"url\", landing = \"../secret.html\" }\n+++\nAcme: your parcel is running late. Track it: {{link}}\n",
		"repo/sms/de/alt.txt": "Acme: Ihre Sendung verspätet sich. Neuer Termin: Di 14-16 Uhr. https://acme.example/en/t/1\n",
	})
	res, _ := runLanding(t, dir)
	got := map[string]string{}
	for _, f := range res.Findings {
		if landingCheck(f.Message) == "unreachable" {
			got[filepath.Base(f.File)] = f.Message
		}
	}
	for _, file := range []string{"var.txt", "alt.txt"} {
		if !strings.Contains(got[file], "it is outside "+dir+" (the directory of the config file)") {
			t.Errorf("%s: %q, want an unreachable finding naming the directory\nall: %v", file, got[file], res.Findings)
		}
	}
}

// TestLandingConfigAliases: the keys of the old [landing] table are
// options of the rule; the new form reads the same; both at once is an
// error naming the line.
func TestLandingConfigAliases(t *testing.T) {
	page := "<html lang=\"en\"><head><title>Acme – Home</title></head><body><h1>Welcome</h1></body></html>"
	for name, cfg := range map[string]string{
		"alias":  "[landing]\ntimeout = \"3s\"\n[landing.pages]\n\"https://acme.example/*\" = \"site/home.html\"\n",
		"rule":   "[rules.landing-page]\ntimeout = \"3s\"\n[rules.landing-page.pages]\n\"https://acme.example/*\" = \"site/home.html\"\n",
		"inline": "[rules.landing-page]\npages = { \"https://acme.example/*\" = \"site/home.html\" }\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{
				".notelint.toml": cfg,
				"site/home.html": page,
				"sms/en/a.txt":   "Acme: your parcel is running late. Details: https://acme.example/",
			})
			res, _ := runLanding(t, dir)
			if len(res.Findings) == 0 || !hasLandingCheck(res.Findings, "home-page") || hasLandingCheck(res.Findings, "unmapped") {
				t.Errorf("findings: %v", res.Findings)
			}
		})
	}
	for _, c := range []struct{ config, want string }{
		{"[landing]\ntimeout = \"soon\"\n", `.notelint.toml:2: [landing] timeout "soon" is not a duration`},
		{"[landing]\nconcurrency = 1000000\n", `.notelint.toml:2: [landing] concurrency must be 1 to 64`},
		{"[landing]\ncolour = 1\n", `.notelint.toml:2: rule landing-page has no option "colour"`},
		{"[landing]\nseverity = \"off\"\n", `.notelint.toml:2: unknown key "landing.severity"`},
		{"landing = 1\n", `.notelint.toml:1: landing must be a table`},
		{"[rules.landing-page]\nfetch = true\n\n[landing]\nfetch = true\n", `.notelint.toml:5: fetch is set in both [landing] and [rules.landing-page]`},
		{"[rules.landing-page.pages]\n\"a\" = \"x.html\"\n[landing.pages]\n\"b\" = \"y.html\"\n", `pages is set in both [landing] and [rules.landing-page]`},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, map[string]string{".notelint.toml": c.config})
		_, err := lint.LoadConfig(filepath.Join(dir, ".notelint.toml"), All())
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: err = %v, want %q", c.config, err, c.want)
		}
	}
}

func hasLandingCheck(fs []lint.Finding, check string) bool {
	for _, f := range fs {
		if f.Rule == "landing-page" && landingCheck(f.Message) == check {
			return true
		}
	}
	return false
}
