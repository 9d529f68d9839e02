package load

import (
	"path/filepath"
	"strings"
)

// unreadEngineExts are extensions of template languages notelint does not
// read (FreeMarker, EEx, Velocity, MJML, Pug, Haml, Slim, Razor, JSP,
// Closure templates).
var unreadEngineExts = map[string]bool{
	".ftl": true, ".ftlh": true, ".eex": true, ".heex": true, ".leex": true, ".vm": true,
	".mjml": true, ".pug": true, ".jade": true, ".haml": true, ".slim": true, ".cshtml": true,
	".razor": true, ".jsp": true, ".soy": true,
}

// messageDirs are folder names that hold message templates: a .php or .xml
// file there is most likely a template notelint does not read.
var messageDirs = map[string]bool{
	"email": true, "emails": true, "mail": true, "mails": true, "mailer": true, "mailers": true,
	"sms": true, "notifications": true, "notification": true,
}

// unreadTemplate reports whether the file at p looks like a message
// template that notelint does not read, and its extension: a file of an
// unread template language, or a .php or .xml file in a folder named for
// messages (emails/, notifications/).
func unreadTemplate(p string) (string, bool) {
	ext := strings.ToLower(filepath.Ext(p))
	if unreadEngineExts[ext] {
		return ext, true
	}
	if ext != ".php" && ext != ".xml" {
		return "", false
	}
	for _, d := range strings.Split(filepath.ToSlash(filepath.Dir(p)), "/") {
		if messageDirs[strings.ToLower(d)] {
			return ext, true
		}
	}
	return "", false
}
