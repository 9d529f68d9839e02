package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint"
)

// docExample is one "Bad:" or "Good:" example of a rule's documentation:
// the content of one file, and its name.
type docExample struct {
	bad     bool
	file    string
	content string
}

// exampleHeader matches "Bad:", "Good:" and "Bad (note):" on a line of
// their own; a note starting with a file name ("Bad (locales/de.json, a
// missing comma):") names the example's file.
var exampleHeader = regexp.MustCompile(`^(Bad|Good)(?: \(([^)]*)\))?:$`)

var exampleFile = regexp.MustCompile(`^[\w./-]+\.(?:txt|md|html|toml|json|ya?ml|po|properties)$`)

// docExamples parses the examples of a rule doc: a header line, a blank
// line, then the file content indented by four spaces, up to the next
// line that is not indented.
func docExamples(doc string) []docExample {
	lines := strings.Split(doc, "\n")
	var out []docExample
	for i := 0; i < len(lines); i++ {
		m := exampleHeader.FindStringSubmatch(lines[i])
		if m == nil || i+2 >= len(lines) || lines[i+1] != "" || !strings.HasPrefix(lines[i+2], "    ") {
			continue
		}
		ex := docExample{bad: m[1] == "Bad", file: "sms/example.txt"}
		if note := strings.TrimSpace(strings.SplitN(m[2], ",", 2)[0]); exampleFile.MatchString(note) {
			ex.file = note
		}
		var body []string
		j := i + 2
		for ; j < len(lines) && (lines[j] == "" || strings.HasPrefix(lines[j], "    ")); j++ {
			body = append(body, strings.TrimPrefix(lines[j], "    "))
		}
		ex.content = strings.TrimRight(strings.Join(body, "\n"), "\n") + "\n"
		out = append(out, ex)
		i = j - 1
	}
	return out
}

// docExampleContext holds files an example needs beside itself, by rule.
var docExampleContext = map[string]map[string]string{
	"translation-parity": {"en.yml": "en:\n  sms:\n    parcel_delayed: \"Your parcel is late. New time: %{eta}.\"\n"},
	"formality-mix": {
		"de_Formal/shipped.txt": "Acme: Ihre Bestellung ist unterwegs. Wir danken Ihnen.",
		"de_Formal/paid.txt":    "Acme: Wir haben Ihre Zahlung erhalten.",
	},
}

// docExampleSkip lists the rules whose examples cannot be run from the
// doc, and why.
var docExampleSkip = map[string]string{
	"encoding":     "its examples are bytes (a BOM, CRLF) that a doc cannot show",
	"landing-page": "its examples are landing pages, tested in landing_page_test.go",
}

// TestDocExamples checks that every rule's doc has a bad and a good example
// in the parseable form, that the rule flags the bad one and does not flag
// the good one.
func TestDocExamples(t *testing.T) {
	for _, r := range All() {
		t.Run(r.ID, func(t *testing.T) {
			examples := docExamples(r.Doc)
			var bad, good int
			for _, ex := range examples {
				if ex.bad {
					bad++
				} else {
					good++
				}
			}
			if why, ok := docExampleSkip[r.ID]; ok {
				if !strings.Contains(r.Doc, "Bad") || !strings.Contains(r.Doc, "Good") {
					t.Errorf("the doc has no bad and good example")
				}
				t.Skip(why)
			}
			if bad == 0 || good == 0 {
				t.Fatalf("the doc needs a \"Bad:\" and a \"Good:\" example, each a blank line then the file indented by four spaces (found %d bad, %d good)", bad, good)
			}
			for _, ex := range examples {
				n := countExampleFindings(t, r.ID, ex)
				switch {
				case ex.bad && n == 0:
					t.Errorf("%s does not flag its bad example %s:\n%s", r.ID, ex.file, ex.content)
				case !ex.bad && n > 0:
					t.Errorf("%s flags its good example %s %d times:\n%s", r.ID, ex.file, n, ex.content)
				}
			}
		})
	}
}

// countExampleFindings checks the example as the only file of a repository
// (with the rule's context files) and counts the findings of rule id in it.
func countExampleFindings(t *testing.T, id string, ex docExample) int {
	t.Helper()
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	file := write(ex.file, ex.content)
	files := []string{file}
	for name, content := range docExampleContext[id] {
		files = append(files, write(name, content))
	}
	all := All()
	cfg := lint.DefaultConfig(all)
	runner := &lint.Runner{Rules: all, Config: cfg, Jobs: 1}
	res := runner.RunFiles(files)
	n := 0
	for _, f := range res.Findings {
		if f.Rule == id && f.File == file {
			n++
		}
	}
	return n
}
