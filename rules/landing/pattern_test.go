package landing

import (
	"path/filepath"
	"testing"
)

func TestKey(t *testing.T) {
	cases := map[string]string{
		"https://Acme.Example/t/AB12?x=1#top": "acme.example/t/AB12",
		"http://acme.example":                 "acme.example/",
		"www.acme.example/t/{{code}}":         "www.acme.example/t/{{code}}",
		"//cdn.example/x":                     "cdn.example/x",
		"https://user:pw@acme.example/a":      "acme.example/a",
		"acme.example/track/*":                "acme.example/track/*",
	}
	for in, want := range cases {
		if got := Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, url string
		want         bool
	}{
		{"https://acme.example/track/*", "https://acme.example/track/AB12", true},
		{"https://acme.example/track/*", "http://acme.example/track/AB12?utm=x", true},
		{"https://acme.example/track/*", "https://acme.example/track/AB/12", true},
		{"https://acme.example/track/*", "https://acme.example/tracking/AB12", false},
		{"https://acme.example/t/*", "https://acme.example/t/{{code}}", true},
		{"https://*.acme.example/*", "https://shop.acme.example/x", true},
		{"https://*.acme.example/*", "https://acme.example/x", false},
		{"https://acme.example/", "https://acme.example", true},
		{"https://acme.example/", "https://acme.example/?ref=sms", true},
		{"https://acme.example/", "https://acme.example/x", false},
		{"acme.example/*/status", "https://acme.example/orders/42/status", true},
		{"*", "https://anything.example/at/all", true},
	}
	for _, c := range cases {
		if got := Match(Key(c.pattern), Key(c.url)); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.pattern, c.url, got, c.want)
		}
	}
}

func TestMapperPrefersSpecific(t *testing.T) {
	m := NewMapper(map[string]string{
		"https://acme.example/*":         "site/any.html",
		"https://acme.example/t/*":       "site/track.html",
		"https://acme.example/t/special": "site/special.html",
	}, func(p string) string { return filepath.Join("/cfg", p) })
	for url, want := range map[string]string{
		"https://acme.example/t/AB12":    "site/track.html",
		"https://acme.example/t/special": "site/special.html",
		"https://acme.example/winter":    "site/any.html",
	} {
		mp, ok := m.Lookup(url)
		if !ok || mp.File != want {
			t.Errorf("Lookup(%q) = %q %v, want %q", url, mp.File, ok, want)
		}
		if ok && mp.Path != filepath.Join("/cfg", want) {
			t.Errorf("Lookup(%q).Path = %q", url, mp.Path)
		}
	}
	if _, ok := m.Lookup("https://other.example/"); ok {
		t.Error("unrelated host matched")
	}
}

func TestClassify(t *testing.T) {
	for u, want := range map[string]LinkKind{
		"https://a.example": Web, "HTTP://a.example": Web, "www.a.example": Web,
		"mailto:x@a.example": Skip, "tel:+41": Skip, "sms:+41": Skip, "#top": Skip, "": Skip,
		"/relative": Other, "app://x": Other, "{{link}}": Other,
	} {
		if got := Classify(u); got != want {
			t.Errorf("Classify(%q) = %v, want %v", u, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	f.Add("https://acme.example/t/*", "https://acme.example/t/AB12")
	f.Add("*a*b*c*", "aaabbbccc")
	f.Add("**", "")
	f.Add("https://x/{{a}}?q", "http://X/{{a}}#f")
	f.Fuzz(func(t *testing.T, pattern, url string) {
		p, k := Key(pattern), Key(url)
		got := Match(p, k)
		if Match(k, k) != true && !containsStar(k) {
			t.Fatalf("a key must match itself: %q", k)
		}
		if p == "*" && !got {
			t.Fatalf("* must match everything: %q", k)
		}
		m := NewMapper(map[string]string{pattern: "x.html"}, nil)
		if _, ok := m.Lookup(url); ok != got {
			t.Fatalf("Lookup and Match disagree on %q %q", pattern, url)
		}
	})
}

func containsStar(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '*' {
			return true
		}
	}
	return false
}
