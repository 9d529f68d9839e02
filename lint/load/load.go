package load

import (
	"bytes"
	"fmt"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
)

// InputError is a file or directory notelint cannot read as templates at
// all. The run reports it as a finding of the rule that owns InputProblem.
type InputError struct {
	Path   string
	Line   int // 0 when the error is not about one line
	Column int // 0 when not known
	Err    error
}

func (e *InputError) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d: column %d: %v", e.Path, e.Line, e.Column, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// LoadFile reads one template file into its templates (one, or many for a
// catalog). A file that cannot be read, is not a regular file, is larger
// than [lint] max_file_size (max_bundle_size for an i18n bundle) or is not
// UTF-8 is an *InputError.
func LoadFile(path string, cfg *Config) ([]*message.Template, error) {
	data, err := ReadRegular(path, cfg.sizeLimitFor(path))
	if err != nil {
		return nil, err
	}
	return Load(path, data, cfg)
}

// Load parses data, the content of the file at path, into templates.
// Data larger than [lint] max_file_size (max_bundle_size for an i18n
// bundle) is an *InputError.
func Load(path string, data []byte, cfg *Config) ([]*message.Template, error) {
	if limit := cfg.sizeLimitFor(path); int64(len(data)) > limit.Bytes {
		return nil, &InputError{Path: path, Err: tooLarge(int64(len(data)), limit, false)}
	}
	if bytes.HasPrefix(data, []byte("\xFF\xFE")) || bytes.HasPrefix(data, []byte("\xFE\xFF")) {
		return nil, &InputError{Path: path, Err: fmt.Errorf("the file is UTF-16 text; save it as UTF-8")}
	}
	if !utf8.Valid(data) {
		off := FirstInvalidUTF8(data)
		src := message.NewSource(path, data)
		p := src.Position(off)
		return nil, &InputError{Path: path, Line: p.Line, Column: p.Column,
			Err: fmt.Errorf("invalid UTF-8 at byte offset %d (0x%02X); save the file as UTF-8", off, data[off])}
	}
	src := message.NewSource(path, data)
	hygiene := FileHygiene(src)
	ext := strings.ToLower(filepath.Ext(path))
	if isBladeView(path) && cfg.BundleFor(path) == nil {
		return nil, &InputError{Path: path, Err: errBladeView} // not a PHP bundle
	}
	if f := cfg.bundleFormat(path); f != "" && ext != ".toml" {
		return loadBundle(src, cfg, f, hygiene)
	}
	var ts []*message.Template
	switch ext {
	case ".toml":
		var err error
		if ts, err = loadCatalog(src, cfg); err != nil {
			return nil, err
		}
	default:
		ts = []*message.Template{loadDocument(src, cfg, documentFormat(path, data))}
	}
	if len(ts) > 0 {
		ts[0].Problems = append(hygiene, ts[0].Problems...)
	}
	return ts, nil
}

// htmlSniffRe finds HTML (or MJML) markup in a template-engine file of no
// stated format.
var htmlSniffRe = regexp.MustCompile(`(?i)<(?:html|body|p|br|div|table|a|span|strong|b|em|i|h[1-6]|ul|ol|li|td|tr|img|mj-[a-z-]+|mjml)[\s/>]`)

// documentFormat tells how a document's text is written: by extension
// (.md, .html, .txt), and for template-engine files (.twig, .gotmpl, .tpl,
// .erb, .ejs, .hbs, .liquid, .jinja, …) by the extension before it
// (x.html.twig, x.txt.twig), a "plain" or "text" name token
// (de-plain.html.twig, welcome.text.erb) or the content (HTML tags).
func documentFormat(path string, data []byte) message.Format {
	base := strings.ToLower(filepath.Base(path))
	ext := filepath.Ext(base)
	if engineExts[ext] {
		stem, inner := templateStem(base)
		for _, tok := range strings.FieldsFunc(stem, func(r rune) bool { return r == '-' || r == '_' || r == '.' }) {
			if tok == "plain" || tok == "plaintext" || tok == "txt" || tok == "text" {
				return message.Plain
			}
		}
		switch inner {
		case ".md":
			return message.Markdown
		case ".txt", ".text":
			return message.Plain
		case ".html", ".htm":
			return message.HTML
		}
		if htmlSniffRe.Match(data) {
			return message.HTML
		}
		return message.Plain
	}
	switch ext {
	case ".md":
		return message.Markdown
	case ".mjml":
		return message.HTML
	case ".html", ".htm":
		// Django and other engines name every template .html, the text
		// part of an e-mail too (alert-body-text.html): a file with no
		// HTML markup is plain text, whose line breaks are kept.
		if !htmlSniffRe.Match(data) && !bytes.Contains(data, []byte("</")) {
			return message.Plain
		}
		return message.HTML
	}
	return message.Plain
}

