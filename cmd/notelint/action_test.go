package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestActionInstallsPinnedRef: `uses: notelint/notelint@REF` must run the
// notelint of REF, so by default the action builds its own checkout
// instead of go-installing the latest tag.
func TestActionInstallsPinnedRef(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &action); err != nil {
		t.Fatal(err)
	}
	if d := action.Inputs["version"].Default; d != "" {
		t.Errorf("input version defaults to %q; want empty (build the pinned ref)", d)
	}
	for _, s := range action.Runs.Steps {
		if s.Name != "Install notelint" {
			continue
		}
		build := strings.Index(s.Run, `(cd "$GITHUB_ACTION_PATH" && go install ./cmd/notelint)`)
		cond := strings.Index(s.Run, `[ -z "$NOTELINT_VERSION" ]`)
		if build < 0 || cond < 0 || cond > build {
			t.Errorf("the install step does not build the action's checkout when version is empty:\n%s", s.Run)
		}
		return
	}
	t.Error("no step named Install notelint")
}
