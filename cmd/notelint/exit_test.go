package main

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
)

// TestInternalErrorExit: a panic anywhere in a command exits 3 with one
// line naming it and a hint to report it, never a goroutine dump; a command
// ending in exit 3 gets the hint too; usage errors stay 2.
func TestInternalErrorExit(t *testing.T) {
	var none []string
	cases := []struct {
		name  string
		runE  func(*cobra.Command, []string) error
		code  int
		lines []string
	}{
		{"panic", func(*cobra.Command, []string) error { _ = none[3]; return nil }, exitInternal,
			[]string{"notelint: internal error: runtime error: index out of range [3] with length 0 (at exit_test.go:", "notelint: " + reportHint}},
		{"exit 3", func(*cobra.Command, []string) error { return silentExit(exitInternal) }, exitInternal,
			[]string{"notelint: " + reportHint}},
		{"wrapped", func(*cobra.Command, []string) error { return usageError(fmt.Errorf("reading: %w", lint.ErrInternal)) }, exitInternal,
			[]string{"notelint: reading: internal error", "notelint: " + reportHint}},
		{"usage", func(*cobra.Command, []string) error { return usageError(errTest) }, exitUsage,
			[]string{"notelint: bad flag"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			root := &cobra.Command{Use: "notelint", SilenceUsage: true, SilenceErrors: true}
			root.AddCommand(&cobra.Command{Use: "x", RunE: c.runE})
			var out, errb bytes.Buffer
			code := execute(root, []string{"x"}, strings.NewReader(""), &out, &errb)
			lines := strings.Split(strings.TrimSuffix(errb.String(), "\n"), "\n")
			if code != c.code || len(lines) != len(c.lines) || strings.Contains(errb.String(), "goroutine") {
				t.Fatalf("exit %d, stderr:\n%s", code, errb.String())
			}
			for i, want := range c.lines {
				if !strings.HasPrefix(lines[i], want) {
					t.Errorf("line %d: %q, want %q…", i+1, lines[i], want)
				}
			}
		})
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const errTest = testError("bad flag")
