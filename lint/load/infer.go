package load

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
)

// Inferred is what a template's path says about it, and the words that
// said it.
type Inferred struct {
	Channel, Locale, Kind             string
	ChannelWord, LocaleWord, KindWord string
}

var channelWords = map[string]string{
	"sms": "sms", "text": "sms", "email": "email", "mail": "email", "e-mail": "email", "emails": "email", "mails": "email", "e-mails": "email",
	"push": "push", "whatsapp": "whatsapp", "inapp": "inapp", "in-app": "inapp", "mailer": "email", "mailers": "email",
	"slack": "chat", "teams": "chat", "mattermost": "chat", "discord": "chat", "chat": "chat",
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
		if isLanguageTag(last, true) && !notLocales[last] {
			inf.Locale, inf.LocaleWord = message.NormalizeLocale(last), base
		}
	}
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if inf.Locale == "" {
		if inf.Locale = affixLocale(name); inf.Locale != "" {
			inf.LocaleWord = base
		}
	}
	if inf.Kind = kindFromName(name); inf.Kind != "" {
		inf.KindWord = base
	}
	// Folders, nearest first. A channel folder (emails/) outranks a channel
	// word in the file name, which may name the topic ("sms-limit" in
	// emails/). Folders above the template root (templates/, views/) name
	// the project or package ("appointment/templates/…"), not the kind.
	kinds := true
	for i := len(dirs) - 1; i >= 0; i-- {
		d := strings.ToLower(dirs[i])
		if inf.Channel == "" {
			if c, ok := channelWords[d]; ok {
				inf.Channel, inf.ChannelWord = c, dirs[i]+"/"
			}
		}
		if inf.Locale == "" {
			if l := dirLocale(dirs[i]); l != "" {
				inf.Locale, inf.LocaleWord = l, dirs[i]+"/"
			}
		}
		if kinds && inf.Kind == "" {
			if inf.Kind = kindFromName(d); inf.Kind != "" {
				inf.KindWord = dirs[i] + "/"
			}
		}
		if templateRoots[d] {
			kinds = false
		}
	}
	for _, tok := range tokens {
		tok = strings.ToLower(tok)
		if inf.Channel == "" {
			if c, ok := channelWords[tok]; ok && tok != "text" {
				inf.Channel, inf.ChannelWord = c, base
			}
		}
	}
	return inf
}

// templateRoots are folders that hold a project's templates: the folders
// above them name the project or a package, not a kind of message.
var templateRoots = map[string]bool{"templates": true, "template": true, "views": true, "tpl": true}

// dirLocale reads a locale from a folder name in any usual spelling: "de",
// "de-DE", "fr_FR", "en_us", "zh-Hant", Android's "values-de" and
// "values-fr-rCA", prefixed names such as "texts-fr" or "lang-de", and
// gettext variants such as "de_Formal" (as "de-x-formal"). Two-letter
// names that are no language ("js", "ui") and ambiguous affixes
// ("it-support") do not count.
func dirLocale(d string) string {
	low := strings.ToLower(d)
	if notLocales[low] {
		return ""
	}
	if isLanguageTag(d, true) {
		return message.NormalizeLocale(d)
	}
	tokens := strings.FieldsFunc(d, func(r rune) bool { return r == '-' || r == '_' })
	n := len(tokens)
	if n < 2 {
		return ""
	}
	// gettext variant: de_Formal, de_informal, sr_latin.
	if lang := strings.ToLower(tokens[0]); n == 2 && knownLanguages[lang] && !ambiguousAffixes[lang] && len(tokens[1]) >= 5 && message.IsLetters(tokens[1]) {
		return message.NormalizeLocale(lang + "-x-" + strings.ToLower(tokens[1]))
	}
	// A prefix word, then the language and an optional region:
	// values-de, values-fr-rCA, texts-fr, lang-pt-BR.
	for i := 1; i < n; i++ {
		lang := tokens[i]
		if len(lang) != 2 || lang != strings.ToLower(lang) || !knownLanguages[lang] || ambiguousAffixes[lang] || n-i > 2 {
			continue
		}
		if n-i == 1 {
			return message.NormalizeLocale(lang)
		}
		region := strings.TrimPrefix(tokens[i+1], "r")
		if len(region) == 2 && strings.ToUpper(region) == region {
			return message.NormalizeLocale(lang + "-" + region)
		}
	}
	return ""
}

