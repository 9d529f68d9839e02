package landing

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Check ids: each finding's message starts with "landing page <id>:" and
// each can be switched off in [rules.landing-page] disable.
const (
	CheckUnreachable = "unreachable"
	CheckNotHTML     = "not-html"
	CheckCharset     = "charset"
	CheckHomePage    = "home-page"
	CheckTitle       = "title"
	CheckHeading     = "heading"
	CheckTopic       = "topic"
	CheckAction      = "action"
	CheckViewport    = "viewport"
	CheckLang        = "lang"
	CheckLoginWall   = "login-wall"
	CheckHTTPForm    = "http-form"
	CheckUnmapped    = "unmapped"
)

// CheckIDs returns every check id in report order.
func CheckIDs() []string {
	return []string{
		CheckUnreachable, CheckNotHTML, CheckCharset, CheckHomePage, CheckTitle,
		CheckHeading, CheckLang, CheckViewport, CheckTopic, CheckAction,
		CheckLoginWall, CheckHTTPForm, CheckUnmapped,
	}
}

// Message is what the judgement needs to know of the template.
type Message struct {
	Lang string // base language; "" when unknown
	Kind string
	// Keys are the message's key words: content words minus stop words,
	// site names and filler, one per stem.
	Keys []KeyWord
	// KindWords are the kind's vocabulary in the message language
	// (delivery, Lieferung, livraison for a delay).
	KindWords []string
	// Site holds the words of the site's and sender's name (lower-case):
	// a title made of them alone is generic.
	Site    map[string]bool
	siteKey string
}

// key identifies the site words, for the memo of generic titles.
func (m *Message) key() string {
	if m.siteKey == "" {
		ws := make([]string, 0, len(m.Site))
		for w := range m.Site {
			ws = append(ws, w)
		}
		sort.Strings(ws)
		m.siteKey = "\x01" + strings.Join(ws, "\x00")
	}
	return m.siteKey
}

// KeyWord is one key word of a message.
type KeyWord struct {
	Word, Stem string
}

// Options tune the judgement.
type Options struct {
	Disabled map[string]bool
	// Overlap is the share of the message's key words the page must
	// mention (0..1).
	Overlap float64
	// MinExplain is the number of words of explanation a page must show
	// before a login form for it not to be a login wall.
	MinExplain int
}

// Problem is one failed check.
type Problem struct {
	Check   string
	Message string // complete: "landing page <check>: <page> ..."
	Hint    string
	Error   bool // the page is broken rather than unhelpful
}

