package load

import (
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/classify"
)

// unreadEngineExts are extensions of template languages notelint does not
// read (FreeMarker, EEx, Velocity, Pug, Haml, Slim, Razor, JSP,
// Closure templates, django-templated-email's .email files).
var unreadEngineExts = map[string]bool{
	".ftl": true, ".ftlh": true, ".eex": true, ".heex": true, ".leex": true, ".vm": true,
	".pug": true, ".jade": true, ".haml": true, ".slim": true, ".cshtml": true,
	".razor": true, ".jsp": true, ".soy": true, ".email": true,
}

// messageWords are the name tokens of folders that hold message
// templates (emails/, _mail/, mail_templates/, sms-templates/): a .php or
// .xml file there is most likely a template notelint does not read.
var messageWords = map[string]bool{
	"email": true, "emails": true, "mail": true, "mails": true, "mailer": true, "mailers": true,
	"sms": true, "notifications": true, "notification": true,
}

// messageFileWords are the first name tokens of .json and .yml files that
// hold message templates outside bundle folders (notifications.default.json,
// sms_templates.yml, email-texts.json). mailer.yaml, a mailer's settings,
// does not count.
var messageFileWords = map[string]bool{
	"email": true, "emails": true, "mail": true, "mails": true,
	"sms": true, "notifications": true, "notification": true,
}

// configDirs are folders of settings: a mail.yml there configures a
// mailer rather than holding its messages.
var configDirs = map[string]bool{"config": true, "configs": true, "conf": true, "settings": true}

// unreadTemplate reports whether the file at p, which is not read, looks
// like a message template, and the extension it is counted under: a file
// of an unread template language (.ftl, .pug, .email); a .php (Blade
// views apart, as .blade.php) or .xml file in a folder whose name has a message word as a token (emails/,
// _mail/, mail_templates/, sms-templates/, notifications/); a .json, .yml
// or .yaml file whose name starts with one (notifications.default.json,
// sms_templates.yml), unless it sits in a config/ folder.
func unreadTemplate(p string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(p))
	if isBladeView(p) {
		ext = ".blade.php" // counted apart from PHP code
	}
	if unreadEngineExts[ext] {
		return ext, true
	}
	dirs := strings.Split(filepath.ToSlash(filepath.Dir(p)), "/")
	switch ext {
	case ".php", ".blade.php", ".xml":
		for _, d := range dirs {
			for _, tok := range classify.Tokens(d) {
				if messageWords[tok] {
					return ext, true
				}
			}
		}
	case ".json", ".yml", ".yaml":
		toks := classify.Tokens(filepath.Base(p))
		if len(toks) == 0 || !messageFileWords[toks[0]] {
			return "", false
		}
		for _, d := range dirs {
			if configDirs[strings.ToLower(d)] {
				return "", false
			}
		}
		return ext, true
	}
	return "", false
}
