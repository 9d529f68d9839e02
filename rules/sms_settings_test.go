package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// TestSMSSettingsBounds: the SMS settings, under [sms] or
// [rules.sms-segments], are bounded and a bad value names its line.
func TestSMSSettingsBounds(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[sms]\ndefault_var_length = 99999999999\n", "default_var_length must be 0 to 10000, not 99999999999"},
		{"[rules.sms-segments]\ndefault_var_length = -1\n", "default_var_length must be 0 to 10000, not -1"},
		{"[sms]\nmax_segments = 300\n", "max_segments must be 1 to 255, not 300"},
	} {
		path := filepath.Join(t.TempDir(), ".notelint.toml")
		if err := os.WriteFile(path, []byte(c.text), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := lint.LoadConfig(path, All())
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), ":2") {
			t.Errorf("%q: %v, want %q on line 2", c.text, err, c.want)
		}
	}
}

// TestSMSSegmentsAssumedLength: over the budget only through the assumed
// length of undeclared placeholders is no finding; a declared max is.
func TestSMSSegmentsAssumedLength(t *testing.T) {
	long := strings.Repeat("x", 140)
	cases := []struct {
		name, text string
		want       int
	}{
		{"assumed length only", "Acme: " + long + " {{name}}", 0},
		{"declared max", "+++\n[vars]\nname = { max = 20 }\n+++\nAcme: " + long + " {{name}}", 1},
		{"declared unicode charset", "+++\n[vars]\nname = { charset = \"unicode\" }\n+++\nAcme: " + long[:60] + " {{name}}", 1},
		{"over without placeholders", "Acme: " + long + long, 1},
	}
	for _, c := range cases {
		if got := findingsOf(t, "sms-segments", "sms/en/a.txt", c.text); len(got) != c.want {
			t.Errorf("%s: %d findings, want %d", c.name, len(got), c.want)
		}
	}
}
