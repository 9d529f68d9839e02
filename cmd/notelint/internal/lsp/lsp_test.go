package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/textproto"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/rules"
)

// client speaks LSP to a server running in a goroutine, over pipes.
type client struct {
	t    *testing.T
	w    io.Writer
	r    *bufio.Reader
	next int
	done chan error
}

func startServer(t *testing.T) *client {
	t.Helper()
	cr, sw := io.Pipe()
	sr, cw := io.Pipe()
	c := &client{t: t, w: cw, r: bufio.NewReader(cr), done: make(chan error, 1)}
	go func() {
		c.done <- Run(context.Background(), sr, sw, Options{LoadConfig: testLoader, Version: "test"})
		sw.Close()
	}()
	t.Cleanup(func() { cw.Close(); sr.Close() })
	return c
}

func testLoader(path string) (*lint.Config, []*lint.Rule, error) {
	all := rules.All()
	f, err := lint.FindConfigFile("", "", filepath.Dir(path))
	if err != nil {
		return nil, nil, err
	}
	cfg, err := lint.LoadConfig(f, all)
	return cfg, all, err
}

func (c *client) sendRaw(body string) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(b))
}

// request sends a request and returns its response, collecting the
// notifications that arrive before it.
func (c *client) request(method string, params any) (json.RawMessage, *rpcError, []rpcMessage) {
	c.t.Helper()
	c.next++
	id := c.next
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	if err != nil {
		c.t.Fatal(err)
	}
	c.sendRaw(string(b))
	var notes []rpcMessage
	for {
		m := c.read()
		if m.Method != "" {
			notes = append(notes, m)
			continue
		}
		if string(m.ID) != strconv.Itoa(id) {
			c.t.Fatalf("response to %s has id %s, want %d", method, m.ID, id)
		}
		return m.Result, m.Error, notes
	}
}

func (c *client) read() rpcMessage {
	c.t.Helper()
	type res struct {
		m   rpcMessage
		err error
	}
	ch := make(chan res, 1)
	go func() {
		tp := textproto.NewReader(c.r)
		h, err := tp.ReadMIMEHeader()
		if err != nil {
			ch <- res{err: err}
			return
		}
		n, err := strconv.Atoi(h.Get("Content-Length"))
		if err != nil {
			ch <- res{err: err}
			return
		}
		body := make([]byte, n)
		if _, err := io.ReadFull(c.r, body); err != nil {
			ch <- res{err: err}
			return
		}
		var m rpcMessage
		ch <- res{m: m, err: json.Unmarshal(body, &m)}
	}()
	select {
	case r := <-ch:
		if r.err != nil {
			c.t.Fatalf("reading from the server: %v", r.err)
		}
		return r.m
	case <-time.After(10 * time.Second):
		c.t.Fatal("no message from the server in 10 s")
	}
	return rpcMessage{}
}

// diagnostics waits for the next publishDiagnostics.
func (c *client) diagnostics() publishDiagnosticsParams {
	c.t.Helper()
	for {
		m := c.read()
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p publishDiagnosticsParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			c.t.Fatal(err)
		}
		return p
	}
}

func find(ds []Diagnostic, code string) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Code == code {
			out = append(out, d)
		}
	}
	return out
}

// quote returns the sms-unicode diagnostics for ’.
func quote(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range find(ds, "sms-unicode") {
		if strings.Contains(d.Message, "U+2019") {
			out = append(out, d)
		}
	}
	return out
}

const lspDoc = "+++\r\nkind = \"delay\"\r\n[vars]\r\neta = { sample = \"14:00\", max = 5, type = \"time\" }\r\n+++\r\n" +
	"Acme 😀: we’re late. New time: {{eta}}.\r\n"

