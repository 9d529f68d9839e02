package simulate

// chunkShift sets the block size of chunked slices (64 Ki elements).
const chunkShift = 16

// chunked is an append-only slice stored in fixed blocks: growing it never
// copies (no 2x peak and no memmove of hundreds of megabytes), and element
// addresses stay valid.
type chunked[T any] struct {
	blocks [][]T
	n      int
}

func (c *chunked[T]) len() int { return c.n }

// at returns the address of element i.
func (c *chunked[T]) at(i uint32) *T {
	return &c.blocks[i>>chunkShift][i&(1<<chunkShift-1)]
}

// push appends v and returns its index.
func (c *chunked[T]) push(v T) uint32 {
	i := c.n
	if i>>chunkShift == len(c.blocks) {
		c.blocks = append(c.blocks, make([]T, 1<<chunkShift))
	}
	c.blocks[i>>chunkShift][i&(1<<chunkShift-1)] = v
	c.n++
	return uint32(i)
}

// release drops all elements.
func (c *chunked[T]) release() { c.blocks, c.n = nil, 0 }
