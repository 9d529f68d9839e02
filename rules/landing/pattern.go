package landing

import (
	"sort"
	"strings"
)

// Key normalises a URL (or a [landing.pages] pattern) for matching: the
// scheme, user info, query string and fragment are dropped, the host is
// lower-cased and an empty path becomes "/". Placeholders in the URL are
// kept as text, so "https://acme.example/t/{{code}}" gives
// "acme.example/t/{{code}}". The scheme is ignored so that an http:// link
// reaches the same mapped page as its https:// twin.
func Key(raw string) string {
	s := strings.TrimSpace(raw)
	if i := strings.Index(s, "://"); i > 0 && isScheme(s[:i]) {
		s = s[i+3:]
	} else {
		s = strings.TrimPrefix(s, "//")
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[:i]
	}
	host, path := s, "/"
	if i := strings.IndexByte(s, '/'); i >= 0 {
		host, path = s[:i], s[i:]
	} else if strings.HasSuffix(host, "*") {
		path = "" // a pattern such as "*" or "acme.example*" spans paths too
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return strings.ToLower(host) + path
}

func isScheme(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

// Match reports whether the key s matches the normalised pattern, where
// '*' stands for any run of characters, slashes included. It runs in
// O(len(pattern)·len(s)) at worst and never recurses.
func Match(pattern, s string) bool {
	p, i := 0, 0
	star, mark := -1, 0
	for i < len(s) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, mark = p, i
			p++
		case p < len(pattern) && pattern[p] == s[i]:
			p++
			i++
		case star >= 0:
			p = star + 1
			mark++
			i = mark
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}

// Mapping is one entry of [landing.pages].
type Mapping struct {
	Pattern string // as written in the config
	File    string // as written in the config (relative to the config file)
	Path    string // File made absolute
	key     string // normalised pattern
	literal int    // bytes that are not '*': more is more specific
}

// Mapper finds the local page for a URL.
type Mapper struct {
	list []Mapping
}

// NewMapper compiles [landing.pages]; resolve makes a config-relative path
// absolute.
func NewMapper(pages map[string]string, resolve func(string) string) *Mapper {
	m := &Mapper{}
	for pat, file := range pages {
		k := Key(pat)
		abs := file
		if resolve != nil {
			abs = resolve(file)
		}
		m.list = append(m.list, Mapping{Pattern: pat, File: file, Path: abs, key: k,
			literal: len(k) - strings.Count(k, "*")})
	}
	// Most specific first; ties broken by the pattern text so the choice
	// never depends on map order.
	sort.Slice(m.list, func(i, j int) bool {
		a, b := m.list[i], m.list[j]
		if a.literal != b.literal {
			return a.literal > b.literal
		}
		return a.Pattern < b.Pattern
	})
	return m
}

// Len returns the number of mappings.
func (m *Mapper) Len() int { return len(m.list) }

// Lookup returns the most specific mapping whose pattern matches url.
func (m *Mapper) Lookup(url string) (Mapping, bool) {
	if m == nil || len(m.list) == 0 {
		return Mapping{}, false
	}
	k := Key(url)
	for _, mp := range m.list {
		if Match(mp.key, k) {
			return mp, true
		}
	}
	return Mapping{}, false
}
