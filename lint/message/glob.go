package message

import (
	"fmt"
	"path"
	"strings"
)

// ValidateGlob reports a syntax error in a glob pattern.
func ValidateGlob(pattern string) error {
	for _, seg := range strings.Split(pattern, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return fmt.Errorf("invalid glob %q: %w", pattern, err)
		}
	}
	return nil
}

// MatchGlob reports whether the slash-separated name matches pattern, where
// "**" as a whole segment matches zero or more segments and the other
// segments use path.Match syntax (*, ?, [...]). It takes time proportional
// to the number of pattern segments times the number of name segments.
func MatchGlob(pattern, name string) bool {
	return matchSegs(collapseStars(strings.Split(pattern, "/")), strings.Split(name, "/"))
}

// collapseStars replaces runs of "**" segments by one: they match the same.
func collapseStars(pat []string) []string {
	out := pat[:0:0]
	for i, s := range pat {
		if s == "**" && i > 0 && pat[i-1] == "**" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// matchSegs matches pattern segments against name segments by dynamic
// programming: ok[j] tells whether pat[i:] matches name[j:], computed for
// i from the last segment back to the first, so no suffix is tried twice.
func matchSegs(pat, name []string) bool {
	n := len(name)
	ok := make([]bool, n+1)
	ok[n] = true // the empty pattern matches only the empty name
	next := make([]bool, n+1)
	for i := len(pat) - 1; i >= 0; i-- {
		if pat[i] == "**" {
			// "**" matches zero segments (ok[j]) or one more (next[j+1]).
			next[n] = ok[n]
			for j := n - 1; j >= 0; j-- {
				next[j] = ok[j] || next[j+1]
			}
		} else {
			next[n] = false
			for j := 0; j < n; j++ {
				next[j] = false
				if ok[j+1] {
					next[j], _ = path.Match(pat[i], name[j])
				}
			}
		}
		ok, next = next, ok
	}
	return ok[0]
}

// BaseLanguage returns the lower-case language subtag of a locale:
// "de" for "de-CH", "de_DE" or "DE".
func BaseLanguage(locale string) string {
	l := strings.ToLower(locale)
	if i := strings.IndexAny(l, "-_"); i >= 0 {
		l = l[:i]
	}
	return l
}

// NormalizeLocale writes a locale as BCP 47: "de_de" and "de-DE" give "de-DE".
func NormalizeLocale(locale string) string {
	parts := strings.FieldsFunc(locale, func(r rune) bool { return r == '-' || r == '_' })
	if len(parts) == 0 {
		return ""
	}
	parts[0] = strings.ToLower(parts[0])
	// A gettext variant ("de_Formal") is a private-use subtag: de-x-formal.
	if len(parts) == 2 && len(parts[1]) >= 5 && IsLetters(parts[1]) {
		return parts[0] + "-x-" + strings.ToLower(parts[1])
	}
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2:
			parts[i] = strings.ToUpper(parts[i])
		case 4:
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		}
	}
	return strings.Join(parts, "-")
}

// IsLetters reports whether s holds only ASCII letters.
func IsLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

// MatchKey reports whether a message id or bundle key matches pattern,
// where * matches any run of characters (dots and slashes included) and
// ? one byte. It takes time proportional to len(pattern)*len(key) at worst:
// on a mismatch only the last * is moved on, which is enough because a later
// * can cover whatever an earlier one would.
func MatchKey(pattern, key string) bool {
	p, k := 0, 0
	star, starK := -1, 0
	for k < len(key) {
		switch {
		case p < len(pattern) && pattern[p] == '*':
			star, starK = p, k
			p++
		case p < len(pattern) && (pattern[p] == '?' || pattern[p] == key[k]):
			p++
			k++
		case star >= 0:
			starK++
			p, k = star+1, starK
		default:
			return false
		}
	}
	for p < len(pattern) && pattern[p] == '*' {
		p++
	}
	return p == len(pattern)
}
