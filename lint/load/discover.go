package load

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// templateExts are the file extensions notelint reads as templates.
var templateExts = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true, ".mjml": true, ".toml": true}

// IsTemplateFile reports whether name has an extension notelint reads as
// a template document or catalog: .txt, .md, .html, .htm, .mjml, .toml, and
// template-engine files (.twig, .gotmpl, .tmpl, .hbs, .mustache, .liquid,
// .j2, .jinja, .njk, .tpl, .erb, .ejs). Bundles are chosen by
// IsBundleFile, project files (README, LICENSE, …) left out by Discover.
func IsTemplateFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return (templateExts[ext] || engineExts[ext]) && filepath.Base(name) != ConfigFileName
}

// bundleDirs are directory names that hold i18n bundles.
var bundleDirs = map[string]bool{"locales": true, "locale": true, "i18n": true, "lang": true, "langs": true,
	"translations": true, "l10n": true, "messages": true}

// IsBundleFile reports whether the file at p is read as an i18n bundle when
// a directory is walked: it matches a [[lint.bundle]] path; or it is a
// gettext .po, Apple .strings or .xcstrings or XLIFF file; or an Android
// resource file (strings.xml, or any .xml in a values*/ folder whose root
// element is <resources> and that holds a <string>, <plurals> or
// <string-array>: Android merges them all, whatever their names); or a
// .php translation array in a lang/, language/, locales/ (…) directory
// (not code, not a Blade view; see phpTranslationFile); or it is .json,
// .yml, .yaml or .properties and its name is a locale (de.json), ends in
// one (messages_fr.properties, app.de.yml) or it sits in a locales/,
// i18n/, lang/ or translations/ directory. Android and PHP files are
// sniffed: their first bytes are read. Files named on the command line
// are always read.
func (c *Config) IsBundleFile(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	if bundleFormats[ext] == "" && c.BundleFor(p) == nil {
		return false
	}
	if c.BundleFor(p) != nil {
		return true
	}
	switch ext {
	case ".po", ".strings", ".xcstrings", ".xlf", ".xliff":
		return true
	case ".xml":
		dir := filepath.Base(filepath.Dir(p))
		if dir != "values" && !strings.HasPrefix(dir, "values-") {
			return false
		}
		return filepath.Base(p) == "strings.xml" || c.androidStringResources(p)
	case ".php":
		return !isBladeView(p) && inBundleDir(p, phpBundleDirs) && phpTranslationFile(p)
	}
	if l, _ := BundleLocaleFromPath(p); l != "" {
		return true
	}
	return inBundleDir(p, bundleDirs)
}

// isBladeView reports whether p is a Laravel Blade view (x.blade.php):
// a template language notelint does not read, not a PHP bundle.
func isBladeView(p string) bool {
	return strings.HasSuffix(strings.ToLower(filepath.Base(p)), ".blade.php")
}

// errBladeView is why a Blade view named on the command line is not read.
var errBladeView = errors.New("a Blade view; notelint does not read Blade templates")

// phpBundleDirs are the directories whose .php files are read as
// translation arrays: language/ and languages/ too (OpenCart's
// catalog/language/en-gb/mail/*.php, MyBB, CodeIgniter 4's
// app/Language/), not "messages": PHP code lives there.
var phpBundleDirs = wordSet("locales locale i18n lang langs translations l10n language languages")

// wordSet returns the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// inBundleDir reports whether a directory of p is one of dirs.
func inBundleDir(p string, dirs map[string]bool) bool {
	for _, d := range strings.Split(filepath.ToSlash(filepath.Dir(p)), "/") {
		if dirs[strings.ToLower(d)] {
			return true
		}
	}
	return false
}

// Discover expands paths (files and directories) into the template files to
// check, applying the config's include and exclude globs to files found by
// walking directories. Files named explicitly are always checked, except
// project files (README, LICENSE, go.mod, …; see IsProjectFile) and files
// in dot-directories, node_modules or vendor, which are skipped silently
// unless the config's include names them, and Blade views (x.blade.php),
// which are an input error unless a [[lint.bundle]] names them. Directory
// walks skip dot-directories, node_modules and vendor. The result is
// sorted and free of duplicates. Paths that cannot be read are joined into
// the error; the files found elsewhere are returned all the same.
func Discover(paths []string, cfg *Config) ([]string, error) {
	files, problems := DiscoverAll(paths, cfg)
	errs := make([]error, len(problems))
	for i, p := range problems {
		errs[i] = p
	}
	return files, errors.Join(errs...)
}

