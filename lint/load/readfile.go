package load

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/notelint/notelint/lint/message"
)

// DefaultMaxFileSize is the largest template file read when [lint]
// max_file_size is not set (256 KiB), and DefaultMaxBundleSize the largest
// i18n bundle when max_bundle_size is not set (1 MiB): a bundle holds many
// messages, each of which must still fit in max_file_size. A bundle may
// hold one message per bundleBytesPerMessage bytes of max_bundle_size
// (16,384 by default): each message costs about as much to check as a
// kilobyte of text, so a file of tiny messages must not run for minutes.
const (
	DefaultMaxFileSize    = 256 << 10
	DefaultMaxBundleSize  = 1 << 20
	bundleBytesPerMessage = 64
)

// MaxFileSizeBytes returns the configured template size cap in bytes.
func (c *Config) MaxFileSizeBytes() int64 {
	if c == nil || c.Lint.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return c.Lint.MaxFileSize
}

// MaxBundleSizeBytes returns the configured bundle size cap in bytes.
func (c *Config) MaxBundleSizeBytes() int64 {
	if c == nil || c.Lint.MaxBundleSize <= 0 {
		return DefaultMaxBundleSize
	}
	return c.Lint.MaxBundleSize
}

// SizeLimit is a size cap and the config key that sets it ("" for none).
type SizeLimit struct {
	Bytes int64
	key   string
}

// sizeLimitFor returns the cap for the file at path: max_bundle_size for
// an i18n bundle, else max_file_size.
func (c *Config) sizeLimitFor(path string) SizeLimit {
	if c.bundleFormat(path) != "" && !strings.EqualFold(filepath.Ext(path), ".toml") {
		return SizeLimit{c.MaxBundleSizeBytes(), "max_bundle_size"}
	}
	return SizeLimit{c.MaxFileSizeBytes(), "max_file_size"}
}

// ReadRegular reads the regular file at path, refusing anything else
// (a named pipe would block, a device would never end) and any file
// larger than limit bytes. Errors are *InputError.
func ReadRegular(path string, limit SizeLimit) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: UnwrapPathError(err)}
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	// O_NONBLOCK: if the file was swapped for a named pipe since Stat,
	// opening it must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &InputError{Path: path, Err: UnwrapPathError(err)}
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, &InputError{Path: path, Err: UnwrapPathError(err)}
	}
	if err := checkRegular(st, limit); err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	// Room for the whole file and one read more (to see it grew), so that
	// reading does not grow the buffer step by step.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit.Bytes+1)); err != nil {
		return nil, &InputError{Path: path, Err: UnwrapPathError(err)}
	}
	data := buf.Bytes()
	if int64(len(data)) > limit.Bytes {
		return nil, &InputError{Path: path, Err: tooLarge(int64(len(data)), limit, true)}
	}
	return data, nil
}

// checkRegular rejects a file that is not regular or is over limit bytes.
func checkRegular(st fs.FileInfo, limit SizeLimit) error {
	m := st.Mode()
	if !m.IsRegular() {
		return fmt.Errorf("%s, not a regular file; skipped", fileKind(m))
	}
	if st.Size() > limit.Bytes {
		return tooLarge(st.Size(), limit, false)
	}
	return nil
}

func tooLarge(size int64, limit SizeLimit, atLeast bool) error {
	more := ""
	if atLeast {
		more = "more than "
	}
	if limit.key == "" {
		return fmt.Errorf("%s%d bytes, over the limit of %d bytes; not read", more, size, limit.Bytes)
	}
	return fmt.Errorf("%s%d bytes, over the limit of %d bytes; not checked (raise [lint] %s to check it)", more, size, limit.Bytes, limit.key)
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

// checkBundleLimits holds a bundle to max_bundle_size/64 messages, and
// each message to max_file_size, like a template file.
func checkBundleLimits(src *message.Source, cfg *Config, entries []bundleEntry) error {
	if most := cfg.MaxBundleSizeBytes() / bundleBytesPerMessage; int64(len(entries)) > most {
		return &InputError{Path: src.Path, Err: fmt.Errorf("%d messages, over the limit of %d (one per %d bytes of [lint] max_bundle_size); not checked (raise max_bundle_size to check it)",
			len(entries), most, bundleBytesPerMessage)}
	}
	limit := SizeLimit{cfg.MaxFileSizeBytes(), "max_file_size"}
	for i := range entries {
		if n := int64(len(entries[i].text.String())); n > limit.Bytes {
			p := src.Position(entries[i].start)
			return &InputError{Path: src.Path, Line: p.Line, Err: fmt.Errorf("column %d: a message of %w", p.Column, tooLarge(n, limit, false))}
		}
	}
	return nil
}
