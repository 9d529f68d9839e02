package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"runtime"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
)

// ConfigLoader returns the config and rules for checking the file at path,
// as `notelint check path` would load them.
type ConfigLoader func(path string) (*lint.Config, []*lint.Rule, error)

// Options configures the server.
type Options struct {
	LoadConfig ConfigLoader
	Version    string
	// Log receives one line per problem the client is not told about.
	Log io.Writer
}

// RuleDocURL is where a diagnostic's rule id links to.
const RuleDocURL = "https://github.com/notelint/notelint/blob/main/README.md#rules"

// document is an open text document.
type document struct {
	uri     string
	path    string
	version int
	text    string
}

// Server is one language-server session.
type Server struct {
	opt         Options
	c           *conn
	docs        map[string]*document
	initialized bool
	shutdown    bool
	// watchConfig is true when the client can watch files for us: the
	// server then asks to hear about .notelint.toml changes.
	watchConfig bool
}

// errExit ends Run after an exit notification.
var errExit = errors.New("exit")

// Run serves one session on r and w until the client sends exit or
// closes the stream. It returns an error when the session ended without
// shutdown.
func Run(ctx context.Context, r io.Reader, w io.Writer, opt Options) error {
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	s := &Server{opt: opt, c: newConn(r, w), docs: map[string]*document{}}
	for ctx.Err() == nil {
		m, err := s.c.read()
		var fe *errFraming
		var re *rpcError
		switch {
		case errors.Is(err, io.EOF):
			if s.shutdown {
				return nil
			}
			return errors.New("the client closed the connection without shutdown")
		case errors.As(err, &fe):
			fmt.Fprintf(opt.Log, "notelint lsp: %v\n", err)
			continue
		case errors.As(err, &re):
			var id json.RawMessage
			if m != nil {
				id = m.ID
			}
			if err := s.c.replyError(id, re.Code, re.Message); err != nil {
				return fmt.Errorf("writing to the client: %w", err)
			}
			continue
		}
		if err := s.handle(m); err != nil {
			if errors.Is(err, errExit) {
				if s.shutdown {
					return nil
				}
				return errors.New("exit without shutdown")
			}
			return fmt.Errorf("writing to the client: %w", err)
		}
	}
	return ctx.Err()
}

// handle answers one message; it returns only write errors and errExit.
func (s *Server) handle(m *rpcMessage) (err error) {
	if m.Method == "" {
		return nil // a response to a request we never send
	}
	defer func() {
		if v := recover(); v != nil {
			buf := make([]byte, 4096)
			buf = buf[:runtime.Stack(buf, false)]
			fmt.Fprintf(s.opt.Log, "notelint lsp: internal error in %s: %v\n%s\n", m.Method, v, buf)
			if m.isRequest() {
				err = s.c.replyError(m.ID, codeInternalError, fmt.Sprintf("internal error: %v", v))
			}
		}
	}()
	if m.Method == "exit" {
		return errExit
	}
	if !s.initialized && m.Method != "initialize" {
		if m.isRequest() {
			return s.c.replyError(m.ID, codeServerNotInitialized, "the server is not initialized")
		}
		return nil
	}
	if s.shutdown && m.isRequest() {
		return s.c.replyError(m.ID, codeInvalidRequest, "the server is shut down")
	}
	result, rerr := s.dispatch(m)
	if !m.isRequest() {
		if rerr != nil {
			fmt.Fprintf(s.opt.Log, "notelint lsp: %s: %v\n", m.Method, rerr)
		}
		return nil
	}
	if rerr != nil {
		var re *rpcError
		if errors.As(rerr, &re) {
			return s.c.replyError(m.ID, re.Code, re.Message)
		}
		return s.c.replyError(m.ID, codeInternalError, rerr.Error())
	}
	return s.c.reply(m.ID, result)
}

