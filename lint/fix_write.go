package lint

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/notelint/notelint/lint/atomicfile"
	"github.com/notelint/notelint/lint/load"
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
		return fmt.Errorf("%s: not fixed: %w", path, load.UnwrapPathError(err))
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%s: not fixed: not a regular file", path)
	}
	disk, err := os.ReadFile(target)
	if err != nil {
		return fmt.Errorf("%s: not fixed: %w", path, load.UnwrapPathError(err))
	}
	if !bytes.Equal(disk, loaded) {
		return fmt.Errorf("%s: %w", path, errChanged)
	}
	if err := atomicfile.WriteMode(target, data, st.Mode().Perm()); err != nil {
		return fmt.Errorf("%s: not fixed: %w", path, errors.Unwrap(err))
	}
	return nil
}
