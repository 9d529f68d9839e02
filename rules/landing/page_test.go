package landing

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/notelint/notelint/lint/lang"
)

func testVocab() *Vocab { return NewVocab(lang.Builtin()) }

func hasCheck(ps []Problem, check string) bool {
	for _, p := range ps {
		if p.Check == check {
			return true
		}
	}
	return false
}

func checks(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Check)
	}
	return out
}

func TestAnalyzeGoodPage(t *testing.T) {
	pg := Analyze([]byte(goodPage))
	if pg.Title != "Your parcel AB12CD is running late | Acme" || pg.Lang != "en" {
		t.Errorf("title/lang: %q %q", pg.Title, pg.Lang)
	}
	if !slices.Equal(pg.H1, []string{"Your parcel is running late"}) {
		t.Errorf("H1 = %q", pg.H1)
	}
	if !pg.HasViewport || !strings.Contains(pg.Viewport, "device-width") {
		t.Errorf("viewport %v %q", pg.HasViewport, pg.Viewport)
	}
	if !slices.Equal(pg.Actions, []string{"Choose another delivery day"}) {
		t.Errorf("Actions = %q", pg.Actions)
	}
	for _, w := range []string{"parcel", "delivery", "window", "tuesday"} {
		if _, ok := pg.Stems[Stem(w)]; !ok {
			t.Errorf("stem of %q missing", w)
		}
	}
	if pg.Login || len(pg.Personal) > 0 {
		t.Errorf("login %v personal %v", pg.Login, pg.Personal)
	}
}

func TestAnalyzeChromeAndLogin(t *testing.T) {
	pg := Analyze([]byte(`<html><head><title>x</title>
<link rel="alternate" hreflang="de-CH" href="/de/x"><link rel="canonical" href="https://acme.example/">
<meta property="og:site_name" content="Acme Energy"></head><body>
<header><a href="/">Acme</a><nav><a href="/shop">Shop heaters</a></nav></header>
<h1>Sign in</h1>
<form action="/session"><input type="email" name="user"><input type="password" name="pw">
<button>Sign in</button></form>
<p hidden>Your parcel is delayed</p>
<footer><a href="/imprint">Imprint</a> <input name="newsletter_email"></footer>
<script>var parcel = "delayed"</script>
</body></html>`))
	if !pg.Login || pg.WordsBeforeLogin != 2 {
		t.Errorf("login %v before %d", pg.Login, pg.WordsBeforeLogin)
	}
	if !slices.Equal(pg.Actions, []string{"Sign in"}) {
		t.Errorf("Actions = %q (navigation and footer must not count)", pg.Actions)
	}
	if !slices.Equal(pg.Personal, []string{kindEmail, kindPassword}) {
		t.Errorf("Personal = %q", pg.Personal)
	}
	for _, w := range []string{"parcel", "delayed", "shop", "imprint"} {
		if _, ok := pg.Stems[Stem(w)]; ok {
			t.Errorf("%q counted as content", w)
		}
	}
	if pg.Alternates["de"] != "/de/x" || pg.Alternates["de-ch"] != "/de/x" {
		t.Errorf("Alternates = %v", pg.Alternates)
	}
	if pg.Canonical != "https://acme.example/" || pg.SiteName != "Acme Energy" {
		t.Errorf("canonical %q site %q", pg.Canonical, pg.SiteName)
	}
}

func TestAnalyzeMainElement(t *testing.T) {
	pg := Analyze([]byte(`<html><body><div class="banner"><a href="/promo">Winter sale on heaters</a></div>
<main><h1>Outage in 8001 Zürich</h1><p>Power is back by 18:00.</p><nav><a href="/x">More</a></nav></main>
<div>footer text</div></body></html>`))
	if !slices.Equal(pg.Actions, nil) {
		t.Errorf("Actions = %q (only main counts)", pg.Actions)
	}
	if _, ok := pg.Stems[Stem("footer")]; ok {
		t.Error("text outside <main> counted")
	}
	if _, ok := pg.Stems[Stem("power")]; !ok {
		t.Error("main text missing")
	}
}

func TestHeaderLoginIsNoWall(t *testing.T) {
	pg := Analyze([]byte(`<html><body><header><form class="login"><input type="password"></form></header>
<main><h1>Your parcel is late</h1></main></body></html>`))
	if pg.Login {
		t.Error("a login form in the header counted as a login wall")
	}
	if !slices.Equal(pg.Personal, []string{kindPassword}) {
		t.Errorf("Personal = %q", pg.Personal)
	}
}

func TestFieldKinds(t *testing.T) {
	pg := Analyze([]byte(`<html><body><form>
<input name="vorname"><input id="strasse"><input autocomplete="postal-code"><input name="iban">
<input type="tel"><input name="cc-number" autocomplete="cc-number"><input name="geburtsdatum">
<input type="hidden" name="email"><input type="search" name="q"><textarea name="message"></textarea>
</form></body></html>`))
	want := []string{kindName, kindAddress, kindIBAN, kindPhone, kindCard, kindBirth}
	if !slices.Equal(pg.Personal, want) {
		t.Errorf("Personal = %q, want %q", pg.Personal, want)
	}
}