// FirstInvalidUTF8 returns the offset of the first byte of b that is not
// valid UTF-8 (0 when there is none; check utf8.Valid first).
func FirstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return 0
}

// loadDocument loads a .txt, .md or .html file with optional front matter.
func loadDocument(src *message.Source, cfg *Config, format message.Format) *message.Template {
	t := &message.Template{Source: src, End: len(src.Content)}
	start := 0
	if bytes.HasPrefix(src.Content, []byte("\xEF\xBB\xBF")) {
		start = 3
	}
	applyDefaults(t, cfg, format)
	pathID := t.ID
	applyClassify(t, cfg, nil, pathID)
	explicitID, explicitChannel := "", ""
	bodyStart := start
	var dirs message.Directives
	fm, fmStart, bs, ok, unclosed := splitFrontMatter(src.Content, start)
	switch {
	case unclosed:
		t.Problems = append(t.Problems, message.Problem{Kind: message.FrontMatterProblem, Start: start, End: start + 3,
			Message: "front matter opened with +++ is never closed",
			Hint:    "end the front matter with a line holding only +++"})
	case ok:
		bodyStart = bs
		pos := tomlPositions(fm, fmStart)
		if m, ok := decodeMeta(t, fm, fmStart, pos, ""); ok {
			applyMeta(t, m, pos, "")
			explicitID, explicitChannel = m.ID, m.Channel
		}
	}
	t.Syntax = DetectSyntax(src.Path, src.Content[bodyStart:], cfg)
	keyPath := StripLocale(pathID, false)
	t.Key, t.Set = keyPath, path.Dir(keyPath)
	if explicitID != "" {
		t.Key = explicitID
	}
	var body message.Text
	var links []message.Link
	switch format {
	case message.Markdown:
		body, links, dirs = markdownText(src.Content, bodyStart)
		if off := markdownGuard(src.Content[bodyStart:]); off >= 0 {
			t.Problems = append(t.Problems, markdownTooComplex(src, bodyStart+off))
		}
	case message.HTML:
		var title message.Text
		content := markupInTags(src.Content, bodyStart, t.Syntax)
		body, title, links, dirs = htmlText(content, bodyStart, htmlKeepsLines(content[bodyStart:]))
		if title.Len() > 0 {
			t.Parts = append(t.Parts, &message.Part{Name: message.PartHTMLTitle, Format: message.HTML, Text: title})
		}
	default:
		body = plainText(src.Content[bodyStart:], bodyStart)
	}
	t.Parts = append(t.Parts, &message.Part{Name: message.PartBody, Format: format, Text: body, Links: links})
	t.Suppress = dirs
	t.Empty = strings.TrimSpace(body.String()) == "" && len(t.Parts) == 1
	fc := &message.FileCheck{}
	finishTemplateIn(t, cfg, fc)
	if fc.Reported == 0 {
		if off, msg, bad := message.CheckSyntax(string(src.Content[bodyStart:]), t.Syntax); bad {
			fc.Add(t, message.PlaceholderIssue{Message: msg, Unparsed: true}, bodyStart+off, bodyStart+off+1)
		}
	}
	fc.Summarise()
	fileGroup(t, cfg, format, explicitChannel)
	return t
}

// plainText turns a plain-text body into Text: CRLF becomes LF and trailing
// blank space (the file's final newline) is dropped.
func plainText(body []byte, off int) message.Text {
	var b message.TextBuilder
	b.SetHost(message.HostRaw)
	message.AppendLines(&b, string(body), off)
	b.TrimRightSpace()
	return b.Text()
}

// applyDefaults sets channel, locale, kind and id from the path and
// config, each with its evidence: the config's defaults, then the path;
// a plain-text file is an SMS and any other an e-mail only as a weak
// guess that SMS and e-mail rules do not act on.
func applyDefaults(t *message.Template, cfg *Config, format message.Format) {
	guess := "email"
	if format == message.Plain {
		guess = "sms"
	}
	t.SetChannel(guess, message.FromDefault, message.Low, "file type")
	t.SetNotification(true, message.FromDefault, message.Medium, "a template file")
	applyConfigDefaults(t, cfg)
	inf := InferFromPath(t.Source.Path)
	t.SetChannel(inf.Channel, message.FromPath, message.Medium, inf.ChannelWord)
	t.SetLocale(inf.Locale, message.FromPath, message.Medium, inf.LocaleWord)
	t.SetKind(inf.Kind, message.FromPath, message.Medium, inf.KindWord)
	id := filepath.ToSlash(t.Source.Path)
	if rel := cfg.relToConfig(t.Source.Path); rel != "" {
		id = rel
	}
	if engineExts[strings.ToLower(filepath.Ext(id))] {
		dir, base := path.Split(id)
		stem, _ := templateStem(base)
		t.ID = dir + stem
		return
	}
	t.ID = strings.TrimSuffix(id, filepath.Ext(id))
}

