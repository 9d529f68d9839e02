package landing

import (
	"strings"

	"golang.org/x/net/html"
)

// walker visits the body once in document order.
type walker struct {
	pg         *Page
	loginForms map[*html.Node]bool
	mainNode   *html.Node

	chrome  int // depth inside navigation, header, footer, aside
	inMain  int
	inLogin int
	// loginNodes are the login forms entered in the main content, innermost last.
	loginNodes []*html.Node
	loginSeen  bool
	mainText   strings.Builder
	words      int // words of main content so far

	action     *html.Node
	actionText strings.Builder
	heading    *html.Node
	headText   strings.Builder
	personal   map[string]bool
}

var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true,
	"math": true, "iframe": true, "object": true, "head": true, "select": true, "textarea": true,
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func attrOr(n *html.Node, key, def string) string {
	if v, ok := attr(n, key); ok {
		return v
	}
	return def
}

// content reports whether text at the current point is main content.
func (w *walker) content() bool {
	return w.chrome == 0 && (w.mainNode == nil || w.inMain > 0)
}

func (w *walker) run(root *html.Node) {
	n := root
	for n != nil {
		if w.enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil {
			w.leave(n)
			if n == root {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
	w.pg.MainWords = w.words
	w.pg.addStems(w.mainText.String())
}

// enter handles n and reports whether to visit its children. leave is
// called for every node enter was called for.
func (w *walker) enter(n *html.Node) bool {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return false
	case html.ElementNode:
	default:
		return n.Type == html.DocumentNode
	}
	tag := n.Data
	if n.Namespace != "" || skipTags[tag] {
		if tag == "select" || tag == "textarea" {
			w.field(n)
		}
		return false
	}
	if _, hidden := attr(n, "hidden"); hidden || strings.EqualFold(attrOr(n, "aria-hidden", ""), "true") {
		return false
	}
	role := strings.ToLower(strings.TrimSpace(attrOr(n, "role", "")))
	if n == w.mainNode {
		w.inMain++
	}
	if isChrome(tag, role, w.mainNode != nil) {
		w.chrome++
	}
	// A login form in the header or navigation is a convenience, not a
	// wall: only one in the main content counts.
	if w.content() && (w.loginForms[n] || tag == "input" && strings.EqualFold(attrOr(n, "type", ""), "password")) {
		if !w.loginSeen {
			w.loginSeen = true
			w.pg.Login = true
			w.pg.WordsBeforeLogin = w.words
		}
		if w.loginForms[n] {
			w.inLogin++
			w.loginNodes = append(w.loginNodes, n)
		}
	}
	switch tag {
	case "h1", "h2", "h3":
		if w.heading == nil && w.chrome == 0 || w.heading == nil && tag == "h1" {
			w.heading = n
			w.headText.Reset()
		}
	case "input":
		w.field(n)
		typ := strings.ToLower(attrOr(n, "type", ""))
		if (typ == "submit" || typ == "button" || typ == "image") && w.content() && w.action == nil {
			name := firstNonEmpty(attrOr(n, "aria-label", ""), attrOr(n, "value", ""), attrOr(n, "alt", ""), attrOr(n, "title", ""))
			if name == "" && typ == "submit" {
				name = "Submit"
			}
			w.pg.Actions = append(w.pg.Actions, collapse(name))
		}
		return false
	case "img":
		if alt := attrOr(n, "alt", ""); alt != "" && w.action != nil {
			w.actionText.WriteString(" " + alt + " ")
		}
		return false
	case "br", "p", "div", "li", "td", "th", "tr", "section", "article":
		w.space()
	}
	if w.action == nil && w.content() && isAction(n, tag, role) {
		w.action = n
		w.actionText.Reset()
	}
	return true
}

func (w *walker) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	tag := n.Data
	if n.Namespace != "" || skipTags[tag] || tag == "input" || tag == "img" {
		return
	}
	if _, hidden := attr(n, "hidden"); hidden || strings.EqualFold(attrOr(n, "aria-hidden", ""), "true") {
		return
	}
	role := strings.ToLower(strings.TrimSpace(attrOr(n, "role", "")))
	if n == w.action {
		name := firstNonEmpty(attrOr(n, "aria-label", ""), collapse(w.actionText.String()), attrOr(n, "title", ""))
		w.pg.Actions = append(w.pg.Actions, collapse(name))
		w.action = nil
	}
	if n == w.heading {
		t := collapse(w.headText.String())
		if tag == "h1" {
			w.pg.H1 = append(w.pg.H1, t)
		}
		if t != "" {
			w.pg.Headings = append(w.pg.Headings, t)
		}
		w.heading = nil
	}
	if k := len(w.loginNodes); k > 0 && w.loginNodes[k-1] == n {
		w.inLogin--
		w.loginNodes = w.loginNodes[:k-1]
	}
	if isChrome(tag, role, w.mainNode != nil) {
		w.chrome--
	}
	if n == w.mainNode {
		w.inMain--
	}
	switch tag {
	case "p", "div", "li", "td", "th", "tr", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6":
		w.space()
	}
}

func (w *walker) space() {
	w.mainText.WriteByte(' ')
	w.headText.WriteByte(' ')
	w.actionText.WriteByte(' ')
}

func (w *walker) text(s string) {
	if w.heading != nil {
		w.headText.WriteString(s)
	}
	if w.action != nil {
		w.actionText.WriteString(s)
	}
	if !w.content() {
		return
	}
	w.mainText.WriteString(s)
	if w.inLogin == 0 {
		w.words += WordCount(s)
	}
}

// isChrome reports whether an element holds site navigation rather than
// content. Inside a page with a <main>, only nav counts: the rest is
// outside main anyway.
func isChrome(tag, role string, hasMain bool) bool {
	if tag == "nav" || role == "navigation" {
		return true
	}
	if hasMain {
		return false
	}
	switch tag {
	case "header", "footer", "aside":
		return true
	}
	return role == "banner" || role == "contentinfo" || role == "complementary"
}

func isAction(n *html.Node, tag, role string) bool {
	switch {
	case tag == "a":
		href, ok := attr(n, "href")
		href = strings.TrimSpace(strings.ToLower(href))
		return ok && href != "" && !strings.HasPrefix(href, "#") && !strings.HasPrefix(href, "javascript:")
	case tag == "button":
		return true
	case role == "button" || role == "link":
		return true
	}
	return false
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}
