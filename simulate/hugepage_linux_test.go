package simulate

import (
	"testing"
	"unsafe"
)

// TestHugeSliceAlignment: large slices start within one element after a
// huge-page boundary, have exactly the length asked for and are zeroed;
// small ones are plain.
func TestHugeSliceAlignment(t *testing.T) {
	type rec80 struct{ a [10]int64 }
	check := func(name string, start uintptr, size uintptr, n, length, capacity int, large bool) {
		t.Helper()
		if length != n || capacity != n {
			t.Errorf("%s: len %d cap %d, want %d", name, length, capacity, n)
		}
		if off := start % hugePage; large && off >= size {
			t.Errorf("%s: starts %d bytes after a huge-page boundary (element %d bytes)", name, off, size)
		}
	}
	b := hugeSlice[byte](5 << 20)
	check("bytes", uintptr(unsafe.Pointer(&b[0])), 1, 5<<20, len(b), cap(b), true)
	r := hugeSlice[rec80](70000)
	check("records", uintptr(unsafe.Pointer(&r[0])), 80, 70000, len(r), cap(r), true)
	for i := range r {
		if r[i] != (rec80{}) {
			t.Fatalf("record %d not zeroed", i)
		}
	}
	s := hugeSlice[uint64](1000)
	check("small", uintptr(unsafe.Pointer(&s[0])), 8, 1000, len(s), cap(s), false)
}
