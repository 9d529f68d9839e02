package load

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// classifier is built once from the embedded language data and only read
// afterwards.

// InferScope completes what the loaders know about each template from its
// own words, after grouping (a subject and a body are read together):
// whether it is a notification, its kind, its language and, for plain
// texts, whether it reads as an SMS. Evidence already recorded from front
// matter, config, keys or paths is never overridden by the text.
func InferScope(ts []*message.Template, cfg *Config) {
	c := classify.Default()
	emails := emailParents(ts)
	domains := domainWords(c, ts)
	lonely := lonelyLocaleDirs(ts)
	for _, t := range ts {
		if lonely[t] {
			textOverLonelyDir(c, t)
		}
		parent := ""
		if t.FromBundle && !t.MessageFile {
			if p, _ := splitKey(t.Key); emails[t.Source][p] {
				parent = p
			}
		}
		inferScope(c, t, cfg, parent, domains[t.Source])
	}
	sameAsEnglish(ts)
}

// inferScope completes one template; emailParent is the key path of the
// e-mail whose subject sits beside a bundle string ("" when none), domain
// the key words of its bundle file that name the app's domain.
func inferScope(c *classify.Classifier, t *message.Template, cfg *Config, emailParent string, domain map[string]bool) {
	text := scopeText(t)
	if t.Original != nil && strings.TrimSpace(text) == "" {
		// An untranslated gettext entry: readers get its msgid.
		text = t.Original.Masked()
	}
	if t.Scope.Locale.Confidence < message.Medium {
		if l := c.Language(text); l.Sure {
			t.SetLocale(l.Code, message.FromText, message.Medium, "stop words")
		}
	} else if l := c.Language(text); l.Sure && l.Code != message.BaseLanguage(t.Locale) && 4*c.Hits(text, message.BaseLanguage(t.Locale)) <= l.Hits {
		// Written in another language with hardly a word of its own: not
		// a mixed message but an untranslated one.
		t.Scope.WrittenIn = l.Code
	}
	// Reading the text is the costly part: only when something is still
	// open after front matter, config, keys and paths.
	var tx classify.Text
	read := false
	readText := func() classify.Text {
		if !read {
			tx, read = c.ReadText(text, t.Language()), true
		}
		return tx
	}
	ownKey := c.ReadKey(keyWords(t))
	if t.FromBundle && !t.MessageFile {
		kindWord := ownKey.KindWord
		weighKeyWords(&ownKey, keyName(t), domain)
		if kindWord != "" && ownKey.KindWord == "" && t.Scope.Kind.Source == message.FromKey {
			// The loader took the kind from this word of the key.
			t.Kind, t.Scope.Kind = "", message.Fact{}
		}
	}
	key := ownKey
	if t.FromBundle {
		mergeRefs(&key, c, t.Refs)
	}
	// A bundle's folders name the project ("notification-service/…"), not
	// the message: only its file name counts ("emails.json").
	where := t.Source.Path
	if t.FromBundle && !t.MessageFile {
		where = path.Base(filepath.ToSlash(where))
		// A folder below the locale folder that names an interface
		// area holds its screen's texts (lang/en/settings/notifications.php).
		if ui := c.ReadKey(belowLocaleDir(t.Source.Path)).UI; ui != "" && key.UI == "" {
			key.UI = ui + "/"
		}
	} else {
		where = belowTemplateRoot(where)
	}
	pathKey := c.ReadKey(where)

	staffAudience(t)
	if t.Channel == "chat" && t.Scope.Channel.Known() {
		t.SetNotification(false, t.Scope.Channel.Source, message.High, "a team chat message ("+t.Scope.Channel.Detail+")")
	}
	switch {
	case t.MessageFile || t.FromBundle && subjectAndBody(t):
		notificationFromMessageFile(t, key)
	case t.FromBundle && emailParent != "":
		notificationFromEmailKeys(t, readText(), key, emailParent)
	case t.FromBundle:
		notificationFromBundle(t, readText(), key, pathKey, ownKey.Notification)
	case pathKey.Notification == "" && !t.Scope.Channel.Known():
		notificationFromDocument(t)
	}
	if !t.Scope.Kind.Known() {
		src := message.FromKey
		if !t.FromBundle {
			src = message.FromPath
		}
		switch {
		case key.Kind != "":
			t.SetKind(key.Kind, src, message.Medium, key.KindWord)
		case t.FromBundle:
			// A file name such as "emails.json" names no kind of a key.
		case pathKey.Kind != "":
			t.SetKind(pathKey.Kind, message.FromPath, message.Medium, pathKey.KindWord)
		}
	}
	if !t.Scope.Kind.Known() {
		if tx := readText(); tx.Kind != "" {
			conf := message.Medium
			if !tx.KindSure {
				conf = message.Low
			}
			t.SetKind(tx.Kind, message.FromText, conf, tx.KindPhrase)
		}
	}
	if !t.Scope.Channel.Known() {
		channelFromText(t, readText())
	}
}

