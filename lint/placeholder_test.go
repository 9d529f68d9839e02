package lint

import (
	"reflect"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

func TestScanPlaceholders(t *testing.T) {
	cases := []struct {
		text   string
		names  []string
		issues int
	}{
		{"Hi {{ name }}", []string{"name"}, 0},
		{"Hi {{.Name}}", []string{"Name"}, 0},
		{"Hi {{ name | upcase }}", []string{"name"}, 0},
		{"Hi {{- .Name -}}", []string{"Name"}, 0},
		{"Hi {{{ raw }}}", []string{"raw"}, 0},
		{"Hi %{name}", []string{"name"}, 0},
		{"Hi {name}, {count, number}", []string{"name", "count"}, 0},
		{"{% if x %}Hi{% endif %}", []string{"", ""}, 0},
		{"{{#items}}x{{/items}}", []string{"", ""}, 0},
		{"{{ if .X }}y{{ end }}", []string{"", ""}, 0},
		{"Hi {{ name", nil, 1},
		{"Hi name }}", nil, 1},
		{"Hi {{ a {{ b }}", []string{"b"}, 1},
		{"Hi %{name", nil, 1},
		{"JSON {\"a\": 1} and { spaced }", nil, 0},
		{"10:30 and {{ user.first_name }}", []string{"user.first_name"}, 0},
	}
	for _, c := range cases {
		phs, issues := message.ScanPlaceholders(c.text)
		var names []string
		for _, p := range phs {
			names = append(names, p.Name)
		}
		if !reflect.DeepEqual(names, c.names) || len(issues) != c.issues {
			t.Errorf("%q: names %q issues %d, want %q %d", c.text, names, len(issues), c.names, c.issues)
		}
	}
}

func FuzzScanPlaceholders(f *testing.F) {
	for _, s := range []string{"Hi {{ name }}", "{% x %}", "%{a}", "{a, plural, one {x} other {y}}", "}}{{", "{{{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		phs, issues := message.ScanPlaceholders(s)
		last := 0
		for _, p := range phs {
			if p.Start < last || p.End > len(s) || p.End <= p.Start {
				t.Fatalf("bad placeholder %+v in %q", p, s)
			}
			last = p.End
		}
		for _, is := range issues {
			if is.Start < 0 || is.End > len(s) {
				t.Fatalf("bad issue %+v", is)
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	seeds := []struct{ ext, s string }{
		{".txt", "+++\nkind = \"delay\"\n[vars]\neta = {max = 3}\n+++\nHi {{eta}}"},
		{".md", "# T\n\n[a](b) <!-- notelint-disable x -->\n"},
		{".html", "<p>Hi <a href='x'>y</a></p><!-- notelint-disable-next-line a -->"},
		{".toml", "[[message]]\nbody = \"\"\"\nx \\\n  y\"\"\"\n"},
		{".html", "<p>{{ a ? '<p>' ~ a ~ '</p>' }}</p>\n<b>Label:</b> {$x}{/if} [% y %] [% z %]"},
		{".mjml", "<mjml><mj-body><mj-text>Hi ${a} ${b}</mj-text></mj-body></mjml>"},
	}
	for _, s := range seeds {
		f.Add(s.ext, s.s)
	}
	f.Fuzz(func(t *testing.T, ext, s string) {
		switch ext {
		case ".txt", ".md", ".html", ".toml", ".mjml":
		default:
			ext = ".txt"
		}
		ts, err := load.Load("f"+ext, []byte(s), load.DefaultConfig())
		if err != nil {
			return
		}
		for _, tp := range ts {
			for _, p := range tp.Parts {
				n := p.Text.Len()
				for i := 0; i <= n; i++ {
					a, b := p.Text.FileRange(i, n)
					if a < 0 || b > len(s) || a > b {
						t.Fatalf("range %d..%d -> %d..%d of %d", i, n, a, b, len(s))
					}
				}
			}
			for _, pr := range tp.Problems {
				if pr.Start < 0 || pr.End > len(s) {
					t.Fatalf("problem out of range %+v", pr)
				}
			}
		}
	})
}
