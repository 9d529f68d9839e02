package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestReadmeRuleTable checks that the README's rule table lists every
// registered rule, with its default severity, and no rule that does not
// exist.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([a-z0-9-]+)` \\| (error|warning|info) \\|")
	listed := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		listed[m[1]] = m[2]
	}
	known := map[string]bool{}
	for _, r := range All() {
		known[r.ID] = true
		sev, ok := listed[r.ID]
		switch {
		case !ok:
			t.Errorf("rule %s is missing from the README rule table", r.ID)
		case sev != r.Severity.String():
			t.Errorf("README says %s defaults to %s, the rule says %s", r.ID, sev, r.Severity)
		}
	}
	for id := range listed {
		if !known[id] {
			t.Errorf("the README rule table lists %s, which is not a registered rule", id)
		}
	}
}
