package pipeline

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
)

// openRemote opens a file where it is (local, gs://, s3://) through Beam's
// file systems, as an fs.File (sequential reads; Stat gives the size).
func openRemote(ctx context.Context, name string) (fs.File, error) {
	fsys, err := filesystem.New(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	size, err := fsys.Size(ctx, name)
	if err != nil {
		_ = fsys.Close()
		return nil, err
	}
	rc, err := fsys.OpenRead(ctx, name)
	if err != nil {
		_ = fsys.Close()
		return nil, err
	}
	return &remoteFile{ReadCloser: rc, fsys: fsys, name: name, size: size}, nil
}

type remoteFile struct {
	io.ReadCloser
	fsys filesystem.Interface
	name string
	size int64
}

func (f *remoteFile) Stat() (fs.FileInfo, error) { return remoteInfo{f}, nil }

func (f *remoteFile) Close() error {
	err := f.ReadCloser.Close()
	_ = f.fsys.Close()
	return err
}

type remoteInfo struct{ f *remoteFile }

func (i remoteInfo) Name() string       { return i.f.name }
func (i remoteInfo) Size() int64        { return i.f.size }
func (i remoteInfo) Mode() fs.FileMode  { return 0o444 }
func (i remoteInfo) ModTime() time.Time { return time.Time{} }
func (i remoteInfo) IsDir() bool        { return false }
func (i remoteInfo) Sys() any           { return nil }

// randomAccess returns file as an io.ReaderAt when it is a local file;
// otherwise it copies r (file's content) to a temporary local file and
// returns that. done removes the copy.
func randomAccess(name string, file any, r io.Reader) (ra io.ReaderAt, size int64, done func(), err error) {
	if f, ok := file.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			return f, st.Size(), func() {}, nil
		}
	}
	tmp, err := os.CreateTemp("", "notelint-beam-*.parquet")
	if err != nil {
		return nil, 0, nil, fmt.Errorf("%s: a local copy: %w", name, err)
	}
	done = func() {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
	}
	if size, err = io.Copy(tmp, r); err != nil {
		done()
		return nil, 0, nil, fmt.Errorf("%s: reading: %w", name, err)
	}
	return tmp, size, done, nil
}
