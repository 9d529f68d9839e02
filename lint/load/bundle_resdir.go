package load

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// ResourceDirLocale reads the locale of an Android or Apple resource file
// from its folder: values-de/, values-fr-rCA/, values-b+sr+Latn/,
// de.lproj/, pt-BR.lproj/. ok is true when the folder is such a resource
// folder; the locale is then "" for the default resources (values/,
// values-night/, Base.lproj/), which are in the source locale.
func ResourceDirLocale(p string) (locale string, ok bool) {
	slash := filepath.ToSlash(p)
	dir := path.Base(path.Dir(slash))
	switch ext := strings.ToLower(path.Ext(slash)); {
	case ext == ".xml" && (dir == "values" || strings.HasPrefix(dir, "values-")):
		loc, _ := androidQualifierLocale(dir)
		return loc, true
	case (ext == ".strings" || ext == ".stringsdict") && strings.HasSuffix(dir, ".lproj"):
		code := strings.TrimSuffix(dir, ".lproj")
		if strings.EqualFold(code, "Base") || !validLocale(code) {
			return "", true
		}
		return message.NormalizeLocale(code), true
	}
	return "", false
}

// androidNotLanguages are Android resource qualifiers of two or three
// lower-case letters that are not languages.
var androidNotLanguages = map[string]bool{"car": true, "hdr": true, "any": true}

// androidQualifierLocale reads the locale qualifiers of an Android values
// folder name and returns the locale and the qualifiers' index range in
// the dash-separated name (0, 0 when there is none).
func androidQualifierLocale(dir string) (string, [2]int) {
	quals := strings.Split(dir, "-")
	i := 1
	for i < len(quals) && (strings.HasPrefix(quals[i], "mcc") || strings.HasPrefix(quals[i], "mnc")) {
		i++
	}
	if i >= len(quals) {
		return "", [2]int{}
	}
	q := quals[i]
	if strings.HasPrefix(q, "b+") {
		tag := strings.ReplaceAll(q[2:], "+", "-")
		if !validLocale(tag) {
			return "", [2]int{}
		}
		return message.NormalizeLocale(tag), [2]int{i, i + 1}
	}
	if len(q) < 2 || len(q) > 3 || strings.ToLower(q) != q || !message.IsLetters(q) || androidNotLanguages[q] {
		return "", [2]int{}
	}
	loc, end := q, i+1
	if end < len(quals) {
		r := quals[end]
		if len(r) == 3 && r[0] == 'r' && message.IsLetters(r[1:]) && strings.ToUpper(r[1:]) == r[1:] ||
			len(r) == 4 && r[0] == 'r' && message.AllDigits(r[1:]) {
			loc += "-" + r[1:]
			end++
		}
	}
	return message.NormalizeLocale(loc), [2]int{i, end}
}

// StripResourceLocale removes the locale from Android and Apple resource
// folders in a slash path, so res/values-de/strings.xml and
// res/values/strings.xml, or de.lproj/ and Base.lproj/, share one
// translation set; an Android folder's files are one set whatever their
// names (values/localazy.xml, values-de/translations.xml).
func StripResourceLocale(p string) string {
	segs := strings.Split(p, "/")
	if n := len(segs); n >= 2 && strings.EqualFold(path.Ext(segs[n-1]), ".xml") && (segs[n-2] == "values" || strings.HasPrefix(segs[n-2], "values-")) {
		// Android merges every resources file of a folder: values/localazy.xml
		// and values-de/translations.xml are one set.
		segs[n-1] = "strings.xml"
	}
	for i, d := range segs[:len(segs)-1] {
		switch {
		case strings.HasPrefix(d, "values-"):
			if _, r := androidQualifierLocale(d); r[1] > r[0] {
				quals := strings.Split(d, "-")
				segs[i] = strings.Join(append(quals[:r[0]:r[0]], quals[r[1]:]...), "-")
			}
		case strings.HasSuffix(d, ".lproj"):
			segs[i] = "lproj"
		}
	}
	return strings.Join(segs, "/")
}
