package landing

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
)

// Cache is the run-wide store the rule passes in (lint.RunState): Once
// computes the value of a key the first time and returns it afterwards,
// also to concurrent callers.
type Cache interface {
	Once(key string, f func() any) any
}

// Resolver turns links into pages. One resolver serves a whole run.
type Resolver struct {
	Mapper  *Mapper
	Fetcher *Fetcher // nil when fetching is off
	// Root is the directory local pages must lie in (mapped files, landing
	// files of vars, hreflang alternates); nil allows any file.
	Root     *Root
	MaxBytes int64
	// Rel shows an absolute file path as the user wrote it (relative to
	// the config directory); nil shows paths as they are.
	Rel func(abs string) string
}

// Target is a page a link leads to, with the outcome of reading it.
type Target struct {
	URL    string // the link's URL as the customer gets it; "" for a landing file alone
	File   string // the local file as written in the config or front matter; "" when fetched
	Via    string // how the page was reached when it is an hreflang alternate
	Result *Result
}

// Name names the page in findings: the URL and, when mapped, the file.
func (t *Target) Name() string {
	var file string
	if t.File != "" {
		file = t.File
		if t.Via != "" {
			file += ", " + t.Via
		}
	} else if t.Via != "" {
		file = t.Via
	}
	switch {
	case t.URL == "":
		return file
	case file == "":
		return t.URL
	}
	return t.URL + " (" + file + ")"
}

// LinkKind is the kind of a link for the resolver.
type LinkKind int

// Link kinds.
const (
	Skip  LinkKind = iota // mailto:, tel:, sms:, in-page anchors: not pages
	Web                   // http://, https://, www.
	Other                 // relative or unknown scheme: only a mapping can resolve it
)

// Classify tells whether a link URL can lead to a web page.
func Classify(u string) LinkKind {
	s := strings.ToLower(strings.TrimSpace(u))
	switch {
	case s == "", strings.HasPrefix(s, "#"):
		return Skip
	case strings.HasPrefix(s, "http://"), strings.HasPrefix(s, "https://"), strings.HasPrefix(s, "www."):
		return Web
	}
	if i := strings.IndexByte(s, ':'); i > 0 && isScheme(s[:i]) {
		switch s[:i] {
		case "mailto", "tel", "sms", "smsto", "callto", "javascript", "data", "geo", "whatsapp", "fax":
			return Skip
		}
	}
	return Other
}

// FileKey and URLKey are the cache keys of pages.
func FileKey(abs string) string { return "landing-page\x00file\x00" + abs }

// URLKey is the cache key of a fetched page in one language.
func URLKey(u, lang string) string { return "landing-page\x00url\x00" + lang + "\x00" + u }

// LoadFile reads and analyses a local page once per run. A file outside
// the root is not read: its Result says why.
func (r *Resolver) LoadFile(cache Cache, abs string) *Result {
	return cache.Once(FileKey(abs), func() any {
		if err := r.Root.Check(abs); err != nil {
			return &Result{File: abs, Err: err.Error()}
		}
		return ReadFile(abs, r.MaxBytes)
	}).(*Result)
}

// FetchURL fetches and analyses a page once per run and language.
func (r *Resolver) FetchURL(ctx context.Context, cache Cache, u, lang string) *Result {
	if strings.HasPrefix(strings.ToLower(u), "www.") {
		u = "http://" + u
	}
	return cache.Once(URLKey(u, lang), func() any { return r.Fetcher.Fetch(ctx, u, lang) }).(*Result)
}

func (r *Resolver) rel(abs string) string {
	if r.Rel == nil {
		return abs
	}
	return r.Rel(abs)
}

// Alternate follows <link rel="alternate" hreflang> from t to the page in
// the message's language, once, when t is in another language. It returns
// nil when there is no such alternate or it cannot be reached offline.
func (r *Resolver) Alternate(ctx context.Context, cache Cache, t *Target, lang string) *Target {
	if t.Result == nil || t.Result.Page == nil || lang == "" {
		return nil
	}
	pg := t.Result.Page
	if pg.Lang == "" || BaseLanguage(pg.Lang) == lang {
		return nil
	}
	href := pg.Alternates[lang]
	if href == "" {
		return nil
	}
	via := "hreflang=" + lang + " alternate"
	if Classify(href) == Web {
		if m, ok := r.Mapper.Lookup(href); ok {
			return &Target{URL: t.URL, File: m.File, Via: via + " " + href, Result: r.LoadFile(cache, m.Path)}
		}
		if r.Fetcher != nil {
			return &Target{URL: t.URL, Via: via + " " + href, Result: r.FetchURL(ctx, cache, href, lang)}
		}
		return nil
	}
	if Classify(href) != Other {
		return nil
	}
	if t.Result.File != "" {
		p := href
		if i := strings.IndexAny(p, "?#"); i >= 0 {
			p = p[:i]
		}
		if p == "" || strings.Contains(p, "://") {
			return nil
		}
		if uq, err := url.PathUnescape(p); err == nil {
			p = uq
		}
		var abs string
		if filepath.IsAbs(p) || strings.HasPrefix(p, "/") {
			return nil // site-absolute path: the site root is not known offline
		}
		abs = filepath.Join(filepath.Dir(t.Result.File), filepath.FromSlash(p))
		return &Target{URL: t.URL, File: r.rel(abs), Via: via, Result: r.LoadFile(cache, abs)}
	}
	if r.Fetcher != nil && t.Result.FinalURL != "" {
		base, err := url.Parse(t.Result.FinalURL)
		if err != nil {
			return nil
		}
		ref, err := url.Parse(href)
		if err != nil {
			return nil
		}
		abs := base.ResolveReference(ref).String()
		return &Target{URL: t.URL, Via: via + " " + abs, Result: r.FetchURL(ctx, cache, abs, lang)}
	}
	return nil
}

// BaseLanguage returns the base language of a BCP 47 tag, lower-cased.
func BaseLanguage(tag string) string {
	l := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}
