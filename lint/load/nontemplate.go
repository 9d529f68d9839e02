package load

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// projectFileWords name project files that are never templates: README,
// CHANGELOG, LICENSE and friends. A file is one when its name starts
// with the word in capitals (LICENSE.upstream, README_de.md) or, for
// words that are no message names, its name before the first dot is the
// word in any case (readme.md, Licence.txt; but notice.html and
// source.txt may be templates).
var projectFileWords = map[string]bool{"README": true, "CHANGELOG": true, "CHANGES": true, "LICENSE": true,
	"LICENCE": true, "COPYING": true, "NOTICE": false, "SOURCE": false, "CONTRIBUTING": true, "AUTHORS": true,
	"CODE_OF_CONDUCT": true}

// projectFileNames are project and tool files that are never templates.
var projectFileNames = map[string]bool{
	"go.mod": true, "go.sum": true, "package.json": true, "composer.json": true, "package-lock.json": true,
	"pnpm-lock.yaml": true, "yarn.lock": true, "npm-shrinkwrap.json": true, ConfigFileName: true,
}

// IsProjectFile reports whether the file named name (a path or a base
// name) is a project file rather than a template: README*, CHANGELOG*,
// LICENSE*, LICENCE*, COPYING*, NOTICE*, SOURCE*, CONTRIBUTING*,
// AUTHORS*, go.mod, go.sum, package.json, composer.json, lock files
// (*.lock, package-lock.json, pnpm-lock.yaml) and .notelint.toml.
// notelint skips them, in directory walks and on the command line,
// unless the config's include names them explicitly.
func IsProjectFile(name string) bool {
	base := filepath.Base(name)
	lower := strings.ToLower(base)
	if projectFileNames[lower] || projectFileNames[base] || strings.HasSuffix(lower, ".lock") {
		return true
	}
	stem, _, _ := strings.Cut(lower, ".")
	for w, anyCase := range projectFileWords {
		if strings.HasPrefix(base, w) || anyCase && stem == strings.ToLower(w) {
			return true
		}
	}
	return false
}

// includeNames reports whether an include glob of the config names the
// file at p explicitly: the glob matches it and its last segment has no
// wildcard ("docs/README.md", "**/NOTICE.txt").
func (c *Config) includeNames(p string) bool {
	if c == nil {
		return false
	}
	rel := c.relToConfig(p)
	if rel == "" {
		rel = filepath.ToSlash(filepath.Clean(p))
	}
	for _, g := range c.Lint.Include {
		last := g[strings.LastIndexByte(g, '/')+1:]
		if !strings.ContainsAny(last, "*?[{") && message.MatchGlob(g, rel) {
			return true
		}
	}
	return false
}

// skipProjectFile reports whether discovery leaves the file at p out as
// a project file.
func (c *Config) skipProjectFile(p string) bool {
	return IsProjectFile(p) && !c.includeNames(p)
}

// skipNamedFile reports whether discovery leaves out a file named on the
// command line: a project file, or a file in a dot-directory,
// node_modules or vendor (.github/ISSUE_TEMPLATE/bug.md), unless the
// config's include names it.
func (c *Config) skipNamedFile(p string) bool {
	if c.includeNames(p) {
		return false
	}
	if IsProjectFile(p) {
		return true
	}
	rel := filepath.ToSlash(filepath.Clean(p))
	if filepath.IsAbs(p) {
		if rel = c.relToConfig(p); rel == "" {
			return false // outside the project: its folders say nothing
		}
	}
	for _, d := range strings.Split(path.Dir(rel), "/") {
		if d == "node_modules" || d == "vendor" || strings.HasPrefix(d, ".") && d != "." && d != ".." {
			return true
		}
	}
	return false
}
