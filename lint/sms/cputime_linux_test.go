//go:build linux

package sms

import (
	"runtime"
	"syscall"
	"time"
)

// cpuClock returns a clock of the CPU time of the calling goroutine's
// thread, which it locks, so that benchmarks on a shared machine measure
// their own work and not the load of others; unlock releases the thread.
func cpuClock() (now func() time.Duration, unlock func()) {
	runtime.LockOSThread()
	now = func() time.Duration {
		var ru syscall.Rusage
		if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
			panic(err) // Linux has RUSAGE_THREAD since 2.6.26
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return now, runtime.UnlockOSThread
}