func (s *Server) dispatch(m *rpcMessage) (any, error) {
	switch m.Method {
	case "initialize":
		s.initialized = true
		var p initializeParams
		if len(m.Params) > 0 && json.Unmarshal(m.Params, &p) == nil {
			s.watchConfig = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		}
		return initializeResult{
			Capabilities: map[string]any{
				"positionEncoding":   "utf-16",
				"textDocumentSync":   map[string]any{"openClose": true, "change": 2, "save": map[string]any{"includeText": false}},
				"codeActionProvider": map[string]any{"codeActionKinds": []string{"quickfix", "source.fixAll.notelint"}},
				"hoverProvider":      true,
			},
			ServerInfo: map[string]any{"name": "notelint", "version": s.opt.Version},
		}, nil
	case "initialized":
		if s.watchConfig {
			return nil, s.c.write(serverRequest{JSONRPC: "2.0", ID: "notelint-watch-config", Method: "client/registerCapability",
				Params: map[string]any{"registrations": []any{map[string]any{
					"id": "notelint-config", "method": "workspace/didChangeWatchedFiles",
					"registerOptions": map[string]any{"watchers": []any{map[string]any{"globPattern": "**/" + load.ConfigFileName}}},
				}}}})
		}
		return nil, nil
	case "$/cancelRequest", "$/setTrace", "workspace/didChangeWorkspaceFolders":
		return nil, nil
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		path, err := uriPath(p.TextDocument.URI)
		if err != nil {
			return nil, err
		}
		d := &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: p.TextDocument.Text}
		s.docs[d.uri] = d
		return nil, s.publish(d)
	case "textDocument/didChange":
		var p didChangeParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			return nil, fmt.Errorf("didChange for %s, which is not open", p.TextDocument.URI)
		}
		for _, ch := range p.ContentChanges {
			d.text = applyChange(d.text, ch)
		}
		d.version = p.TextDocument.Version
		return nil, s.publish(d)
	case "textDocument/didSave":
		var p didSaveParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		if isConfigURI(p.TextDocument.URI) {
			return nil, s.publishAll()
		}
		if d := s.docs[p.TextDocument.URI]; d != nil {
			if p.Text != nil {
				d.text = *p.Text
			}
			return nil, s.publish(d)
		}
		return nil, nil
	case "textDocument/didClose":
		var p didCloseParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		delete(s.docs, p.TextDocument.URI)
		return nil, s.c.notify("textDocument/publishDiagnostics", publishDiagnosticsParams{URI: p.TextDocument.URI, Diagnostics: []Diagnostic{}})
	case "workspace/didChangeConfiguration":
		return nil, s.publishAll()
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		for _, ch := range p.Changes {
			if isConfigURI(ch.URI) {
				return nil, s.publishAll()
			}
		}
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p textDocumentPositionParams
		if err := decodeParams(m.Params, &p); err != nil {
			return nil, err
		}
		return s.hover(p), nil
	}
	if m.isRequest() {
		return nil, &rpcError{Code: codeMethodNotFound, Message: "method not found: " + m.Method}
	}
	return nil, nil
}

// applyChange applies one content change: a range edit, or the whole text.
func applyChange(text string, ch contentChange) string {
	if ch.Range == nil {
		return ch.Text
	}
	li := newLineIndex(text)
	start, end := li.offset(ch.Range.Start), li.offset(ch.Range.End)
	if end < start {
		start, end = end, start
	}
	return text[:start] + ch.Text + text[end:]
}

func isConfigURI(uri string) bool {
	return strings.HasSuffix(uri, "/"+load.ConfigFileName)
}

// uriPath turns a file: URI into a path.
func uriPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return "", &rpcError{Code: codeInvalidParams, Message: fmt.Sprintf("not a file: URI: %q", uri)}
	}
	p := u.Path
	if runtime.GOOS == "windows" && len(p) >= 3 && p[0] == '/' && p[2] == ':' {
		p = p[1:]
	}
	return filepath.FromSlash(p), nil
}

func (s *Server) publishAll() error {
	uris := make([]string, 0, len(s.docs))
	for u := range s.docs {
		uris = append(uris, u)
	}
	sort.Strings(uris)
	for _, u := range uris {
		if err := s.publish(s.docs[u]); err != nil {
			return err
		}
	}
	return nil
}
