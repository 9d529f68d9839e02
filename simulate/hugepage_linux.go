package simulate

import (
	"syscall"
	"unsafe"
)

// hugePage is the size of a transparent huge page on linux/amd64 and arm64.
const hugePage = 2 << 20

// adviseHuge asks the kernel to back the whole 2 MiB pages inside
// [p, p+n) with huge pages when they are first written (on systems whose
// transparent huge pages are set to "madvise"). A large in-memory replay
// writes hundreds of megabytes once; one fault per 2 MiB instead of one per
// 4 KiB makes that several times cheaper. The memory must not have been
// written yet; errors are ignored (the pages then stay small).
func adviseHuge(p unsafe.Pointer, n uintptr) {
	start := (uintptr(p) + hugePage - 1) &^ (hugePage - 1)
	end := (uintptr(p) + n) &^ (hugePage - 1)
	if end <= start {
		return
	}
	_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14) // MADV_HUGEPAGE
}

// hugeSlice returns n zeroed elements for memory written once and kept:
// from 2*hugePage bytes on, they start at a huge-page boundary (within an
// element) and are advised with adviseHuge, so that the kernel backs all of
// them with huge pages, not only the whole pages that happen to fall inside
// an allocation the Go heap aligns to 8 KiB. The alignment costs up to a
// huge page of address space that is never written.
func hugeSlice[T any](n int) []T {
	var zero T
	size := unsafe.Sizeof(zero)
	if size == 0 || uintptr(n)*size < 2*hugePage {
		return make([]T, n)
	}
	extra := int((hugePage + size - 1) / size)
	buf := make([]T, n+extra)
	p := unsafe.Pointer(unsafe.SliceData(buf))
	base := uintptr(p)
	lead := (base+hugePage-1)&^(hugePage-1) - base // bytes to the boundary
	k := int((lead + size - 1) / size)
	adviseHuge(unsafe.Add(p, lead), uintptr(k)*size-lead+uintptr(n)*size)
	return buf[k : k+n : k+n]
}
