package load

import (
	"fmt"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint/message"
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
	message.PartSubject:   {"subject"},
	message.PartPreheader: {"preheader"},
	message.PartTitle:     {"title", "heading"},
	message.PartBody:      {"body", "content", "message", "html"},
	message.PartPlainText: {"plain", "plaintext", "txt"},
	message.PartGreeting:  {"greeting", "salutation"},
	message.PartButton:    {"action", "button", "cta"},
	message.PartHeader:    {"header"},
	message.PartFooter:    {"footer"},
}

// partOrder is the order of parts in a grouped message.
var partOrder = []string{message.PartSubject, message.PartPreheader, message.PartTitle, message.PartHeader, message.PartGreeting, message.PartBody, message.PartPlainText, message.PartButton, message.PartFooter}

// On reports whether grouping is on.
func (g GroupConfig) On() bool { return g.Enabled == nil || *g.Enabled }

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
func groupFor(toks map[string]string, name, locale string, isFile bool) message.GroupInfo {
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
			if locale != "" && isLanguageTag(strings.ReplaceAll(tail, ".", "_"), true) && strings.EqualFold(message.BaseLanguage(tail), message.BaseLanguage(locale)) {
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
	return message.GroupInfo{Key: stem, Role: role, Stem: stem}
}

// fileGroup sets the grouping of a document template loaded from path.
func fileGroup(t *message.Template, cfg *Config, format message.Format, explicitChannel string) {
	slash := filepath.ToSlash(t.Source.Path)
	dir, base := path.Split(slash)
	if !cfg.Lint.Group.On() {
		return
	}
	stem, inner := templateStem(base)
	g := groupFor(cfg.Lint.Group.partTokens(), stem, t.Locale, true)
	if g.Role == "" {
		switch {
		case format == message.HTML && (inner == ".html" || inner == ".htm" || inner == ""):
			g.Pairable, g.HTML = true, true
		case format == message.Plain && (inner == ".txt" || inner == ".text"):
			g.Pairable = true
		default:
			return
		}
	}
	if g.Role == message.PartBody && format == message.HTML {
		g.HTML = true
	}
	g.Key = dir + "\x00" + t.Locale + "\x00" + g.Stem
	g.Channel = explicitChannel
	idDir := ""
	if i := strings.LastIndexByte(t.ID, '/'); i >= 0 {
		idDir = t.ID[:i+1]
	}
	g.ID = idDir + g.Stem
	if g.Stem == "" { // subject.txt, body.html in a folder per message
		g.ID = strings.TrimSuffix(idDir, "/")
	}
	g.TKey = StripLocale(g.ID, false)
	t.Group = g
}

// GroupTemplates merges the templates that hold the parts of one
// notification into one template per notification, keeping the order of
// first appearance. Each part keeps its own file, so findings still
// point at the right file, line and column.
func GroupTemplates(ts []*message.Template, cfg *Config) []*message.Template {
	if !cfg.Lint.Group.On() {
		return ts
	}
	byKey := map[string][]*message.Template{}
	for _, t := range ts {
		if t.Group.Key != "" {
			byKey[t.Group.Key] = append(byKey[t.Group.Key], t)
		}
	}
	done := map[string]bool{}
	out := make([]*message.Template, 0, len(ts))
	for _, t := range ts {
		k := t.Group.Key
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
func roles(members []*message.Template) []string {
	channel := ""
	for _, m := range members {
		if c := m.Group.Channel; c != "" {
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
		if m.Group.Role != "" {
			anyRole = true
		}
		if m.Group.HTML && (m.Group.Role == message.PartBody || m.Group.Role == "") {
			hasHTMLBody = true
		}
	}
	if !anyRole {
		if len(members) != 2 || members[0].Group.HTML == members[1].Group.HTML {
			return nil
		}
	}
	for i, m := range members {
		r := m.Group.Role
		if (r == "" || r == message.PartBody) && !m.Group.HTML && hasHTMLBody {
			r = message.PartPlainText // the text alternative of an HTML body
		} else if r == "" {
			r = message.PartBody
		}
		rs[i] = r
	}
	return rs
}

// mergeGroup builds one template from the members of a group.
func mergeGroup(members []*message.Template) *message.Template {
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
		return members[idx[a]].Group.HTML && !members[idx[b]].Group.HTML
	})
	primary := members[idx[0]]
	for _, i := range idx {
		if rs[i] == message.PartBody {
			primary = members[i]
			break
		}
	}
	g := *primary
	g.Parts, g.Problems, g.Disable, g.Vars = nil, nil, nil, nil
	g.Suppress = message.Directives{}
	g.Empty = true
	for _, i := range idx {
		m := members[i]
		other := m.Source != primary.Source
		for _, p := range m.Parts {
			q := *p
			if q.Name == message.PartBody {
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
				g.Vars = map[string]*message.Var{}
			}
			if _, dup := g.Vars[name]; !dup {
				if other && v.Source == nil {
					v.Source = m.Source
				}
				g.Vars[name] = v
			}
		}
		g.Suppress.Merge(&m.Suppress, m.Source, other)
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
		if m.Group.Channel != "" {
			explicit = m.Group.Channel
		}
		subject = subject || rs[i] == message.PartSubject || rs[i] == message.PartPreheader
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
	g.ID = primary.Group.ID
	if primary.Key != "" {
		g.Key = primary.Group.TKey
	}
	g.Group = message.GroupInfo{}
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
var formatExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".html": true, ".htm": true}

// engineExts are template-engine extensions; the format comes from the
// extension before them (x.html.twig) or from the content.
var engineExts = map[string]bool{
	".twig": true, ".gotmpl": true, ".tmpl": true, ".hbs": true, ".handlebars": true, ".mustache": true,
	".liquid": true, ".j2": true, ".jinja": true, ".jinja2": true, ".njk": true, ".tpl": true, ".erb": true,
	".ejs": true,
}
