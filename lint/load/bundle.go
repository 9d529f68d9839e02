package load

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/tomlkey"
)

// BundleConfig is one [[lint.bundle]] table: which files are i18n bundles
// and how their keys are classified.
type BundleConfig struct {
	// Path is a glob relative to the config file, e.g. "locales/*.yml".
	Path string `toml:"path"`
	// Format is json, yaml, po, properties, android, strings, xcstrings,
	// xliff or php; default: from the extension.
	Format string `toml:"format,omitempty"`
	// Locale fixes the locale of every message; default: the top-level key
	// (Rails), the gettext Language header, the file name or a directory.
	Locale string `toml:"locale,omitempty"`
	// SourceLocale is the locale translations are compared with.
	SourceLocale string `toml:"source_locale,omitempty"`
	// Syntax lists the placeholder syntaxes of the values (default auto).
	Syntax []string `toml:"syntax,omitempty"`
	// Keys limits the messages to keys matching one of these patterns;
	// ExcludeKeys drops keys. * matches any run of characters.
	Keys        []string `toml:"keys,omitempty"`
	ExcludeKeys []string `toml:"exclude_keys,omitempty"`
	// Channel and Kind map a channel or kind to key patterns:
	// channel = { sms = ["*.sms.*"] }.
	Channel map[string][]string `toml:"channel,omitempty"`
	Kind    map[string][]string `toml:"kind,omitempty"`
}

// bundleFormats maps extensions to bundle formats. A directory walk reads
// .xml and .php files only where they are bundles (IsBundleFile).
var bundleFormats = map[string]string{
	".json": "json", ".yml": "yaml", ".yaml": "yaml", ".po": "po", ".properties": "properties",
	".xml": "android", ".strings": "strings", ".xcstrings": "xcstrings", ".xlf": "xliff", ".xliff": "xliff",
	".php": "php",
}

// bundleFormatNames are the values [[lint.bundle]] format accepts.
var bundleFormatNames = []string{"json", "yaml", "po", "properties", "android", "strings", "xcstrings", "xliff", "php"}

// bundleFormat returns the bundle format of path ("" when it is no
// bundle), honouring a matching [[lint.bundle]] format.
func (c *Config) bundleFormat(path string) string {
	if b := c.BundleFor(path); b != nil && b.Format != "" {
		return b.Format
	}
	return bundleFormats[strings.ToLower(filepath.Ext(path))]
}

// BundleFor returns the first [[lint.bundle]] whose path matches path.
func (c *Config) BundleFor(path string) *BundleConfig {
	if c == nil || len(c.Lint.Bundle) == 0 {
		return nil
	}
	rel := c.relToConfig(path)
	slash := filepath.ToSlash(filepath.Clean(path))
	for i := range c.Lint.Bundle {
		g := c.Lint.Bundle[i].Path
		if (rel != "" && message.MatchGlob(g, rel)) || message.MatchGlob(g, slash) || (!strings.Contains(g, "/") && message.MatchGlob(g, filepath.Base(path))) {
			return &c.Lint.Bundle[i]
		}
	}
	return nil
}

