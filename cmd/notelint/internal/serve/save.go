package serve

import (
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint/atomicfile"
)

type saveRequest struct {
	Path string `json:"path"`
	Text string `json:"text"`
	// Version is the version of the file the text was edited from: ""
	// for a new file, which must not exist yet.
	Version string `json:"version"`
}

type saveResponse struct {
	Path    string `json:"path"`
	Version string `json:"version"`
	Created bool   `json:"created"`
}

// handleSave writes the text to the file atomically, unless the file
// changed on disk since the page opened it: then it answers 409 with the
// difference and the version on disk (send that version to overwrite).
func (s *Server) handleSave(r *http.Request) (any, error) {
	cfg, _, err := s.config()
	if err != nil {
		return nil, err
	}
	var req saveRequest
	if err := decodeBody(r, &req, bodyCap(cfg)); err != nil {
		return nil, err
	}
	tg, err := s.resolve(req.Path, cfg)
	if err != nil {
		return nil, err
	}
	if limit := textCap(cfg, tg.load); int64(len(req.Text)) > limit {
		return nil, errorf(http.StatusRequestEntityTooLarge, "the text is %d bytes, over the limit of %d bytes that notelint checks; not saved (shorten it, or raise [lint] max_file_size)", len(req.Text), limit)
	}
	s.saveMu.Lock()
	defer s.saveMu.Unlock()
	disk, err := os.ReadFile(tg.real)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, errorf(http.StatusInternalServerError, "reading %s: %v", tg.rel, err)
	}
	current := ""
	if exists {
		current = version(disk)
	}
	if current != req.Version {
		msg := tg.rel + " changed on disk since you opened it"
		switch {
		case !exists:
			msg = tg.rel + " was deleted since you opened it"
		case req.Version == "":
			msg = tg.rel + " already exists"
		}
		return nil, &apiError{status: http.StatusConflict, msg: msg + ": not saved",
			extra: map[string]any{"version": current, "exists": exists, "diff": Diff(string(disk), req.Text, "on disk", "yours")}}
	}
	if exists && current == version([]byte(req.Text)) {
		return saveResponse{Path: tg.rel, Version: current}, nil
	}
	if !exists {
		if err := s.mkdirInside(filepath.Dir(tg.real)); err != nil {
			return nil, err
		}
	}
	if err := atomicfile.Write(tg.real, []byte(req.Text)); err != nil {
		if cause := errors.Unwrap(err); cause != nil {
			err = cause // atomicfile names the absolute path; the page knows the file
		}
		return nil, errorf(http.StatusInternalServerError, "saving %s: %v", tg.rel, err)
	}
	return saveResponse{Path: tg.rel, Version: version([]byte(req.Text)), Created: !exists}, nil
}

// mkdirInside creates dir, which resolve placed inside the served
// directory, checking again that no symlink created meanwhile leads out.
func (s *Server) mkdirInside(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return errorf(http.StatusInternalServerError, "creating %s: %v", dir, err)
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || !inside(s.root, real) {
		return errorf(http.StatusForbidden, "%s leads outside %s", dir, s.opt.Root)
	}
	return nil
}

// splitLines splits s into lines, each keeping its newline.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}
