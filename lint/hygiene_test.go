package lint

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

func TestFileHygiene(t *testing.T) {
	cases := []struct {
		name, content string
		want          []string // "rule severity line" of each problem
	}{
		{"clean", "Hello\nWorld\n", nil},
		{"crlf only", "Hello\r\nWorld\r\n", nil},
		{"bom", "\xEF\xBB\xBFHello", []string{"file encoding info 1"}},
		{"mixed", "a\r\nb\nc\r\nd\r\n", []string{"file encoding warning 2"}},
		{"bare cr", "a\rb\n", []string{"file encoding warning 1"}},
		{"empty", "", []string{"file encoding info 1"}},
		{"blank", " \n\n", []string{"file encoding info 1"}},
	}
	for _, c := range cases {
		src := message.NewSource("x.txt", []byte(c.content))
		var got []string
		for _, p := range load.FileHygiene(src) {
			got = append(got, p.Kind.String()+" "+p.Severity.String()+" "+itoa(src.Position(p.Start).Line))
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestEmptyFileTemplate(t *testing.T) {
	tpl := load1(t, "sms/empty.txt", "")
	if !tpl.Empty || len(tpl.Problems) != 1 || tpl.Problems[0].Kind != message.EncodingProblem {
		t.Fatalf("empty file: Empty=%v problems %+v", tpl.Empty, tpl.Problems)
	}
	ran := false
	rule := &Rule{ID: "hygiene", Severity: message.Info, Owns: []message.ProblemKind{message.EncodingProblem}, Check: func(p *Pass) { ran = true }}
	got := (&Runner{Rules: []*Rule{rule}, Config: DefaultConfig([]*Rule{rule})}).CheckTemplate(tpl, nil)
	if ran || len(got) != 1 || got[0].Severity != message.Info {
		t.Errorf("an empty template reports its problems only: ran=%v findings %+v", ran, got)
	}
}

func TestEntitiesDecodedInEngineHTML(t *testing.T) {
	tpl := load1(t, "mails/fr-html.html.twig", "<p>Voil&agrave; {{ name }}&nbsp;!</p>")
	if got := tpl.Body().Text.String(); got != "Voilà {{ name }}\u00a0!" {
		t.Errorf("text %q", got)
	}
	if tpl.Locale != "fr" || tpl.Body().Format != message.HTML {
		t.Errorf("locale %q format %v", tpl.Locale, tpl.Body().Format)
	}
	wantAt(t, tpl, message.PartBody, "à", "1:8")
}

func TestUnparsedOncePerFile(t *testing.T) {
	tpl := load1(t, "x.gotmpl", "{{ if .A }}a\n{{ if .B }}b\n")
	n := 0
	for _, p := range tpl.Problems {
		if p.Kind == message.PlaceholderProblem {
			n++
			if p.Severity != message.Info {
				t.Errorf("unparsed must be info: %+v", p)
			}
		}
	}
	if n != 1 {
		t.Errorf("%d placeholder problems, want 1: %+v", n, tpl.Problems)
	}
}
