// Package serve is the local web app of `notelint serve`: an editor with a
// phone preview and live findings for the templates under one path, and
// the JSON API the page uses.
package serve

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
)

// textCap is the largest text the engine reads for the file at path:
// [lint] max_bundle_size for an i18n bundle, else max_file_size.
func textCap(cfg *lint.Config, path string) int64 {
	if cfg.IsBundleFile(path) && !strings.EqualFold(filepath.Ext(path), ".toml") {
		return cfg.MaxBundleSizeBytes()
	}
	return cfg.MaxFileSizeBytes()
}

// maxText is the largest text any file may have under cfg.
func maxText(cfg *lint.Config) int64 { return max(cfg.MaxFileSizeBytes(), cfg.MaxBundleSizeBytes()) }

// bodyCap bounds a request body: the largest text, JSON-escaped (up to 6
// bytes a byte as \u00XX), and the rest of the request.
func bodyCap(cfg *lint.Config) int64 { return 6*maxText(cfg) + 64<<10 }

// ConfigLoader returns the config and rules for a check of the templates
// under path (a directory or file), as `notelint check path` would load them.
type ConfigLoader func(path string) (*lint.Config, []*lint.Rule, error)

// Options configures a Server.
type Options struct {
	// Root is PATH as given on the command line: a directory, or one file.
	Root string
	// LoadConfig finds and loads the config; it is called for every request
	// that checks, so edits to the config file are picked up.
	LoadConfig ConfigLoader
	// Fetch lets the landing-page rule fetch linked pages over HTTP(S);
	// FetchAllowPrivate also from private and loopback addresses.
	Fetch, FetchAllowPrivate bool
	// Token is the per-session secret the page sends with every API
	// request; New makes a random one when it is empty.
	Token string
	// Version is shown in the page footer.
	Version string
}

// Server serves the app for one PATH.
type Server struct {
	opt Options
	// root is the real (symlink-free, absolute) directory served; only
	// names the single file served when PATH is a file.
	root string
	only string
	// saveMu makes check-then-write of a save atomic within the process.
	saveMu sync.Mutex
	// listMu runs one check of the whole tree at a time: a second list
	// request waits instead of doubling the work.
	listMu sync.Mutex
	mux    *http.ServeMux
}

// New checks opt.Root and returns a server for it.
func New(opt Options) (*Server, error) {
	if opt.LoadConfig == nil {
		return nil, errors.New("serve: no config loader")
	}
	if opt.Root == "" {
		opt.Root = "."
	}
	st, err := os.Stat(opt.Root)
	if err != nil {
		return nil, fmt.Errorf("serving %s: %w", opt.Root, err)
	}
	abs, err := filepath.Abs(opt.Root)
	if err != nil {
		return nil, fmt.Errorf("serving %s: %w", opt.Root, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("serving %s: %w", opt.Root, err)
	}
	s := &Server{opt: opt, root: real}
	if !st.IsDir() {
		if !load.IsTemplateFile(real) {
			return nil, fmt.Errorf("serving %s: not a template file (.txt, .md, .html, .toml, …)", opt.Root)
		}
		s.root, s.only = filepath.Dir(real), filepath.Base(real)
	}
	if s.opt.Token == "" {
		b := make([]byte, 24)
		if _, err := rand.Read(b); err != nil {
			return nil, fmt.Errorf("making the session token: %w", err)
		}
		s.opt.Token = hex.EncodeToString(b)
	}
	s.routes()
	return s, nil
}

// Token returns the session token the page must send.
func (s *Server) Token() string { return s.opt.Token }

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.handleIndex)
	m.Handle("GET /assets/", assetHandler())
	m.HandleFunc("GET /api/session", s.api(s.handleSession))
	m.HandleFunc("GET /api/templates", s.api(s.handleTemplates))
	m.HandleFunc("GET /api/file", s.api(s.handleFile))
	m.HandleFunc("GET /api/new", s.api(s.handleNew))
	m.HandleFunc("POST /api/check", s.api(s.handleCheck))
	m.HandleFunc("POST /api/save", s.api(s.handleSave))
	s.mux = m
}

// ServeHTTP applies the security checks, then routes the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if v := recover(); v != nil {
			writeError(w, http.StatusInternalServerError, fmt.Sprintf("internal error: %v", v))
		}
	}()
	setSecurityHeaders(w)
	if err := checkOrigin(r); err != nil {
		writeError(w, http.StatusForbidden, err.Error())
		return
	}
	s.mux.ServeHTTP(w, r)
}

// apiError is an error answered with a status and a message.
type apiError struct {
	status int
	msg    string
	extra  map[string]any
}

func (e *apiError) Error() string { return e.msg }

func errorf(status int, format string, args ...any) *apiError {
	return &apiError{status: status, msg: fmt.Sprintf(format, args...)}
}

// api wraps an API handler: the session token is required, the result or
// the error is written as JSON.
func (s *Server) api(h func(r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := s.checkToken(r); err != nil {
			writeError(w, http.StatusForbidden, err.Error())
			return
		}
		v, err := h(r)
		if err != nil {
			var ae *apiError
			if errors.As(err, &ae) {
				writeJSON(w, ae.status, errorBody(ae.msg, ae.extra))
				return
			}
			writeError(w, http.StatusInternalServerError, err.Error())
			return
		}
		writeJSON(w, http.StatusOK, v)
	}
}

func errorBody(msg string, extra map[string]any) map[string]any {
	out := map[string]any{"error": msg}
	for k, v := range extra {
		out[k] = v
	}
	return out
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody(msg, nil))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client went away: nothing to tell it
}
