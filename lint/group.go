package lint

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// GroupConfig is [lint.group]: how the files or bundle keys that hold
// the parts of one notification (subject, HTML body, plain-text body) are
// grouped into one message.
//
// The rule: two files group when they sit in the same directory, have the
// same locale, and their names are equal once the part tokens at the end
// are removed ("email.subject" and "email.body.plaintext" → "email";
// "de-html" and "de-plain" → "de"). Bundle keys group the same way within
// one file ("order.shipped.subject", "order.shipped.body"). A name with
// no part token groups only as an .html + .txt pair of the same name.
type GroupConfig struct {
	// Enabled switches grouping on or off (default on).
	Enabled *bool `toml:"enabled,omitempty"`
	// Parts maps part names to the name tokens that mark them; a part
	// listed here replaces that part's default tokens.
	Parts map[string][]string `toml:"parts,omitempty"`
}

// defaultPartTokens are the name tokens of each part.
var defaultPartTokens = map[string][]string{
	PartSubject:   {"subject"},
	PartPreheader: {"preheader"},
	PartTitle:     {"title", "heading"},
	PartBody:      {"body", "content", "message", "html"},
	PartPlainText: {"plain", "plaintext", "txt"},
	PartGreeting:  {"greeting", "salutation"},
	PartButton:    {"action", "button", "cta"},
	PartHeader:    {"header"},
	PartFooter:    {"footer"},
}

// partOrder is the order of parts in a grouped message.
var partOrder = []string{PartSubject, PartPreheader, PartTitle, PartHeader, PartGreeting, PartBody, PartPlainText, PartButton, PartFooter}

func (g GroupConfig) enabled() bool { return g.Enabled == nil || *g.Enabled }

func (g GroupConfig) validate() error {
	for name, toks := range g.Parts {
		if _, ok := defaultPartTokens[name]; !ok {
			return fmt.Errorf("parts: unknown part %q (want one of %s)", name, strings.Join(partOrder, ", "))
		}
		for _, tok := range toks {
			if tok == "" || strings.ContainsAny(tok, ".-_/ ") {
				return fmt.Errorf("parts.%s: token %q must be one word without . - _ or spaces", name, tok)
			}
		}
	}
	return nil
}

// partTokens maps each lower-case token to its part name. The map is shared
// when no part is configured: callers must not change it.
func (g GroupConfig) partTokens() map[string]string {
	if len(g.Parts) == 0 {
		return defaultPartTokenMap
	}
	return g.buildPartTokens()
}

// defaultPartTokenMap is partTokens for the default configuration, built
// once; it is never changed.
var defaultPartTokenMap = GroupConfig{}.buildPartTokens()

// buildPartTokens builds the map partTokens returns.
func (g GroupConfig) buildPartTokens() map[string]string {
	out := map[string]string{}
	for name, toks := range defaultPartTokens {
		if custom, ok := g.Parts[name]; ok {
			toks = custom
		}
		for _, tok := range toks {
			out[strings.ToLower(tok)] = name
		}
	}
	return out
}

// groupFor computes the grouping of a file stem or bundle key, with the
// part tokens toks. locale is the template's locale, whose tokens at the
// end of name are kept.
func groupFor(toks map[string]string, name, locale string, isFile bool) groupInfo {
	var cuts []int // token boundaries: name[cuts[i]] is a separator
	for i := 0; i < len(name); i++ {
		if name[i] == '.' || name[i] == '-' || name[i] == '_' || name[i] == '/' {
			cuts = append(cuts, i)
		}
	}
	end := len(name)
	suffix := ""
	// Keep a trailing locale ("welcome.subject.de") out of the way.
	for _, n := range []int{1, 2} {
		if len(cuts) >= n {
			at := cuts[len(cuts)-n]
			tail := name[at+1:]
			if locale != "" && isLanguageTag(strings.ReplaceAll(tail, ".", "_"), true) && strings.EqualFold(BaseLanguage(tail), BaseLanguage(locale)) {
				end, suffix = at, name[at:]
				cuts = cuts[:len(cuts)-n]
				break
			}
		}
	}
	role := ""
	for {
		start := 0
		if len(cuts) > 0 {
			start = cuts[len(cuts)-1] + 1
		}
		tok := strings.ToLower(name[start:end])
		r, ok := toks[tok]
		if !ok || (start == 0 && !isFile) {
			break
		}
		if role == "" {
			role = r
		}
		if start == 0 {
			end = 0
			break
		}
		end = cuts[len(cuts)-1]
		cuts = cuts[:len(cuts)-1]
		if name[end] == '/' {
			break
		}
	}
	stem := name[:end] + suffix
	return groupInfo{key: stem, role: role, stem: stem}
}

