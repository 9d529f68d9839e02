package load

import (
	"strings"
	"testing"
)

// TestYAMLVersionDirective reads documents that declare %YAML 1.0 or 1.2
// (osTicket's e-mail templates say 1.0) as the 1.1 the decoder takes, with
// every value at its place in the file.
func TestYAMLVersionDirective(t *testing.T) {
	for _, dir := range []string{"%YAML 1.0", "%YAML 1.1", "%YAML 1.2", "%YAML\t1.0"} {
		src := dir + "\n---\nsubject: Hello\nbody: Your ticket was created.\n"
		entries, err := parseYAMLBundle([]byte(src), 0)
		if err != nil {
			t.Fatalf("%q: %v", dir, err)
		}
		if len(entries) != 2 {
			t.Fatalf("%q: %d entries", dir, len(entries))
		}
		for _, e := range entries {
			if got := src[e.start:e.end]; got != e.text.String() || !strings.Contains(src, got) {
				t.Errorf("%q: value %q at [%d,%d) reads %q in the file", dir, e.text.String(), e.start, e.end, got)
			}
		}
	}
	if _, err := parseYAMLBundle([]byte("%YAML 2.0\n---\na: b\n"), 0); err == nil {
		t.Error("%YAML 2.0 read without an error")
	}
}

// TestPositionalKeys marks messages inside lists of records (canned replies,
// each a mapping) as positional, and leaves lists of strings, which
// translations keep in step, and plain keys alone: in YAML and in JSON.
func TestPositionalKeys(t *testing.T) {
	yml := "modules:\n- name: Greeting\n  content: Hello {{name}}\ndays:\n- Monday\n- Tuesday\nplain: Hi\n"
	js := `{"modules": [{"name": "Greeting", "content": "Hello"}], "days": ["Monday"], "plain": "Hi"}`
	for _, c := range []struct {
		name    string
		entries func() ([]bundleEntry, error)
	}{
		{"yaml", func() ([]bundleEntry, error) { return parseYAMLBundle([]byte(yml), 0) }},
		{"json", func() ([]bundleEntry, error) { return parseJSONBundle([]byte(js), 0) }},
	} {
		entries, err := c.entries()
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for _, e := range entries {
			key := strings.Join(e.path, ".")
			if want := strings.HasPrefix(key, "modules."); e.positional != want {
				t.Errorf("%s: %s positional = %v, want %v", c.name, key, e.positional, want)
			}
		}
	}
}