func TestDecode(t *testing.T) {
	out, problem := Decode([]byte("<p>caf\xe9</p>"), "text/html; charset=windows-1252")
	if string(out) != "<p>café</p>" || problem != "" {
		t.Errorf("got %q %q", out, problem)
	}
	out, problem = Decode([]byte("<meta charset=\"iso-8859-15\"><p>\xa4</p>"), "text/html")
	if !strings.Contains(string(out), "€") || problem != "" {
		t.Errorf("got %q %q", out, problem)
	}
}

func message(text, locale, kind string, site ...string) *Message {
	l, _ := lang.Builtin().Get(locale)
	stop := map[string]bool{}
	for _, n := range []string{"stop_words", "landing_ignore_words"} {
		for _, w := range l.Phrases(n) {
			stop[strings.ToLower(w)] = true
		}
	}
	s := map[string]bool{}
	for _, w := range site {
		s[w] = true
	}
	return &Message{Lang: locale, Kind: kind, Keys: KeysOf([]string{text}, stop, s),
		KindWords: l.Phrases("landing_kind_" + strings.ReplaceAll(kind, "-", "_")), Site: s}
}

func judge(html, link string, msg *Message) []Problem {
	tgt := &Target{URL: link, File: "page.html", Result: &Result{File: "/x/page.html", Page: Analyze([]byte(html))}}
	return Judge(tgt, msg, testVocab(), Options{Overlap: 0.25, MinExplain: 20})
}

func TestJudge(t *testing.T) {
	sms := message("Acme: your parcel is running late. New delivery window: Tue 14:00-16:00. Track it or pick another day", "en", "delay", "acme")
	if ps := judge(goodPage, "https://acme.example/t/AB12CD", sms); len(ps) != 0 {
		t.Errorf("good page: %v", ps)
	}
	home := `<html lang="en"><head><meta name="viewport" content="width=device-width"><title>Acme – Home</title></head>
<body><h1>Welcome to Acme</h1><p>Heaters, energy plans and more for your home.</p><a href="/more">Learn more</a></body></html>`
	got := checks(judge(home, "https://acme.example/", sms))
	want := []string{CheckHomePage, CheckTitle, CheckHeading, CheckTopic, CheckAction}
	if !slices.Equal(got, want) {
		t.Errorf("home page: %v, want %v", got, want)
	}
	login := `<html><head><title>Sign in | Acme</title></head><body><h1>Sign in</h1>
<form><input type="email" name="email"><input type="password" name="password"><button>Sign in</button></form></body></html>`
	got = checks(judge(login, "http://acme.example/a/XY9", sms))
	want = []string{CheckTitle, CheckHeading, CheckLang, CheckViewport, CheckTopic, CheckLoginWall, CheckHTTPForm}
	if !slices.Equal(got, want) {
		t.Errorf("login page: %v, want %v", got, want)
	}
	// A login form below the status is fine.
	withStatus := strings.Replace(goodPage, "</main>", `<form><input type="password"></form></main>`, 1)
	if ps := judge(withStatus, "https://acme.example/t/AB12CD", sms); hasCheck(ps, CheckLoginWall) {
		t.Errorf("login below status: %v", ps)
	}
	// Disabled checks stay silent.
	tgt := &Target{URL: "https://acme.example/", Result: &Result{Page: Analyze([]byte(home))}}
	ps := Judge(tgt, sms, testVocab(), Options{Overlap: 0.25, Disabled: map[string]bool{CheckHomePage: true, CheckTitle: true}})
	if hasCheck(ps, CheckHomePage) || hasCheck(ps, CheckTitle) || !hasCheck(ps, CheckHeading) {
		t.Errorf("disabled: %v", checks(ps))
	}
	for _, p := range ps {
		if !strings.HasPrefix(p.Message, "landing page "+p.Check+": https://acme.example/ ") || p.Hint == "" {
			t.Errorf("message %q hint %q", p.Message, p.Hint)
		}
	}
}

func TestJudgeViewportAndLang(t *testing.T) {
	msg := message("Ihre Lieferung verspätet sich", "de", "delay")
	for vp, bad := range map[string]bool{
		`width=device-width, initial-scale=1`:  false,
		`width=1024`:                           true,
		`width=device-width, user-scalable=no`: true,
		`width=device-width, maximum-scale=1`:  true,
		`width=device-width, maximum-scale=5`:  false,
	} {
		page := `<html lang="de-CH"><head><meta name="viewport" content="` + vp + `"><title>Lieferung</title></head><body><h1>Lieferung verspätet</h1><a href="/t">Sendung verfolgen</a></body></html>`
		ps := judge(page, "https://acme.example/t/1", msg)
		if hasCheck(ps, CheckViewport) != bad {
			t.Errorf("%q: %v", vp, checks(ps))
		}
		if hasCheck(ps, CheckLang) {
			t.Errorf("de-CH page for de message: %v", checks(ps))
		}
	}
}

