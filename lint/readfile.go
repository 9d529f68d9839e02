package lint

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// DefaultMaxFileSize is the largest template or bundle file read when
// [lint] max_file_size is not set: 256 KiB.
const DefaultMaxFileSize = 256 << 10

// MaxFileSizeBytes returns the configured file size cap in bytes.
func (c *Config) MaxFileSizeBytes() int64 {
	if c == nil || c.Lint.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return c.Lint.MaxFileSize
}

// readRegular reads the regular file at path, refusing anything else
// (a named pipe would block, a device would never end) and any file
// larger than limit bytes. Errors are *InputError.
func readRegular(path string, limit int64) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: unwrapPathError(err)}
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	// O_NONBLOCK: if the file was swapped for a named pipe since Stat,
	// opening it must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &InputError{Path: path, Err: unwrapPathError(err)}
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, &InputError{Path: path, Err: unwrapPathError(err)}
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &InputError{Path: path, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, &InputError{Path: path, Err: tooLarge(int64(len(data)), limit, true)}
	}
	return data, nil
}

// checkRegular rejects a file that is not regular or is over limit bytes.
func checkRegular(st fs.FileInfo, limit int64) error {
	m := st.Mode()
	if !m.IsRegular() {
		return fmt.Errorf("%s, not a regular file; skipped", fileKind(m))
	}
	if st.Size() > limit {
		return tooLarge(st.Size(), limit, false)
	}
	return nil
}

func tooLarge(size, limit int64, atLeast bool) error {
	more := ""
	if atLeast {
		more = "more than "
	}
	return fmt.Errorf("%s%d bytes, over the limit of %d bytes; not checked (raise [lint] max_file_size to check it)", more, size, limit)
}

// fileKind names the type of a file that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
