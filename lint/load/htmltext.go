package load

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint/message"
	"golang.org/x/net/html"
)

// htmlBlocks are elements that start a new block of text.
var htmlBlocks = map[string]bool{
	"p": true, "div": true, "br": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "ul": true, "ol": true, "table": true, "tr": true, "td": true, "th": true, "section": true,
	"article": true, "header": true, "footer": true, "blockquote": true, "hr": true, "center": true,
	"main": true, "nav": true, "aside": true, "pre": true, "dl": true, "dt": true, "dd": true, "body": true,
	"button": true, "form": true, "figure": true, "figcaption": true, "address": true,
}

// htmlSkip are elements whose content is not message text.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "template": true, "noscript": true, "head": false,
	// MJML (e-mail markup compiled to HTML): styles and settings.
	"mj-style": true, "mj-attributes": true, "mj-font": true, "mj-breakpoint": true, "mj-html-attributes": true,
}

// htmlLineMarkupRe finds markup that lays out lines: document structure,
// paragraphs, line breaks, lists, tables, headings (or MJML).
var htmlLineMarkupRe = regexp.MustCompile(`(?i)<(?:html|head|body|p|br|div|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|hr|center|section|article|header|footer|meta|style|title|mj-[a-z-]+)[\s/>]`)

// htmlKeepsLines reports whether an HTML body is rich text whose line
// breaks are kept, as chat apps show it (Telegram's HTML mode: <b>, <a>,
// <code>, <pre> and nothing that lays out lines). An author who writes
// several lines without a <br> or <p> relies on the line breaks staying.
func htmlKeepsLines(body []byte) bool {
	return !htmlLineMarkupRe.Match(body) && bytes.Count(bytes.TrimSpace(body), []byte("\n")) > 0
}

