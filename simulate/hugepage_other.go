//go:build !linux

package simulate

import "unsafe"

// hugePage is the usual size of a huge page (only used for thresholds here).
const hugePage = 2 << 20

// adviseHuge does nothing where transparent huge pages are not known.
func adviseHuge(unsafe.Pointer, uintptr) {}

// hugeSlice returns n zeroed elements.
func hugeSlice[T any](n int) []T { return make([]T, n) }