// belowLocaleDir returns the folders of a bundle's path below its locale
// folder ("settings" in lang/en/settings/notifications.php), "" when there
// is no locale folder.
func belowLocaleDir(p string) string {
	dirs := strings.Split(path.Dir(filepath.ToSlash(p)), "/")
	for i := len(dirs) - 1; i >= 0; i-- {
		if dirLocale(dirs[i]) != "" {
			return strings.Join(dirs[i+1:], "/")
		}
	}
	return ""
}

// belowTemplateRoot returns the part of a template's path below its
// project's templates folder (templates/, views/): the folders above it
// name the program ("application/Espo/Resources/templates/…"), not the
// message.
func belowTemplateRoot(p string) string {
	dirs := strings.Split(filepath.ToSlash(p), "/")
	for i := len(dirs) - 2; i >= 0; i-- {
		if templateRoots[strings.ToLower(dirs[i])] {
			return strings.Join(dirs[i+1:], "/")
		}
	}
	return p
}

// subjectAndBody reports whether t has a subject and a body: bundle keys
// grouped that way ("reset_subject", "reset_body") are an e-mail, not
// interface strings.
func subjectAndBody(t *message.Template) bool {
	return t.Part(message.PartSubject) != nil && (t.Part(message.PartBody) != nil || t.Part(message.PartPlainText) != nil)
}

// notificationFromMessageFile decides whether a message file (its keys a
// subject and a body) or a subject and a body grouped from bundle keys is a
// customer notification: it is, unless its key says it is an interface
// text. Its wording does not decide: "click the link below" is an e-mail's
// instruction as much as a screen's.
func notificationFromMessageFile(t *message.Template, key classify.Key) {
	if key.UI != "" {
		t.SetNotification(false, message.FromKey, message.Medium, key.UI)
		return
	}
	if !t.MessageFile {
		t.SetNotification(true, message.FromDefault, message.Medium, "an e-mail: a subject and a body")
	}
}

// notificationFromBundle decides whether a bundle string is a customer
// notification. Most strings of a whole-application bundle are labels,
// form help and admin screens: a string counts as a notification only when
// its key (or, for gettext, where the program uses it) says so and its text
// reads as a message, or its text alone clearly does (a greeting and a
// sign-off). keyWord is the notification word of the key itself (not of
// references), which makes a label part of a notification.
func notificationFromBundle(t *message.Template, tx classify.Text, key, pathKey classify.Key, keyWord string) {
	noted := key.Notification
	if noted == "" {
		noted = pathKey.Notification
	}
	score := tx.Score()
	switch {
	case tx.Label, tx.Fragment:
		reason := "a short label"
		if tx.Fragment {
			reason = "a fragment: the program adds the rest after its colon"
		}
		t.SetNotification(false, message.FromText, message.Medium, reason)
		// Only a word of the key's own name makes a label part of a
		// notification ("notification_snooze_action"); a section named
		// for the feature ("notifications.tab_title") holds its screen.
		if _, leaf := splitKey(keyName(t)); keyWord != "" && key.UI == "" && hasToken(leaf, keyWord) {
			t.Scope.PartOf = keyWord
		}
	case tx.UI != "" && tx.Greeting == "":
		t.SetNotification(false, message.FromText, message.Medium, "an interface instruction: \""+tx.UI+"\"")
	case tx.SMS != "":
		t.SetNotification(true, message.FromText, message.Medium, "\""+tx.SMS+"\"")
	case noted != "" && key.UI == "" && score >= 1:
		t.SetNotification(true, message.FromKey, message.Medium, noted)
	case noted != "" && score >= 3:
		t.SetNotification(true, message.FromText, message.Medium, textReason(tx))
	case key.Kind != "" && classify.SpecificKind(key.Kind) && key.UI == "" && score >= 3:
		// A key that names an event ("parcel.delayed") over a text that
		// reads as a message.
		t.SetNotification(true, message.FromKey, message.Medium, key.KindWord)
	case key.UI != "":
		t.SetNotification(false, message.FromKey, message.Medium, key.UI)
	case score >= 4:
		t.SetNotification(true, message.FromText, message.Medium, textReason(tx))
	default:
		t.SetNotification(false, message.FromText, message.Medium, "reads as an interface text")
	}
}

