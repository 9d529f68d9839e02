package serve

import (
	"bytes"
	"html"
	"strings"

	"github.com/rivo/uniseg"
	"github.com/yuin/goldmark"

	"github.com/notelint/notelint/cmd/notelint/internal/smsjson"
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
	"github.com/notelint/notelint/rules"
)

// scopeJSON is what notelint takes a message for, and why.
type scopeJSON struct {
	Kind         string `json:"kind"`
	Channel      string `json:"channel"`
	Locale       string `json:"locale"`
	Notification string `json:"notification"`
	// Sources holds the evidence for each of notification, channel, kind
	// and locale: the source, the confidence and the deciding words.
	Sources map[string]message.Fact `json:"sources"`
}

// messageJSON is one message of the file with everything the page previews.
type messageJSON struct {
	ID    string    `json:"id"`
	Line  int       `json:"line"`
	Scope scopeJSON `json:"scope"`
	// Editable is true when the scope can be changed through front matter
	// (a document, not a catalog or bundle entry).
	Editable     bool              `json:"editable"`
	SMS          *smsPreview       `json:"sms,omitempty"`
	Email        *emailPreview     `json:"email,omitempty"`
	Push         *pushPreview      `json:"push,omitempty"`
	Text         string            `json:"text"`
	Links        []linkJSON        `json:"links"`
	Placeholders []placeholderJSON `json:"placeholders"`
}

type smsPreview struct {
	// Best and Worst are objects of sms --json: placeholders at their
	// sample, and at their max with any character their charset allows.
	Best  smsjson.Object `json:"best"`
	Worst smsjson.Object `json:"worst"`
	// Budget is the allowed number of segments.
	Budget int `json:"budget"`
	// Assumed are placeholders without a declared max, counted at
	// default_var_length.
	Assumed []string `json:"assumed"`
	Sender  string   `json:"sender"`
}

type emailPreview struct {
	Subject   string `json:"subject"`
	Preheader string `json:"preheader"`
	Sender    string `json:"sender"`
	// HTML is the body as a complete document for a sandboxed frame:
	// placeholders show their sample, links cannot navigate.
	HTML string `json:"html"`
}

// Push limits in characters (grapheme clusters), the channel-length
// rule's defaults: iOS truncates past these on the lock screen.
const (
	pushTitleLimit = 40
	pushBodyLimit  = 110
)

type pushPreview struct {
	Title          string `json:"title"`
	Body           string `json:"body"`
	TitleShown     string `json:"title_shown"`
	BodyShown      string `json:"body_shown"`
	TitleTruncated bool   `json:"title_truncated"`
	BodyTruncated  bool   `json:"body_truncated"`
	TitleLimit     int    `json:"title_limit"`
	BodyLimit      int    `json:"body_limit"`
}

type linkJSON struct {
	URL   string `json:"url"`
	Label string `json:"label"`
	Line  int    `json:"line"`
	// Verdict is what the landing-page and link-safety rules said, or why
	// nothing was checked; Severity is "" when no rule complained.
	Verdict  string `json:"verdict"`
	Severity string `json:"severity"`
	Checked  bool   `json:"checked"`
}

type placeholderJSON struct {
	Name     string `json:"name"`
	Declared bool   `json:"declared"`
	Sample   string `json:"sample"`
	Max      int    `json:"max"`
	Type     string `json:"type"`
	Charset  string `json:"charset"`
}

func buildMessage(t *message.Template, cfg *lint.Config, all []*lint.Rule, findings []lint.Finding, load string) messageJSON {
	m := messageJSON{
		ID:   t.ID,
		Line: t.Source.Position(t.Start).Line,
		Scope: scopeJSON{Kind: t.Kind, Channel: t.Channel, Locale: t.Locale, Notification: t.Scope.Notification.Value,
			Sources: map[string]message.Fact{"notification": t.Scope.Notification, "channel": t.Scope.Channel,
				"kind": t.Scope.Kind, "locale": t.Scope.Locale}},
		Editable:     t.Source.Path == load && !t.FromBundle && !strings.HasSuffix(strings.ToLower(load), ".toml"),
		Links:        []linkJSON{},
		Placeholders: placeholders(t),
	}
	fill := sampleFill(t)
	if b := t.Body(); b != nil {
		m.Text = b.Render(fill)
	}
	switch t.Channel {
	case "sms":
		m.SMS = smsOf(t, cfg)
	case "email":
		m.Email = emailOf(t, fill)
	case "push":
		m.Push = pushOf(t, fill)
	}
	m.Links = links(t, cfg, all, findings, load)
	return m
}

// sampleFill shows a declared placeholder as its sample, any other as written.
func sampleFill(t *message.Template) func(message.Placeholder) string {
	return func(ph message.Placeholder) string {
		if v := t.VarFor(ph); v != nil && v.Sample != "" {
			return v.Sample
		}
		return "{{" + ph.Name + "}}"
	}
}