// DiscoverAll is Discover that returns one *InputError per path, or
// directory below one, that cannot be read (missing, unreadable), and goes
// on with the others.
func DiscoverAll(paths []string, cfg *Config) ([]string, []*InputError) {
	files, problems, _ := DiscoverUnread(paths, cfg)
	return files, problems
}

// DiscoverUnread is DiscoverAll that also counts, by extension, the files
// of directory walks that look like message templates notelint does not
// read (see unreadTemplate), so that a run over them does not pass for a
// clean one. A file that is read (named on the command line too) is
// never counted.
func DiscoverUnread(paths []string, cfg *Config) ([]string, []*InputError, map[string]int) {
	unread := map[string]int{}
	unreadAt := map[string]string{} // path → extension counted
	seen := map[string]bool{}
	var out []string
	var problems []*InputError
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = errors.New("no such file or directory")
			}
			problems = append(problems, &InputError{Path: root, Err: UnwrapPathError(err)})
			continue
		}
		if !st.IsDir() {
			switch {
			case cfg.skipNamedFile(root):
			case isBladeView(root) && cfg.BundleFor(root) == nil:
				problems = append(problems, &InputError{Path: root, Err: errBladeView})
			default:
				add(filepath.Clean(root))
			}
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, &InputError{Path: p, Err: UnwrapPathError(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return filepath.SkipDir
				}
				if p != root && cfg.excluded(p, true) {
					return filepath.SkipDir
				}
				return nil
			}
			if !(IsTemplateFile(name) || cfg.IsBundleFile(p)) || !cfg.included(p) || cfg.excluded(p, false) || cfg.skipProjectFile(p) {
				if ext, ok := unreadTemplate(walkedName(root, p)); ok && !cfg.excluded(p, false) {
					unreadAt[filepath.Clean(p)] = ext
				}
				return nil
			}
			add(filepath.Clean(p))
			return nil
		})
		if err != nil {
			problems = append(problems, &InputError{Path: root, Err: UnwrapPathError(err)})
		}
	}
	for p, ext := range unreadAt {
		if !seen[p] { // also named on the command line: read
			unread[ext]++
		}
	}
	sort.Strings(out)
	return out, problems, unread
}

// walkedName is the path of p, found by walking root, below root
// (app/mail/x.php for root "/home/me/email-service"): the folders above
// it say what was chosen for the run, not what the file is. A root named
// exactly for messages (emails/, mail/) is kept: emails/welcome.php.
func walkedName(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	if base := filepath.Base(filepath.Clean(root)); messageWords[strings.ToLower(base)] {
		return filepath.Join(base, rel)
	}
	return rel
}

// UnwrapPathError returns the cause of a *fs.PathError (the path is named
// by the caller), or err itself.
func UnwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// relToConfig returns p relative to the config directory, slash-separated,
// or "" when p lies outside it.
func (c *Config) relToConfig(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil || c.Dir == "" {
		return filepath.ToSlash(p)
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	return filepath.ToSlash(rel)
}

func (c *Config) included(p string) bool {
	if len(c.Lint.Include) == 0 {
		return true
	}
	rel := c.relToConfig(p)
	if rel == "" {
		return true // outside the config's tree: the include list does not speak for it
	}
	for _, g := range c.Lint.Include {
		if message.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

func (c *Config) excluded(p string, dir bool) bool {
	rel := c.relToConfig(p)
	if rel == "" {
		// Outside the config's tree only "**/…" patterns speak, matched
		// against the path as given.
		slash := filepath.ToSlash(p)
		for _, g := range c.Lint.Exclude {
			if strings.HasPrefix(g, "**/") && (message.MatchGlob(g, slash) || message.MatchGlob(g, strings.TrimPrefix(slash, "/"))) {
				return true
			}
		}
		return false
	}
	for _, g := range c.Lint.Exclude {
		if message.MatchGlob(g, rel) || (dir && message.MatchGlob(g, rel+"/x")) && strings.HasSuffix(g, "/**") {
			return true
		}
	}
	return false
}
