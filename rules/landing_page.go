package rules

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/rules/landing"
	"github.com/notelint/notelint/rules/lang"
)

// landingPageOptions are the options of the landing-page rule.
type landingPageOptions struct {
	// Disable lists check ids to switch off (see landing.Checks).
	Disable []string `toml:"disable"`
	// Overlap is the share (0 to 1) of the message's key words that the
	// page's title, headings and text must mention.
	Overlap float64 `toml:"overlap"`
	// MinExplanation is the number of words a page must show before a login
	// form for it not to count as a login wall.
	MinExplanation int `toml:"min_explanation_words"`
	// SiteNames are names of the site or brand: a title or heading made of
	// them (and generic words) alone is generic.
	SiteNames []string `toml:"site_names"`
}

func (o *landingPageOptions) Validate() error {
	known := map[string]bool{}
	for _, c := range landing.Checks {
		known[c] = true
	}
	for _, d := range o.Disable {
		if !known[d] {
			return fmt.Errorf("disable: unknown check %q (want one of %s)", d, strings.Join(landing.SortedChecks(), ", "))
		}
	}
	if o.Overlap < 0 || o.Overlap > 1 {
		return fmt.Errorf("overlap must be between 0 and 1, not %v", o.Overlap)
	}
	if o.MinExplanation < 0 {
		return fmt.Errorf("min_explanation_words must not be negative")
	}
	return nil
}

const (
	defaultOverlap        = 0.25
	defaultMinExplanation = 20
)

func landingPage() *lint.Rule {
	return &lint.Rule{
		ID:       "landing-page",
		Summary:  "The page a link opens must explain the message to someone arriving from a phone",
		Severity: lint.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options: func() any {
			return &landingPageOptions{Overlap: defaultOverlap, MinExplanation: defaultMinExplanation}
		},
		Doc:      landingPageDoc,
		Check:    checkLandingPage,
		CheckRun: noticeUnmapped,
	}
}

// landingRun is the run-wide state of the rule: one resolver (with its
// fetcher and its concurrency limit) and the language data.
type landingRun struct {
	resolver *landing.Resolver
	vocab    *landing.Vocab
}

type landingLang struct {
	stop map[string]bool
	kind map[string][]string
}

func landingState(p *lint.Pass, cache landing.Cache) *landingRun {
	return cache.Once("landing-page\x00state", func() any {
		cfg := p.Config
		lc := cfg.Landing
		r := &landing.Resolver{
			Mapper:   landing.NewMapper(lc.Pages, cfg.Resolve),
			MaxBytes: lc.MaxBytes,
			Rel: func(abs string) string {
				if cfg.Dir == "" {
					return abs
				}
				if rel, err := filepath.Rel(cfg.Dir, abs); err == nil && !strings.HasPrefix(rel, "..") {
					return filepath.ToSlash(rel)
				}
				return abs
			},
		}
		if lc.Fetch {
			r.Fetcher = landing.NewFetcher(nil, lc.TimeoutDuration(), lc.MaxBytes, lc.Concurrency)
		}
		return &landingRun{resolver: r, vocab: landing.NewVocab(lang.Builtin())}
	}).(*landingRun)
}

func landingLanguage(cache landing.Cache, code string) *landingLang {
	return cache.Once("landing-page\x00lang\x00"+code, func() any {
		ll := &landingLang{stop: map[string]bool{}, kind: map[string][]string{}}
		l, ok := lang.Builtin().Get(code)
		if !ok {
			return ll
		}
		for _, name := range []string{"stop_words", "landing_ignore_words"} {
			for _, w := range l.Phrases(name) {
				ll.stop[strings.ToLower(w)] = true
			}
		}
		for _, k := range lint.KnownKinds() {
			ll.kind[k] = l.Phrases("landing_kind_" + strings.ReplaceAll(k, "-", "_"))
		}
		return ll
	}).(*landingLang)
}