func TestJudgeUnreachableAndNotHTML(t *testing.T) {
	msg := message("x", "en", "")
	ps := Judge(&Target{URL: "https://a.example/x", Result: &Result{URL: "https://a.example/x", Err: "HTTP 404 Not Found"}}, msg, testVocab(), Options{})
	if len(ps) != 1 || ps[0].Check != CheckUnreachable || !ps[0].Error || !strings.Contains(ps[0].Message, "HTTP 404") {
		t.Errorf("%+v", ps)
	}
	ps = Judge(&Target{URL: "https://a.example/x", Result: &Result{NotHTML: "application/pdf"}}, msg, testVocab(), Options{})
	if len(ps) != 1 || ps[0].Check != CheckNotHTML || ps[0].Error {
		t.Errorf("%+v", ps)
	}
}

func TestGenericTitles(t *testing.T) {
	v := testVocab()
	site := map[string]bool{"acme": true}
	for title, want := range map[string]bool{
		"Home": true, "Acme": true, "Acme – Home": true, "Welcome to Acme": true,
		"Startseite | Acme GmbH": true, "Accueil - Acme": true, "Bienvenue sur le site d'Acme": true,
		"Sign in | Acme": true, "Anmelden": true, "Connexion": true,
		"Track your parcel | Acme": false, "Störung in Ihrer Straße": false,
		"Suivre mon colis": false, "Acme Energy prices": false,
		// The site's name is not known from the host here.
		"Zeta Energy – Home": true, "Welcome to Zeta Energy": true, "Bienvenue chez Zeta": true,
		"Willkommen bei Zeta Energie GmbH": true, "Home delivery tracking": false,
		"Help with your power outage | Zeta": false, "Start your return": false,
		"Welcome to the new parcel tracking for your deliveries": false,
	} {
		if got := v.generic(title, site); got != want {
			t.Errorf("generic(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestSiteWordsAndStem(t *testing.T) {
	if got := SiteWords("https://track.acme.example/x"); !slices.Equal(got, []string{"acme"}) {
		t.Errorf("SiteWords = %q", got)
	}
	if got := SiteWords("https://www.acme.co.uk/"); !slices.Equal(got, []string{"acme"}) {
		t.Errorf("SiteWords = %q", got)
	}
	for a, b := range map[string]string{"delivery": "delivered", "lieferung": "lieferungen", "sendung": "sendungsverfolgung", "livraison": "livraisons", "order": "orders", "status": "statu"} {
		if Stem(a) != Stem(b) {
			t.Errorf("Stem(%q)=%q != Stem(%q)=%q", a, Stem(a), b, Stem(b))
		}
	}
}

// FuzzAnalyze decodes, analyses and judges arbitrary page bodies, in
// memory: no files, no server, one shared vocabulary. Each input runs in
// well under a millisecond, so a 20 s run covers tens of thousands.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte(goodPage), "text/html")
	f.Add([]byte("<html><body><main><form class=login><input type=password><h1>x"), "text/html; charset=utf-8")
	f.Add([]byte("<meta charset=shift_jis>\x82\xa0<main><main></main>"), "")
	f.Add([]byte("\xff\xfe<\x00h\x001\x00>"), "text/html; charset=x-unknown")
	f.Add([]byte(strings.Repeat("<div>", 300)), "text/html")
	f.Add([]byte("%PDF-1.4"), "application/pdf")
	base := testVocab()
	msg := message("your parcel is late today", "en", "delay", "acme")
	opts := Options{Overlap: 0.5, MinExplain: 20}
	f.Fuzz(func(t *testing.T, body []byte, ct string) {
		start := time.Now()
		res := &Result{File: "/x.html"}
		finish(res, body, ct)
		if res.Page == nil { // not HTML by its type: analyse it anyway
			text, _ := Decode(body, "text/html")
			res.Page = Analyze(text)
		}
		// A fresh memo per input, so memory stays flat over a long run.
		v := &Vocab{Generic: base.Generic, Welcome: base.Welcome, Vague: base.Vague, Stop: base.Stop}
		for _, link := range []string{"http://acme.example/", "https://acme.example/t/1"} {
			Judge(&Target{URL: link, Result: res}, msg, v, opts)
		}
		v.generic(res.Page.Title, nil)
		for _, a := range res.Page.Actions {
			descriptive(a, v)
		}
		if d := time.Since(start); d > 2*time.Second && len(body) < 1<<16 {
			t.Errorf("%d bytes took %v", len(body), d)
		}
	})
}