// ValidateI18n checks the [lint] settings of bundles, syntaxes, grouping
// and classification, naming the config line of a bad value.
func (l *LintConfig) ValidateI18n(path string, data []byte) error {
	if _, _, err := message.ParseSyntax(l.Syntax); err != nil {
		return fmt.Errorf("%s:%d: [lint] syntax: %w", path, tomlkey.Line(data, "lint", "syntax"), err)
	}
	if err := validateClassify(l.Channel, l.Kind); err != nil {
		return fmt.Errorf("%s:%d: [lint] %w", path, tomlkey.Line(data, "lint", "channel"), err)
	}
	if err := l.Group.validate(); err != nil {
		return fmt.Errorf("%s:%d: [lint.group] %w", path, tomlkey.Line(data, "lint.group", ""), err)
	}
	for i, b := range l.Bundle {
		line := tomlkey.Line(data, "lint.bundle", "path")
		fail := func(err error) error {
			return fmt.Errorf("%s:%d: [[lint.bundle]] #%d: %w", path, line, i+1, err)
		}
		if b.Path == "" {
			return fail(fmt.Errorf("path is missing (a glob such as \"locales/*.json\")"))
		}
		if err := message.ValidateGlob(b.Path); err != nil {
			return fail(err)
		}
		if b.Format != "" && !slices.Contains(bundleFormatNames, b.Format) {
			return fail(fmt.Errorf("unknown format %q (want one of %s)", b.Format, strings.Join(bundleFormatNames, ", ")))
		}
		for _, loc := range []string{b.Locale, b.SourceLocale} {
			if loc != "" && !validLocale(loc) {
				return fail(fmt.Errorf("locale %q is not a BCP 47 tag", loc))
			}
		}
		if _, _, err := message.ParseSyntax(b.Syntax); err != nil {
			return fail(err)
		}
		if err := validateClassify(b.Channel, b.Kind); err != nil {
			return fail(err)
		}
	}
	return nil
}

func validateClassify(channel, kind map[string][]string) error {
	for c := range channel {
		if !slices.Contains(message.KnownChannels(), c) {
			return fmt.Errorf("channel: unknown channel %q (want one of %s)", c, strings.Join(message.KnownChannels(), ", "))
		}
	}
	for k := range kind {
		if !slices.Contains(message.KnownKinds(), k) {
			return fmt.Errorf("kind: unknown kind %q (want one of %s)", k, strings.Join(message.KnownKinds(), ", "))
		}
	}
	return nil
}

// patternClass returns the first name whose patterns match key, trying names
// in sorted order so the result does not depend on map order.
func patternClass(m map[string][]string, key string) string {
	if len(m) == 0 {
		return ""
	}
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for _, p := range m[n] {
			if message.MatchKey(p, key) {
				return n
			}
		}
	}
	return ""
}

// applyClassify sets channel and kind from the config's key patterns
// (bundle patterns first, then [lint] ones).
func applyClassify(t *message.Template, cfg *Config, b *BundleConfig, key string) {
	var maps [][2]map[string][]string
	if b != nil {
		maps = append(maps, [2]map[string][]string{b.Channel, b.Kind})
	}
	maps = append(maps, [2]map[string][]string{cfg.Lint.Channel, cfg.Lint.Kind})
	chSet, kindSet := false, false
	for _, m := range maps {
		if ch := patternClass(m[0], key); ch != "" && !chSet {
			t.SetChannel(ch, message.FromConfig, message.High, "channel pattern")
			t.SetNotification(true, message.FromConfig, message.High, "channel pattern")
			chSet = true
		}
		if k := patternClass(m[1], key); k != "" && !kindSet {
			t.SetKind(k, message.FromConfig, message.High, "kind pattern")
			t.SetNotification(true, message.FromConfig, message.High, "kind pattern")
			kindSet = true
		}
	}
}

// bundleEntry is one message read from a bundle.
type bundleEntry struct {
	path       []string     // key segments
	text       message.Text // the decoded value, mapped to the file
	start, end int          // file range of the value (of the key when there is none)
	locale     string       // locale stated in the file (gettext Language header)
	source     string       // source locale stated in the file (xcstrings, XLIFF)
	plural     string       // plural form ("0", "1" for gettext msgstr[n])
	refs       []string     // where the program uses the message (gettext "#:" references)
	// positional: the key goes through a list of records (a YAML or JSON
	// sequence of mappings), so its index is no identity across files.
	positional bool
	original   *message.Text // gettext msgid (msgid_plural for forms > 0)
	problems   []message.Problem
}

// pluralSuffixes are CLDR plural categories used as key suffixes
// (i18next items_one, Rails items.one).
var pluralSuffixes = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// splitPlural splits a plural category off a key: "items_one" and
// "items.one" give ("items", "one").
func splitPlural(key string) (string, string) {
	i := strings.LastIndexAny(key, "._")
	if i <= 0 || !pluralSuffixes[key[i+1:]] {
		return key, ""
	}
	return key[:i], key[i+1:]
}

