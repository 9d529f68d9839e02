package simulate

import (
	"math/bits"
)

// chunkShift sets the size of the full blocks of chunked slices (64 Ki
// elements); firstShift the size of the first (256 elements). The blocks
// before the first full one double in size (256, 256, 512, … 32 Ki), so a
// small run allocates little and a large one never copies.
const (
	chunkShift = 16
	firstShift = 8
	// smallBlocks is the number of blocks before the first full one.
	smallBlocks = chunkShift - firstShift + 1
)

// chunked is an append-only slice stored in blocks: growing it never
// copies (no 2x peak and no memmove of hundreds of megabytes), and element
// addresses stay valid.
type chunked[T any] struct {
	blocks [][]T
	n      int
}

func (c *chunked[T]) len() int { return c.n }

// locate returns the block of element i and its offset in the block.
func locate(i uint32) (block, off uint32) {
	if i >= 1<<chunkShift {
		return i>>chunkShift + smallBlocks - 1, i & (1<<chunkShift - 1)
	}
	if i < 1<<firstShift {
		return 0, i
	}
	// i lies in [2^(b+firstShift-1), 2^(b+firstShift)).
	b := uint32(bits.Len32(i)) - firstShift
	return b, i - 1<<(b+firstShift-1)
}

// blockSize is the number of elements of block b.
func blockSize(b int) int {
	switch {
	case b == 0:
		return 1 << firstShift
	case b < smallBlocks:
		return 1 << (b + firstShift - 1)
	}
	return 1 << chunkShift
}

// at returns the address of element i.
func (c *chunked[T]) at(i uint32) *T {
	b, off := locate(i)
	return &c.blocks[b][off]
}

// push appends v and returns its index.
func (c *chunked[T]) push(v T) uint32 {
	i := uint32(c.n)
	b, off := locate(i)
	if int(b) == len(c.blocks) {
		c.blocks = append(c.blocks, hugeSlice[T](blockSize(int(b))))
	}
	c.blocks[b][off] = v
	c.n++
	return i
}

// reset drops all elements and keeps the blocks for the next ones.
func (c *chunked[T]) reset() { c.n = 0 }

// release drops all elements.
func (c *chunked[T]) release() { c.blocks, c.n = nil, 0 }
