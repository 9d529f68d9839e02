package rules

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
	"github.com/notelint/notelint/rules/landing"
)

func landingPage() *lint.Rule {
	return &lint.Rule{
		ID:          "landing-page",
		Summary:     "The page a link opens must explain the message to someone arriving from a phone",
		Severity:    message.Warning,
		Applies:     lint.Applies{Notifications: true},
		Options:     func() any { return defaultLandingOptions() },
		ConfigAlias: "landing",
		Doc:         landingPageDoc,
		Check:       checkLandingPage,
		CheckRun:    noticeUnmapped,
	}
}

// landingRun is the run-wide state of the rule: one resolver (with its
// fetcher and its concurrency limit) and the language data.
type landingRun struct {
	resolver *landing.Resolver
	vocab    *landing.Vocab
	// configFetch is fetch = true in the config, which without --fetch
	// only changes the unmapped notice.
	configFetch bool
}

type landingLang struct {
	stop map[string]bool
	kind map[string][]string
}

// landingState builds the run's resolver from the rule's options and the
// command line's network policy: fetching needs --fetch, whatever the
// config says.
func landingState(cfg *lint.Config, opt *landingPageOptions, cache landing.Cache) *landingRun {
	return cache.Once("landing-page\x00state", func() any {
		what := "the directory of the config file"
		if cfg.Path == "" {
			what = "the working directory"
		}
		r := &landing.Resolver{
			Mapper:   landing.NewMapper(opt.Pages, cfg.Resolve),
			Root:     landing.NewRoot(cfg.Dir, what),
			MaxBytes: opt.MaxBytes,
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
		if cfg.Network.Fetch {
			r.Fetcher = landing.NewFetcher(landing.FetchOptions{
				Timeout:      opt.timeout(),
				MaxBytes:     opt.MaxBytes,
				Concurrency:  opt.Concurrency,
				AllowPrivate: cfg.Network.AllowPrivate,
			})
		}
		return &landingRun{resolver: r, vocab: landing.NewVocab(lang.Builtin()), configFetch: opt.Fetch}
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
		for _, k := range message.KnownKinds() {
			ll.kind[k] = l.Phrases("landing_kind_" + strings.ReplaceAll(k, "-", "_"))
		}
		return ll
	}).(*landingLang)
}

// landingLink is one link of the template that leads (or may lead) to a page.
type landingLink struct {
	link    message.Link
	url     string // the URL the customer gets (a var's sample for a URL placeholder)
	landing string // a var's landing file
	varName string // the URL placeholder's name, when the link is one
}

func templateLinks(t *message.Template) []landingLink {
	var out []landingLink
	for _, part := range t.Parts {
		for _, l := range part.Links {
			ll := landingLink{link: l, url: strings.TrimSpace(l.URL)}
			v := l.Var
			if v == nil {
				// [Track]({{link}}): the whole target is one URL placeholder.
				if phs, _ := message.ScanPlaceholders(ll.url); len(phs) == 1 && phs[0].Start == 0 && phs[0].End == len(ll.url) {
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
		opt = defaultLandingOptions()
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
	run := landingState(p.Config, opt, cache)
	disabled := map[string]bool{}
	for _, d := range opt.Disable {
		disabled[d] = true
	}
	jo := landing.Options{Disabled: disabled, Overlap: opt.Overlap, MinExplain: opt.MinExplanation}
	var msg *landing.Message
	seen := map[string]bool{}
	for _, ll := range links {
		tgt, _ := resolveLanding(p, run, cache, ll)
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
				d.Severity = message.Error
			}
			p.Report(d)
		}
	}
}

// resolveLanding finds the page of a link. It returns nil and a notice text
// when the link leads to a page notelint cannot check in this run, and nil
// and "" when the link is not a page at all.
func resolveLanding(p *lint.Pass, run *landingRun, cache landing.Cache, ll landingLink) (*landing.Target, string) {
	cfg, r := p.Config, run.resolver
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
		return nil, unmappedWhy(ll, run.configFetch)
	}
	u, ok := fillURL(ll.url, p.Template)
	if !ok {
		return nil, fmt.Sprintf("landing page unmapped: %s holds a placeholder without a sample, so notelint cannot fetch it; map the URL pattern in [landing.pages] or declare a sample (shown once per run)", ll.url)
	}
	return &landing.Target{URL: ll.url, Result: r.FetchURL(p.Context(), cache, u, prose.Code(p.Template))}, ""
}

// noticeUnmapped reports one info finding per run at the first link (in
// file order) whose page cannot be checked in this run, explaining how to
// map it. Picking the first in file order keeps the output the same from
// run to run, whatever order the templates are checked in.
func noticeUnmapped(rp *lint.RunPass) {
	opt, _ := rp.Options.(*landingPageOptions)
	if opt == nil {
		opt = defaultLandingOptions()
	}
	if slices.Contains(opt.Disable, landing.CheckUnmapped) {
		return
	}
	ts := slices.Clone(rp.Templates)
	slices.SortStableFunc(ts, func(a, b *message.Template) int {
		return cmp.Or(cmp.Compare(a.Source.Path, b.Source.Path), cmp.Compare(a.Start, b.Start))
	})
	for _, t := range ts {
		links := templateLinks(t)
		if len(links) == 0 || !t.IsNotification() {
			continue
		}
		p := rp.Pass(t)
		var cache landing.Cache = lint.NewRunState()
		if s := p.Shared(); s != nil {
			cache = s
		}
		run := landingState(p.Config, opt, cache)
		var first *landingLink
		var firstWhy string
		for i, ll := range links {
			// A project that maps no page, fetches none and declares no
			// landing file has not set landing checks up: no notice.
			if len(opt.Pages) == 0 && !opt.Fetch && run.resolver.Fetcher == nil && ll.landing == "" && ll.varName == "" {
				continue
			}
			if run.resolver.Fetcher != nil && ll.landing == "" && landing.Classify(ll.url) == landing.Web {
				if _, mapped := run.resolver.Mapper.Lookup(ll.url); !mapped {
					continue // fetched by the per-template check, never noticed
				}
			}
			if tgt, why := resolveLanding(p, run, cache, ll); tgt == nil && why != "" {
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

func unmappedWhy(ll landingLink, configFetch bool) string {
	off := "fetching is off"
	if configFetch {
		off = "fetching is off (fetch = true in the config takes effect only with --fetch on the command line)"
	}
	return fmt.Sprintf("landing page unmapped: %s is not mapped to a local page in [landing.pages] and %s, so notelint did not check what a customer sees after tapping it (shown once per run; other unmapped links are skipped too)", ll.url, off)
}

// reportNotice reports the unmapped-link notice at ll.
func reportNotice(p *lint.Pass, ll landingLink, msg string) {
	hint := "map the page to a saved copy in .notelint.toml, e.g. [landing.pages] \"" + suggestPattern(ll.url) + "\" = \"site/page.html\", or run `notelint check --fetch` to fetch it"
	if ll.varName != "" && ll.url == "" {
		hint = fmt.Sprintf("declare the page in [vars]: %s = { sample = \"https://…\", type = \"url\", landing = \"site/page.html\" }", message.NormalizeVarName(ll.varName))
	}
	p.Report(lint.Diagnostic{Start: ll.link.FileStart, End: ll.link.FileEnd, Message: msg, Hint: hint, Severity: message.Info})
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
func fillURL(u string, t *message.Template) (string, bool) {
	phs, issues := message.ScanPlaceholders(u)
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
func landingMessage(t *message.Template, links []landingLink, opt *landingPageOptions, cache landing.Cache) *landing.Message {
	base := prose.Code(t)
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
