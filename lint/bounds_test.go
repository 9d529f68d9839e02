package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// parseConfig reads config text as if from path.
func parseConfig(t *testing.T, text string) (*Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), load.ConfigFileName)
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
		{"max_bundle_size", "[lint]\nmax_bundle_size = 1000\n", ""},
		{"max_bundle_size negative", "[lint]\nmax_bundle_size = -5\n", ":2: [lint] max_bundle_size must be a positive number of bytes, not -5"},
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
	_, err := load.LoadFile(big, &cfg.Config)
	var ie *load.InputError
	if !errors.As(err, &ie) || ie.Path != big {
		t.Fatalf("LoadFile: %v, want an InputError", err)
	}
	for _, want := range []string{"307200 bytes", "limit of 262144 bytes", "max_file_size"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := load.Load(big, make([]byte, 300<<10), &cfg.Config); !errors.As(err, &ie) {
		t.Errorf("Load of 300 KiB: %v, want an InputError", err)
	}
	cfg.Lint.MaxFileSize = 1 << 20
	if _, err := load.LoadFile(big, &cfg.Config); err != nil {
		t.Errorf("with max_file_size = 1 MiB: %v", err)
	}
	cfg.Lint.MaxFileSize = 10
	if _, err := load.LoadFile(big, &cfg.Config); err == nil || !strings.Contains(err.Error(), "limit of 10 bytes") {
		t.Errorf("with max_file_size = 10: %v", err)
	}
}

// TestBundleSizeCap: an i18n bundle may be larger than a template (it
// holds many messages, and real .po files pass 256 KiB), up to
// max_bundle_size; each message is held to max_file_size.
func TestBundleSizeCap(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, "locales", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var many strings.Builder
	many.WriteString("{")
	for i := 0; i < 3000; i++ {
		if i > 0 {
			many.WriteString(",")
		}
		many.WriteString(`"k` + strconv.Itoa(i) + `": "` + strings.Repeat("Ihre Lieferung ", 7) + `"`)
	}
	many.WriteString("}")
	cfg := DefaultConfig(nil)
	if _, err := load.LoadFile(write("de.json", many.String()), &cfg.Config); err != nil || many.Len() < 300<<10 {
		t.Errorf("bundle of %d bytes: %v", many.Len(), err)
	}
	one := write("fr.json", "{\n  \"a\": \"b\",\n  \"big\": \""+strings.Repeat("x", 300<<10)+"\"\n}\n")
	_, err := load.LoadFile(one, &cfg.Config)
	var ie *load.InputError
	if !errors.As(err, &ie) || ie.Line != 3 || !strings.Contains(err.Error(), "a message of 307200 bytes, over the limit of 262144 bytes") {
		t.Errorf("one big message: %v", err)
	}
	var tiny strings.Builder
	for i := 0; i < 20000; i++ {
		tiny.WriteString("k" + strconv.Itoa(i) + "=v\n")
	}
	if _, err := load.LoadFile(write("messages_de.properties", tiny.String()), &cfg.Config); err == nil ||
		!strings.Contains(err.Error(), "20000 messages, over the limit of 16384 (one per 64 bytes of [lint] max_bundle_size)") {
		t.Errorf("20000 tiny messages in %d bytes: %v", tiny.Len(), err)
	}
	cfg.Lint.MaxBundleSize = 1000
	if _, err := load.LoadFile(one, &cfg.Config); err == nil || !strings.Contains(err.Error(), "limit of 1000 bytes; not checked (raise [lint] max_bundle_size") {
		t.Errorf("max_bundle_size = 1000: %v", err)
	}
}

// TestConfigNotRegular: a config that is not a regular file is refused
// (a named pipe would block), except /dev/null, an empty config.
func TestConfigNotRegular(t *testing.T) {
	if _, err := LoadConfig(t.TempDir(), nil); err == nil || !strings.Contains(err.Error(), "a directory, not a regular file") {
		t.Errorf("directory: %v", err)
	}
	if _, err := LoadConfig(os.DevNull, nil); err != nil {
		t.Errorf("%s: %v", os.DevNull, err)
	}
}

