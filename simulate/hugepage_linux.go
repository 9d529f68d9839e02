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