// htmlValueRe finds HTML markup in a bundle value.
var htmlValueRe = regexp.MustCompile(`(?i)<(?:a\s|br\s*/?>|p[\s>]|div[\s>]|strong>|b>|em>|i>|span[\s>]|ul>|li>|h[1-6][\s>])|&[a-z]+;|&#\d+;`)

// buildBundle turns the entries of a bundle file into templates.
func buildBundle(src *message.Source, cfg *Config, entries []bundleEntry, fileProblems []message.Problem) []*message.Template {
	b := cfg.BundleFor(src.Path)
	fileLocale, fileEvidence, fileDetail := "", message.FromPath, "file name"
	if b != nil && b.Locale != "" {
		fileLocale, fileEvidence, fileDetail = message.NormalizeLocale(b.Locale), message.FromConfig, "[[lint.bundle]] locale"
	}
	if fileLocale == "" {
		if loc, ok := ResourceDirLocale(src.Path); ok {
			// values-de/, de.lproj/; "" for values/ and Base.lproj/ (the default locale)
			fileLocale, fileDetail = loc, filepath.Base(filepath.Dir(src.Path))+"/"
		} else {
			fileLocale, fileDetail = BundleLocaleFromPath(src.Path)
		}
	}
	topLocale := allTopLocales(entries)
	var sample strings.Builder
	for i := range entries {
		sample.WriteString(entries[i].text.String())
		sample.WriteByte('\n')
	}
	syn := DetectSyntax(src.Path, []byte(sample.String()), cfg)
	set := bundleSet(cfg, src.Path)
	fc := &message.FileCheck{}
	var toks map[string]string
	if cfg.Lint.Group.On() {
		toks = cfg.Lint.Group.partTokens()
	}
	msgFile, isMsgFile := oneMessageFile(src.Path, entries, topLocale, toks)
	forms := formAreas(entries, topLocale)
	var out []*message.Template
	for i := range entries {
		e := &entries[i]
		path := e.path
		locale, localeEvidence, localeDetail := fileLocale, fileEvidence, fileDetail
		if topLocale {
			if b == nil || b.Locale == "" {
				locale, localeEvidence, localeDetail = message.NormalizeLocale(path[0]), message.FromKey, "top-level key"
			}
			path = path[1:]
		}
		if e.locale != "" && (b == nil || b.Locale == "") {
			locale, localeEvidence, localeDetail = message.NormalizeLocale(e.locale), message.FromKey, "Language header"
		}
		key := strings.Join(path, ".")
		if !keySelected(b, key) || (isMsgFile && !isMessagePart(key, toks)) {
			continue
		}
		t := &message.Template{Source: src, ID: key, Start: e.start, End: e.end, Syntax: syn, Set: set, FromBundle: true, Refs: e.refs}
		if !isMsgFile {
			classifyBundleKey(t, cfg, b, key)
			markFormText(t, forms, key)
		}
		t.SetLocale(locale, localeEvidence, message.High, localeDetail)
		t.Key, t.Plural = splitPlural(key)
		t.Positional = e.positional
		if e.plural != "" {
			t.Plural = e.plural
		}
		if b != nil && b.SourceLocale != "" {
			t.SourceLocale = b.SourceLocale
		} else if e.source != "" {
			t.SourceLocale = message.NormalizeLocale(e.source)
		}
		body := &message.Part{Name: message.PartBody, Format: message.Plain, Text: e.text}
		if v := e.text.String(); strings.ContainsAny(v, "<&") && htmlValueRe.MatchString(v) {
			body.Format = message.HTML
			inner, _, links, _ := htmlText([]byte(e.text.String()), 0, false)
			body.Text = composeText(inner, e.text)
			for _, l := range links {
				l.FileStart, l.FileEnd = e.text.FileRange(l.FileStart, l.FileEnd)
				body.Links = append(body.Links, l)
			}
		}
		t.Parts = []*message.Part{body}
		if strings.TrimSpace(body.Text.String()) == "" {
			t.Empty = true
		}
		if e.original != nil {
			t.Original = &message.Part{Name: "original", Format: message.Plain, Text: *e.original}
			t.Original.Placeholders, _ = message.ScanSyntax(e.original.String(), syn)
		}
		t.Problems = append(t.Problems, e.problems...)
		if isMsgFile {
			messageFilePart(t, msgFile, src, cfg, b, key, locale, toks)
		} else if g := groupFor(toks, key, "", false); g.Role != "" {
			g.Key = src.Path + "\x00" + locale + "\x00" + g.Stem
			g.ID = g.Stem
			g.TKey, _ = splitPlural(g.Stem)
			t.Group = g
		}
		finishTemplateIn(t, cfg, fc)
		out = append(out, t)
	}
	if len(out) > 0 {
		out[0].Problems = append(out[0].Problems, fileProblems...)
	}
	fc.Summarise()
	return out
}