// hasToken reports whether word is one of the name tokens of s.
func hasToken(s, word string) bool {
	for _, tok := range classify.Tokens(s) {
		if tok == word {
			return true
		}
	}
	return false
}

// textReason names what in the text made it a message.
func textReason(tx classify.Text) string {
	var parts []string
	if tx.Greeting != "" {
		parts = append(parts, "greeting \""+tx.Greeting+"\"")
	}
	if tx.SignOff != "" {
		parts = append(parts, "sign-off \""+tx.SignOff+"\"")
	}
	if tx.Kind != "" {
		parts = append(parts, "\""+tx.KindPhrase+"\"")
	}
	if len(parts) == 0 {
		return "addresses the reader"
	}
	return strings.Join(parts, ", ")
}

// channelFromText reads the channel of a template whose path and config
// say nothing: an HTML document or a text with a subject is an e-mail; a
// plain text that greets, signs off and runs over several sentences reads
// as an e-mail rather than an SMS.
func channelFromText(t *message.Template, tx classify.Text) {
	if t.Part(message.PartSubject) != nil || t.Part(message.PartPreheader) != nil {
		t.SetChannel("email", message.FromText, message.Medium, "has a subject")
		return
	}
	body := t.Body()
	if body == nil {
		return
	}
	if body.Format == message.HTML && !t.FromBundle {
		t.SetChannel("email", message.FromText, message.Medium, "an HTML document")
		return
	}
	if tx.SMS != "" {
		t.SetChannel("sms", message.FromText, message.Medium, "\""+tx.SMS+"\"")
		return
	}
	if body.Format == message.Plain && tx.Greeting != "" && tx.SignOff != "" && tx.Sentences >= 3 {
		t.SetChannel("email", message.FromText, message.Medium, "greeting and sign-off")
	}
}

// scopeText is the text the classifier reads: the parts that carry the
// message (subject, title, greeting, body), not buttons or footers, with
// template tags blanked: code is never evidence of kind or language.
func scopeText(t *message.Template) string {
	var b strings.Builder
	for _, p := range t.Parts {
		switch p.Name {
		case message.PartButton, message.PartFooter, message.PartHTMLTitle:
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Masked())
	}
	return b.String()
}

// keyWords is the part of a template's id whose words describe it: the
// key of a bundle message, but for gettext only the context, since the
// msgid is the text itself.
func keyWords(t *message.Template) string {
	if !t.FromBundle {
		return t.ID
	}
	if ctxt, _, ok := strings.Cut(t.ID, "::"); ok {
		return ctxt
	}
	if strings.ContainsAny(t.ID, " \n") {
		return ""
	}
	return t.ID
}

// keyName is keyWords without a plural form's suffix: "new_messages"
// for "new_messages.one".
func keyName(t *message.Template) string {
	k := keyWords(t)
	if t.Plural != "" {
		k = strings.TrimSuffix(k, "."+t.Plural)
	}
	return k
}

// uiSourceExts are the files of pages and screens: a message used only
// there is an interface text.
var uiSourceExts = map[string]bool{".html": true, ".htm": true, ".vue": true, ".jsx": true, ".tsx": true, ".svelte": true, ".erb": true, ".jinja": true, ".jinja2": true}

// uiSourceFiles are modules of screens and forms (Django, Rails, Laravel).
var uiSourceFiles = map[string]bool{"views": true, "forms": true, "admin": true, "widgets": true, "urls": true, "tables": true, "filters": true}

// mergeRefs adds what a gettext message's source references say to key:
// a reference inside a folder named for notifications ("pretalx/mail/…")
// or to a text template named for one ("…/mail.txt") marks a
// notification; otherwise a reference from a page template or a
// views/forms module marks an interface text.
func mergeRefs(key *classify.Key, c *classify.Classifier, refs []string) {
	ui := ""
	for _, r := range refs {
		file, _, _ := strings.Cut(r, ":") // "path/file.py:12"
		dir, base := path.Split(file)
		ext := path.Ext(base)
		if uiSourceExts[ext] || uiSourceFiles[strings.TrimSuffix(base, ext)] || inUIFolder(dir) {
			// A page or form, even one about mails (orga/mails/list.html,
			// mail/interfaces/forms/config.py).
			ui = file
			continue
		}
		where := dir
		if ext == ".txt" || ext == ".email" {
			where += base // a text template named for its channel: mail.txt, sms_reminder.txt
		}
		if k := c.ReadKey(where); k.Notification != "" && key.Notification == "" {
			key.Notification = k.Notification
		}
	}
	if key.Notification == "" && key.UI == "" && ui != "" {
		key.UI = ui
	}
}

