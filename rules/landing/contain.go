package landing

import (
	"errors"
	"path/filepath"
	"strings"
)

// Root is the directory local landing pages must lie in: the directory of
// the config file, or the working directory when there is none. A config
// or a page added in a pull request must not make a CI run read
// /etc/passwd or a file above the checkout and quote it in a report.
type Root struct {
	dir  string // absolute and clean, as shown in messages
	real string // dir with symlinks resolved
	what string // "the directory of the config file"
}

// NewRoot returns the root dir; what names it in messages ("the directory
// of the config file").
func NewRoot(dir, what string) *Root {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return &Root{dir: dir, real: realPath(dir), what: what}
}

// Dir returns the root directory.
func (r *Root) Dir() string { return r.dir }

// Check returns an error when path (absolute, or relative to the root)
// lies outside the root once ".." and symlinks are resolved, with the
// reason as the message: "it is outside /repo/notify (the directory of
// the config file)".
func (r *Root) Check(path string) error {
	if r == nil {
		return nil
	}
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(r.dir, abs)
	}
	abs = filepath.Clean(abs)
	if !within(r.dir, abs) {
		return errors.New("it is outside " + r.dir + " (" + r.what + ")")
	}
	if real := realPath(abs); !within(r.real, real) {
		return errors.New("it links to " + real + ", outside " + r.dir + " (" + r.what + ")")
	}
	return nil
}

// within reports whether path is dir or below it; both are clean.
func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// realPath resolves the symlinks of a clean absolute path. A path that
// cannot be resolved (it does not exist, or a link in it dangles or loops)
// is resolved as far as it can be: what follows cannot be opened either.
func realPath(path string) string {
	tail := ""
	for p := path; ; {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			return filepath.Join(real, tail)
		}
		parent := filepath.Dir(p)
		if parent == p {
			return path
		}
		tail = filepath.Join(filepath.Base(p), tail)
		p = parent
	}
}