func TestLSPSession(t *testing.T) {
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, load.ConfigFileName)
	if err := os.WriteFile(cfgPath, []byte("[rules.sender-id]\nbrands = [\"Acme\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "sms/en/late.txt"))
	c := startServer(t)

	// Before initialize: refused.
	if _, e, _ := c.request("textDocument/hover", map[string]any{}); e == nil || e.Code != codeServerNotInitialized {
		t.Fatalf("hover before initialize: %v", e)
	}
	res, e, _ := c.request("initialize", map[string]any{"processId": nil, "capabilities": map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}}})
	if e != nil {
		t.Fatal(e)
	}
	var init initializeResult
	if err := json.Unmarshal(res, &init); err != nil {
		t.Fatal(err)
	}
	if init.Capabilities["hoverProvider"] != true || init.Capabilities["positionEncoding"] != "utf-16" {
		t.Errorf("capabilities: %v", init.Capabilities)
	}
	c.notify("initialized", map[string]any{})
	// The server asks to watch the config files; the client answers.
	if m := c.read(); m.Method != "client/registerCapability" || !strings.Contains(string(m.Params), `"globPattern":"**/.notelint.toml"`) {
		t.Errorf("after initialized: %s %s", m.Method, m.Params)
	} else {
		c.sendRaw(`{"jsonrpc":"2.0","id":` + string(m.ID) + `,"result":null}`)
	}

	// didOpen: the ’ after an emoji (2 UTF-16 units) on a CRLF line, at UTF-16 character 11.
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "plaintext", "version": 1, "text": lspDoc}})
	p := c.diagnostics()
	if p.URI != uri || p.Version == nil || *p.Version != 1 {
		t.Errorf("publish: uri %s version %v", p.URI, p.Version)
	}
	uni := quote(p.Diagnostics)
	wantRange := Range{Start: Position{5, 11}, End: Position{5, 12}}
	if len(uni) != 1 || uni[0].Range != wantRange || uni[0].Severity != 2 || uni[0].Source != "notelint" ||
		uni[0].CodeDescription == nil || uni[0].CodeDescription.Href != RuleDocURL {
		t.Fatalf("sms-unicode diagnostics %+v, want one warning at %+v", uni, wantRange)
	}
	if !strings.Contains(uni[0].Message, "U+2019") {
		t.Errorf("message %q", uni[0].Message)
	}

	// codeAction on the ’: the fix replaces exactly it.
	res, e, _ = c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": wantRange, "context": map[string]any{"diagnostics": []any{}}})
	if e != nil {
		t.Fatal(e)
	}
	var actions []codeAction
	if err := json.Unmarshal(res, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) == 0 || actions[0].Kind != "quickfix" {
		t.Fatalf("code actions %+v", actions)
	}
	edits := actions[0].Edit.Changes[uri]
	if len(edits) != 1 || edits[0].Range != wantRange || edits[0].NewText != "'" {
		t.Errorf("fix edits %+v", edits)
	}
	// No quick fix away from fixable findings.
	res, _, _ = c.request("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": Range{Start: Position{1, 0}, End: Position{1, 0}}, "context": map[string]any{"only": []string{"quickfix"}}})
	if string(res) != "[]" {
		t.Errorf("code actions on line 1: %s", res)
	}

	// hover on {{eta}}: its declaration and the SMS cases.
	res, e, _ = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{5, 33}})
	if e != nil {
		t.Fatal(e)
	}
	var h hover
	if err := json.Unmarshal(res, &h); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"`eta`", "| 14:00 | 5 | time | gsm |", "best case 1 segment, UCS-2", "worst case 1 segment"} {
		if !strings.Contains(h.Contents.Value, w) {
			t.Errorf("hover lacks %q:\n%s", w, h.Contents.Value)
		}
	}
	if h.Range == nil || *h.Range != (Range{Start: Position{5, 31}, End: Position{5, 38}}) {
		t.Errorf("hover range %+v", h.Range)
	}
	// hover on plain text: null.
	if res, _, _ = c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": Position{5, 1}}); string(res) != "null" {
		t.Errorf("hover on text: %s", res)
	}

	// An incremental change replaces the ’ (UTF-16 range after the emoji): the finding goes.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 2},
		"contentChanges": []any{map[string]any{"range": wantRange, "text": "'"}}})
	p = c.diagnostics()
	if len(quote(p.Diagnostics)) != 0 || len(find(p.Diagnostics, "sms-unicode")) != 1 || *p.Version != 2 {
		t.Errorf("after the fix: %+v", p.Diagnostics)
	}
	// A full change brings it back on another line.
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 3},
		"contentChanges": []any{map[string]any{"text": "Acme: late.\n😀 “soon”\n"}}})
	p = c.diagnostics()
	if u := find(p.Diagnostics, "sms-unicode"); len(u) != 3 || u[1].Range != (Range{Start: Position{1, 3}, End: Position{1, 4}}) {
		t.Errorf("after a full change: %+v", u)
	}

	// The config changes: sms-unicode is switched off, and the server is told.
	if err := os.WriteFile(cfgPath, []byte("[rules.sender-id]\nbrands = [\"Acme\"]\n[rules.sms-unicode]\nseverity = \"off\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": "file://" + filepath.ToSlash(cfgPath), "type": 2}}})
	if p = c.diagnostics(); len(find(p.Diagnostics, "sms-unicode")) != 0 {
		t.Errorf("sms-unicode still reported after it was switched off: %+v", p.Diagnostics)
	}

	// A broken config is one diagnostic, not a crash.
	if err := os.WriteFile(cfgPath, []byte("[rules.nope]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": "file://" + filepath.ToSlash(cfgPath)}})
	if p = c.diagnostics(); len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "notelint config") {
		t.Errorf("broken config: %+v", p.Diagnostics)
	}

	// didClose clears the diagnostics.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": uri}})
	if p = c.diagnostics(); len(p.Diagnostics) != 0 {
		t.Errorf("after close: %+v", p.Diagnostics)
	}

	if _, e, _ = c.request("shutdown", nil); e != nil {
		t.Fatal(e)
	}
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