// fileGroup sets the grouping of a document template loaded from path.
func fileGroup(t *Template, cfg *LoaderConfig, format Format, explicitChannel string) {
	slash := filepath.ToSlash(t.Source.Path)
	dir, base := path.Split(slash)
	if !cfg.Lint.Group.enabled() {
		return
	}
	stem, inner := templateStem(base)
	g := groupFor(cfg.Lint.Group.partTokens(), stem, t.Locale, true)
	if g.role == "" {
		switch {
		case format == HTML && (inner == ".html" || inner == ".htm" || inner == ""):
			g.pairable, g.html = true, true
		case format == Plain && inner == ".txt":
			g.pairable = true
		default:
			return
		}
	}
	if g.role == PartBody && format == HTML {
		g.html = true
	}
	g.key = dir + "\x00" + t.Locale + "\x00" + g.stem
	g.channel = explicitChannel
	idDir := ""
	if i := strings.LastIndexByte(t.ID, '/'); i >= 0 {
		idDir = t.ID[:i+1]
	}
	g.id = idDir + g.stem
	if g.stem == "" { // subject.txt, body.html in a folder per message
		g.id = strings.TrimSuffix(idDir, "/")
	}
	g.tkey = stripLocale(g.id, false)
	t.group = g
}

// GroupTemplates merges the templates that hold the parts of one
// notification into one template per notification, keeping the order of
// first appearance. Each part keeps its own file, so findings still
// point at the right file, line and column.
func GroupTemplates(ts []*Template, cfg *LoaderConfig) []*Template {
	if !cfg.Lint.Group.enabled() {
		return ts
	}
	byKey := map[string][]*Template{}
	for _, t := range ts {
		if t.group.key != "" {
			byKey[t.group.key] = append(byKey[t.group.key], t)
		}
	}
	done := map[string]bool{}
	out := make([]*Template, 0, len(ts))
	for _, t := range ts {
		k := t.group.key
		members := byKey[k]
		if k == "" || len(members) < 2 {
			out = append(out, t)
			continue
		}
		if done[k] {
			continue
		}
		done[k] = true
		if g := mergeGroup(members); g != nil {
			out = append(out, g)
		} else {
			out = append(out, members...)
		}
	}
	return out
}

// roles assigns each member its part; nil when the members do not form a
// notification: two pairable files that are not one .html and one .txt,
// or files whose front matter sets different channels.
func roles(members []*Template) []string {
	channel := ""
	for _, m := range members {
		if c := m.group.channel; c != "" {
			if channel != "" && c != channel {
				return nil
			}
			channel = c
		}
	}
	rs := make([]string, len(members))
	hasHTMLBody := false
	anyRole := false
	for _, m := range members {
		if m.group.role != "" {
			anyRole = true
		}
		if m.group.html && (m.group.role == PartBody || m.group.role == "") {
			hasHTMLBody = true
		}
	}
	if !anyRole {
		if len(members) != 2 || members[0].group.html == members[1].group.html {
			return nil
		}
	}
	for i, m := range members {
		r := m.group.role
		if (r == "" || r == PartBody) && !m.group.html && hasHTMLBody {
			r = PartPlainText // the text alternative of an HTML body
		} else if r == "" {
			r = PartBody
		}
		rs[i] = r
	}
	return rs
}

