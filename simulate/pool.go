package simulate

import "sync"

// pools recycles the chunk and batch buffers of one run, so that a long
// input allocates a few megabytes of buffers instead of a gigabyte of
// garbage the collector would have to chase.
type pools struct {
	chunks  sync.Pool // *[]byte
	batches sync.Pool // *batch
}

// chunk returns a buffer with room for n bytes.
func (p *pools) chunk(n int) []byte {
	if p != nil {
		if b, ok := p.chunks.Get().(*[]byte); ok && cap(*b) >= n {
			return (*b)[:0]
		}
	}
	return make([]byte, 0, max(n, chunkSize+chunkSize/4))
}

// putChunk recycles a chunk buffer of the normal size (long-record buffers
// are left to the collector).
func (p *pools) putChunk(b []byte) {
	if p != nil && cap(b) <= 2*chunkSize {
		p.chunks.Put(&b)
	}
}

func (p *pools) batch() *batch {
	if p != nil {
		if b, ok := p.batches.Get().(*batch); ok {
			return b
		}
	}
	return &batch{}
}

func (p *pools) putBatch(b *batch) {
	if p == nil || cap(b.buf) > 8*chunkSize {
		return
	}
	b.src, b.buf, b.evs = nil, b.buf[:0], b.evs[:0]
	p.batches.Put(b)
}