// applyMeta overlays front matter or catalog metadata on t.
func applyMeta(t *message.Template, m meta, pos map[string]tomlValue, prefix string) {
	if m.ID != "" {
		t.ID = m.ID
	}
	t.SetChannel(m.Channel, message.FromFrontMatter, message.High, "channel")
	t.SetLocale(message.NormalizeLocale(m.Locale), message.FromFrontMatter, message.High, "locale")
	t.SetKind(m.Kind, message.FromFrontMatter, message.High, "kind")
	t.Sender = m.Sender
	t.MaxSegments = m.MaxSegments
	for _, id := range m.Disable {
		tv := pos[prefix+"disable"]
		t.Disable = append(t.Disable, message.Directive{Rule: id, Start: tv.start, End: tv.end})
	}
	if len(m.Vars) > 0 {
		t.Vars = make(map[string]*message.Var, len(m.Vars))
		for name, d := range m.Vars {
			v := &message.Var{Name: name, Sample: d.Sample, Max: d.Max, Type: d.Type, Charset: d.Charset, Landing: d.Landing}
			if tv, ok := pos[prefix+"vars."+name]; ok {
				v.Offset = tv.keyStart
			}
			t.Vars[message.NormalizeVarName(name)] = v
		}
	}
	for _, f := range []struct {
		name, key, value string
	}{{message.PartSubject, "subject", m.Subject}, {message.PartPreheader, "preheader", m.Preheader}, {message.PartTitle, "title", m.Title},
		{message.PartHeader, "header", m.Header}, {message.PartFooter, "footer", m.Footer}} {
		if f.value == "" {
			continue
		}
		var b message.TextBuilder
		if tv, ok := pos[prefix+f.key]; ok && tv.raw != nil {
			appendTOMLString(&b, string(tv.raw), tv.start)
		} else {
			b.Mapped(f.value, t.Start, t.Start)
		}
		t.Parts = append(t.Parts, &message.Part{Name: f.name, Format: message.Plain, Text: b.Text()})
	}
	for i, label := range m.Buttons {
		var b message.TextBuilder
		tv := pos[prefix+"buttons"]
		if s, e, ok := arrayElement(t.Source.Content, tv, i); ok {
			appendTOMLString(&b, string(t.Source.Content[s:e]), s)
		} else {
			b.Mapped(label, tv.start, tv.end)
		}
		t.Parts = append(t.Parts, &message.Part{Name: message.PartButton, Format: message.Plain, Text: b.Text()})
	}
}

// arrayElement finds the raw string literal of element i of a TOML array
// of strings located at tv.
func arrayElement(content []byte, tv tomlValue, i int) (int, int, bool) {
	if tv.end <= tv.start || tv.end > len(content) {
		return 0, 0, false
	}
	raw := content[tv.start:tv.end]
	n := -1
	for j := 0; j < len(raw); j++ {
		c := raw[j]
		if c != '"' && c != '\'' {
			continue
		}
		k := j + 1
		for k < len(raw) && raw[k] != c {
			if raw[k] == '\\' && c == '"' {
				k++
			}
			k++
		}
		if k >= len(raw) {
			return 0, 0, false
		}
		n++
		if n == i {
			return tv.start + j, tv.start + k + 1, true
		}
		j = k
	}
	return 0, 0, false
}

// finishTemplate scans placeholders and links in every part and checks them
// against the declared variables.
func finishTemplate(t *message.Template, cfg *Config) {
	fc := &message.FileCheck{}
	finishTemplateIn(t, cfg, fc)
	fc.Summarise()
}

// finishTemplateIn is finishTemplate counting placeholder problems in fc,
// shared by the templates of one file.
func finishTemplateIn(t *message.Template, cfg *Config, fc *message.FileCheck) {
	for _, p := range t.Parts {
		phs, issues := message.ScanSyntax(p.Text.String(), t.Syntax)
		p.Placeholders = phs
		for _, is := range issues {
			s, e := p.Text.FileRange(is.Start, is.End)
			fc.Add(t, is, s, e)
		}
		for _, ph := range phs {
			if ph.Control || ph.Name == "" {
				continue
			}
			if v, ok := t.Vars[message.NormalizeVarName(ph.Name)]; ok {
				v.Used = true
			}
		}
		p.Links = append(p.Links, message.BareLinks(p, t)...)
		message.SortLinks(p.Links)
	}
	for _, id := range t.Disable {
		t.Suppress.AddTemplateWide(id)
	}
}
