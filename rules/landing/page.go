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