// Malformed messages get an error (or are skipped); the server keeps going.
func TestLSPMalformed(t *testing.T) {
	c := startServer(t)
	if _, e, _ := c.request("initialize", map[string]any{}); e != nil {
		t.Fatal(e)
	}
	c.sendRaw(`{"jsonrpc":"2.0","id":`)
	if m := c.read(); m.Error == nil || m.Error.Code != codeParseError || string(m.ID) != "null" {
		t.Errorf("bad JSON: %+v", m)
	}
	// No Content-Length: skipped, and the stream stays in step.
	if _, err := io.WriteString(c.w, "Content-Type: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	c.sendRaw(`{"jsonrpc":"1.0","id":99,"method":"x"}`)
	if m := c.read(); m.Error == nil || m.Error.Code != codeInvalidRequest || string(m.ID) != "99" {
		t.Errorf("jsonrpc 1.0: %+v", m)
	}
	if _, e, _ := c.request("textDocument/definition", map[string]any{}); e == nil || e.Code != codeMethodNotFound {
		t.Errorf("unknown method: %v", e)
	}
	if _, e, _ := c.request("textDocument/hover", "not an object"); e == nil || e.Code != codeInvalidParams {
		t.Errorf("bad params: %v", e)
	}
	if res, e, _ := c.request("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///nowhere.txt"}, "position": Position{}}); e != nil || string(res) != "null" {
		t.Errorf("hover on a closed document: %s %v", res, e)
	}
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": "untitled:1", "version": 1, "text": "x"}})
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": "file:///never-opened.txt", "version": 1}, "contentChanges": []any{}})
	// Invalid UTF-8 in a document is a diagnostic, not a crash.
	dir := t.TempDir()
	uri := "file://" + filepath.ToSlash(filepath.Join(dir, "bad.txt"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "version": 1, "text": "caf\xe9"}})
	// (json.Marshal turns \xe9 into U+FFFD: the text arrives valid; the server must still answer.)
	p := c.diagnostics()
	if p.URI != uri {
		t.Errorf("diagnostics for %s", p.URI)
	}
	// A huge document is one diagnostic, not a long check.
	huge := "file://" + filepath.ToSlash(filepath.Join(dir, "huge.txt"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": huge, "version": 1, "text": strings.Repeat("Acme. ", MaxDocumentBytes/6+1)}})
	if p = c.diagnostics(); len(p.Diagnostics) != 1 || !strings.Contains(p.Diagnostics[0].Message, "checks files up to 4096 KB") {
		t.Errorf("huge document: %+v", p.Diagnostics)
	}
	if _, e, _ := c.request("shutdown", nil); e != nil {
		t.Fatal(e)
	}
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("Run: %v", err)
	}
}

func TestLSPExitWithoutShutdown(t *testing.T) {
	c := startServer(t)
	c.notify("exit", nil)
	if err := <-c.done; err == nil {
		t.Error("exit without shutdown: no error")
	}
}