// docDirs are folders of project documentation, not of messages.
var docDirs = map[string]bool{"docs": true, "doc": true, "documentation": true, "wiki": true, "website": true,
	".github": true, "guides": true, "guide": true, "manual": true, "handbook": true, "site": true, "blog": true}

// pageMarkers are HTML elements of web pages and app screens that e-mails
// do not have.
var pageMarkers = []string{"<form", "<input", "<textarea", "<select", "<nav", "<script"}

// notificationFromDocument decides whether a template file that no path
// word, front matter or config calls a message is one: documentation
// (a docs/ folder, Markdown with code blocks or several headings) and web
// pages (forms, inputs, scripts) are not.
func notificationFromDocument(t *message.Template) {
	if t.Scope.Notification.Source >= message.FromConfig {
		return
	}
	for _, d := range strings.Split(path.Dir(filepath.ToSlash(t.Source.Path)), "/") {
		if docDirs[strings.ToLower(d)] {
			t.SetNotification(false, message.FromPath, message.High, "documentation folder "+d+"/")
			t.Scope.NotTemplate = t.Scope.Notification.Detail
			return
		}
	}
	body := t.Body()
	if body == nil {
		return
	}
	content := strings.ToLower(string(t.Source.Content))
	switch body.Format {
	case message.HTML:
		for _, m := range pageMarkers {
			if strings.Contains(content, m) {
				t.SetNotification(false, message.FromText, message.High, "a web page: "+m+">")
				t.Scope.NotTemplate = t.Scope.Notification.Detail
				return
			}
		}
	case message.Markdown:
		headings := 0
		for _, line := range strings.Split(content, "\n") {
			if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
				t.SetNotification(false, message.FromText, message.High, "documentation: a code block")
				t.Scope.NotTemplate = t.Scope.Notification.Detail
				return
			}
			if strings.HasPrefix(line, "|") && strings.Contains(line, "---") {
				t.SetNotification(false, message.FromText, message.High, "documentation: a table")
				t.Scope.NotTemplate = t.Scope.Notification.Detail
				return
			}
			if strings.HasPrefix(line, "#") {
				headings++
			}
		}
		if headings >= 3 {
			t.SetNotification(false, message.FromText, message.High, "documentation: several headings")
			t.Scope.NotTemplate = t.Scope.Notification.Detail
		}
	}
}

// inUIFolder reports whether a source folder holds screens or forms
// (".../forms/", ".../views/").
func inUIFolder(dir string) bool {
	for _, d := range strings.Split(dir, "/") {
		if uiSourceFiles[d] {
			return true
		}
	}
	return false
}

// LoadText loads one file's content as check reads it: parsed, its
// parts grouped, and each template's scope inferred. Editors and tests
// use it to check a text as if it were the file at path.
func LoadText(path string, data []byte, cfg *Config) ([]*message.Template, error) {
	ts, err := Load(path, data, cfg)
	if err != nil {
		return nil, err
	}
	ts = GroupTemplates(ts, cfg)
	InferScope(ts, cfg)
	return ts, nil
}

// staffSides and linkWords are the placeholder name words of a link to the
// staff side of a product ({{ticket.staff_link}}, {{admin_url}}): a
// customer cannot open it, so the message is addressed to staff.
var (
	staffSides = map[string]bool{"staff": true, "admin": true, "backend": true, "backoffice": true}
	linkWords  = map[string]bool{"link": true, "url": true, "href": true}
)

// staffAudience marks a template that links to the staff side of the
// product as no customer notification: an agent's "ticket assigned to you"
// owes nobody an ETA.
func staffAudience(t *message.Template) {
	if t.Scope.Notification.Source >= message.FromConfig {
		return
	}
	for _, p := range t.Parts {
		names := make([]string, 0, len(p.Placeholders)+len(p.Links))
		for _, ph := range p.Placeholders {
			names = append(names, ph.Name)
		}
		for _, l := range p.Links { // href="{{ticket.staff_link}}"
			if strings.ContainsAny(l.URL, "{%") {
				names = append(names, l.URL)
			}
		}
		for _, name := range names {
			staff, link := false, false
			for _, w := range classify.Tokens(name) {
				staff = staff || staffSides[w]
				link = link || linkWords[w]
			}
			if staff && link {
				t.SetNotification(false, message.FromText, message.Medium, "addressed to staff: a link to the staff side ("+name+")")
				return
			}
		}
	}
}
