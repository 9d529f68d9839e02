package landing

import (
	"bytes"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// Page is what notelint reads from a landing page. It is computed once per
// page and run and holds no language judgement: the rule judges it per
// message (see Judge).
type Page struct {
	Title       string   // text of <title>, white space collapsed; "" when missing or empty
	H1          []string // texts of the h1 elements, in order
	Headings    []string // texts of h1–h3, in order
	Lang        string   // <html lang> (or xml:lang)
	HasViewport bool     // a <meta name="viewport">
	Viewport    string   // its content
	Canonical   string   // <link rel="canonical"> href
	SiteName    string   // og:site_name or application-name
	// Alternates maps an hreflang value (lower-case, and its base language)
	// to the href of <link rel="alternate" hreflang="…">.
	Alternates map[string]string
	// Stems are the word stems (see Stem) of the title, the headings and
	// the main text.
	Stems map[string]struct{}
	// MainWords is the number of words of the main content.
	MainWords int
	// Actions are the accessible names of the links and buttons in the main
	// content, in document order.
	Actions []string
	// Login is true when the page has a password field or a login form;
	// WordsBeforeLogin counts the words of main content before the first.
	Login            bool
	WordsBeforeLogin int
	// Personal lists the kinds of personal data the page's fields ask for
	// ("e-mail address", "password", ...), each once, in document order.
	Personal []string
	// BadCharset is a charset label declared in a <meta> that no browser
	// knows; "" when fine.
	BadCharset string
}

// Decode converts a page body to UTF-8 following the HTML rules (BOM,
// Content-Type charset, <meta> prescan, UTF-8 sniffing, windows-1252). It
// returns a problem text when the declared charset is unknown or when a
// page declared as UTF-8 holds invalid bytes; the body is still decoded as
// well as a browser would.
func Decode(body []byte, contentType string) ([]byte, string) {
	problem := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if label := strings.TrimSpace(params["charset"]); label != "" {
			if e, _ := charset.Lookup(label); e == nil {
				problem = "the server declares charset " + quote(label) + ", which browsers do not know: accented letters may show as garbage"
				contentType = "text/html"
			}
		}
	}
	e, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		if problem == "" && certain && !utf8.Valid(body) {
			problem = "the page is declared as UTF-8 but holds bytes that are not UTF-8: accented letters show as \uFFFD"
		}
		return body, problem
	}
	out, err := e.NewDecoder().Bytes(body)
	if err != nil {
		if problem == "" {
			problem = "the page cannot be decoded as " + name + ": " + err.Error()
		}
		return body, problem
	}
	return out, problem
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return "\"" + strings.ToValidUTF8(s, "\uFFFD") + "\""
}

// Analyze parses an HTML page (already UTF-8) with goquery and extracts
// what the checks need. It never panics on malformed HTML.
func Analyze(body []byte) *Page {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		// html.Parse fails only on reader errors, which a byte slice has not.
		return &Page{Stems: map[string]struct{}{}, Alternates: map[string]string{}}
	}
	return analyzeDoc(doc)
}

func analyzeDoc(doc *goquery.Document) *Page {
	pg := &Page{Stems: map[string]struct{}{}, Alternates: map[string]string{}}
	htmlEl := doc.Find("html").First()
	pg.Lang = strings.TrimSpace(htmlEl.AttrOr("lang", ""))
	if pg.Lang == "" {
		pg.Lang = strings.TrimSpace(htmlEl.AttrOr("xml:lang", ""))
	}
	pg.Title = collapse(doc.Find("head title").First().Text())
	doc.Find("meta").Each(func(_ int, s *goquery.Selection) {
		name := strings.ToLower(strings.TrimSpace(s.AttrOr("name", "")))
		prop := strings.ToLower(strings.TrimSpace(s.AttrOr("property", "")))
		content := strings.TrimSpace(s.AttrOr("content", ""))
		switch {
		case name == "viewport" && !pg.HasViewport:
			pg.HasViewport, pg.Viewport = true, content
		case (prop == "og:site_name" || name == "application-name") && pg.SiteName == "":
			pg.SiteName = collapse(content)
		}
		label := ""
		if cs, ok := s.Attr("charset"); ok {
			label = strings.TrimSpace(cs)
		} else if strings.EqualFold(strings.TrimSpace(s.AttrOr("http-equiv", "")), "content-type") {
			if _, params, err := mime.ParseMediaType(content); err == nil {
				label = strings.TrimSpace(params["charset"])
			}
		}
		if label != "" && pg.BadCharset == "" {
			if e, _ := charset.Lookup(label); e == nil {
				pg.BadCharset = label
			}
		}
	})
	doc.Find("link[rel]").Each(func(_ int, s *goquery.Selection) {
		rels := strings.Fields(strings.ToLower(s.AttrOr("rel", "")))
		href := strings.TrimSpace(s.AttrOr("href", ""))
		for _, r := range rels {
			switch r {
			case "canonical":
				if pg.Canonical == "" {
					pg.Canonical = href
				}
			case "alternate":
				hl := strings.ToLower(strings.TrimSpace(s.AttrOr("hreflang", "")))
				if hl == "" || href == "" {
					continue
				}
				if _, ok := pg.Alternates[hl]; !ok {
					pg.Alternates[hl] = href
				}
				if i := strings.IndexAny(hl, "-_"); i > 0 {
					if _, ok := pg.Alternates[hl[:i]]; !ok {
						pg.Alternates[hl[:i]] = href
					}
				}
			}
		}
	})
	loginForms := map[*html.Node]bool{}
	doc.Find("form").Each(func(_ int, s *goquery.Selection) {
		if s.Find(`input[type="password" i]`).Length() > 0 || loginHint(s) {
			loginForms[s.Nodes[0]] = true
		}
	})
	body := doc.Find("body").First()
	if body.Length() == 0 {
		pg.addStems(pg.Title)
		return pg
	}
	var mainNode *html.Node
	if m := doc.Find(`main, [role="main" i]`).First(); m.Length() > 0 {
		mainNode = m.Nodes[0]
	}
	w := &walker{pg: pg, loginForms: loginForms, mainNode: mainNode}
	w.run(body.Nodes[0])
	pg.addStems(pg.Title)
	for _, h := range pg.Headings {
		pg.addStems(h)
	}
	return pg
}

