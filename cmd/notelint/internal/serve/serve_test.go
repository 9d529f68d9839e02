package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/notelint/notelint/cmd/notelint/internal/smsjson"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/output"
	"github.com/notelint/notelint/lint/sms"
	"github.com/notelint/notelint/rules"
)

const testConfig = `[lint]
default_locale = "en"
[sms]
max_segments = 1
[rules.sender-id]
brands = ["Acme"]
`

const delaySMS = `+++
kind = "delay"
[vars]
eta = { sample = "14:00", max = 5, type = "time" }
+++
Acme: we’re running late. Your parcel arrives at {{eta}}.
`

// newTestServer serves a fresh copy of a small template tree.
func newTestServer(t *testing.T) (*httptest.Server, *Server, string) {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".notelint.toml"), testConfig)
	write(t, filepath.Join(dir, "sms/en/delay.txt"), delaySMS)
	write(t, filepath.Join(dir, "email/en/outage.md"), "+++\nkind = \"outage\"\nsubject = \"Power cut\"\n+++\nPower is out in your area. We expect it back by 18:00.\n")
	s, err := New(Options{Root: dir, LoadConfig: testLoader, Token: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, s, dir
}

func testLoader(path string) (*lint.Config, []*lint.Rule, error) {
	all := rules.All()
	f, err := lint.FindConfigFile("", "", path)
	if err != nil {
		return nil, nil, err
	}
	cfg, err := lint.LoadConfig(f, all)
	return cfg, all, err
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// call makes an API request with the token and returns status and body.
func call(t *testing.T, ts *httptest.Server, method, path string, body any, hdr ...string) (int, map[string]any, []byte) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, ts.URL+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set(TokenHeader, "tok")
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i] == "Host" {
			req.Host = hdr[i+1]
			continue
		}
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	return resp.StatusCode, m, raw
}

