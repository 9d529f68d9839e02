package load

import (
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// lonelyLocaleDirs returns the templates whose locale comes from a folder
// named like a word or abbreviation ("hr", "it", "id", "ms") that no
// sibling folder of another locale corroborates ("hrms/hr/…", "app/it/…":
// a module named hr or it, not Croatian or Italian): in a translated
// project the locale folders come in sets (en/, hr/, fr/).
// Bundles are not included; their folders are locale folders by
// convention.
func lonelyLocaleDirs(ts []*message.Template) map[*message.Template]bool {
	type at struct{ parent, locale string }
	seen := map[string]map[string]bool{} // parent folder → locales under it
	where := map[*message.Template]at{}
	for _, t := range ts {
		f := t.Scope.Locale
		if t.FromBundle || f.Source != message.FromPath || !strings.HasSuffix(f.Detail, "/") {
			continue
		}
		dir := strings.TrimSuffix(f.Detail, "/")
		if !ambiguousAffixes[strings.ToLower(dir)] {
			continue // "de/" alone is German; "hr/" alone may be a module
		}
		segs := strings.Split(filepath.ToSlash(t.Source.Path), "/")
		for i := len(segs) - 2; i >= 0; i-- {
			if segs[i] == dir {
				parent := strings.Join(segs[:i], "/")
				if seen[parent] == nil {
					seen[parent] = map[string]bool{}
				}
				seen[parent][t.Locale] = true
				where[t] = at{parent, t.Locale}
				break
			}
		}
	}
	out := map[*message.Template]bool{}
	for t, a := range where {
		if len(seen[a.parent]) == 1 {
			out[t] = true
		}
	}
	return out
}

// textOverLonelyDir gives a template whose locale folder stands alone the
// language its text surely reads as, when that differs. A text too short
// to tell keeps the folder's locale (an Italian SMS in it/).
func textOverLonelyDir(c *classify.Classifier, t *message.Template) {
	l := c.Language(scopeText(t))
	if !l.Sure || l.Code == message.BaseLanguage(t.Locale) {
		return
	}
	t.Locale = l.Code
	t.Scope.Locale = message.Fact{Value: l.Code, Source: message.FromText, Confidence: message.Medium,
		Detail: "stop words (the folder " + t.Scope.Locale.Detail + " has no sibling locale folders)"}
}
