package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// config loads the config for the served path, as an API error when it is
// broken (the author may be editing it).
func (s *Server) config() (*lint.Config, []*lint.Rule, error) {
	cfg, all, err := s.opt.LoadConfig(s.opt.Root)
	if err != nil {
		return nil, nil, errorf(http.StatusUnprocessableEntity, "config: %v", err)
	}
	cfg.Network = lint.NetworkPolicy{Fetch: s.opt.Fetch, AllowPrivate: s.opt.Fetch && s.opt.FetchAllowPrivate}
	return cfg, all, nil
}

type sessionJSON struct {
	Root     string   `json:"root"`
	Config   string   `json:"config"`
	Fetch    bool     `json:"fetch"`
	Channels []string `json:"channels"`
	Kinds    []string `json:"kinds"`
	// MaxText is the largest text any template may have ([lint]
	// max_file_size, max_bundle_size): the page sends no larger one.
	MaxText int64  `json:"max_text_bytes"`
	Version string `json:"version"`
}

func (s *Server) handleSession(*http.Request) (any, error) {
	cfg, _, err := s.config()
	if err != nil {
		return nil, err
	}
	return sessionJSON{Root: s.opt.Root, Config: cfg.Path, Fetch: cfg.Network.Fetch,
		Channels: message.KnownChannels(), Kinds: message.KnownKinds(), MaxText: maxText(cfg), Version: s.opt.Version}, nil
}

type templateEntry struct {
	Path     string `json:"path"`
	Channel  string `json:"channel"`
	Kind     string `json:"kind"`
	Locale   string `json:"locale"`
	Messages int    `json:"messages"`
	Error    int    `json:"error"`
	Warning  int    `json:"warning"`
	Info     int    `json:"info"`
	// Problem is why the file could not be read as a template.
	Problem string `json:"problem,omitempty"`
}

// handleTemplates lists the template files check would find under PATH,
// with their finding counts.
func (s *Server) handleTemplates(r *http.Request) (any, error) {
	cfg, all, err := s.config()
	if err != nil {
		return nil, err
	}
	files, err := load.Discover([]string{s.opt.Root}, &cfg.Config)
	if err != nil {
		return nil, errorf(http.StatusInternalServerError, "listing %s: %v", s.opt.Root, err)
	}
	byLoad := map[string]*templateEntry{}
	list := make([]*templateEntry, 0, len(files))
	for _, f := range files {
		e := &templateEntry{Path: s.relOf(f)}
		byLoad[f] = e
		list = append(list, e)
	}
	s.listMu.Lock()
	defer s.listMu.Unlock()
	runner := &lint.Runner{Rules: all, Config: cfg, Context: r.Context()}
	res := runner.RunFiles(files)
	for _, t := range res.Templates {
		if e := byLoad[t.Source.Path]; e != nil {
			if e.Messages == 0 {
				e.Channel, e.Kind, e.Locale = t.Channel, t.Kind, t.Locale
			}
			e.Messages++
		}
	}
	for _, f := range res.Findings {
		e := byLoad[f.File]
		if e == nil {
			continue
		}
		switch f.Severity {
		case message.Error:
			e.Error++
		case message.Warning:
			e.Warning++
		default:
			e.Info++
		}
	}
	for _, le := range res.Errors {
		var ie *load.InputError
		if errors.As(le, &ie) {
			if e := byLoad[ie.Path]; e != nil {
				e.Problem = le.Error()
			}
		}
	}
	sort.Slice(list, func(i, j int) bool { return list[i].Path < list[j].Path })
	return map[string]any{"templates": list}, nil
}

// relOf names a discovered file relative to the served directory.
func (s *Server) relOf(load string) string {
	if s.only != "" {
		return s.only
	}
	rel, err := filepath.Rel(s.opt.Root, load)
	if err != nil {
		return filepath.ToSlash(load)
	}
	return filepath.ToSlash(rel)
}

type fileJSON struct {
	Path    string `json:"path"`
	Text    string `json:"text"`
	Version string `json:"version"`
	// CRLF is true when the file's lines end in CRLF: the page edits LF
	// text and sends it back with CRLF.
	CRLF bool `json:"crlf"`
}

