//go:build unix

package lint

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/notelint/notelint/lint/load"
)

// TestFIFOSkipped: a named pipe named like a template used to block the
// run forever; it is an input error and the other files are checked.
func TestFIFOSkipped(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Acme: your parcel arrives at 14:00.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Runner{Config: DefaultConfig(nil), Jobs: 1}
	res, err := r.Run([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Templates) != 1 || len(res.Errors) != 1 {
		t.Fatalf("templates %d, errors %v", len(res.Templates), res.Errors)
	}
	var ie *load.InputError
	if !errors.As(res.Errors[0], &ie) || !strings.Contains(ie.Error(), "pipe.txt: a named pipe, not a regular file; skipped") {
		t.Fatalf("error %v", res.Errors[0])
	}
	// Named on the command line, too.
	if _, err := load.LoadFile(filepath.Join(dir, "pipe.txt"), load.DefaultConfig()); !errors.As(err, &ie) {
		t.Fatalf("LoadFile(pipe): %v", err)
	}
}
