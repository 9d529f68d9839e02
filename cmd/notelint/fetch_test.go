package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCheckFetchFlags: only --fetch on the command line fetches, and it
// refuses the loopback address of the test server unless
// --fetch-allow-private is given too.
func TestCheckFetchFlags(t *testing.T) {
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html lang="en"><head><title>Acme – Home</title></head><body><h1>Welcome</h1></body></html>`)
	}))
	defer srv.Close()
	dir := t.TempDir()
	cfg := filepath.Join(dir, ".notelint.toml")
	tpl := filepath.Join(dir, "sms", "en", "a.txt")
	if err := os.MkdirAll(filepath.Dir(tpl), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("[landing]\nfetch = true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tpl, []byte("Acme: your parcel is running late. Details: "+srv.URL+"/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		flags []string
		hits  int64
		want  string
	}{
		{nil, 0, "fetch = true in the config takes effect only with --fetch"},
		{[]string{"--fetch"}, 0, "refused to connect to 127.0.0.1, a loopback address"},
		{[]string{"--fetch", "--fetch-allow-private"}, 1, "landing page home-page: " + srv.URL + "/"},
	}
	for _, c := range cases {
		hits.Store(0)
		args := append([]string{"check", "--config", cfg, "--fail-on", "never", "--format", "text"}, c.flags...)
		stdout, stderr, code := runCLI(t, "", append(args, tpl)...)
		if code != 0 || hits.Load() != c.hits || !strings.Contains(stdout, c.want) {
			t.Errorf("%v: exit %d, %d requests (want %d)\n%s%s\nwant %q", c.flags, code, hits.Load(), c.hits, stdout, stderr, c.want)
		}
	}
}
