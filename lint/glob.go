package lint

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
// segments use path.Match syntax (*, ?, [...]).
func MatchGlob(pattern, name string) bool {
	return matchSegs(strings.Split(pattern, "/"), strings.Split(name, "/"))
}

func matchSegs(pat, name []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(name); i++ {
				if matchSegs(rest, name[i:]) {
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
		pat, name = pat[1:], name[1:]
	}
	return len(name) == 0
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
	if len(parts) == 2 && len(parts[1]) >= 5 && isLetters(parts[1]) {
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
