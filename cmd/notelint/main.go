// Command notelint lints proactive customer notifications (SMS, e-mail,
// push) and replays historical status streams through a notification policy.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/notelint/notelint/lint"
)

// Exit codes shared by every command.
const (
	exitOK       = 0 // nothing at or above the fail threshold
	exitFindings = 1 // findings (or simulate thresholds) at or above the fail threshold
	exitUsage    = 2 // usage, config or input error
	exitInternal = 3 // internal error
)

// exitError carries the process exit code with the error that caused it.
type exitError struct {
	code int
	err  error // nil when the command already reported what happened
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// usageError marks err as a usage, config or input problem (exit 2).
func usageError(err error) error { return &exitError{code: exitUsage, err: err} }

// silentExit ends the command with code without printing anything more.
func silentExit(code int) error { return &exitError{code: code} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// reportHint follows the message of an internal error (exit 3).
const reportHint = "this is a bug in notelint; please report it with the command and the input that caused it at https://github.com/notelint/notelint/issues"

// run executes the CLI with args and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return execute(newRootCmd(), args, stdin, stdout, stderr)
}

// execute runs root with args. A panic is an internal error: one line
// naming it and where it happened, a hint to report it, exit code 3;
// never a goroutine dump.
func execute(root *cobra.Command, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "notelint: %v\n", lint.PanicError("", v))
			code = exitInternal
		}
		if code == exitInternal {
			fmt.Fprintf(stderr, "notelint: %s\n", reportHint)
		}
	}()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "notelint: %v\n", ee.err)
		}
		if errors.Is(ee.err, lint.ErrInternal) {
			return exitInternal // whatever code the command chose
		}
		return ee.code
	}
	// Errors from cobra itself (unknown flag, wrong arguments) are usage errors.
	fmt.Fprintf(stderr, "notelint: %v\n", err)
	return exitUsage
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "notelint",
		Short: "Keep proactive customer notifications clear, short and calm",
		Long: `notelint checks notification templates (SMS, e-mail, push) for missing
times, vague calls to action, SMS segment overflow and more, and replays
historical status streams through a notification policy.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       toolVersion(),
	}
	root.SetVersionTemplate(versionLine() + "\n")
	root.AddCommand(
		newCheckCmd(),
		newSMSCmd(),
		newRulesCmd(),
		newExplainCmd(),
		newInitCmd(),
		newConfigCmd(),
		newInspectCmd(),
		newSimulateCmd(),
		newServeCmd(),
		newLSPCmd(),
		newVersionCmd(),
		newBaselineCmd(),
	)
	return root
}