// htmlText extracts the text a reader sees from an HTML body at file offset
// off: visible text with collapsed white space (line breaks kept when
// keepLines: see htmlKeepsLines), <a> texts with their href, alt texts,
// the <title>, and suppression comments. <style>, <script> and comments
// are not text.
func htmlText(content []byte, off int, keepLines bool) (body, title message.Text, links []message.Link, dirs message.Directives) {
	z := html.NewTokenizer(bytes.NewReader(content[off:]))
	var b, tb message.TextBuilder
	b.SetHost(message.HostHTML)
	tb.SetHost(message.HostHTML)
	open := map[string]int{}
	pos := off
	skip := 0
	inTitle := false
	type openA struct {
		href               string
		start              int
		fileStart, fileEnd int
	}
	var aStack []openA
	block := func() {
		if b.Len() > 0 && !b.EndsWith("\n\n") {
			b.TrimRightSpace()
			b.Mapped("\n\n", pos, pos)
		}
	}
	for {
		tt := z.Next()
		raw := z.Raw()
		tokStart := pos
		pos += len(raw)
		switch tt {
		case html.ErrorToken:
			b.TrimRightSpace()
			tb.TrimRightSpace()
			return b.Text(), tb.Text(), links, dirs
		case html.CommentToken:
			htmlComment(&dirs, content, string(raw), tokStart, open)
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nameB, hasAttr := z.TagName()
			name := string(nameB)
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			end := tt == html.EndTagToken
			if htmlSkip[name] {
				if end {
					if skip > 0 {
						skip--
					}
				} else if tt == html.StartTagToken {
					skip++
				}
				continue
			}
			if name == "title" {
				inTitle = !end && tt == html.StartTagToken
				continue
			}
			if skip > 0 {
				continue
			}
			if htmlBlocks[name] || strings.HasPrefix(name, "mj-") { // MJML's elements are blocks
				if name == "br" {
					b.TrimRightSpace()
					b.Mapped("\n", tokStart, pos)
				} else {
					block()
				}
			}
			switch {
			case name == "a" && !end:
				href := attrs["href"]
				s, e := attrRange(raw, "href")
				aStack = append(aStack, openA{href: href, start: b.Len(), fileStart: tokStart + s, fileEnd: tokStart + e})
			case name == "a" && end && len(aStack) > 0:
				a := aStack[len(aStack)-1]
				aStack = aStack[:len(aStack)-1]
				label := strings.TrimSpace(string(b.Buf[a.start:]))
				startTrim := a.start
				for startTrim < b.Len() && b.Buf[startTrim] == ' ' {
					startTrim++
				}
				endTrim := b.Len()
				for endTrim > startTrim && b.Buf[endTrim-1] == ' ' {
					endTrim--
				}
				if a.href != "" {
					links = append(links, message.Link{URL: a.href, Label: label, Start: startTrim, End: endTrim, FileStart: a.fileStart, FileEnd: a.fileEnd})
				}
			case name == "img" && !end:
				if alt := attrs["alt"]; strings.TrimSpace(alt) != "" {
					if b.Len() > 0 && !b.EndsWith(" ") && !b.EndsWith("\n") {
						b.Mapped(" ", tokStart, tokStart)
					}
					if s, e := attrRange(raw, "alt"); e > s {
						b.SetHost(attrHost(raw, s))
						message.AppendDecoded(&b, string(raw[s:e]), tokStart+s, false)
						b.SetHost(message.HostHTML)
					} else {
						b.Mapped(alt, tokStart, pos)
					}
				}
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if inTitle {
				appendCollapsed(&tb, string(raw), tokStart, false)
				continue
			}
			appendCollapsed(&b, string(raw), tokStart, keepLines)
		}
	}
}

// appendCollapsed appends HTML text, collapsing runs of white space to one
// space (to their line breaks, one or two, when keepLines) and dropping
// white space at the start of a block.
func appendCollapsed(b *message.TextBuilder, raw string, off int, keepLines bool) {
	i := 0
	for i < len(raw) {
		j := i
		if isHTMLSpace(raw[i]) {
			lines := 0
			for j < len(raw) && isHTMLSpace(raw[j]) {
				if raw[j] == '\n' {
					lines++
				}
				j++
			}
			switch {
			case b.Len() == 0:
			case keepLines && lines > 0:
				b.TrimRightSpace()
				b.Mapped("\n\n"[:min(lines, 2)], off+i, off+j)
			case !b.EndsWith(" ") && !b.EndsWith("\n"):
				b.Mapped(" ", off+i, off+j)
			}
		} else {
			for j < len(raw) && !isHTMLSpace(raw[j]) {
				j++
			}
			message.AppendDecoded(b, raw[i:j], off+i, false)
		}
		i = j
	}
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'
}

// attrHost is the syntax of an attribute value starting at raw[s].
func attrHost(raw []byte, s int) message.Host {
	h := message.Host{Str: message.StrRaw, Markup: message.MarkupHTMLAttr}
	if s > 0 && (raw[s-1] == '"' || raw[s-1] == '\'') {
		h.Quote = raw[s-1]
	}
	return h
}

// attrRange finds the value of attribute name inside a raw start tag and
// returns its byte range relative to the tag (without quotes).
func attrRange(raw []byte, name string) (int, int) {
	lower := bytes.ToLower(raw)
	from := 0
	for {
		i := bytes.Index(lower[from:], []byte(name))
		if i < 0 {
			return 0, 0
		}
		i += from
		j := i + len(name)
		if i > 0 && !isHTMLSpace(lower[i-1]) {
			from = j
			continue
		}
		for j < len(raw) && isHTMLSpace(raw[j]) {
			j++
		}
		if j >= len(raw) || raw[j] != '=' {
			from = j
			continue
		}
		j++
		for j < len(raw) && isHTMLSpace(raw[j]) {
			j++
		}
		if j < len(raw) && (raw[j] == '"' || raw[j] == '\'') {
			q := raw[j]
			k := bytes.IndexByte(raw[j+1:], q)
			if k < 0 {
				return j + 1, len(raw)
			}
			return j + 1, j + 1 + k
		}
		k := j
		for k < len(raw) && !isHTMLSpace(raw[k]) && raw[k] != '>' {
			k++
		}
		return j, k
	}
}

// markupInTags returns content with the angle brackets inside template
// tags and placeholders from off on turned into parentheses, so that the
// HTML reader does not take markup in a template expression for elements
// ({{ name ? '<p>' ~ name ~ '</p>' }}): the expression stays one
// placeholder. Offsets are kept; content itself is not changed (a copy is
// made when there is anything to turn).
func markupInTags(content []byte, off int, syn message.Syntax) []byte {
	// Markup inside a tag is quoted: an expression's string literal.
	if rest := content[off:]; !bytes.Contains(rest, []byte("'<")) && !bytes.Contains(rest, []byte("\"<")) {
		return content
	}
	text := string(content[off:])
	phs, _ := message.ScanSyntax(text, syn)
	var out []byte
	for _, ph := range phs {
		span := text[ph.Start:ph.End]
		if !strings.ContainsAny(span, "<>") || strings.HasPrefix(span, "<") {
			continue // no markup inside, or the tag itself is <% %>, <?= ?>
		}
		if out == nil {
			out = bytes.Clone(content)
		}
		for i := off + ph.Start; i < off+ph.End; i++ {
			switch out[i] {
			case '<':
				out[i] = '('
			case '>':
				out[i] = ')'
			}
		}
	}
	if out == nil {
		return content
	}
	return out
}
