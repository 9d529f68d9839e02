package simulate

import "testing"

// TestChunkedBlocks checks that the growing blocks tile the index space:
// every element has its own slot, and the blocks before the first full one
// add up to one full block.
func TestChunkedBlocks(t *testing.T) {
	var c chunked[uint32]
	const n = 3<<chunkShift + 17
	for i := uint32(0); i < n; i++ {
		if got := c.push(i); got != i {
			t.Fatalf("push %d returned %d", i, got)
		}
	}
	for i := uint32(0); i < n; i++ {
		if got := *c.at(i); got != i {
			t.Fatalf("at(%d) = %d", i, got)
		}
	}
	small := 0
	for b := 0; b < smallBlocks; b++ {
		small += blockSize(b)
	}
	if small != 1<<chunkShift {
		t.Errorf("small blocks hold %d elements, want %d", small, 1<<chunkShift)
	}
	for _, i := range []uint32{0, 255, 256, 511, 512, 1<<chunkShift - 1, 1 << chunkShift, 1<<chunkShift + 1} {
		b, off := locate(i)
		if int(off) >= blockSize(int(b)) {
			t.Errorf("locate(%d) = block %d offset %d, past the block's %d", i, b, off, blockSize(int(b)))
		}
	}
}