// Judge runs the checks on one resolved page for one message. link is the
// URL the customer taps ("" for a landing file alone).
func Judge(t *Target, msg *Message, v *Vocab, o Options) []Problem {
	var out []Problem
	name := t.Name()
	add := func(check string, isErr bool, hint, format string, args ...any) {
		if o.Disabled[check] {
			return
		}
		out = append(out, Problem{Check: check, Error: isErr, Hint: hint,
			Message: "landing page " + check + ": " + name + " " + fmt.Sprintf(format, args...)})
	}
	res := t.Result
	switch {
	case res == nil:
		return nil
	case res.Refused:
		add(CheckUnreachable, true, "notelint fetches only public addresses: map the URL to a saved copy in [landing.pages], or pass --fetch-allow-private if the page is on your own network", "was not fetched: %s; notelint cannot check what a customer sees after tapping the link", res.Err)
		return out
	case res.Err != "":
		if res.File != "" {
			add(CheckUnreachable, true, "fix the path in [landing.pages] (relative to the config file) or add the page", "cannot be read: %s; notelint cannot check what a customer sees after tapping the link", res.Err)
		} else {
			add(CheckUnreachable, true, "fix the link or the page; a link in a sent message cannot be changed afterwards", "is unreachable: %s; a customer who taps the link on a phone gets an error instead of an answer, and calls", res.Err)
		}
		return out
	case res.NotHTML != "":
		add(CheckNotHTML, false, "link to an HTML page that explains the message; offer the file from there", "is not a web page but %s: a phone downloads it or opens another app instead of showing an answer", res.NotHTML)
		return out
	case res.Page == nil:
		return out
	}
	pg := res.Page
	if res.Charset != "" {
		add(CheckCharset, false, "serve the page as UTF-8 (Content-Type: text/html; charset=utf-8 and <meta charset=\"utf-8\">)", "has a charset problem: %s", res.Charset)
	}
	if why := homePage(t, res, pg); why != "" {
		add(CheckHomePage, false, "link to a page about this message (the order, the outage, the appointment), not to the start page", "%s: the customer lands on a generic start page and has to search for what the message is about, on a small screen", why)
	}
	site, siteKey := msg.Site, msg.key()
	if pg.SiteName != "" {
		site = withWords(site, pg.SiteName)
		siteKey += "\x01" + pg.SiteName
	}
	switch {
	case pg.Title == "":
		add(CheckTitle, false, "give the page a <title> that names the topic, e.g. \"Your delivery AB12CD: new time\"", "has no <title>: the phone's tab, history and share sheet show the bare address")
	case v.isGeneric(pg.Title, site, siteKey):
		add(CheckTitle, false, "name the topic in the <title> before the site name, e.g. \"Parcel AB12CD: new delivery time | Acme\"", "has the generic title %q: it does not tell a customer arriving from the message that they are in the right place", pg.Title)
	}
	h1 := ""
	for _, h := range pg.H1 {
		if h != "" {
			h1 = h
			break
		}
	}
	switch {
	case len(pg.H1) == 0:
		add(CheckHeading, false, "start the content with an <h1> that names the topic of the message", "has no main heading (<h1>): on a phone the first screen does not say what the page is about")
	case h1 == "":
		add(CheckHeading, false, "put the topic as text in the <h1> (a logo alone says nothing)", "has an empty main heading (<h1>): on a phone the first screen does not say what the page is about")
	case v.isGeneric(h1, site, siteKey):
		add(CheckHeading, false, "make the <h1> say what the message is about, e.g. \"Your parcel is running late\", \"Stromausfall in Ihrer Straße\"", "has the generic main heading %q: on a phone the first screen does not say what the page is about", h1)
	}
	switch pl := BaseLanguage(pg.Lang); {
	case pg.Lang == "":
		add(CheckLang, false, "set <html lang=\"…\"> to the page's language", "has no lang attribute on <html>: phones read it aloud and offer translation in the wrong language")
	case msg.Lang != "" && pl != msg.Lang:
		add(CheckLang, false, fmt.Sprintf("link to the %s version of the page (or declare it with <link rel=\"alternate\" hreflang=\"%s\">)", msg.Lang, msg.Lang), "is in %q but the message is in %q: the customer gets the answer in another language than the question", pg.Lang, msg.Lang)
	}
	if why := viewportProblem(pg); why != "" {
		add(CheckViewport, false, "add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> and allow zooming", "%s: on a phone it shows as a tiny desktop page or cannot be zoomed", why)
	}
	topicOK, decidable, found, missing, kindHit := topic(pg, msg, o.Overlap)
	if decidable && !topicOK {
		var parts []string
		if len(msg.Keys) >= minKeys {
			parts = append(parts, fmt.Sprintf("mention %d of the message's %d key words (missing: %s)", len(found), len(msg.Keys), list(missing, 5)))
		}
		if len(msg.KindWords) > 0 && !kindHit {
			parts = append(parts, fmt.Sprintf("none of the words of %s %s message (%s)", article(msg.Kind), msg.Kind, list(msg.KindWords, 4)))
		}
		why := strings.Join(parts, " and ")
		if len(parts) > 0 && !strings.HasPrefix(why, "mention") {
			why = "mention " + why
		}
		add(CheckTopic, false, "link to the page about this very topic, or make the page's title, heading and text say it (the words the message uses)", "is not about the message: its title, headings and text %s; a customer arriving from a phone does not find what the message was about, and calls", why)
	}
	if !hasAction(pg, v) {
		what := "there is no link or button in the main content"
		if n := len(pg.Actions); n > 0 {
			shown := make([]string, 0, 3)
			for _, a := range pg.Actions {
				if a != "" && len(shown) < 3 {
					shown = append(shown, strconv.Quote(a))
				}
			}
			if len(shown) == 0 {
				what = "its links and buttons have no text"
			} else {
				what = "its links and buttons say only " + strings.Join(shown, ", ")
			}
		}
		add(CheckAction, false, "offer one button or link that says what it does (\"Choose another delivery day\", \"Neuen Termin wählen\", \"Suivre mon colis\")", "has no clear primary action: %s; on a phone the customer needs one obvious next step", what)
	}
	if pg.Login && pg.WordsBeforeLogin < o.MinExplain && !topicOK {
		add(CheckLoginWall, false, "show the status the message is about before (or without) the login, and ask to log in only for changes", "is a login wall: it asks the customer to log in before it explains anything (%d words before the login form) and shows no status; many customers give up and call", pg.WordsBeforeLogin)
	}
	if isHTTP(t.URL) && len(pg.Personal) > 0 {
		extra := ""
		if res.FinalURL != "" && strings.HasPrefix(strings.ToLower(res.FinalURL), "https://") {
			extra = " (the server redirects to https, but the first request is not protected)"
		}
		add(CheckHTTPForm, false, "link with https:// to a page served over HTTPS", "is linked with http:// but asks for the customer's %s%s: on public Wi-Fi anyone can alter the page or read what the customer types", strings.Join(pg.Personal, ", "), extra)
	}
	return out
}

const minKeys = 3