// classifyBundleKey sets a bundle message's channel and kind: the
// config's defaults, then words in the key ("sms", "mail", "delay"; for
// gettext the msgctxt), then the config's key patterns. A bundle message
// of no stated channel is taken for an in-app text, and for no
// notification at all until its key or text says otherwise (see
// InferScope).
func classifyBundleKey(t *message.Template, cfg *Config, b *BundleConfig, key string) {
	words := key
	if ctxt, _, ok := strings.Cut(key, "::"); ok { // gettext: the context, not the text
		words = ctxt
	} else if strings.ContainsAny(key, " \n") {
		words = ""
	}
	t.SetChannel("inapp", message.FromDefault, message.Low, "bundle string")
	t.SetNotification(false, message.FromDefault, message.Low, "bundle string")
	applyConfigDefaults(t, cfg)
	inf := InferFromPath(strings.ReplaceAll(words, ".", "/") + ".x")
	if _, leaf := splitKey(words); inf.ChannelWord == leaf+".x" && slugLeaf(words) {
		// "you_will_stop_receiving_push" talks about push; it is not one.
		inf.Channel = ""
	}
	t.SetChannel(inf.Channel, message.FromKey, message.Medium, inf.ChannelWord)
	// A bundle file named for a channel (lang/en/sms.php, mails.json)
	// holds that channel's texts.
	if c := bundleFileChannel(t.Source.Path); c != "" {
		t.SetChannel(c, message.FromPath, message.Medium, filepath.Base(t.Source.Path))
	}
	t.SetKind(inf.Kind, message.FromKey, message.Medium, inf.KindWord)
	applyClassify(t, cfg, b, key)
}

// bundleFileChannel is the channel a bundle file's name is ("sms.php",
// "emails.en.json", "de/mail.yml"), or "" when its name is no channel
// word ("messages.json").
func bundleFileChannel(p string) string {
	base := strings.ToLower(filepath.Base(p))
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	if i := strings.IndexByte(stem, '.'); i > 0 {
		stem = stem[:i] // emails.en → emails
	}
	return channelWords[stem]
}

func keySelected(b *BundleConfig, key string) bool {
	if b == nil {
		return true
	}
	for _, p := range b.ExcludeKeys {
		if message.MatchKey(p, key) {
			return false
		}
	}
	if len(b.Keys) == 0 {
		return true
	}
	for _, p := range b.Keys {
		if message.MatchKey(p, key) {
			return true
		}
	}
	return false
}

// allTopLocales reports whether every entry's first key segment is a
// locale code, as in Rails (en: …) or {"de": {…}, "fr": {…}} bundles.
func allTopLocales(entries []bundleEntry) bool {
	if len(entries) == 0 {
		return false
	}
	for i := range entries {
		p := entries[i].path
		if len(p) < 2 || !isLanguageTag(p[0], true) {
			return false
		}
	}
	return true
}

// bundleSet names the translation family of a bundle file: its path
// relative to the config with the locale removed, so en.json and
// de.json, or locales/en/app.json and locales/de/app.json, share one.
func bundleSet(cfg *Config, path string) string {
	rel := cfg.relToConfig(path)
	if rel == "" {
		rel = filepath.ToSlash(path)
	}
	return StripLocale(StripResourceLocale(rel), true)
}

