package serve

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
)

// target is a template file the API may read or write.
type target struct {
	rel  string // slash-separated, relative to the served directory
	load string // the path as check would name it (PATH joined with rel)
	real string // absolute, symlinks resolved; inside the served directory
}

// resolve turns an API path into a file inside the served directory. It
// refuses absolute paths, "..", paths whose symlinks lead outside, and
// files that are not templates.
func (s *Server) resolve(rel string, cfg *lint.Config) (target, error) {
	if rel == "" {
		return target{}, errorf(http.StatusBadRequest, "no path given")
	}
	if strings.ContainsRune(rel, 0) || strings.Contains(rel, "\\") {
		return target{}, errorf(http.StatusBadRequest, "path %q: use / between folders", rel)
	}
	if path.IsAbs(rel) || filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return target{}, errorf(http.StatusBadRequest, "path %q: give it relative to %s", rel, s.opt.Root)
	}
	clean := path.Clean(rel)
	if clean == "." || clean == ".." || strings.HasPrefix(clean, "../") {
		return target{}, errorf(http.StatusBadRequest, "path %q is outside %s", rel, s.opt.Root)
	}
	for _, seg := range strings.Split(clean, "/") {
		if strings.HasPrefix(seg, ".") {
			return target{}, errorf(http.StatusBadRequest, "path %q: hidden files and folders (such as .git) are not served", rel)
		}
	}
	if s.only != "" && clean != s.only {
		return target{}, errorf(http.StatusNotFound, "path %q: only %s is served", rel, s.only)
	}
	abs := filepath.Join(s.root, filepath.FromSlash(clean))
	if !load.IsTemplateFile(abs) && !cfg.IsBundleFile(abs) {
		return target{}, errorf(http.StatusBadRequest, "path %q is not a template file (.txt, .md, .html, .toml or a bundle)", rel)
	}
	real, err := realPath(abs)
	if err != nil {
		return target{}, errorf(http.StatusBadRequest, "path %q: %v", rel, err)
	}
	if !inside(s.root, real) {
		return target{}, errorf(http.StatusForbidden, "path %q leads outside %s", rel, s.opt.Root)
	}
	load := filepath.Join(s.opt.Root, filepath.FromSlash(clean))
	if s.only != "" {
		load = s.opt.Root
	}
	return target{rel: clean, load: load, real: real}, nil
}

// realPath resolves the symlinks of abs; when abs does not exist yet, those
// of its nearest existing ancestor, keeping the rest of the name.
func realPath(abs string) (string, error) {
	rest := ""
	p := abs
	for {
		r, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, lerr := os.Lstat(p); lerr == nil {
			return "", errors.New("a broken symbolic link")
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

// inside reports whether p is dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