func article(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func isHTTP(u string) bool {
	return len(u) >= 7 && strings.EqualFold(u[:7], "http://")
}

func list(words []string, n int) string {
	q := make([]string, 0, n+1)
	for i, w := range words {
		if i == n {
			q = append(q, "…")
			break
		}
		q = append(q, w)
	}
	if len(q) == 0 {
		return "none"
	}
	return strings.Join(q, ", ")
}

// homePage says why the page is the site's home page, or "".
func homePage(t *Target, res *Result, pg *Page) string {
	if rootURL(t.URL) {
		return "is the site's home page (the link has no path)"
	}
	if res.FinalURL != "" && res.FinalURL != res.URL && res.URL != "" && rootURL(res.FinalURL) {
		return "redirects to the site's home page (" + res.FinalURL + ")"
	}
	if pg.Canonical != "" && rootURL(pg.Canonical) {
		return "is the site's home page (its canonical address is " + pg.Canonical + ")"
	}
	return ""
}

// rootURL reports whether an absolute http(s) or www. URL has an empty or
// "/" path and no query.
func rootURL(u string) bool {
	if Classify(u) != Web {
		return false
	}
	s := u
	if i := strings.IndexByte(s, '#'); i >= 0 {
		s = s[:i]
	}
	if strings.Contains(s, "?") {
		return false
	}
	k := Key(s)
	i := strings.IndexByte(k, '/')
	return i >= 0 && k[i:] == "/" && i > 0
}

func viewportProblem(pg *Page) string {
	if !pg.HasViewport {
		return "has no <meta name=\"viewport\">"
	}
	width, zoomBlocked := false, ""
	for _, kv := range strings.FieldsFunc(strings.ToLower(pg.Viewport), func(r rune) bool { return r == ',' || r == ';' }) {
		k, val, _ := strings.Cut(kv, "=")
		k, val = strings.TrimSpace(k), strings.TrimSpace(val)
		switch k {
		case "width":
			width = val == "device-width"
		case "user-scalable":
			if val == "no" || val == "0" {
				zoomBlocked = "user-scalable=" + val
			}
		case "maximum-scale":
			if f, err := strconv.ParseFloat(val, 64); err == nil && f < 2 {
				zoomBlocked = "maximum-scale=" + val
			}
		}
	}
	switch {
	case !width:
		return fmt.Sprintf("has a viewport %q without width=device-width", pg.Viewport)
	case zoomBlocked != "":
		return "blocks zooming with " + zoomBlocked
	}
	return ""
}

// topic measures whether the page is about the message: at least the
// Overlap share of the message's key words appear in the page's title,
// headings or main text, and, when the kind has vocabulary, at least one
// of its words does. decidable is false when the message offers too
// little to compare.
func topic(pg *Page, msg *Message, overlap float64) (ok, decidable bool, found, missing []string, kindHit bool) {
	for _, k := range msg.Keys {
		if _, hit := pg.Stems[k.Stem]; hit {
			found = append(found, k.Word)
		} else {
			missing = append(missing, k.Word)
		}
	}
	for _, kw := range msg.KindWords {
		all := true
		for _, w := range Words(kw) {
			if _, hit := pg.Stems[Stem(w)]; !hit {
				all = false
				break
			}
		}
		if all && len(Words(kw)) > 0 {
			kindHit = true
			break
		}
	}
	keysOK := true
	if len(msg.Keys) >= minKeys {
		decidable = true
		keysOK = float64(len(found)) >= overlap*float64(len(msg.Keys))-1e-9
	}
	kindOK := true
	if len(msg.KindWords) > 0 {
		decidable = true
		kindOK = kindHit
	}
	return keysOK && kindOK, decidable, found, missing, kindHit
}

func hasAction(pg *Page, v *Vocab) bool {
	for _, a := range pg.Actions {
		if descriptive(a, v) {
			return true
		}
	}
	return false
}

func descriptive(text string, v *Vocab) bool {
	t := strings.TrimSpace(text)
	if !hasLetter(t) || utf8.RuneCountInString(t) < 3 {
		return false
	}
	if v.Vague != nil {
		if _, vague := v.Vague.Equal(t); vague {
			return false
		}
	}
	return true
}

// SiteWords returns the words that name a site: the registrable label of
// the link's host ("acme" for https://track.acme.example/x).
func SiteWords(link string) []string {
	if Classify(link) != Web {
		return nil
	}
	k := Key(link)
	host := k
	if i := strings.IndexByte(k, '/'); i >= 0 {
		host = k[:i]
	}
	if i := strings.LastIndexByte(host, ':'); i >= 0 {
		host = host[:i]
	}
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return nil
	}
	i := len(labels) - 2
	if len(labels) >= 3 && len(labels[i]) <= 3 {
		i-- // acme.co.uk
	}
	return Words(labels[i])
}

// KeysOf extracts a message's key words from its texts: words of at least
// three letters that are not stop words, filler or site words, one per
// stem, in order of appearance. Words with digits (times such as "14h",
// codes such as "AB12CD") vary per customer and are left out.
func KeysOf(texts []string, stop, site map[string]bool) []KeyWord {
	seen := map[string]bool{}
	var out []KeyWord
	for _, s := range texts {
		for _, w := range Words(s) {
			if utf8.RuneCountInString(w) < 3 || hasDigit(w) || stop[w] || site[w] {
				continue
			}
			st := Stem(w)
			if seen[st] {
				continue
			}
			seen[st] = true
			out = append(out, KeyWord{Word: w, Stem: st})
		}
	}
	return out
}

// SortedChecks returns the check ids sorted, for messages.
func SortedChecks() []string {
	out := CheckIDs()
	sort.Strings(out)
	return out
}

func hasDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
