package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// pathologicalMarkdown are inputs on which goldmark's work grows faster
// than their size, each about 64 KiB; the old loader took from 1 to over
// 20 seconds on each (on one line, "[a](" repeated 60,000 times took 40 s).
var pathologicalMarkdown = map[string]string{
	"unclosed links":         strings.Repeat("[a](", 16<<10),
	"empty links":            strings.Repeat("[](", 21<<10),
	"angle destinations":     strings.Repeat("[a](<b", 10<<10),
	"unclosed code spans":    strings.Repeat("\\``\n", 16<<10),
	"code spans on a line":   strings.Repeat("\\`` ", 16<<10),
	"emphasis":               strings.Repeat("*a_\n", 16<<10),
	"nested quotes":          strings.Repeat("> ", 32<<10),
	"nested ordered lists":   strings.Repeat("1. ", 21<<10),
	"nested bullet lists":    strings.Repeat("- ", 32<<10),
	"quotes after a line":    "Hi\n\n" + strings.Repeat("> ", 34),
	"links after paragraph":  "# Title\n\nHello.\n\n" + strings.Repeat("[a](", 60000),
	"links after inline tag": "<span>" + strings.Repeat("[a](", 60000),
}

func TestMarkdownGuard(t *testing.T) {
	for name, src := range pathologicalMarkdown {
		off := markdownGuard([]byte(src))
		if off < 0 {
			t.Errorf("%s: not caught", name)
			continue
		}
		if off > 0 && src[off-1] != '\n' {
			t.Errorf("%s: offset %d is not at a line start", name, off)
		}
	}
	if off := markdownGuard([]byte(pathologicalMarkdown["links after paragraph"])); off != len("# Title\n\nHello.\n\n") {
		t.Errorf("links after paragraph: offset %d", off)
	}
	// Real templates, and a long but ordinary one, are parsed in full.
	files, _ := filepath.Glob("../../examples/templates/email/*/*.md")
	more, _ := filepath.Glob("../../testdata/*/templates/*/*.md")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no example Markdown found")
	}
	var long strings.Builder
	for i := 0; i < 200; i++ {
		long.WriteString("Your order **AB12** is late. [Track it](https://acme.example/t/AB12) or see `FAQ`.\n" +
			"We will text you when it leaves the depot.\n\n- one\n- two\n\n> quoted\n\n")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if off := markdownGuard(data); off >= 0 {
			t.Errorf("%s: guard at %d", f, off)
		}
	}
	// An HTML block is raw up to the next blank line: not inline markup.
	long.WriteString("<table class=\"x\">\n" + strings.Repeat("<tr><td><a href=\"https://acme.example/\">[x](y)</a></td></tr>\n", 2000) + "</table>\n\nBye.\n")
	if off := markdownGuard([]byte(long.String())); off >= 0 {
		t.Errorf("long ordinary document (%d bytes): guard at %d", long.Len(), off)
	}
}

// TestMarkdownPathologicalLoad: such a document loads with a note and its
// text intact, read without inline markup.
func TestMarkdownPathologicalLoad(t *testing.T) {
	src := "+++\nkind = \"delay\"\n+++\nHello.\n\n" + strings.Repeat("[a](", 60000) + "\n"
	ts, err := Load("email/x.md", []byte(src), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	tp := ts[0]
	var note *message.Problem
	for i := range tp.Problems {
		if tp.Problems[i].Kind == message.EncodingProblem && strings.Contains(tp.Problems[i].Message, "from line 6 has too much") {
			note = &tp.Problems[i]
		}
	}
	if note == nil {
		t.Fatalf("no note in %+v", tp.Problems)
	}
	if want := "Hello.\n\n" + strings.Repeat("[a](", 60000); tp.Body().Text.String() != want {
		t.Errorf("body text differs: %.40q…", tp.Body().Text.String())
	}
}

func BenchmarkMarkdownPathological(b *testing.B) {
	for name, src := range pathologicalMarkdown {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				markdownText([]byte(src), 0)
			}
		})
	}
}
