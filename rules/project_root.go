package rules

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// projectMarkers are the entries whose directory is a project's root: a
// version-control checkout or a notelint config.
var projectMarkers = []string{".git", ".hg", ".svn", lint.ConfigFileName}

// projectRoots returns, for each template, the project it belongs to, so
// checks across a project's texts do not mix repositories that one run
// covers. A project is the nearest directory above the file that holds a
// .git, .hg, .svn or .notelint.toml. Files with none of these above them
// are grouped by the first directory below the folder all of them share
// (a run over a folder of several checkouts keeps them apart).
func projectRoots(ts []*message.Template) map[*message.Template]string {
	out := make(map[*message.Template]string, len(ts))
	found := map[string]string{} // directory → its root, "" when none
	var loose []*message.Template
	var looseDirs []string
	for _, t := range ts {
		if t.Source == nil {
			continue
		}
		abs, err := filepath.Abs(t.Source.Path)
		if err != nil {
			abs = filepath.Clean(t.Source.Path)
		}
		dir := filepath.Dir(abs)
		root := markedRoot(dir, found)
		if root != "" {
			out[t] = root
			continue
		}
		loose = append(loose, t)
		looseDirs = append(looseDirs, dir)
	}
	common := commonDir(looseDirs)
	for i, t := range loose {
		rel, err := filepath.Rel(common, looseDirs[i])
		if err != nil || rel == "." {
			out[t] = common
			continue
		}
		first, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		out[t] = filepath.Join(common, first)
	}
	return out
}

// markedRoot returns the nearest directory at or above dir that holds a
// project marker, or "". found caches the answer per directory.
func markedRoot(dir string, found map[string]string) string {
	var seen []string
	root := ""
	for d := dir; ; d = filepath.Dir(d) {
		if r, ok := found[d]; ok {
			root = r
			break
		}
		seen = append(seen, d)
		if hasMarker(d) {
			root = d
			break
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	for _, d := range seen {
		found[d] = root
	}
	return root
}

func hasMarker(dir string) bool {
	for _, m := range projectMarkers {
		if _, err := os.Stat(filepath.Join(dir, m)); err == nil {
			return true
		}
	}
	return false
}

// commonDir returns the longest directory that holds all of dirs.
func commonDir(dirs []string) string {
	if len(dirs) == 0 {
		return ""
	}
	common := dirs[0]
	for _, d := range dirs[1:] {
		for common != d && !strings.HasPrefix(d, common+string(filepath.Separator)) {
			parent := filepath.Dir(common)
			if parent == common {
				break
			}
			common = parent
		}
	}
	return common
}
