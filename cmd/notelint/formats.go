package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/atomicfile"
	"github.com/notelint/notelint/lint/output"
)

// formatFlag is the value of --format: repeatable, "text" until set.
type formatFlag struct {
	values []string
	set    bool
}

func (f *formatFlag) String() string {
	if !f.set {
		return "text"
	}
	return strings.Join(f.values, ",")
}

// Set records one --format value; the first replaces the default.
func (f *formatFlag) Set(v string) error {
	if !f.set {
		f.values, f.set = nil, true
	}
	f.values = append(f.values, v)
	return nil
}

// Type names the value in the help.
func (f *formatFlag) Type() string { return "format[:path]" }

// outputSpec is one --format value: a format and where it goes.
type outputSpec struct {
	format string
	path   string // "" for standard output
}

// parseFormats reads the --format values. Each value is a comma-separated
// list of NAME (standard output) or NAME:PATH (a file; PATH "-" is standard
// output). At most one output may go to standard output, and no two to the
// same file. No value means text on standard output.
func parseFormats(values []string) ([]outputSpec, error) {
	var specs []outputSpec
	stdout := ""
	files := map[string]string{}
	for _, v := range values {
		for _, item := range strings.Split(v, ",") {
			item = strings.TrimSpace(item)
			if item == "" {
				return nil, fmt.Errorf("empty --format entry in %q (want NAME or NAME:PATH, comma-separated)", v)
			}
			name, path, hasPath := strings.Cut(item, ":")
			if !contains(output.Formats(), name) {
				return nil, fmt.Errorf("unknown --format %q (want %s, optionally followed by :PATH)", name, joinFormats())
			}
			if hasPath && path == "" {
				return nil, fmt.Errorf("--format %s: missing path after %q (use %s:- for standard output)", item, name+":", name)
			}
			if path == "-" {
				path = ""
			}
			if path == "" {
				if stdout != "" {
					return nil, fmt.Errorf("--format %s and %s both write to standard output; give one a file (NAME:PATH)", stdout, name)
				}
				stdout = name
			} else {
				key := filepath.Clean(path)
				if abs, err := filepath.Abs(path); err == nil {
					key = abs
				}
				if prev, ok := files[key]; ok {
					return nil, fmt.Errorf("--format %s and %s both write to %s", prev, name, path)
				}
				files[key] = name
			}
			specs = append(specs, outputSpec{format: name, path: path})
		}
	}
	if len(specs) == 0 {
		specs = []outputSpec{{format: "text"}}
	}
	return specs, nil
}

// checkOutputPaths makes sure every output file can be created where it is
// asked for, before any linting: its directory exists and it is not a
// directory itself.
func checkOutputPaths(specs []outputSpec) error {
	for _, s := range specs {
		if s.path == "" {
			continue
		}
		if st, err := os.Stat(s.path); err == nil && st.IsDir() {
			return fmt.Errorf("--format %s:%s: is a directory", s.format, s.path)
		}
		dir := filepath.Dir(s.path)
		st, err := os.Stat(dir)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return fmt.Errorf("--format %s:%s: directory %s does not exist", s.format, s.path, dir)
			}
			return fmt.Errorf("--format %s:%s: %w", s.format, s.path, err)
		}
		if !st.IsDir() {
			return fmt.Errorf("--format %s:%s: %s is not a directory", s.format, s.path, dir)
		}
	}
	return nil
}

// writeOutputs prints the findings in every requested format: files first,
// each replaced atomically, then standard output. It goes on after a
// failure and returns the first error: exit 3 when a printer fails, exit 2
// when a file cannot be written.
func writeOutputs(stdout io.Writer, specs []outputSpec, findings []lint.Finding, opt output.Options, colorMode string) error {
	var first error
	keep := func(err error) {
		if err != nil && first == nil {
			first = err
		}
	}
	for _, s := range specs {
		if s.path == "" {
			continue
		}
		o := opt
		o.Color = colorMode == "always"
		var buf bytes.Buffer
		if err := output.Write(&buf, s.format, findings, o); err != nil {
			keep(&exitError{code: exitInternal, err: err})
			continue
		}
		if err := atomicfile.Write(s.path, buf.Bytes()); err != nil {
			keep(usageError(fmt.Errorf("--format %s:%s: %w", s.format, s.path, err)))
		}
	}
	for _, s := range specs {
		if s.path != "" {
			continue
		}
		o := opt
		o.Color = useColor(colorMode, stdout)
		if err := output.Write(stdout, s.format, findings, o); err != nil {
			keep(&exitError{code: exitInternal, err: err})
		}
	}
	return first
}