// mergeGroup builds one template from the members of a group.
func mergeGroup(members []*Template) *Template {
	rs := roles(members)
	if rs == nil {
		return nil
	}
	idx := make([]int, len(members))
	for i := range idx {
		idx[i] = i
	}
	rank := func(i int) int {
		for k, p := range partOrder {
			if p == rs[i] {
				return k
			}
		}
		return len(partOrder)
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ra, rb := rank(idx[a]), rank(idx[b])
		if ra != rb {
			return ra < rb
		}
		return members[idx[a]].group.html && !members[idx[b]].group.html
	})
	primary := members[idx[0]]
	for _, i := range idx {
		if rs[i] == PartBody {
			primary = members[i]
			break
		}
	}
	g := *primary
	g.Parts, g.Problems, g.Disable, g.Vars = nil, nil, nil, nil
	g.suppress = directives{}
	g.Empty = true
	for _, i := range idx {
		m := members[i]
		other := m.Source != primary.Source
		for _, p := range m.Parts {
			q := *p
			if q.Name == PartBody {
				q.Name = rs[i]
			}
			if other && q.Source == nil {
				q.Source = m.Source
			}
			g.Parts = append(g.Parts, &q)
		}
		for _, pr := range m.Problems {
			if other && pr.Source == nil {
				pr.Source = m.Source
			}
			g.Problems = append(g.Problems, pr)
		}
		for _, d := range m.Disable {
			if other && d.Source == nil {
				d.Source = m.Source
			}
			g.Disable = append(g.Disable, d)
		}
		for name, v := range m.Vars {
			if g.Vars == nil {
				g.Vars = map[string]*Var{}
			}
			if _, dup := g.Vars[name]; !dup {
				if other && v.Source == nil {
					v.Source = m.Source
				}
				g.Vars[name] = v
			}
		}
		g.suppress.merge(&m.suppress, m.Source, other)
		if !m.Empty {
			g.Empty = false
		}
		if g.Sender == "" {
			g.Sender = m.Sender
		}
		if g.MaxSegments == 0 {
			g.MaxSegments = m.MaxSegments
		}
	}
	explicit, subject := "", false
	for i, m := range members {
		if m.group.channel != "" {
			explicit = m.group.channel
		}
		subject = subject || rs[i] == PartSubject || rs[i] == PartPreheader
	}
	switch {
	case explicit != "":
		g.Channel = explicit
	case subject && g.Channel == "sms":
		g.Channel = "email" // an SMS has no subject
	}
	for _, v := range g.Vars {
		v.Used = false
	}
	for _, p := range g.Parts {
		for _, ph := range p.Placeholders {
			if v := g.VarFor(ph); v != nil {
				v.Used = true
			}
		}
	}
	g.ID = primary.group.id
	if primary.Key != "" {
		g.Key = primary.group.tkey
	}
	g.group = groupInfo{}
	return &g
}

// templateStem strips a file name's extensions: the template-engine one
// (.twig, .gotmpl, …) and the format one (.html, .txt). It returns the
// stem and the format extension ("" when there is none).
func templateStem(base string) (stem, format string) {
	stem = base
	if ext := strings.ToLower(path.Ext(stem)); engineExts[ext] {
		stem = strings.TrimSuffix(stem, path.Ext(stem))
	}
	if ext := strings.ToLower(path.Ext(stem)); formatExts[ext] {
		format = ext
		stem = strings.TrimSuffix(stem, path.Ext(stem))
	}
	return stem, format
}

// formatExts are the extensions that say how a file's text is written.
var formatExts = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true}

// engineExts are template-engine extensions; the format comes from the
// extension before them (x.html.twig) or from the content.
var engineExts = map[string]bool{
	".twig": true, ".gotmpl": true, ".tmpl": true, ".hbs": true, ".handlebars": true, ".mustache": true,
	".liquid": true, ".j2": true, ".jinja": true, ".jinja2": true, ".njk": true, ".tpl": true, ".erb": true,
	".ejs": true,
}
