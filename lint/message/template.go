package message

import "github.com/notelint/notelint/lint/sms"

// Channels and kinds notelint knows.
var (
	knownChannels = []string{"sms", "email", "push", "whatsapp", "inapp"}
	knownKinds    = []string{"delay", "outage", "appointment", "ticket", "process-update", "reminder", "info", "marketing", "otp"}
)

// KnownChannels returns the channel names notelint knows.
func KnownChannels() []string { return append([]string(nil), knownChannels...) }

// KnownKinds returns the message kinds notelint knows.
func KnownKinds() []string { return append([]string(nil), knownKinds...) }

// Template is one message for one channel in one locale.
type Template struct {
	Source  *Source // the file the message is in
	ID      string
	Channel string // sms, email, push, whatsapp, inapp
	Locale  string // BCP 47 tag, e.g. "de", "fr-CH"; "" when unknown
	Kind    string // delay, outage, ... ; "" when unknown
	Sender  string // sender named in front matter
	// MaxSegments overrides the configured SMS segment budget when > 0.
	MaxSegments int
	Vars        map[string]*Var
	Parts       []*Part
	// Disable lists rule ids switched off for this template by front matter.
	Disable []Directive
	// Start and End are the file byte range of the whole message (for a
	// catalog, the [[message]] table), used for file-level findings.
	Start, End int
	// Problems are loader findings (front matter, placeholders) reported by
	// the frontmatter and placeholder rules.
	Problems []Problem
	// Set and Key identify the message across translations: Set is the
	// bundle or directory family (locale removed), Key the message within
	// it (the bundle key, or the file name without locale and part).
	// Key is "" when the message has no stable key (a catalog entry
	// without id).
	Set, Key string
	// FromBundle is true for a message read from an i18n bundle (JSON,
	// YAML, .po, .properties), whose files are explicit translation sets.
	FromBundle bool
	// MessageFile is true for a bundle file that holds this one message,
	// its keys the message's parts ("subject", "body"): read as a
	// template file, not as a string of a whole-application bundle.
	MessageFile bool
	// SourceLocale is the locale translations of this message are compared
	// with, when configured for its bundle; "" uses the rule's default.
	SourceLocale string
	// Plural is the plural form this message is ("one", "other", or a
	// gettext form index "0", "1"); "" when it is not a plural form.
	Plural string
	// Original is the source-language text stored next to a translation
	// (the msgid of a gettext entry), or nil.
	Original *Part
	// Empty is true when the message has no text at all (an empty file,
	// bundle value or msgstr): rules only report its loader problems, and
	// cross-template rules see it.
	Empty bool
	// Syntax is the set of placeholder syntaxes the message was read with.
	Syntax Syntax
	// Scope is what the loaders decided about the message: notification
	// or not, channel, kind and locale, each with its evidence.
	Scope Scope
	// refs are where the program uses a bundle message (gettext "#:"
	// references), read as evidence of what the message is.
	Refs     []string
	Suppress Directives
	memo     map[string]any
	Group    GroupInfo
	// Positional is true for a bundle message whose key runs through a
	// list of records ("modules.20.content"): the index is a place, not an
	// identity, so the message pairs with no translation.
	Positional bool
}

// Memo returns the value stored on the template under key, computing it
// with f the first time, so rules can share work on one template (folded
// text, time expressions). The rules of one template run one after
// another, so Memo takes no lock: never call it from Rule.CheckRun.
func (t *Template) Memo(key string, f func() any) any {
	if v, ok := t.memo[key]; ok {
		return v
	}
	if t.memo == nil {
		t.memo = map[string]any{}
	}
	v := f()
	t.memo[key] = v
	return v
}

// Language returns the base language of the locale ("de" for "de-CH").
func (t *Template) Language() string { return BaseLanguage(t.Locale) }

