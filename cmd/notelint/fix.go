package main

import (
	"fmt"
	"io"
	"sort"

	"github.com/notelint/notelint/lint"
)

// fixAndRecheck applies the fixes of res to the bytes its files were
// checked from, tells w what it did and what it left alone, and, when a
// file was written, checks everything again so the report and exit code
// describe the files as they now are. Files it could not write (changed
// on disk meanwhile, unwritable) are added to the result's errors.
func fixAndRecheck(w io.Writer, runner *lint.Runner, paths []string, res *lint.Result) (*lint.Result, error) {
	rep := lint.ApplyFixes(res.Findings, lint.SourcesOf(res.Templates), runner.Config)
	for _, s := range rep.Skipped {
		f := s.Finding
		fmt.Fprintf(w, "notelint: %s:%d:%d: %s not fixed: %s\n", f.File, f.Line, f.Column, f.Rule, s.Reason)
	}
	reportFixes(w, rep.Applied)
	if len(rep.Applied) > 0 {
		again, err := runner.Run(paths)
		if err != nil {
			return nil, err
		}
		res = again
	}
	res.Errors = append(res.Errors, rep.Errors...)
	return res, nil
}

func reportFixes(w io.Writer, applied map[string]int) {
	files := make([]string, 0, len(applied))
	for f := range applied {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		fmt.Fprintf(w, "fixed %d %s in %s\n", applied[f], pluralWord(applied[f], "character", "characters"), f)
	}
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
