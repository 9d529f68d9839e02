package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// parseConfig reads config text as if from path.
func parseConfig(t *testing.T, text string) (*Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), ConfigFileName)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return LoadConfig(path, testRules())
}

func TestConfigBounds(t *testing.T) {
	cases := []struct {
		name, content, wantErr string
	}{
		{"max_file_size", "[lint]\nmax_file_size = 1000\n", ""},
		{"max_file_size negative", "[lint]\n\nmax_file_size = -1\n", ":3: [lint] max_file_size must be a positive number of bytes, not -1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := parseConfig(t, c.content)
			if c.wantErr == "" && err != nil {
				t.Fatal(err)
			}
			if c.wantErr != "" && (err == nil || !strings.Contains(err.Error(), c.wantErr)) {
				t.Fatalf("error %v, want %q", err, c.wantErr)
			}
		})
	}
}

// TestFileSizeCap: a file over [lint] max_file_size is an input error
// naming its size and the cap, checked before it is read.
func TestFileSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, []byte(strings.Repeat("x", 300<<10)), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := DefaultConfig(nil)
	_, err := LoadFile(big, cfg)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Path != big {
		t.Fatalf("LoadFile: %v, want an InputError", err)
	}
	for _, want := range []string{"307200 bytes", "limit of 262144 bytes", "max_file_size"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := Load(big, make([]byte, 300<<10), cfg); !errors.As(err, &ie) {
		t.Errorf("Load of 300 KiB: %v, want an InputError", err)
	}
	cfg.Lint.MaxFileSize = 1 << 20
	if _, err := LoadFile(big, cfg); err != nil {
		t.Errorf("with max_file_size = 1 MiB: %v", err)
	}
	cfg.Lint.MaxFileSize = 10
	if _, err := LoadFile(big, cfg); err == nil || !strings.Contains(err.Error(), "limit of 10 bytes") {
		t.Errorf("with max_file_size = 10: %v", err)
	}
}

// TestDirectoryNamedLikeATemplate: a directory given where a file is read
// is an input error, not a read error from the middle of the run.
func TestReadRegularDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.txt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := LoadFile(dir, DefaultConfig(nil))
	if err == nil || !strings.Contains(err.Error(), "a directory, not a regular file") {
		t.Fatalf("LoadFile(dir): %v", err)
	}
}

// billionLaughs is a YAML file of about 400 bytes whose aliases expand to
// 9^9 integers; integers used to escape the cap on messages, so the walk
// never ended.
func billionLaughs(leaf string) string {
	var b strings.Builder
	b.WriteString("de:\n  a: &a [" + strings.TrimSuffix(strings.Repeat(leaf+",", 9), ",") + "]\n")
	prev := "a"
	for _, c := range "bcdefgh" {
		name := string(c)
		b.WriteString("  " + name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",") + "]\n")
		prev = name
	}
	b.WriteString("  i: [" + strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",") + "]\n")
	return b.String()
}

func TestYAMLAliasBudget(t *testing.T) {
	for _, leaf := range []string{"1", "true", "x", "~"} {
		doc := billionLaughs(leaf)
		_, err := Load("locales/de.yml", []byte(doc), DefaultConfig(nil))
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "aliases expand too far") || ie.Line < 1 {
			t.Errorf("leaf %s (%d bytes): %v", leaf, len(doc), err)
		}
	}
	// Ordinary use of aliases stays well within the budget.
	ok := "de:\n  base: &b\n    hi: Hallo\n    bye: Tschüss\n"
	for i := 0; i < 50; i++ {
		ok += "  k" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ":\n    <<: *b\n    own: eigen\n"
	}
	ts, err := Load("locales/de.yml", []byte(ok), DefaultConfig(nil))
	if err != nil || len(ts) != 2+50*3 {
		t.Fatalf("merge keys: %d templates, %v", len(ts), err)
	}
}
