package load

import (
	"bytes"
	"strings"

	"github.com/notelint/notelint/lint/message"
	"github.com/yuin/goldmark/ast"
)

// markdownText extracts the text a reader sees from a Markdown body that
// starts at file offset off: blocks separated by blank lines, link texts
// with their targets, and suppression comments.
func markdownText(content []byte, off int) (message.Text, []message.Link, message.Directives) {
	src := content[off:]
	doc := parseMarkdown(src, markdownGuard(src) >= 0)
	var b message.TextBuilder
	b.SetHost(message.HostMarkdown)
	var dirs message.Directives
	open := map[string]int{}
	var links []message.Link
	type openLink struct {
		url   string
		start int
		node  ast.Node
	}
	var stack []openLink
	cursor := 0 // source offset after the last text seen, to locate link targets
	block := func() {
		if b.Len() > 0 && !b.EndsWith("\n\n") {
			b.TrimRightSpace()
			b.Mapped("\n\n", off+cursor, off+cursor)
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch x := n.(type) {
		case *ast.Text:
			if !entering {
				return ast.WalkContinue, nil
			}
			seg := x.Segment
			if x.Parent() != nil && x.Parent().Kind() == ast.KindCodeSpan {
				b.SetHost(message.HostMarkdownCd)
			}
			message.AppendDecoded(&b, string(src[seg.Start:seg.Stop]), off+seg.Start, true)
			b.SetHost(message.HostMarkdown)
			cursor = seg.Stop
			if x.HardLineBreak() {
				b.Mapped("\n", off+seg.Stop, off+seg.Stop)
			} else if x.SoftLineBreak() {
				b.Mapped(" ", off+seg.Stop, off+seg.Stop)
			}
		case *ast.Link:
			if entering {
				stack = append(stack, openLink{url: string(x.Destination), start: b.Len(), node: x})
				return ast.WalkContinue, nil
			}
			if len(stack) == 0 {
				return ast.WalkContinue, nil
			}
			ol := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			l := message.Link{URL: ol.url, Start: ol.start, End: b.Len()}
			l.Label = string(b.Buf[ol.start:])
			// The target follows the label: ](url)
			if i := bytes.Index(src[cursor:], []byte("]")); i >= 0 {
				if j := bytes.Index(src[cursor+i:], []byte(ol.url)); j >= 0 && ol.url != "" {
					l.FileStart = off + cursor + i + j
					l.FileEnd = l.FileStart + len(ol.url)
					cursor += i + j + len(ol.url)
				}
			}
			if l.FileEnd == 0 {
				tx := b.Text()
				l.FileStart, l.FileEnd = tx.FileRange(l.Start, l.End)
			}
			links = append(links, l)
		case *ast.AutoLink:
			if !entering {
				return ast.WalkSkipChildren, nil
			}
			url := string(x.URL(src))
			label := string(x.Label(src))
			i := bytes.Index(src[cursor:], []byte(label))
			if i < 0 {
				b.Mapped(label, off+cursor, off+cursor)
				return ast.WalkSkipChildren, nil
			}
			start := b.Len()
			b.Verbatim(label, off+cursor+i)
			links = append(links, message.Link{URL: url, Start: start, End: b.Len(), Bare: true,
				FileStart: off + cursor + i, FileEnd: off + cursor + i + len(label)})
			cursor += i + len(label)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			if entering {
				for i := 0; i < x.Segments.Len(); i++ {
					s := x.Segments.At(i)
					htmlComment(&dirs, content, string(src[s.Start:s.Stop]), off+s.Start, open)
					cursor = s.Stop
				}
			}
		case *ast.HTMLBlock:
			if entering {
				lines := x.Lines()
				if lines.Len() > 0 {
					s0, s1 := lines.At(0).Start, lines.At(lines.Len()-1).Stop
					htmlComment(&dirs, content, string(src[s0:s1]), off+s0, open)
					cursor = s1
				}
				return ast.WalkSkipChildren, nil
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if entering {
				block()
				lines := n.Lines()
				b.SetHost(message.HostMarkdownCd)
				for i := 0; i < lines.Len(); i++ {
					s := lines.At(i)
					message.AppendLines(&b, string(src[s.Start:s.Stop]), off+s.Start)
					cursor = s.Stop
				}
				b.SetHost(message.HostMarkdown)
				block()
				return ast.WalkSkipChildren, nil
			}
		case *ast.Image:
			return ast.WalkSkipChildren, nil
		default:
			if n.Type() == ast.TypeBlock && n.Kind() != ast.KindDocument {
				if entering {
					if ls := n.Lines(); ls != nil && ls.Len() > 0 {
						cursor = ls.At(0).Start
					}
				}
				block()
			}
		}
		return ast.WalkContinue, nil
	})
	b.TrimRightSpace()
	return b.Text(), links, dirs
}

// htmlComment reads suppression directives from raw HTML holding comments.
func htmlComment(d *message.Directives, content []byte, raw string, off int, open map[string]int) {
	pos := 0
	for {
		i := strings.Index(raw[pos:], "<!--")
		if i < 0 {
			return
		}
		start := pos + i
		j := strings.Index(raw[start+4:], "-->")
		if j < 0 {
			return
		}
		end := start + 4 + j + 3
		d.Comment(content, raw[start+4:end-3], off+start, off+end, open)
		pos = end
	}
}
