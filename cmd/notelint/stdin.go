package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/load"
)

// maxStdin is the most check reads from standard input; the loader's own
// size limits apply below it.
const maxStdin = 64 << 20

// checkStdin checks the text on standard input as if it were the file at
// path: loaded, grouped and classified as check would load that file.
// A text that cannot be read as templates is an input error (exit 2).
func checkStdin(runner *lint.Runner, stdin io.Reader, path string) (*lint.Result, error) {
	data, err := io.ReadAll(io.LimitReader(stdin, maxStdin+1))
	if err != nil {
		return nil, fmt.Errorf("reading standard input: %w", err)
	}
	if len(data) > maxStdin {
		return nil, fmt.Errorf("standard input: more than %d MiB", maxStdin>>20)
	}
	ts, err := lint.LoadTemplates(path, data, runner.Config)
	if err != nil {
		var ie *load.InputError
		if errors.As(err, &ie) {
			return nil, ie
		}
		return nil, fmt.Errorf("standard input as %s: %w", path, err)
	}
	findings, errs := runner.CheckTemplates(ts)
	return &lint.Result{
		Files:     1,
		Templates: ts,
		Findings:  findings,
		Contents:  map[string][]byte{path: data},
		Errors:    errs,
	}, nil
}