// kindFromName finds a message kind in a name such as "delay-parcel",
// "process-update", "outage_notice" or "versandverzug", from the key words
// of the language data.
func kindFromName(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	if strings.Contains(n, "process-update") {
		return "process-update"
	}
	return classify.Default().ReadKey(name).Kind
}

// knownLanguages are ISO 639-1 codes notelint recognises in file names
// (prefixes, suffixes, whole names); directories accept any two letters.
var knownLanguages = map[string]bool{
	"af": true, "ar": true, "az": true, "be": true, "bg": true, "bn": true, "bs": true, "ca": true, "cs": true,
	"cy": true, "da": true, "de": true, "el": true, "en": true, "es": true, "et": true, "eu": true, "fa": true,
	"fi": true, "fr": true, "ga": true, "gl": true, "he": true, "hi": true, "hr": true, "hu": true, "hy": true,
	"id": true, "is": true, "it": true, "ja": true, "ka": true, "kk": true, "ko": true, "lt": true, "lv": true,
	"mk": true, "ms": true, "mt": true, "nb": true, "nl": true, "nn": true, "no": true, "pl": true, "pt": true,
	"ro": true, "ru": true, "sk": true, "sl": true, "sq": true, "sr": true, "sv": true, "th": true, "tr": true,
	"uk": true, "ur": true, "vi": true, "zh": true,
}

// ambiguousAffixes are language codes that are also common words or
// abbreviations in template names ("it-support", "no-show", "hr-",
// "cs-" for customer service, "uk-" for the United Kingdom): they are a
// locale in a file name only as the whole name or a bundle suffix.
var ambiguousAffixes = map[string]bool{
	"it": true, "no": true, "is": true, "he": true, "hi": true, "id": true, "ms": true, "hr": true,
	"cs": true, "uk": true, "et": true, "ga": true, "ca": true, "eu": true, "be": true, "mt": true, "bs": true,
}

// isLanguageTag reports whether s is a known language code with an
// optional region or script: "de", "de_DE", "pt-BR", "zh-Hant".
func isLanguageTag(s string, strict bool) bool {
	if !localeRe.MatchString(s) && !scriptRe.MatchString(s) {
		return false
	}
	return !strict || knownLanguages[message.BaseLanguage(s)]
}

var scriptRe = regexp.MustCompile(`^[a-z]{2}[-_][A-Z][a-z]{3}([-_][A-Z]{2})?$`)

// affixLocale finds a locale written as a prefix or a suffix with region
// of a file name: "de-html", "de_plain", "mail-de-CH" (".de" suffixes are
// read by InferFromPath). Ambiguous codes do not count.
func affixLocale(name string) string {
	tokens := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if len(tokens) < 2 {
		return ""
	}
	try := func(lang, region string) string {
		if !knownLanguages[lang] || ambiguousAffixes[lang] {
			return ""
		}
		if region != "" && len(region) == 2 && strings.ToUpper(region) == region {
			return message.NormalizeLocale(lang + "-" + region)
		}
		return message.NormalizeLocale(lang)
	}
	if l := try(tokens[0], regionAt(tokens, 1)); l != "" {
		return l
	}
	// A suffix needs its region ("welcome_de_DE", "mail-fr-CA"): a bare
	// "-ja" or "_no" is too often a word ("reply-ja", "show_no").
	n := len(tokens)
	if n >= 3 && len(tokens[n-1]) == 2 && strings.ToUpper(tokens[n-1]) == tokens[n-1] {
		return try(tokens[n-2], tokens[n-1])
	}
	return ""
}