// landingLink is one link of the template that leads (or may lead) to a page.
type landingLink struct {
	link    lint.Link
	url     string // the URL the customer gets (a var's sample for a URL placeholder)
	landing string // a var's landing file
	varName string // the URL placeholder's name, when the link is one
}

func templateLinks(t *lint.Template) []landingLink {
	var out []landingLink
	for _, part := range t.Parts {
		for _, l := range part.Links {
			ll := landingLink{link: l, url: strings.TrimSpace(l.URL)}
			v := l.Var
			if v == nil {
				// [Track]({{link}}): the whole target is one URL placeholder.
				if phs, _ := lint.ScanPlaceholders(ll.url); len(phs) == 1 && phs[0].Start == 0 && phs[0].End == len(ll.url) {
					if d := t.VarFor(phs[0]); d != nil && d.Type == "url" {
						v = d
						ll.url = strings.TrimSpace(d.Sample)
					}
				}
			}
			if v != nil {
				ll.landing = strings.TrimSpace(v.Landing)
				ll.varName = v.Name
			}
			out = append(out, ll)
		}
	}
	return out
}

func checkLandingPage(p *lint.Pass) {
	opt, _ := p.Options.(*landingPageOptions)
	if opt == nil {
		opt = &landingPageOptions{Overlap: defaultOverlap, MinExplanation: defaultMinExplanation}
	}
	t := p.Template
	links := templateLinks(t)
	if len(links) == 0 {
		return
	}
	var cache landing.Cache = p.Shared()
	if p.Shared() == nil {
		cache = lint.NewRunState()
	}
	run := landingState(p, cache)
	disabled := map[string]bool{}
	for _, d := range opt.Disable {
		disabled[d] = true
	}
	jo := landing.Options{Disabled: disabled, Overlap: opt.Overlap, MinExplain: opt.MinExplanation}
	var msg *landing.Message
	seen := map[string]bool{}
	for _, ll := range links {
		tgt, _ := resolveLanding(p, run.resolver, cache, ll)
		if tgt == nil {
			continue // noticeUnmapped reports the first such link of the run
		}
		if msg == nil {
			msg = landingMessage(t, links, opt, cache)
		}
		if alt := run.resolver.Alternate(p.Context(), cache, tgt, msg.Lang); alt != nil {
			tgt = alt
		}
		id := tgt.Name()
		if tgt.Result != nil && tgt.Result.File != "" {
			id = "file:" + tgt.Result.File
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		for _, pr := range landing.Judge(tgt, msg, run.vocab, jo) {
			d := lint.Diagnostic{Start: ll.link.FileStart, End: ll.link.FileEnd, Message: pr.Message, Hint: pr.Hint}
			if pr.Error {
				d.Severity = lint.Error
			}
			p.Report(d)
		}
	}
}

// resolveLanding finds the page of a link. It returns nil and a notice text
// when the link leads to a page notelint cannot check in this run, and nil
// and "" when the link is not a page at all.
func resolveLanding(p *lint.Pass, r *landing.Resolver, cache landing.Cache, ll landingLink) (*landing.Target, string) {
	cfg := p.Config
	if ll.landing != "" {
		abs := cfg.Resolve(ll.landing)
		return &landing.Target{URL: ll.url, File: ll.landing, Result: r.LoadFile(cache, abs)}, ""
	}
	kind := landing.Classify(ll.url)
	if ll.url == "" && ll.varName != "" {
		return nil, fmt.Sprintf("landing page unmapped: the URL placeholder {{%s}} has neither a sample URL nor a landing file, so notelint cannot check the page it opens (shown once per run)", ll.varName)
	}
	if kind == landing.Skip {
		return nil, ""
	}
	if m, ok := r.Mapper.Lookup(ll.url); ok {
		return &landing.Target{URL: ll.url, File: m.File, Result: r.LoadFile(cache, m.Path)}, ""
	}
	if kind != landing.Web {
		return nil, ""
	}
	if r.Fetcher == nil {
		return nil, unmappedWhy(ll)
	}
	u, ok := fillURL(ll.url, p.Template)
	if !ok {
		return nil, fmt.Sprintf("landing page unmapped: %s holds a placeholder without a sample, so notelint cannot fetch it; map the URL pattern in [landing.pages] or declare a sample (shown once per run)", ll.url)
	}
	return &landing.Target{URL: ll.url, Result: r.FetchURL(p.Context(), cache, u, lint.BaseLanguage(p.Template.Locale))}, ""
}

// noticeUnmapped reports one info finding per run at the first link (in
// file order) whose page cannot be checked in this run, explaining how to
// map it. Picking the first in file order keeps the output the same from
// run to run, whatever order the templates are checked in.
func noticeUnmapped(rp *lint.RunPass) {
	opt, _ := rp.Options.(*landingPageOptions)
	if opt != nil && slices.Contains(opt.Disable, landing.CheckUnmapped) {
		return
	}
	ts := slices.Clone(rp.Templates)
	slices.SortStableFunc(ts, func(a, b *lint.Template) int {
		return cmp.Or(cmp.Compare(a.Source.Path, b.Source.Path), cmp.Compare(a.Start, b.Start))
	})
	for _, t := range ts {
		links := templateLinks(t)
		if len(links) == 0 {
			continue
		}
		p := rp.Pass(t)
		var cache landing.Cache = lint.NewRunState()
		if s := p.Shared(); s != nil {
			cache = s
		}
		run := landingState(p, cache)
		var first *landingLink
		var firstWhy string
		for i, ll := range links {
			if run.resolver.Fetcher != nil && ll.landing == "" && landing.Classify(ll.url) == landing.Web {
				if _, mapped := run.resolver.Mapper.Lookup(ll.url); !mapped {
					continue // fetched by the per-template check, never noticed
				}
			}
			if tgt, why := resolveLanding(p, run.resolver, cache, ll); tgt == nil && why != "" {
				if first == nil || ll.link.FileStart < first.link.FileStart {
					first, firstWhy = &links[i], why
				}
			}
		}
		if first != nil {
			reportNotice(p, *first, firstWhy)
			return
		}
	}
}

func unmappedWhy(ll landingLink) string {
	return fmt.Sprintf("landing page unmapped: %s is not mapped to a local page in [landing.pages] and fetching is off, so notelint did not check what a customer sees after tapping it (shown once per run; other unmapped links are skipped too)", ll.url)
}

// reportNotice reports the unmapped-link notice at ll.
func reportNotice(p *lint.Pass, ll landingLink, msg string) {
	hint := "map the page to a saved copy in .notelint.toml, e.g. [landing.pages] \"" + suggestPattern(ll.url) + "\" = \"site/page.html\", or run `notelint check --fetch` (or set [landing] fetch = true) to fetch it"
	if ll.varName != "" && ll.url == "" {
		hint = fmt.Sprintf("declare the page in [vars]: %s = { sample = \"https://…\", type = \"url\", landing = \"site/page.html\" }", lint.NormalizeVarName(ll.varName))
	}
	p.Report(lint.Diagnostic{Start: ll.link.FileStart, End: ll.link.FileEnd, Message: msg, Hint: hint, Severity: lint.Info})
}

// suggestPattern proposes a [landing.pages] pattern for a URL: its scheme,
// host and first path segment, then *.
func suggestPattern(u string) string {
	k := landing.Key(u)
	scheme := "https://"
	if strings.HasPrefix(strings.ToLower(u), "http://") {
		scheme = "http://"
	}
	host, path, _ := strings.Cut(k, "/")
	seg, _, more := strings.Cut(path, "/")
	switch {
	case seg == "":
		return scheme + host + "/"
	case more:
		return scheme + host + "/" + seg + "/*"
	}
	return scheme + host + "/" + seg
}

// fillURL replaces the placeholders of a URL with their samples.
func fillURL(u string, t *lint.Template) (string, bool) {
	phs, issues := lint.ScanPlaceholders(u)
	if len(issues) > 0 {
		return "", false
	}
	if len(phs) == 0 {
		return u, true
	}
	var b strings.Builder
	last := 0
	for _, ph := range phs {
		b.WriteString(u[last:ph.Start])
		last = ph.End
		if ph.Control {
			continue
		}
		v := t.VarFor(ph)
		if v == nil || v.Sample == "" {
			return "", false
		}
		b.WriteString(v.Sample)
	}
	b.WriteString(u[last:])
	return b.String(), true
}

// landingMessage gathers what the judgement needs from the template.
func landingMessage(t *lint.Template, links []landingLink, opt *landingPageOptions, cache landing.Cache) *landing.Message {
	base := lint.BaseLanguage(t.Locale)
	ll := landingLanguage(cache, base)
	site := map[string]bool{}
	add := func(s string) {
		for _, w := range landing.Words(s) {
			site[w] = true
		}
	}
	add(t.Sender)
	for _, n := range opt.SiteNames {
		add(n)
	}
	for _, l := range links {
		for _, w := range landing.SiteWords(l.url) {
			site[w] = true
		}
	}
	var texts []string
	for _, part := range t.Parts {
		masked := []byte(part.Masked())
		for _, l := range part.Links {
			if l.Bare {
				for i := max(l.Start, 0); i < l.End && i < len(masked); i++ {
					masked[i] = ' '
				}
			}
		}
		texts = append(texts, string(masked))
	}
	return &landing.Message{
		Lang:      base,
		Kind:      t.Kind,
		Keys:      landing.KeysOf(texts, ll.stop, site),
		KindWords: ll.kind[t.Kind],
		Site:      site,
	}
}

const landingPageDoc = `Customers tap the link in an SMS on a phone. If the page it opens is a
generic home page, a login wall, or a page that never mentions the delay or
outage the message was about, they call. This rule follows every link of a
template (bare URLs, Markdown and HTML links, URL-typed placeholders) to its
page and judges the page from that customer's point of view. Every failed
point is its own finding at the link, naming the page (URL and mapped file);
each message starts with "landing page <check>:".

## Where pages come from

Offline is the default (and the right default in CI): the config maps URL
patterns to saved copies of the pages, relative to the config file.

    [landing.pages]
    "https://acme.example/t/*" = "site/track.html"
    "https://acme.example/"    = "site/home.html"

` + "`*`" + ` matches any run of characters, slashes included; the scheme, the query
string and the fragment are ignored (an http:// link reaches the page of its
https:// twin); a placeholder in a link is matched as text, so
"https://acme.example/t/{{code}}" matches the first pattern. When several
patterns match, the one with the most literal characters wins. A URL
placeholder can name its page directly (this wins over [landing.pages]):
` + "`link = { sample = \"https://acme.example/t/AB12\", type = \"url\", landing = \"site/track.html\" }`" + `.
A page whose language differs from the message's is replaced by its
` + "`<link rel=\"alternate\" hreflang=\"de\" href=\"track.de.html\">`" + ` when it declares one.

` + "`notelint check --fetch`" + ` (or ` + "`[landing] fetch = true`" + `) fetches unmapped http(s)
links: a 5 s timeout (` + "`[landing] timeout = \"5s\"`" + `), a 2 MB cap (` + "`max_bytes`" + `), at
most 5 redirects, at most 4 requests at once (` + "`concurrency`" + `), the User-Agent
"notelint/<version> (+https://github.com/notelint/notelint)" and the message's
language as Accept-Language. Every page is read and parsed once per run,
however many templates link to it. Mappings win over fetching. A link that
is neither mapped nor fetched gets one info finding per run (check
"unmapped"). mailto:, tel: and sms: links are not pages and are skipped.

## Checks

**unreachable** (error): the mapped file is missing, or the page answers
HTTP 4xx/5xx, times out, redirects in a loop or more than 5 times, or is
larger than the cap. Bad: "https://acme.example/t/AB12" → 404. Good: the
link opens the tracking page.

**not-html**: the link opens a PDF, an image or another file instead of a
page. Bad: ` + "`Content-Type: application/pdf`" + `. Good: an HTML page that explains and
offers the PDF.

**charset**: the page declares a charset browsers do not know, or claims
UTF-8 and holds other bytes: umlauts and accents turn into garbage.
Bad: ` + "`<meta charset=\"utf-9\">`" + `. Good: ` + "`<meta charset=\"utf-8\">`" + `.

**home-page**: the link has no path (https://acme.example/), redirects to
the site root, or the page's canonical address is the root. Bad:
"Details: https://acme.example". Good: "Track it: https://acme.example/t/AB12".

**title** and **heading**: no ` + "`<title>`" + ` or no ` + "`<h1>`" + `, or one that names
nothing but the site and generic words ("Home", "Startseite", "Accueil",
"Welcome to Acme", "Sign in | Acme"). Bad: ` + "`<title>Acme – Home</title>`" + `.
Good: ` + "`<title>Your parcel AB12: new delivery time | Acme</title>`" + `.

**lang**: no ` + "`lang`" + ` on ` + "`<html>`" + `, or one whose base language differs from
the message's locale (de-CH matches de). Bad: a German SMS linking to
` + "`<html lang=\"en\">`" + `. Good: ` + "`<html lang=\"de\">`" + `.

**viewport**: no ` + "`<meta name=\"viewport\">`" + ` with width=device-width, or one
that blocks zooming (user-scalable=no, maximum-scale below 2): the page shows
as a tiny desktop page. Good:
` + "`<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">`" + `.

**topic**: the page is not about the message. The message's key words (its
content words without stop words, greetings, weekdays, the site's name) are
looked up in the page's title, headings and main text (navigation, header
and footer excluded), per language and with a crude stem so that
delivery/delivered and Lieferung/Sendungsverfolgung meet. The page fails
when it mentions less than ` + "`overlap`" + ` (default 25 %) of them, or none of the
words of the message's kind (delay: delivery/Lieferung/livraison…, outage:
outage/Störung/panne…, appointment: appointment/Termin/rendez-vous…, ticket:
request/Anfrage/demande…). Bad: a delay SMS linking to a page about winter
heaters. Good: the tracking page that says "Your parcel is late. New
delivery window: …".