// Part returns the part with the given name, or nil.
func (t *Template) Part(name string) *Part {
	for _, p := range t.Parts {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Body returns the body part, or nil.
func (t *Template) Body() *Part { return t.Part(PartBody) }

// Part names.
const (
	PartBody      = "body"
	PartSubject   = "subject"
	PartPreheader = "preheader"
	PartTitle     = "title"
	PartHeader    = "header" // WhatsApp template header
	PartFooter    = "footer" // WhatsApp template footer
	PartButton    = "button" // WhatsApp button label; one part per button
	// PartPlainText is the plain-text alternative of an HTML e-mail body.
	PartPlainText = "plaintext"
	// PartGreeting is a salutation kept apart from the body (Laravel mails).
	PartGreeting = "greeting"
)

// Format tells how a part's text was written in the file.
type Format int

// Source formats of a part.
const (
	Plain Format = iota
	Markdown
	HTML
)

// Part is one piece of a message (subject, title, body) as the customer
// reads it: markup removed, placeholders kept in their written form.
type Part struct {
	Name string
	// Source is the file the part comes from when it differs from the
	// template's (a grouped notification); nil means the template's file.
	Source       *Source
	Format       Format
	Text         Text
	Placeholders []Placeholder // in text order
	Links        []Link        // in text order
}

// Placeholder is a variable in the text, such as {{ name }} or %{eta}.
type Placeholder struct {
	Name       string // normalised name: "name", "eta", "Name" for {{.Name}}
	Start, End int    // byte range in the part text, including delimiters
	Control    bool   // a control tag ({% if %}, {{#each}}) rather than a value
	// Translated marks a translation call (<%= t "…" %>, {{ _("…") }},
	// {{ 'key'|trans }}, #{t('…')}): the tag carries copy the customer
	// reads, translated at send time, which the template's text does not
	// show.
	Translated bool
	// Ref is the variable a control tag tests or loops over ("x" in
	// {% if x %}, "n" in {n, plural, …}); "" when none.
	Ref string
}

// Link is a link in a part: a bare URL, a Markdown link or an HTML anchor.
type Link struct {
	URL string
	// Label is the link text for Markdown and HTML links; "" for a bare URL.
	Label string
	// Start and End are the text byte range of the label (or of the URL for
	// a bare link).
	Start, End int
	Bare       bool
	// FileStart and FileEnd locate the URL itself in the file.
	FileStart, FileEnd int
	// Var is the declaration when the link is a URL-typed placeholder.
	Var *Var
}

// Var is a placeholder declaration from front matter [vars].
type Var struct {
	Name    string
	Sample  string
	Max     int    // maximum length in characters; 0 when not declared
	Type    string // text, time, date, datetime, url, number, ...
	Charset string // "gsm" (default) or "unicode"
	Landing string // local landing page for a URL var
	// Offset is the byte offset of the declaration in the file.
	Offset int
	// Source is the file of the declaration when it is not the template's
	// (a grouped notification).
	Source *Source
	Used   bool
}

// Directive is one rule id named by a suppression, with where it was written.
type Directive struct {
	Rule       string
	Start, End int // file byte range of the directive
	// Source is the file of the directive when it is not the template's.
	Source *Source
	Used   bool
}

// FileOf returns the file of a file range reported without a part: the
// template's file, unless the range is a link or variable declaration of
// a part grouped in from another file.
func (t *Template) FileOf(start, end int) *Source {
	for _, p := range t.Parts {
		if p.Source == nil {
			continue
		}
		for _, l := range p.Links {
			if l.FileStart == start && l.FileEnd == end {
				return p.Source
			}
		}
	}
	for _, v := range t.Vars {
		if v.Source != nil && v.Offset == start {
			return v.Source
		}
	}
	return t.Source
}

// MaxVarLength is the largest max a placeholder may declare, and the
// largest [sms] default_var_length: worst cases are built at that length.
const MaxVarLength = sms.MaxVarLength

// GroupInfo is where a template may belong: the key shared by the parts
// of one notification and the part it is.
type GroupInfo struct {
	Key  string // "" when the template groups with nothing
	Role string // part name from the name's tokens; "" when none
	Stem string // the name without its part tokens
	// pairable: an .html or .txt file with no part token, which groups
	// with the file of the other extension and the same name.
	Pairable bool
	HTML     bool
	// id and tkey are the grouped message's id and translation key.
	ID, TKey string
	// channel is the channel set by front matter, "" when none.
	Channel string
}

// PartHTMLTitle is the text of an HTML document's <title>.
const PartHTMLTitle = "html-title"
