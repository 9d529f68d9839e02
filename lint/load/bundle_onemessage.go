package load

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// maxMessageFileKeys is the most top-level keys a one-message file has:
// a message's parts and a few notes, not a bundle.
const maxMessageFileKeys = 12

// messageFileDocKeys are top-level keys of a one-message file that
// document the message rather than hold its text.
var messageFileDocKeys = map[string]bool{
	"notes": true, "note": true, "description": true, "comment": true, "comments": true,
	"name": true, "id": true, "type": true, "version": true, "author": true, "updated": true,
}

// oneMessage is what a one-message file says about its message.
type oneMessage struct {
	stem    string // the message's name: the file name without extension and locale
	subject bool   // it has a subject part, as only e-mails do
}

// oneMessageFile reports whether a bundle file holds one message whose
// top-level keys name its parts ("subject", "body", "html") beside keys
// that document it ("notes", "description"), as per-message YAML or JSON
// e-mail files do. Such a file is one message, named after the file, not
// a bundle of unrelated strings. It needs a body and at least one more
// part, every key must be a part or a documentation key, and a subject
// or the path must say it is a message (an "email/" or "sms/" folder).
func oneMessageFile(p string, entries []bundleEntry, topLocale bool, toks map[string]string) (oneMessage, bool) {
	if toks == nil || len(entries) < 2 || len(entries) > maxMessageFileKeys {
		return oneMessage{}, false
	}
	var m oneMessage
	parts, body := 0, false
	for i := range entries {
		keys := entries[i].path
		if topLocale {
			keys = keys[1:]
		}
		if len(keys) != 1 || entries[i].plural != "" {
			return oneMessage{}, false
		}
		k := strings.ToLower(keys[0])
		if messageFileDocKeys[k] {
			continue
		}
		role, ok := toks[k]
		if !ok {
			return oneMessage{}, false
		}
		parts++
		switch role {
		case message.PartBody, message.PartPlainText:
			body = true
		case message.PartSubject:
			m.subject = true
		}
	}
	// A subject, or a folder that names the channel, makes the file a
	// message template; without either it may be a small interface
	// bundle ("title", "message") and stays one.
	if parts < 2 || !body || !m.subject && InferFromPath(p).Channel == "" {
		return oneMessage{}, false
	}
	base := path.Base(filepath.ToSlash(p))
	m.stem = StripLocale(strings.TrimSuffix(base, path.Ext(base)), false)
	return m, true
}

// messageFilePart sets up t, the entry of key in the one-message file m
// at src, as one part of m: grouped with the file's other parts under
// the file's name, its channel and kind read from the file's path (an
// "email/" directory; a subject makes it an e-mail). Documentation keys
// are no part of the message: callers skip them (see isMessagePart).
func messageFilePart(t *message.Template, m oneMessage, src *message.Source, cfg *Config, b *BundleConfig, key, locale string, toks map[string]string) {
	role := toks[strings.ToLower(key)]
	t.SetChannel("inapp", message.FromDefault, message.Low, "bundle string")
	t.SetNotification(false, message.FromDefault, message.Low, "bundle string")
	if m.subject {
		t.SetChannel("email", message.FromKey, message.Medium, "subject key")
	}
	applyConfigDefaults(t, cfg)
	inf := InferFromPath(src.Path)
	t.SetChannel(inf.Channel, message.FromPath, message.Medium, inf.ChannelWord)
	t.MessageFile = true
	t.SetNotification(true, message.FromDefault, message.Medium, "a message file: its keys are the message's parts")
	t.SetKind(inf.Kind, message.FromPath, message.Medium, inf.KindWord)
	applyClassify(t, cfg, b, key)
	html := len(t.Parts) > 0 && t.Parts[0].Format == message.HTML
	t.Group = message.GroupInfo{
		Key: src.Path + "\x00" + locale + "\x00" + m.stem, Role: role, Stem: m.stem,
		ID: m.stem, TKey: m.stem, HTML: html,
	}
}

// isMessagePart reports whether key of a one-message file names a part of
// the message (not a documentation key).
func isMessagePart(key string, toks map[string]string) bool {
	_, ok := toks[strings.ToLower(key)]
	return ok
}
