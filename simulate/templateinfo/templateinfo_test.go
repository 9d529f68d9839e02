package templateinfo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules"
)

func TestLoad(t *testing.T) {
	cfg := lint.DefaultConfig(rules.All())
	info, err := Load("../../examples/simulate/templates", cfg)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := info["delivery-delayed"]
	if !ok || got.Channel != "sms" || got.Segments < 1 {
		t.Errorf("delivery-delayed: %+v (found %v) in %v", got, ok, info)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("Acme: \xff\xfe"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir, cfg); err == nil || !strings.Contains(err.Error(), "bad.txt") {
		t.Errorf("a broken file: %v, want an error naming it", err)
	}
}