// The findings of /api/check are exactly those of check --format json on
// the same file, and sms is exactly sms --json of the worst case.
func TestCheckMatchesCheckAndSMS(t *testing.T) {
	ts, _, dir := newTestServer(t)
	code, _, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": "sms/en/delay.txt", "text": delaySMS})
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, raw)
	}
	var got struct {
		Findings []json.RawMessage `json:"findings"`
		SMS      json.RawMessage   `json:"sms"`
		Template struct {
			Kind, Channel, Locale string
			Sources               map[string]map[string]string
		} `json:"template"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}

	cfg, all, err := testLoader(dir)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "sms/en/delay.txt")
	res := (&lint.Runner{Rules: all, Config: cfg}).RunFiles([]string{file})
	var buf bytes.Buffer
	if err := output.JSON(&buf, res.Findings, output.Options{}); err != nil {
		t.Fatal(err)
	}
	var want struct {
		Findings []json.RawMessage `json:"findings"`
	}
	if err := json.Unmarshal(buf.Bytes(), &want); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != len(want.Findings) || len(want.Findings) == 0 {
		t.Fatalf("%d findings, check gives %d", len(got.Findings), len(want.Findings))
	}
	for i := range want.Findings {
		var w bytes.Buffer
		if err := json.Compact(&w, want.Findings[i]); err != nil {
			t.Fatal(err)
		}
		if string(got.Findings[i]) != w.String() {
			t.Errorf("finding %d:\n got %s\nwant %s", i, got.Findings[i], w.String())
		}
	}
	if !strings.Contains(string(raw), `"rule":"sms-unicode"`) {
		t.Errorf("no sms-unicode finding for ’: %s", raw)
	}

	worst := "Acme: we’re running late. Your parcel arrives at xxxxx."
	wantSMS, err := json.Marshal(smsjson.New(worst, sms.Analyze(worst, sms.Options{}), "graphemes"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got.SMS) != string(wantSMS) {
		t.Errorf("sms:\n got %s\nwant %s", got.SMS, wantSMS)
	}
	if got.Template.Kind != "delay" || got.Template.Channel != "sms" || got.Template.Locale != "en" ||
		got.Template.Sources["kind"]["source"] != "front-matter" || got.Template.Sources["channel"]["source"] != "path" {
		t.Errorf("template: %+v", got.Template)
	}
}

// An SMS-sized check answers well under 50 ms (the bound here is loose:
// test machines are shared).
func TestCheckIsFast(t *testing.T) {
	ts, _, _ := newTestServer(t)
	req := map[string]string{"path": "sms/en/delay.txt", "text": delaySMS}
	call(t, ts, "POST", "/api/check", req) // warm up
	best := time.Hour
	for range 5 {
		start := time.Now()
		if code, _, raw := call(t, ts, "POST", "/api/check", req); code != 200 {
			t.Fatalf("status %d: %s", code, raw)
		}
		best = min(best, time.Since(start))
	}
	t.Logf("fastest of 5 SMS checks over HTTP: %v", best)
	if best > 250*time.Millisecond {
		t.Errorf("an SMS check took %v", best)
	}
}

func TestSecurity(t *testing.T) {
	ts, _, _ := newTestServer(t)
	ok := map[string]string{"path": "sms/en/delay.txt", "text": "Acme: hi"}
	cases := []struct {
		name string
		hdr  []string
		want int
	}{
		{"same origin", []string{"Origin", ts.URL}, 200},
		{"no origin (curl, tests)", nil, 200},
		{"no token", []string{TokenHeader, ""}, 403},
		{"wrong token", []string{TokenHeader, "guess"}, 403},
		{"other origin", []string{"Origin", "http://evil.example"}, 403},
		{"https origin of the same host", []string{"Origin", "https://" + strings.TrimPrefix(ts.URL, "http://")}, 403},
		{"null origin", []string{"Origin", "null"}, 403},
		{"DNS rebinding host", []string{"Host", "evil.example:80"}, 403},
		{"cross-site fetch", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"same-site fetch", []string{"Sec-Fetch-Site", "same-site"}, 403},
		{"localhost host", []string{"Host", "localhost:1234"}, 200},
		{"IPv6 loopback host", []string{"Host", "[::1]:1234"}, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, m, raw := call(t, ts, "POST", "/api/check", ok, c.hdr...)
			if code != c.want {
				t.Fatalf("status %d, want %d: %s", code, c.want, raw)
			}
			if c.want == 403 && !strings.HasPrefix(fmt.Sprint(m["error"]), "refused") {
				t.Errorf("error %q", m["error"])
			}
		})
	}
	// The page carries the token and a strict CSP; other sites cannot frame it.
	resp, err := ts.Client().Get(ts.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(page), `content="tok"`) {
		t.Error("the page does not carry the session token")
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
	for _, p := range []string{"/assets/app.js", "/assets/app.css"} {
		resp, err := ts.Client().Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", p, resp.StatusCode)
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.2:80": false, "example.com:80": false, "nonsense": false} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestBadInput(t *testing.T) {
	ts, _, dir := newTestServer(t)
	outside := t.TempDir()
	write(t, filepath.Join(outside, "secret.txt"), "secret")
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "sms/en/link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	huge := strings.Repeat("a", load.DefaultMaxFileSize+1)
	bodyLimit := 6*load.DefaultMaxBundleSize + 64<<10
	cases := []struct {
		name, method, path string
		body               any
		hdr                []string
		want               int
		msg                string // a regexp the error must match
	}{
		{"invalid UTF-8", "POST", "/api/check", []byte("{\"path\":\"sms/en/delay.txt\",\"text\":\"a\xff\"}"), nil, 400, `not valid UTF-8 \(byte 0xFF at offset 36\)`},
		{"lone surrogate escape", "POST", "/api/check", `{"path":"sms/en/delay.txt","text":"a\ud800b"}`, nil, 400, `unpaired UTF-16 surrogate`},
		{"paired surrogates are fine", "POST", "/api/check", `{"path":"sms/en/delay.txt","text":"Acme: \ud83d\ude00"}`, nil, 200, ``},
		{"save over the size cap", "POST", "/api/save", map[string]string{"path": "sms/en/delay.txt", "text": huge}, nil, 413, `the text is 262145 bytes, over the limit of 262144 bytes that notelint checks; not saved`},
		{"body over the cap", "POST", "/api/check", strings.Repeat(" ", bodyLimit+1), nil, 413, `the request is over 6 MB: far more than a template may have`},
		{"not JSON", "POST", "/api/check", `{"path":`, nil, 400, `not the expected JSON`},
		{"unknown field", "POST", "/api/check", `{"path":"sms/en/delay.txt","txt":"x"}`, nil, 400, `unknown field "txt"`},
		{"two values", "POST", "/api/check", `{"path":"sms/en/delay.txt"} {}`, nil, 400, `more than one JSON value`},
		{"form post", "POST", "/api/check", `path=x`, []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, `application/json`},
		{"no path", "POST", "/api/check", map[string]string{"text": "x"}, nil, 400, `no path given`},
		{"parent folder", "POST", "/api/check", map[string]string{"path": "../x.txt", "text": "x"}, nil, 400, `outside`},
		{"sneaky parent folder", "GET", "/api/file?path=sms/../../x.txt", nil, nil, 400, `outside`},
		{"absolute path", "GET", "/api/file?path=/etc/passwd.txt", nil, nil, 400, `relative to`},
		{"backslashes", "GET", "/api/file?path=sms%5Cen%5Cdelay.txt", nil, nil, 400, `use /`},
		{"not a template", "GET", "/api/file?path=main.go", nil, nil, 400, `not a template file`},
		{"config file", "GET", "/api/file?path=.notelint.toml", nil, nil, 400, `hidden files`},
		{"inside .git", "POST", "/api/save", map[string]string{"path": ".git/hooks/x.txt", "text": "x"}, nil, 400, `hidden files and folders \(such as .git\) are not served`},
		{"unknown path", "GET", "/api/file?path=sms/en/nope.txt", nil, nil, 404, `sms/en/nope.txt does not exist`},
		{"symlink out", "GET", "/api/file?path=sms/en/link.txt", nil, nil, 403, `leads outside`},
		{"folder symlink out", "POST", "/api/save", map[string]string{"path": "out/new.txt", "text": "x"}, nil, 403, `leads outside`},
		{"save through symlink out", "POST", "/api/save", map[string]string{"path": "sms/en/link.txt", "text": "x", "version": "v"}, nil, 403, `leads outside`},
		{"folder", "GET", "/api/file?path=sms.txt", nil, nil, 404, `does not exist`},
		{"unknown channel", "GET", "/api/new?channel=fax", nil, nil, 400, `unknown channel "fax"`},
		{"unknown route", "GET", "/api/nope", nil, nil, 404, ``},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, m, raw := call(t, ts, c.method, c.path, c.body, c.hdr...)
			if code != c.want {
				t.Fatalf("status %d, want %d: %.300s", code, c.want, raw)
			}
			if c.msg != "" && !regexp.MustCompile(c.msg).MatchString(fmt.Sprint(m["error"])) {
				t.Errorf("error %q, want %q", m["error"], c.msg)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(outside, "secret.txt")); err != nil || string(b) != "secret" {
		t.Errorf("the file outside PATH changed: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(outside, "new.txt")); err == nil {
		t.Error("a file was written outside PATH")
	}
}

// A text that is not a template (broken front matter) is a problem in
// the answer, not an error; so is a text over the size cap; a file that is
// not UTF-8 on disk is refused.
func TestCheckProblems(t *testing.T) {
	ts, _, dir := newTestServer(t)
	start := time.Now()
	code, m, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": "sms/en/delay.txt", "text": strings.Repeat("Acme. ", load.DefaultMaxFileSize/6+1)})
	if code != 200 || !strings.Contains(fmt.Sprint(m["problem"]), "over the limit of 262144 bytes; not checked (raise [lint] max_file_size to check it)") {
		t.Errorf("huge paste: %d %.300s", code, raw)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("huge paste took %v", d)
	}
	code, m, raw = call(t, ts, "POST", "/api/check", map[string]string{"path": "sms/en/delay.txt", "text": "+++\nkind = \n+++\nAcme: hi\n"})
	if code != 200 {
		t.Fatalf("status %d: %s", code, raw)
	}
	if !strings.Contains(string(raw), `"rule":"frontmatter"`) || m["problem"] != nil {
		t.Errorf("broken front matter: want a frontmatter finding and no problem: %s", raw)
	}
	write(t, filepath.Join(dir, "sms/en/latin1.txt"), "caf\xe9")
	code, m, _ = call(t, ts, "GET", "/api/file?path=sms/en/latin1.txt", nil)
	if code != 422 || !strings.Contains(fmt.Sprint(m["error"]), "not UTF-8") {
		t.Errorf("latin-1 file: %d %v", code, m)
	}
}

func TestFileAndSave(t *testing.T) {
	ts, _, dir := newTestServer(t)
	file := filepath.Join(dir, "sms/en/delay.txt")
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	code, m, raw := call(t, ts, "GET", "/api/file?path=sms/en/delay.txt", nil)
	if code != 200 || m["text"] != delaySMS || m["crlf"] != false {
		t.Fatalf("file: %d %s", code, raw)
	}
	v := m["version"].(string)

	edited := strings.Replace(delaySMS, "we’re", "we're", 1)
	code, m, raw = call(t, ts, "POST", "/api/save", map[string]string{"path": "sms/en/delay.txt", "text": edited, "version": v})
	if code != 200 || m["version"] == v {
		t.Fatalf("save: %d %s", code, raw)
	}
	v2 := m["version"].(string)
	if b, _ := os.ReadFile(file); string(b) != edited {
		t.Errorf("file holds %q", b)
	}
	if st, _ := os.Stat(file); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after save, want 0600", st.Mode().Perm())
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "sms/en/.notelint-save-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	// Someone else changes the file: a save from the old version is refused with the difference.
	write(t, file, edited+"Reply STOP to opt out.\n")
	code, m, raw = call(t, ts, "POST", "/api/save", map[string]string{"path": "sms/en/delay.txt", "text": edited + "Thanks!\n", "version": v2})
	if code != http.StatusConflict {
		t.Fatalf("stale save: %d %s", code, raw)
	}
	if d := fmt.Sprint(m["diff"]); !strings.Contains(d, "-Reply STOP to opt out.\n") || !strings.Contains(d, "+Thanks!\n") || !strings.Contains(d, "--- on disk\n+++ yours\n") {
		t.Errorf("diff:\n%s", d)
	}
	if !strings.Contains(fmt.Sprint(m["error"]), "changed on disk since you opened it") {
		t.Errorf("error %q", m["error"])
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "STOP") {
		t.Error("the refused save wrote the file")
	}
	// Overwriting is an explicit save from the version on disk.
	if code, _, raw = call(t, ts, "POST", "/api/save", map[string]any{"path": "sms/en/delay.txt", "text": edited, "version": m["version"]}); code != 200 {
		t.Fatalf("overwrite: %d %s", code, raw)
	}

	// Deleted while open.
	os.Remove(file)
	code, m, _ = call(t, ts, "POST", "/api/save", map[string]string{"path": "sms/en/delay.txt", "text": edited, "version": v2})
	if code != http.StatusConflict || m["exists"] != false || !strings.Contains(fmt.Sprint(m["error"]), "was deleted") {
		t.Errorf("deleted file: %d %v", code, m)
	}

	// A new file in a new folder; the same name again is refused.
	code, m, raw = call(t, ts, "POST", "/api/save", map[string]string{"path": "push/de/new.txt", "text": "Hallo", "version": ""})
	if code != 200 || m["created"] != true {
		t.Fatalf("new file: %d %s", code, raw)
	}
	if code, m, _ = call(t, ts, "POST", "/api/save", map[string]string{"path": "push/de/new.txt", "text": "Hallo", "version": ""}); code != http.StatusConflict || !strings.Contains(fmt.Sprint(m["error"]), "already exists") {
		t.Errorf("new over existing: %d %v", code, m)
	}
}

// Concurrent saves from the same version: exactly one wins.
func TestConcurrentSaves(t *testing.T) {
	ts, _, dir := newTestServer(t)
	_, m, _ := call(t, ts, "GET", "/api/file?path=sms/en/delay.txt", nil)
	v := m["version"].(string)
	const n = 8
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, _ = call(t, ts, "POST", "/api/save", map[string]string{"path": "sms/en/delay.txt", "text": fmt.Sprintf("Acme: version %d\n", i), "version": v})
		}()
	}
	wg.Wait()
	won := 0
	for _, c := range codes {
		switch c {
		case 200:
			won++
		case http.StatusConflict:
		default:
			t.Errorf("status %d", c)
		}
	}
	if won != 1 {
		t.Errorf("%d saves won, want 1 (%v)", won, codes)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "sms/en/delay.txt")); !regexp.MustCompile(`^Acme: version \d\n$`).Match(b) {
		t.Errorf("file holds %q", b)
	}
}

func TestCRLFFile(t *testing.T) {
	ts, _, dir := newTestServer(t)
	write(t, filepath.Join(dir, "sms/en/crlf.txt"), "+++\r\nkind = \"delay\"\r\n+++\r\nAcme: late.\r\n")
	_, m, _ := call(t, ts, "GET", "/api/file?path=sms/en/crlf.txt", nil)
	if m["crlf"] != true {
		t.Errorf("crlf: %v", m["crlf"])
	}
}

func TestTemplatesAndNew(t *testing.T) {
	ts, s, _ := newTestServer(t)
	s.Warm() // loads the language data; must not panic
	code, _, raw := call(t, ts, "GET", "/api/templates", nil)
	if code != 200 {
		t.Fatalf("%d %s", code, raw)
	}
	var list struct{ Templates []templateEntry }
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) != 2 || list.Templates[1].Path != "sms/en/delay.txt" || list.Templates[1].Channel != "sms" || list.Templates[1].Warning == 0 {
		t.Errorf("templates: %+v", list.Templates)
	}
	code, m, raw := call(t, ts, "GET", "/api/new?channel=sms&kind=outage&locale=en", nil)
	if code != 200 || m["path"] != "sms/en/new-outage.txt" || !strings.Contains(fmt.Sprint(m["text"]), "kind = \"outage\"") {
		t.Errorf("new: %d %s", code, raw)
	}
	code, m, _ = call(t, ts, "GET", "/api/new?channel=email&locale=de", nil)
	if code != 200 || m["path"] != "email/de/new-message.md" {
		t.Errorf("new e-mail: %d %v", code, m)
	}
}

func TestDiff(t *testing.T) {
	cases := []struct{ a, b, want string }{
		{"x\n", "x\n", ""},
		{"a\nb\nc\n", "a\nB\nc\n", "--- A\n+++ B\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"", "new\n", "--- A\n+++ B\n@@ -1,0 +1,1 @@\n+new\n"},
		{"a", "b", "--- A\n+++ B\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n"},
	}
	for _, c := range cases {
		if got := Diff(c.a, c.b, "A", "B"); got != c.want {
			t.Errorf("Diff(%q, %q):\n%s\nwant\n%s", c.a, c.b, got, c.want)
		}
	}
}

// A bundle that does not parse is a problem in the answer, with its line.
func TestCheckBundleProblem(t *testing.T) {
	ts, _, _ := newTestServer(t)
	code, m, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": "locales/en.json", "text": `{"a": `})
	if code != 200 || m["problem"] != "line 1, column 7: invalid json bundle: unexpected end of file" {
		t.Errorf("%d %s", code, raw)
	}
}

// Links carry the landing-page verdict: checked against the saved copy
// for a mapped URL, "not checked" for an unmapped one (offline).
func TestLinkVerdicts(t *testing.T) {
	ts, _, dir := newTestServer(t)
	write(t, filepath.Join(dir, ".notelint.toml"), testConfig+"[landing.pages]\n\"https://acme.example/\" = \"site/home.html\"\n")
	write(t, filepath.Join(dir, "site/home.html"), "<!doctype html><html lang=\"en\"><head><title>Acme</title></head><body><h1>Welcome to Acme</h1></body></html>")
	text := "+++\nkind = \"delay\"\n+++\nAcme: your parcel is late, it now arrives at 14:00. Track it: https://acme.example/ or https://other.example/t/1\n"
	code, _, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": "sms/en/delay.txt", "text": text})
	if code != 200 {
		t.Fatalf("%d %s", code, raw)
	}
	var res struct {
		Messages []struct{ Links []linkJSON }
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	ls := res.Messages[0].Links
	if len(ls) != 2 {
		t.Fatalf("links %+v", ls)
	}
	if ls[0].URL != "https://acme.example/" || !ls[0].Checked || !strings.Contains(ls[0].Verdict, "home page") {
		t.Errorf("mapped link: %+v", ls[0])
	}
	if ls[1].Checked || !strings.HasPrefix(ls[1].Verdict, "not checked: no saved copy") || ls[1].Line != 4 {
		t.Errorf("unmapped link: %+v", ls[1])
	}
}

// Started on one file, the server serves that file only.
func TestSingleFile(t *testing.T) {
	_, _, dir := newTestServer(t)
	s, err := New(Options{Root: filepath.Join(dir, "sms/en/delay.txt"), LoadConfig: testLoader, Token: "tok"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	_, _, raw := call(t, ts, "GET", "/api/templates", nil)
	var list struct{ Templates []templateEntry }
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) != 1 || list.Templates[0].Path != "delay.txt" {
		t.Errorf("templates: %s", raw)
	}
	if code, m, _ := call(t, ts, "GET", "/api/file?path=delay.txt", nil); code != 200 || m["text"] != delaySMS {
		t.Errorf("the file: %d %v", code, m)
	}
	if code, m, _ := call(t, ts, "POST", "/api/check", map[string]string{"path": "other.txt", "text": "x"}); code != 404 || !strings.Contains(fmt.Sprint(m["error"]), "only delay.txt is served") {
		t.Errorf("another file: %d %v", code, m)
	}
	if _, err := New(Options{Root: filepath.Join(dir, ".notelint.toml"), LoadConfig: testLoader}); err == nil {
		t.Error("serving the config file: no error")
	}
}

// What the phone shows for each channel.
func TestPreviews(t *testing.T) {
	ts, _, _ := newTestServer(t)
	type msg struct {
		Email *emailPreview
		Push  *pushPreview
		SMS   *struct{ Best, Worst smsjson.Object }
	}
	check := func(path, text string) msg {
		t.Helper()
		code, _, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": path, "text": text})
		if code != 200 {
			t.Fatalf("%s: %d %s", path, code, raw)
		}
		var res struct{ Messages []msg }
		if err := json.Unmarshal(raw, &res); err != nil || len(res.Messages) != 1 {
			t.Fatalf("%s: %v %s", path, err, raw)
		}
		return res.Messages[0]
	}

	m := check("email/en/outage.html", "+++\nsubject = \"Power cut in {{area}}\"\npreheader = \"Back by 18:00\"\n[vars]\narea = { sample = \"<Mitte>\" }\n+++\n<p>Power is out in {{area}}.</p><script>alert(1)</script>\n")
	if m.Email == nil || m.Email.Subject != "Power cut in <Mitte>" || m.Email.Preheader != "Back by 18:00" {
		t.Fatalf("e-mail: %+v", m.Email)
	}
	if !strings.Contains(m.Email.HTML, "<p>Power is out in &lt;Mitte&gt;.</p>") || !strings.Contains(m.Email.HTML, `<base target="_blank">`) {
		t.Errorf("e-mail body: %s", m.Email.HTML)
	}
	m = check("email/en/outage.md", "+++\nsubject = \"Power cut\"\n+++\n# Power cut\n\nBack by **18:00**.\n")
	if m.Email == nil || !strings.Contains(m.Email.HTML, "<h1>Power cut</h1>") || !strings.Contains(m.Email.HTML, "<strong>18:00</strong>") {
		t.Errorf("Markdown e-mail: %+v", m.Email)
	}

	m = check("push/en/ticket.txt", "+++\ntitle = \"Update on your support request about your broadband connection\"\n+++\nAn engineer calls you tomorrow between 9:00 and 12:00.\n")
	if m.Push == nil || !m.Push.TitleTruncated || m.Push.BodyTruncated || m.Push.TitleShown != "Update on your support request about yo…" {
		t.Errorf("push: %+v", m.Push)
	}

	m = check("sms/en/delay.txt", delaySMS)
	if m.SMS == nil || !strings.Contains(m.SMS.Best.Parts[0].Text, "14:00") || !strings.Contains(m.SMS.Worst.Parts[0].Text, "xxxxx") {
		t.Errorf("sms: %+v", m.SMS)
	}
}

// A catalog is several messages, each with its own preview; their scope is
// not editable through front matter.
func TestCatalog(t *testing.T) {
	ts, _, _ := newTestServer(t)
	cat := "channel = \"sms\"\nlocale = \"en\"\n\n[[message]]\nid = \"a\"\nkind = \"delay\"\nbody = \"Acme: late, now at 14:00.\"\n\n[[message]]\nid = \"b\"\nkind = \"outage\"\nbody = \"Acme: power is back by 18:00 in your street. Sorry for the trouble.\"\n"
	code, _, raw := call(t, ts, "POST", "/api/check", map[string]string{"path": "sms/catalog.toml", "text": cat})
	if code != 200 {
		t.Fatalf("%d %s", code, raw)
	}
	var res struct {
		Messages []struct {
			ID       string
			Line     int
			Editable bool
			Scope    struct{ Kind string }
			SMS      *struct{ Best smsjson.Object }
		}
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Messages) != 2 {
		t.Fatalf("messages: %s", raw)
	}
	for i, want := range []struct {
		id, kind string
		line     int
	}{{"a", "delay", 4}, {"b", "outage", 9}} {
		m := res.Messages[i]
		if m.ID != want.id || m.Scope.Kind != want.kind || m.Line != want.line || m.Editable || m.SMS == nil {
			t.Errorf("message %d: %+v, want %+v", i, m, want)
		}
	}
}