**action**: the main content has no link or button with descriptive text:
none at all, or only "Click here", "Mehr", "En savoir plus" (the phrase
lists of vague-cta). Bad: ` + "`<a href=\"/x\">Learn more</a>`" + `. Good:
` + "`<a href=\"/t/AB12/reschedule\">Choose another delivery day</a>`" + `.

**login-wall**: a password field or a login form comes before any
explanation (fewer than ` + "`min_explanation_words`" + `, default 20, words of main
content before it) and the page shows no status (it fails the topic check).
Bad: "Sign in" and a password field. Good: the status first, "Log in to
change the address" below it.

**http-form**: the link is http:// and the page asks for personal data (an
e-mail address, phone number, password, name, postal address, IBAN, card
number or date of birth). Good: link with https://.

**unmapped** (info, once per run): a link that is neither mapped nor
fetched, or a URL placeholder with neither sample nor landing file.

## Options

    [rules.landing-page]
    disable = ["viewport", "lang"]   # check ids to switch off
    overlap = 0.25                   # share of the message's key words the page must mention
    min_explanation_words = 20       # words before a login form that make it no wall
    site_names = ["Acme Energie"]    # brand names that make a title generic on their own

The severity is warning, except unreachable (error: the link is broken) and
unmapped (info); ` + "`severity = \"...\"`" + ` in [rules.landing-page] sets all of them.`