func smsOf(t *message.Template, cfg *lint.Config) *smsPreview {
	set := rules.SMSSettings(cfg)
	est := message.EstimateSMS(t, set)
	best, worst := message.SMSCaseTexts(t, set)
	opt := set.Options()
	split := smsjson.SplitName(opt.Split)
	assumed := est.Assumed
	if assumed == nil {
		assumed = []string{}
	}
	return &smsPreview{
		Best:    smsjson.New(best, sms.Analyze(best, opt), split),
		Worst:   smsjson.New(worst, sms.Analyze(worst, opt), split),
		Budget:  est.Budget,
		Assumed: assumed,
		Sender:  t.Sender,
	}
}

func partText(t *message.Template, name string, fill func(message.Placeholder) string) string {
	if p := t.Part(name); p != nil {
		return p.Render(fill)
	}
	return ""
}

func emailOf(t *message.Template, fill func(message.Placeholder) string) *emailPreview {
	e := &emailPreview{Subject: partText(t, message.PartSubject, fill), Preheader: partText(t, message.PartPreheader, fill), Sender: t.Sender}
	body := t.Body()
	if body == nil {
		return e
	}
	var inner string
	raw, isDoc := documentBody(t)
	switch {
	case isDoc && body.Format == message.HTML:
		inner = renderRaw(t, raw, func(s string) string { return html.EscapeString(s) })
	case isDoc && body.Format == message.Markdown:
		var buf bytes.Buffer
		if err := goldmark.Convert([]byte(renderRaw(t, raw, func(s string) string { return s })), &buf); err == nil {
			inner = buf.String()
		} else {
			inner = "<pre>" + html.EscapeString(raw) + "</pre>"
		}
	default:
		inner = `<div style="white-space:pre-wrap">` + html.EscapeString(body.Render(fill)) + "</div>"
	}
	e.HTML = `<!doctype html><html><head><meta charset="utf-8"><base target="_blank">` +
		`<style>body{font:15px/1.5 system-ui,sans-serif;margin:12px;color:#222;word-wrap:break-word}img{max-width:100%}</style>` +
		`</head><body>` + inner + `</body></html>`
	return e
}

// documentBody returns the file text after the front matter, when the
// message is a whole document (not a catalog or bundle entry).
func documentBody(t *message.Template) (string, bool) {
	if t.FromBundle || strings.HasSuffix(strings.ToLower(t.Source.Path), ".toml") {
		return "", false
	}
	s := strings.TrimPrefix(string(t.Source.Content), "\uFEFF")
	if strings.HasPrefix(s, "+++\n") || strings.HasPrefix(s, "+++\r\n") {
		rest := s[strings.IndexByte(s, '\n')+1:]
		for off := 0; off < len(rest); {
			nl := strings.IndexByte(rest[off:], '\n')
			line := rest[off:]
			if nl >= 0 {
				line = rest[off : off+nl]
			}
			if strings.TrimRight(line, "\r") == "+++" {
				if nl < 0 {
					return "", true
				}
				return rest[off+nl+1:], true
			}
			if nl < 0 {
				break
			}
			off += nl + 1
		}
		return "", true // unclosed: the frontmatter rule reports it
	}
	return s, true
}

// renderRaw fills the placeholders of raw file text with their samples
// (escaped by esc); undeclared ones stay as written.
func renderRaw(t *message.Template, raw string, esc func(string) string) string {
	phs, _ := message.ScanSyntax(raw, t.Syntax)
	var b strings.Builder
	last := 0
	for _, ph := range phs {
		if ph.Start < last || ph.End > len(raw) {
			continue
		}
		b.WriteString(raw[last:ph.Start])
		if !ph.Control {
			if v := t.VarFor(ph); v != nil && v.Sample != "" {
				b.WriteString(esc(v.Sample))
			} else {
				b.WriteString(raw[ph.Start:ph.End])
			}
		}
		last = ph.End
	}
	b.WriteString(raw[last:])
	return b.String()
}

func pushOf(t *message.Template, fill func(message.Placeholder) string) *pushPreview {
	p := &pushPreview{Title: partText(t, message.PartTitle, fill), Body: partText(t, message.PartBody, fill),
		TitleLimit: pushTitleLimit, BodyLimit: pushBodyLimit}
	p.TitleShown, p.TitleTruncated = truncate(p.Title, pushTitleLimit)
	p.BodyShown, p.BodyTruncated = truncate(p.Body, pushBodyLimit)
	return p
}

// truncate cuts s to n grapheme clusters, ending it with "…" when cut.
func truncate(s string, n int) (string, bool) {
	if uniseg.GraphemeClusterCount(s) <= n {
		return s, false
	}
	g := uniseg.NewGraphemes(s)
	var b strings.Builder
	for i := 0; i < n-1 && g.Next(); i++ {
		b.WriteString(g.Str())
	}
	return strings.TrimRight(b.String(), " ") + "…", true
}

func placeholders(t *message.Template) []placeholderJSON {
	out := []placeholderJSON{}
	seen := map[string]bool{}
	for _, p := range t.Parts {
		for _, ph := range p.Placeholders {
			if ph.Control || ph.Name == "" || seen[ph.Name] {
				continue
			}
			seen[ph.Name] = true
			pj := placeholderJSON{Name: ph.Name}
			if v := t.VarFor(ph); v != nil {
				pj.Declared, pj.Sample, pj.Max, pj.Type, pj.Charset = true, v.Sample, v.Max, v.Type, v.Charset
			}
			out = append(out, pj)
		}
	}
	return out
}
