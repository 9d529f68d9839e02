package lint

import (
	"path/filepath"
	"regexp"
	"strings"
)

// Inferred is what a template's path says about it.
type Inferred struct {
	Channel, Locale, Kind string
}

var channelWords = map[string]string{
	"sms": "sms", "text": "sms", "email": "email", "mail": "email", "e-mail": "email", "emails": "email",
	"push": "push", "whatsapp": "whatsapp", "inapp": "inapp", "in-app": "inapp",
}

var localeRe = regexp.MustCompile(`^[a-z]{2}([-_][A-Za-z]{2})?$`)

// notLocales are two-letter names common in paths that are not languages.
var notLocales = map[string]bool{"js": true, "ts": true, "go": true, "ui": true, "ci": true, "db": true, "io": true, "os": true}

// InferFromPath reads channel, locale and kind from a template path:
// directories such as sms/ or de/, name parts such as delay-parcel.de.txt.
func InferFromPath(path string) Inferred {
	var inf Inferred
	slash := filepath.ToSlash(path)
	dirs := strings.Split(slash, "/")
	base := dirs[len(dirs)-1]
	dirs = dirs[:len(dirs)-1]
	name := strings.TrimSuffix(base, filepath.Ext(base))
	// Name parts: "delay-parcel.de" → ["delay-parcel", "de"].
	dotted := strings.Split(name, ".")
	if len(dotted) > 1 {
		last := dotted[len(dotted)-1]
		if localeRe.MatchString(last) && !notLocales[last] {
			inf.Locale = NormalizeLocale(last)
		}
	}
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	for _, tok := range tokens {
		tok = strings.ToLower(tok)
		if inf.Channel == "" {
			if c, ok := channelWords[tok]; ok && tok != "text" {
				inf.Channel = c
			}
		}
	}
	inf.Kind = kindFromName(name)
	for i := len(dirs) - 1; i >= 0; i-- {
		d := strings.ToLower(dirs[i])
		if inf.Channel == "" {
			if c, ok := channelWords[d]; ok {
				inf.Channel = c
			}
		}
		if inf.Locale == "" && localeRe.MatchString(dirs[i]) && !notLocales[d] {
			inf.Locale = NormalizeLocale(dirs[i])
		}
		if inf.Kind == "" {
			inf.Kind = kindFromName(d)
		}
	}
	return inf
}

// kindFromName finds a message kind in a name such as "delay-parcel",
// "process-update" or "outage_notice".
func kindFromName(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	if strings.Contains(n, "process-update") {
		return "process-update"
	}
	for _, tok := range strings.FieldsFunc(n, func(r rune) bool { return r == '-' || r == '.' }) {
		switch tok {
		case "delay", "delayed", "late":
			return "delay"
		case "outage", "incident", "disruption":
			return "outage"
		case "appointment", "visit":
			return "appointment"
		case "ticket":
			return "ticket"
		case "reminder":
			return "reminder"
		case "marketing", "promo", "promotion", "newsletter":
			return "marketing"
		case "otp", "code", "verification":
			return "otp"
		case "info":
			return "info"
		}
	}
	return ""
}