func (pg *Page) addStems(s string) {
	for _, w := range Words(s) {
		pg.Stems[Stem(w)] = struct{}{}
	}
}

// loginHint reports whether a form's attributes say it is a login form.
func loginHint(s *goquery.Selection) bool {
	attrs := strings.ToLower(s.AttrOr("action", "") + " " + s.AttrOr("id", "") + " " + s.AttrOr("class", "") + " " + s.AttrOr("name", ""))
	for _, k := range []string{"login", "log-in", "log_in", "signin", "sign-in", "sign_in", "logon", "anmeld", "einlogg", "connexion", "se-connecter", "authenticat"} {
		if strings.Contains(attrs, k) {
			return true
		}
	}
	return false
}

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

// field records the kind of personal data an input asks for.
func (w *walker) field(n *html.Node) {
	k := fieldKind(n)
	if k == "" {
		return
	}
	if w.personal == nil {
		w.personal = map[string]bool{}
	}
	if !w.personal[k] {
		w.personal[k] = true
		w.pg.Personal = append(w.pg.Personal, k)
	}
}

// Personal data kinds.
const (
	kindEmail    = "e-mail address"
	kindPhone    = "phone number"
	kindPassword = "password"
	kindName     = "name"
	kindAddress  = "postal address"
	kindIBAN     = "IBAN or bank account"
	kindCard     = "card number"
	kindBirth    = "date of birth"
)

func fieldKind(n *html.Node) string {
	typ := strings.ToLower(strings.TrimSpace(attrOr(n, "type", "")))
	if n.Data == "input" {
		switch typ {
		case "email":
			return kindEmail
		case "tel":
			return kindPhone
		case "password":
			return kindPassword
		case "hidden", "submit", "button", "reset", "image", "checkbox", "radio", "file", "range", "color", "search":
			return ""
		}
	}
	for _, tok := range strings.Fields(strings.ToLower(attrOr(n, "autocomplete", ""))) {
		switch {
		case tok == "email":
			return kindEmail
		case strings.HasPrefix(tok, "tel"):
			return kindPhone
		case strings.HasSuffix(tok, "password"):
			return kindPassword
		case tok == "name" || strings.HasSuffix(tok, "-name") && !strings.HasPrefix(tok, "cc-") && tok != "username" && tok != "organization":
			return kindName
		case strings.HasPrefix(tok, "street-address"), strings.HasPrefix(tok, "address-"), tok == "postal-code":
			return kindAddress
		case strings.HasPrefix(tok, "cc-"):
			return kindCard
		case strings.HasPrefix(tok, "bday"):
			return kindBirth
		}
	}
	ident := strings.ToLower(attrOr(n, "name", "") + " " + attrOr(n, "id", ""))
	tokens := strings.FieldsFunc(ident, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 0x80)
	})
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(ident, s) {
				return true
			}
		}
		return false
	}
	tok := func(words ...string) bool {
		for _, t := range tokens {
			for _, w := range words {
				if t == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("iban", "bankaccount", "bank_account", "kontonummer", "rib"):
		if has("iban", "bank", "konto") || tok("rib") {
			return kindIBAN
		}
	}
	switch {
	case has("password", "passwort", "passwd", "motdepasse", "mot_de_passe") || tok("pwd", "pw", "mdp"):
		return kindPassword
	case has("email", "e-mail", "e_mail", "courriel") || tok("mail"):
		return kindEmail
	case has("phone", "telefon", "téléphone", "telephone", "mobile", "handy", "portable") || tok("tel"):
		return kindPhone
	case has("cardnumber", "card_number", "ccnum", "kreditkarte", "creditcard", "credit_card"):
		return kindCard
	case has("birth", "geburt", "naissance") || tok("dob"):
		return kindBirth
	case has("street", "strasse", "straße", "address", "adresse", "postcode", "postal", "zipcode", "codepostal", "code_postal") || tok("zip", "plz", "ort", "city", "ville"):
		return kindAddress
	case has("firstname", "first_name", "lastname", "last_name", "surname", "vorname", "nachname", "prenom", "prénom", "fullname", "full_name") || tok("name", "nom"):
		return kindName
	}
	return ""
}