// version identifies the content of a file; "" for a file that does not exist.
func version(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func (s *Server) handleFile(r *http.Request) (any, error) {
	cfg, _, err := s.config()
	if err != nil {
		return nil, err
	}
	tg, err := s.resolve(r.URL.Query().Get("path"), cfg)
	if err != nil {
		return nil, err
	}
	data, err := readTarget(tg, textCap(cfg, tg.load))
	if err != nil {
		return nil, err
	}
	return fileJSON{Path: tg.rel, Text: string(data), Version: version(data), CRLF: strings.Contains(string(data), "\r\n")}, nil
}

func readTarget(tg target, limit int64) ([]byte, error) {
	st, err := os.Stat(tg.real)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, errorf(http.StatusNotFound, "%s does not exist", tg.rel)
		}
		return nil, errorf(http.StatusInternalServerError, "reading %s: %v", tg.rel, err)
	}
	if !st.Mode().IsRegular() {
		return nil, errorf(http.StatusBadRequest, "%s is not a regular file", tg.rel)
	}
	if st.Size() > limit {
		return nil, errorf(http.StatusRequestEntityTooLarge, "%s is %d bytes, over the limit of %d bytes that notelint checks (raise [lint] max_file_size to edit it here)", tg.rel, st.Size(), limit)
	}
	data, err := os.ReadFile(tg.real)
	if err != nil {
		return nil, errorf(http.StatusInternalServerError, "reading %s: %v", tg.rel, err)
	}
	if !utf8.Valid(data) {
		return nil, errorf(http.StatusUnprocessableEntity, "%s is not UTF-8: save it as UTF-8 first", tg.rel)
	}
	return data, nil
}

// channelExt is the file type a new message of a channel is written in.
var channelExt = map[string]string{"sms": ".txt", "email": ".md", "push": ".txt", "whatsapp": ".txt", "inapp": ".txt"}

// handleNew suggests a path and a starting text for a new message of a
// channel, kind and locale: next to the existing templates of that
// channel and locale when there are some.
func (s *Server) handleNew(r *http.Request) (any, error) {
	q := r.URL.Query()
	channel, kind, locale := q.Get("channel"), q.Get("kind"), message.NormalizeLocale(q.Get("locale"))
	if !contains(message.KnownChannels(), channel) {
		return nil, errorf(http.StatusBadRequest, "unknown channel %q (want one of %s)", channel, strings.Join(message.KnownChannels(), ", "))
	}
	if kind != "" && !contains(message.KnownKinds(), kind) {
		return nil, errorf(http.StatusBadRequest, "unknown kind %q (want one of %s)", kind, strings.Join(message.KnownKinds(), ", "))
	}
	if s.only != "" {
		return nil, errorf(http.StatusBadRequest, "notelint serve was started on one file: start it on a folder to add messages")
	}
	cfg, _, err := s.config()
	if err != nil {
		return nil, err
	}
	dir := channel
	if locale != "" {
		dir += "/" + locale
	}
	if files, err := load.Discover([]string{s.opt.Root}, &cfg.Config); err == nil {
		dir = suggestDir(s, files, channel, locale, dir)
	}
	name := "new-message"
	if kind != "" {
		name = "new-" + kind
	}
	p := dir + "/" + name + channelExt[channel]
	if _, err := os.Stat(filepath.Join(s.root, filepath.FromSlash(p))); err == nil {
		for i := 2; ; i++ {
			q := dir + "/" + name + "-" + strconv.Itoa(i) + channelExt[channel]
			if _, err := os.Stat(filepath.Join(s.root, filepath.FromSlash(q))); err != nil {
				p = q
				break
			}
		}
	}
	var b strings.Builder
	b.WriteString("+++\n")
	b.WriteString("channel = \"" + channel + "\"\n")
	if kind != "" {
		b.WriteString("kind = \"" + kind + "\"\n")
	}
	if locale != "" {
		b.WriteString("locale = \"" + locale + "\"\n")
	}
	switch channel {
	case "email":
		b.WriteString("subject = \"\"\n")
	case "push":
		b.WriteString("title = \"\"\n")
	}
	b.WriteString("+++\n")
	return fileJSON{Path: p, Text: b.String()}, nil
}

// suggestDir finds the folder of an existing template with the channel and
// locale (or the channel, with the locale folder swapped).
func suggestDir(s *Server, files []string, channel, locale, fallback string) string {
	best, bestScore := fallback, 0
	for _, f := range files {
		rel := s.relOf(f)
		segs := strings.Split(path.Dir(rel), "/")
		ci := -1
		for i, seg := range segs {
			if seg == channel {
				ci = i
			}
		}
		if ci < 0 {
			continue
		}
		score := 1
		dir := strings.Join(segs[:ci+1], "/")
		if ci+1 < len(segs) && locale != "" {
			if message.NormalizeLocale(segs[ci+1]) == locale {
				score = 2
			}
			dir += "/" + locale
		} else if locale != "" {
			dir += "/" + locale
		}
		if score > bestScore {
			best, bestScore = dir, score
		}
	}
	return best
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