func regionAt(tokens []string, i int) string {
	if i < len(tokens) && len(tokens[i]) == 2 && strings.ToUpper(tokens[i]) == tokens[i] && i+1 < len(tokens) {
		return tokens[i]
	}
	return ""
}

// BundleLocaleFromPath reads a bundle's locale from its path: the whole
// file name (de.json, de_DE.po), a suffix (messages_fr.properties,
// app.de.yml, any known code), or a directory (locales/de/app.json,
// values-de/strings.xml). It also returns the name that said so.
func BundleLocaleFromPath(p string) (string, string) {
	slash := filepath.ToSlash(p)
	base := path.Base(slash)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if isLanguageTag(stem, true) {
		return message.NormalizeLocale(stem), base
	}
	tokens := strings.FieldsFunc(stem, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if n := len(tokens); n >= 2 {
		if n >= 3 && isLanguageTag(tokens[n-2]+"_"+tokens[n-1], true) && len(tokens[n-1]) == 2 && tokens[n-1] == strings.ToUpper(tokens[n-1]) {
			return message.NormalizeLocale(tokens[n-2] + "_" + tokens[n-1]), base
		}
		if knownLanguages[tokens[n-1]] {
			return message.NormalizeLocale(tokens[n-1]), base
		}
	}
	dirs := strings.Split(path.Dir(slash), "/")
	for i := len(dirs) - 1; i >= 0; i-- {
		if l := dirLocale(dirs[i]); l != "" {
			return l, dirs[i] + "/"
		}
	}
	return "", ""
}

// StripLocale removes locale directories and locale affixes of the file
// name from a slash path, so the translations of one message or bundle
// share the result: "lang/de-DE/x.txt" and "lang/en/x.txt" give
// "lang/x.txt"; "mails/a/de-html" gives "mails/a/html". hasExt tells
// whether p ends in a file extension (a path) or not (a template id).
func StripLocale(p string, hasExt bool) string {
	dir, base := path.Split(p)
	var keep []string
	for _, d := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if d == "" || (localeRe.MatchString(d) && !notLocales[strings.ToLower(d)]) || scriptRe.MatchString(d) {
			continue
		}
		if dirLocale(d) != "" {
			// "values-de" and "texts-fr" keep their prefix word, so they
			// share it with "values" and "texts-en".
			if i := strings.IndexAny(d, "-_"); i > 0 && !knownLanguages[strings.ToLower(d[:i])] {
				keep = append(keep, d[:i])
			}
			continue
		}
		keep = append(keep, d)
	}
	ext := ""
	if hasExt {
		ext = path.Ext(base)
	}
	stem := strings.TrimSuffix(base, ext)
	if isLanguageTag(stem, true) {
		stem = ""
	} else {
		stem = stripNameLocale(stem)
	}
	keep = append(keep, stem+ext)
	return strings.Join(keep, "/")
}

// stripNameLocale removes a locale prefix or suffix from a file stem.
func stripNameLocale(stem string) string {
	seps := "-_."
	// suffix: name.de, name_de_DE, name-fr
	for _, n := range []int{5, 2} {
		if len(stem) > n+1 && strings.ContainsRune(seps, rune(stem[len(stem)-n-1])) {
			tail := stem[len(stem)-n:]
			if isLanguageTag(tail, true) && (n == 5 || !ambiguousAffixes[tail] || stem[len(stem)-n-1] == '.' || stem[len(stem)-n-1] == '_') {
				return stem[:len(stem)-n-1]
			}
		}
	}
	// prefix: de-html, de_DE-plain
	for _, n := range []int{5, 2} {
		if len(stem) > n+1 && strings.ContainsRune(seps, rune(stem[n])) {
			head := stem[:n]
			if isLanguageTag(head, true) && !ambiguousAffixes[message.BaseLanguage(head)] {
				return stem[n+1:]
			}
		}
	}
	return stem
}
