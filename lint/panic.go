package lint

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
)

// PanicError turns a value recovered from a panic into a one-line error
// that wraps ErrInternal and names where it happened (a file or a rule,
// may be "") and the line of notelint's code that failed. Call it from
// the deferred function that recovered.
func PanicError(where string, v any) error {
	msg := strings.Join(strings.Fields(fmt.Sprint(v)), " ")
	if at := panicSite(); at != "" {
		msg += " (at " + at + ")"
	}
	if where == "" {
		return fmt.Errorf("%w: %s", ErrInternal, msg)
	}
	return fmt.Errorf("%s: %w: %s", where, ErrInternal, msg)
}

// panicSite returns file:line of the function that panicked: the first
// frame outside package runtime after runtime.gopanic.
func panicSite() string {
	pcs := make([]uintptr, 32)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}
