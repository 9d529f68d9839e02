package lint

import (
	"path"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// refMatchGlob is the plain recursive definition of MatchGlob, exponential
// in the number of "**" segments: the reference for the fuzz target.
func refMatchGlob(pat, name []string) bool {
	if len(pat) == 0 {
		return len(name) == 0
	}
	if pat[0] == "**" {
		for i := 0; i <= len(name); i++ {
			if refMatchGlob(pat[1:], name[i:]) {
				return true
			}
		}
		return false
	}
	if len(name) == 0 {
		return false
	}
	if ok, _ := path.Match(pat[0], name[0]); !ok {
		return false
	}
	return refMatchGlob(pat[1:], name[1:])
}

func TestMatchGlobCases(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"**", "", true},
		{"**", "a/b", true},
		{"a/**", "a", true},
		{"**/**/x", "x", true},
		{"**/**/x", "a/b/x", true},
		{"**/**/x", "a/b/y", false},
		{"a/**/b/**/c", "a/b/c", true},
		{"a/**/b/**/c", "a/x/b/y/z/c", true},
		{"a/**/b/**/c", "a/x/c/b", false},
		{"*/x", "a/x", true},
		{"*/x", "x", false},
		{"[", "[", false}, // invalid segment: no match
		{"", "", true},
		{"", "a", false},
	}
	for _, c := range cases {
		if got := message.MatchGlob(c.pat, c.name); got != c.want {
			t.Errorf("MatchGlob(%q, %q) = %v, want %v", c.pat, c.name, got, c.want)
		}
	}
}

// TestMatchGlobLinear: patterns of many "**" segments used to backtrack
// exponentially; with 40 of them against 60 segments the old matcher would
// not finish in any test timeout.
func TestMatchGlobLinear(t *testing.T) {
	name := strings.Repeat("a/", 60) + "y"
	for _, pat := range []string{
		strings.Repeat("**/", 40) + "x",
		strings.Repeat("**/a/", 40) + "x",
	} {
		if message.MatchGlob(pat, name) {
			t.Errorf("MatchGlob(%.20q…) = true", pat)
		}
		if !message.MatchGlob(pat, strings.Repeat("a/", 60)+"x") {
			t.Errorf("MatchGlob(%.20q…, …/x) = false", pat)
		}
	}
}

func FuzzMatchGlob(f *testing.F) {
	for _, s := range [][2]string{{"**/drafts/**", "a/drafts/b.txt"}, {"**/**/x", "a/x"}, {"a/*/[bc]?/**", "a/z/bd/e/f"},
		{"**/a/**/a", "a/a/b/a"}, {"", ""}, {"[", "x"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, name string) {
		pat, segs := strings.Split(pattern, "/"), strings.Split(name, "/")
		if len(pat) > 12 || len(segs) > 12 {
			return // the reference is exponential
		}
		if got, want := message.MatchGlob(pattern, name), refMatchGlob(pat, segs); got != want {
			t.Fatalf("MatchGlob(%q, %q) = %v, reference says %v", pattern, name, got, want)
		}
	})
}

// refMatchKey is the plain recursive definition of MatchKey.
func refMatchKey(pattern, key string) bool {
	if pattern == "" {
		return key == ""
	}
	switch pattern[0] {
	case '*':
		for i := 0; i <= len(key); i++ {
			if refMatchKey(pattern[1:], key[i:]) {
				return true
			}
		}
		return false
	case '?':
		return key != "" && refMatchKey(pattern[1:], key[1:])
	}
	return key != "" && key[0] == pattern[0] && refMatchKey(pattern[1:], key[1:])
}

// TestMatchKeyLinear: "*a*a*…b" against a long run of "a" used to try
// every way of splitting the run.
func TestMatchKeyLinear(t *testing.T) {
	key := strings.Repeat("a", 200)
	if message.MatchKey(strings.Repeat("*a", 30)+"*b", key) {
		t.Error("matched")
	}
	if !message.MatchKey(strings.Repeat("*a", 30)+"*", key) {
		t.Error("did not match")
	}
}

func FuzzMatchKey(f *testing.F) {
	for _, s := range [][2]string{{"*.sms.*", "order.sms.delay"}, {"a?c", "abc"}, {"**", ""}, {"*a*b", "xaxbxb"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, pattern, key string) {
		if strings.Count(pattern, "*") > 6 || len(key) > 40 {
			return // the reference is exponential
		}
		if got, want := message.MatchKey(pattern, key), refMatchKey(pattern, key); got != want {
			t.Fatalf("message.MatchKey(%q, %q) = %v, reference says %v", pattern, key, got, want)
		}
	})
}