// composeText maps inner, whose file offsets are byte offsets into
// outer's text, through outer to the file. A span's syntax is outer's
// string syntax with inner's markup (HTML inside a JSON string).
func composeText(inner, outer message.Text) message.Text {
	out := message.Text{Str: inner.Str}
	hostAt := func(off int, h message.Host) message.Host {
		if i := outer.SpanAt(off); i >= 0 {
			h.Str = outer.Spans[i].Host.Str
		} else {
			h.Str = message.StrNone
		}
		return h
	}
	for _, sp := range inner.Spans {
		if !sp.Verbatim {
			fs, fe := outer.FileRange(sp.FStart, sp.FStart+sp.FLen)
			out.Spans = append(out.Spans, message.Span{TStart: sp.TStart, TLen: sp.TLen, FStart: fs, FLen: fe - fs, Host: hostAt(sp.FStart, sp.Host)})
			continue
		}
		off, end, t := sp.FStart, sp.FStart+sp.FLen, sp.TStart
		for off < end {
			i := outer.SpanAt(off)
			if i < 0 {
				fs, _ := outer.FileRange(off, off)
				out.Spans = append(out.Spans, message.Span{TStart: t, TLen: end - off, FStart: fs})
				break
			}
			os := outer.Spans[i]
			n := min(end, os.TStart+os.TLen) - off
			h := sp.Host
			h.Str = os.Host.Str
			if os.Verbatim {
				out.Spans = append(out.Spans, message.Span{TStart: t, TLen: n, FStart: os.FStart + off - os.TStart, FLen: n, Verbatim: true, Host: h})
			} else {
				out.Spans = append(out.Spans, message.Span{TStart: t, TLen: n, FStart: os.FStart, FLen: os.FLen, Host: h})
			}
			off += n
			t += n
		}
	}
	return out
}

// loadBundle reads an i18n bundle in format (json, yaml, po, properties,
// android, strings, xcstrings, xliff, php)
// into one template per message. A bundle with a syntax error is an
// *InputError naming its line and column.
func loadBundle(src *message.Source, cfg *Config, format string, hygiene []message.Problem) ([]*message.Template, error) {
	start := 0
	if strings.HasPrefix(string(src.Content[:min(3, len(src.Content))]), "\xEF\xBB\xBF") {
		start = 3
	}
	var entries []bundleEntry
	var err error
	switch format {
	case "json":
		entries, err = parseJSONBundle(src.Content, start)
	case "yaml":
		entries, err = parseYAMLBundle(src.Content, start)
	case "po":
		entries, err = parsePOBundle(src.Content, start)
	case "properties":
		entries, err = parseProperties(src.Content, start)
	case "android":
		entries, err = parseAndroidStrings(src.Content, start)
	case "strings":
		entries, err = parseAppleStrings(src.Content, start)
	case "xcstrings":
		entries, err = parseXCStrings(src.Content, start)
	case "xliff":
		entries, err = parseXLIFF(src.Content, start)
	case "php":
		entries, err = parsePHPBundle(src.Content, start)
	default:
		return nil, &InputError{Path: src.Path, Err: fmt.Errorf("unknown bundle format %q", format)}
	}
	if err != nil {
		var be *bundleError
		if errors.As(err, &be) {
			p := src.Position(be.off)
			return nil, &InputError{Path: src.Path, Line: p.Line, Column: p.Column, Err: fmt.Errorf("invalid %s bundle: %s", format, be.msg)}
		}
		return nil, &InputError{Path: src.Path, Err: fmt.Errorf("reading %s bundle: %w", format, err)}
	}
	if err := checkBundleLimits(src, cfg, entries); err != nil {
		return nil, err
	}
	ts := buildBundle(src, cfg, entries, hygiene)
	if len(ts) == 0 && len(hygiene) > 0 {
		t := &message.Template{Source: src, ID: filepath.ToSlash(src.Path), End: len(src.Content), Empty: true, Problems: hygiene}
		ts = append(ts, t)
	}
	return ts, nil
}
