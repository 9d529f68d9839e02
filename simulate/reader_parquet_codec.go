package simulate

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"

	"github.com/klauspost/compress/snappy"
	"github.com/klauspost/compress/zstd"
	"github.com/parquet-go/parquet-go/format"
)

// pqDecompressor decompresses Parquet pages; every page must decompress to
// exactly the size its header gives (at most maxPageSize), so a corrupt
// page cannot make the reader allocate more.
type pqDecompressor struct {
	zstd  *zstd.Decoder
	gzip  *gzip.Reader
	limit int // largest page in bytes; 0: maxPageSize (the fuzz test sets less)
}

// pageLimit is the largest page accepted, in bytes.
func (d *pqDecompressor) pageLimit() int {
	if d.limit > 0 {
		return d.limit
	}
	return maxPageSize
}

// decompress returns src decompressed into dst (src itself when the codec
// is UNCOMPRESSED).
func (d *pqDecompressor) decompress(codec format.CompressionCodec, dst, src []byte, size int) ([]byte, error) {
	if size < 0 || size > d.pageLimit() {
		return nil, fmt.Errorf("page of %d bytes uncompressed: at most %d", size, d.pageLimit())
	}
	var out []byte
	var err error
	switch codec {
	case format.Uncompressed:
		out = src
	case format.Snappy:
		n, lerr := snappy.DecodedLen(src)
		if lerr != nil {
			return nil, fmt.Errorf("decompressing a page (%s): %w", codec, lerr)
		}
		if n != size {
			return nil, fmt.Errorf("decompressing a page (%s): %d bytes, its header says %d", codec, n, size)
		}
		out, err = snappy.Decode(grow(dst, size), src)
	case format.Gzip:
		out, err = d.gunzip(grow(dst, size), src)
	case format.Zstd:
		if d.zstd == nil {
			d.zstd, err = zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(uint64(d.pageLimit())), zstd.WithDecodeAllCapLimit(true))
			if err != nil {
				return nil, fmt.Errorf("decompressing a page (%s): %w", codec, err)
			}
		}
		if cap(dst) < size {
			dst = make([]byte, 0, size)
		}
		out, err = d.zstd.DecodeAll(src, dst[:0:size])
	default:
		return nil, fmt.Errorf("%s compression is not supported (snappy, gzip, zstd and none are)", codec)
	}
	if err != nil {
		return nil, fmt.Errorf("decompressing a page (%s): %w", codec, err)
	}
	if len(out) != size {
		return nil, fmt.Errorf("decompressing a page (%s): %d bytes, its header says %d", codec, len(out), size)
	}
	return out, nil
}

func (d *pqDecompressor) gunzip(dst, src []byte) ([]byte, error) {
	var err error
	if d.gzip == nil {
		d.gzip, err = gzip.NewReader(bytes.NewReader(src))
	} else {
		err = d.gzip.Reset(bytes.NewReader(src))
	}
	if err != nil {
		return nil, err
	}
	if _, err := io.ReadFull(d.gzip, dst); err != nil {
		return nil, err
	}
	return dst, nil
}

func (d *pqDecompressor) close() {
	if d.zstd != nil {
		d.zstd.Close()
	}
}
