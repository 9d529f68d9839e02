package lint

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// errChanged is wrapped by the error for a file that changed on disk after
// it was read.
var errChanged = errors.New("changed on disk since it was read; not fixed (run notelint again)")

// writeFixed replaces target, the file path resolves to (through any
// symbolic links, which stay links), with data. path was read as loaded;
// the file is left alone when it no longer holds those bytes.
func writeFixed(path, target string, loaded, data []byte) error {
	st, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", path, unwrapPathError(err))
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not fixed: not a regular file", path)
	}
	disk, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", path, unwrapPathError(err))
	}
	if !bytes.Equal(disk, loaded) {
		return fmt.Errorf("%s: %w", path, errChanged)
	}
	if err := writeFileAtomic(target, data, st.Mode().Perm()); err != nil {
		return fmt.Errorf("%s: not fixed: %w", path, err)
	}
	return nil
}

// writeFileAtomic replaces path with data through a temporary file in the
// same directory, renamed over it, so no reader sees half a file.
func writeFileAtomic(path string, data []byte, mode fs.FileMode) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".notelint-fix-*")
	if err != nil {
		return unwrapPathError(err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
