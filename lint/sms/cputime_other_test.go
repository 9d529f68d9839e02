//go:build !linux

package sms

import "time"

// cpuClock returns the wall clock where the thread's CPU time is not
// available.
func cpuClock() (now func() time.Duration, unlock func()) {
	start := time.Now()
	return func() time.Duration { return time.Since(start) }, func() {}
}