// TestDirectoryNamedLikeATemplate: a directory given where a file is read
// is an input error, not a read error from the middle of the run.
func TestReadRegularDirectory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "x.txt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := load.LoadFile(dir, load.DefaultConfig())
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
		_, err := load.Load("locales/de.yml", []byte(doc), load.DefaultConfig())
		var ie *load.InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), "aliases expand too far") || ie.Line < 1 {
			t.Errorf("leaf %s (%d bytes): %v", leaf, len(doc), err)
		}
	}
	// Ordinary use of aliases stays well within the budget.
	ok := "de:\n  base: &b\n    hi: Hallo\n    bye: Tschüss\n"
	for i := 0; i < 50; i++ {
		ok += "  k" + string(rune('a'+i%26)) + string(rune('a'+i/26)) + ":\n    <<: *b\n    own: eigen\n"
	}
	ts, err := load.Load("locales/de.yml", []byte(ok), load.DefaultConfig())
	if err != nil || len(ts) != 2+50*3 {
		t.Fatalf("merge keys: %d templates, %v", len(ts), err)
	}
}

// TestPlaceholderMaxBound: a max of 99999999999 used to make the worst
// case SMS a 100 GB string (a Go out-of-memory crash); 1000000000 took 21 s.
func TestPlaceholderMaxBound(t *testing.T) {
	for _, max := range []string{"99999999999", "1000000000", "10001"} {
		doc := "+++\nchannel = \"sms\"\n[vars]\nname = { sample = \"Anna\", max = " + max + " }\n+++\nAcme: Hi {{name}}, your parcel arrives at 14:00.\n"
		ts, err := load.Load("sms/x.txt", []byte(doc), load.DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		tp := ts[0]
		found := false
		for _, p := range tp.Problems {
			if p.Kind == message.FrontMatterProblem && strings.Contains(p.Message, "over the limit of 10000") {
				found = true
				if line := tp.Source.Position(p.Start).Line; line != 4 {
					t.Errorf("max = %s: problem on line %d, want 4", max, line)
				}
			}
		}
		if !found {
			t.Fatalf("max = %s: no frontmatter problem in %+v", max, tp.Problems)
		}
		if v := tp.Vars["name"]; v == nil || v.Max != message.MaxVarLength {
			t.Fatalf("max = %s: var %+v, want max %d", max, v, message.MaxVarLength)
		}
		if est := message.EstimateSMS(tp, sms.DefaultSettings()); est.Worst.Segments < 2 {
			t.Errorf("max = %s: worst case %+v", max, est.Worst)
		}
	}

}

// FuzzConfig: the config loader never panics; it accepts a file or names
// what is wrong with it.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"[lint]\ninclude = [\"**/*.txt\"]\nexclude = [\"**/drafts/**\"]\ndefault_locale = \"en\"\nmax_file_size = 1000\n" +
			"[sms]\nmax_segments = 2\ndefault_var_length = 30\nsplit = \"minimal\"\n[rules.with-opts]\nseverity = \"error\"\nterms = [\"SAP\"]\nmax = 2\n",
		"[[lint.bundle]]\npath = \"locales/*.yml\"\nformat = \"yaml\"\nkeys = [\"*.sms.*\"]\nchannel = { sms = [\"*.sms.*\"] }\n",
		"[lint.group]\nenabled = true\n[landing]\ntimeout = \"2s\"\n[landing.pages]\n\"https://a.example/*\" = \"x.html\"\n",
		"[rules.plain]\nseverity = 3\n", "[lint]\ninclude = [\"[\"]\n", "\xEF\xBB\xBF[sms]\nmax_segments = 0\n", "a = {",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rules := testRules()
		c := DefaultConfig(rules)
		if err := c.parse(load.ConfigFileName, []byte(s), rules); err != nil {
			if !strings.HasPrefix(err.Error(), load.ConfigFileName) {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if c.MaxFileSizeBytes() < 1 {
			t.Fatalf("accepted out-of-range values: %+v", c.Lint)
		}
	})
}
