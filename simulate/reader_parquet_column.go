package simulate

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"

	"github.com/parquet-go/parquet-go/encoding/delta"
	"github.com/parquet-go/parquet-go/encoding/thrift"
	"github.com/parquet-go/parquet-go/format"
)

// A Parquet column chunk is read page by page: memory holds the chunk's
// dictionary and one page (compressed and decoded), never the whole chunk
// or row group. Only flat columns are read (a top-level field, required or
// optional), so a page's values are its rows.

const (
	maxPageSize     = 256 << 20 // largest page accepted (uncompressed bytes)
	maxPageHeader   = 256 << 10 // largest page header (bytes)
	pqColumnBufSize = maxPageHeader
	pqBytesPerValue = 32            // a page may hold at most pageLimit/32 values
	pqBadTime       = math.MinInt64 // a typed time outside int64 nanoseconds

	// PLAIN_DICTIONARY: deprecated by the format, still what format 1.0
	// writers (DuckDB's default among them) write.
	pqPlainDictionary format.Encoding = 2
)

// pqValue is one row's value of a column.
type pqValue struct {
	null bool
	b    []byte // BYTE_ARRAY
	i    int64  // integers; timestamps in nanoseconds
}

// pqColumn reads the values of one column chunk.
type pqColumn struct {
	spec   *pqColSpec
	codec  format.CompressionCodec
	br     *bufio.Reader
	left   int64 // bytes of the chunk not read yet
	values int64 // values of the chunk not read yet
	dec    *pqDecompressor

	// the dictionary (dictionary-encoded chunks)
	hasDict bool
	dictBuf []byte
	dbv     [][]byte
	div     []int64

	// the current page
	n, pos  int      // values (rows) in the page; the next one
	defs    []uint32 // definition levels; nil: no nulls
	defBuf  []uint32 // their buffer, kept across pages
	vpos    int      // next non-null value
	mode    uint8    // pqInts, pqBytes, pqDictInts, pqDictBytes
	idx     []uint32
	bv      [][]byte
	iv      []int64
	raw     []byte // compressed page
	page    []byte // decompressed page
	scratch []byte // delta-decoded byte arrays
	offs    []uint32
	i32     []int32
}

// next returns the column's value in the next row.
func (c *pqColumn) next() (pqValue, error) {
	if c.pos >= c.n {
		if err := c.readPage(); err != nil {
			return pqValue{}, err
		}
	}
	i := c.pos
	c.pos++
	if c.defs != nil && c.defs[i] == 0 {
		return pqValue{null: true}, nil
	}
	k := c.vpos
	c.vpos++
	switch c.mode {
	case pqDictBytes:
		return pqValue{b: c.dbv[c.idx[k]]}, nil
	case pqDictInts:
		return pqValue{i: c.div[c.idx[k]]}, nil
	case pqBytes:
		return pqValue{b: c.bv[k]}, nil
	}
	return pqValue{i: c.iv[k]}, nil
}

// Where a page's values are.
const (
	pqInts      = iota // iv
	pqBytes            // bv
	pqDictInts         // div[idx]
	pqDictBytes        // dbv[idx]
)

// readPage reads pages until a data page with values is loaded.
func (c *pqColumn) readPage() error {
	for {
		if c.values <= 0 || c.left <= 0 {
			return errors.New("the column chunk has fewer values than the row group has rows")
		}
		var h format.PageHeader
		peek, _ := c.br.Peek(int(min(c.left, maxPageHeader)))
		hl, err := thriftStructLen(peek)
		if err != nil {
			return fmt.Errorf("page header: %w", err)
		}
		if err := thrift.Unmarshal(new(thrift.CompactProtocol), peek[:hl], &h); err != nil {
			return fmt.Errorf("page header: %w", err)
		}
		if _, err := c.br.Discard(hl); err != nil {
			return fmt.Errorf("page header: %w", err)
		}
		c.left -= int64(hl)
		size, usize := int64(h.CompressedPageSize), int64(h.UncompressedPageSize)
		if size < 0 || size > c.left {
			return fmt.Errorf("page of %d bytes in the %d bytes left of the column chunk", size, c.left)
		}
		if usize < 0 || usize > int64(c.dec.pageLimit()) {
			return fmt.Errorf("page of %d bytes uncompressed: at most %d", usize, c.dec.pageLimit())
		}
		c.raw = grow(c.raw, int(size))
		if _, err := io.ReadFull(c.br, c.raw); err != nil {
			return fmt.Errorf("reading a page: %w", err)
		}
		c.left -= size
		if h.CRC != 0 && uint32(h.CRC) != crc32.ChecksumIEEE(c.raw) {
			// (0 is taken as absent: the field is optional.)
			return errors.New("page checksum mismatch (corrupt page)")
		}
		switch h.Type {
		case format.DictionaryPage:
			if err := c.readDictionary(&h); err != nil {
				return fmt.Errorf("dictionary page: %w", err)
			}
		case format.DataPage:
			if !h.DataPageHeader.Valid {
				return errors.New("data page without its header")
			}
			return c.dataPageV1(&h.DataPageHeader.V, int(usize))
		case format.DataPageV2:
			if !h.DataPageHeaderV2.Valid {
				return errors.New("data page (v2) without its header")
			}
			return c.dataPageV2(&h.DataPageHeaderV2.V, int(usize))
		}
		// index pages and page types from the future are skipped
	}
}

func (c *pqColumn) readDictionary(h *format.PageHeader) error {
	if !h.DictionaryPageHeader.Valid {
		return errors.New("no dictionary page header")
	}
	dh := &h.DictionaryPageHeader.V
	if dh.Encoding != format.Plain && dh.Encoding != pqPlainDictionary {
		return fmt.Errorf("dictionary encoded as %s, want PLAIN", dh.Encoding)
	}
	n := int(dh.NumValues)
	if n < 0 {
		return fmt.Errorf("%d values", n)
	}
	var err error
	if c.dictBuf, err = c.dec.decompress(c.codec, c.dictBuf, c.raw, int(h.UncompressedPageSize)); err != nil {
		return err
	}
	if c.codec == format.Uncompressed {
		// The dictionary keeps its own buffer: the next page reuses c.raw.
		c.dictBuf = append([]byte(nil), c.dictBuf...)
	}
	if c.spec.isBytes() {
		c.dbv, err = plainByteArrays(c.dbv[:0], c.dictBuf, n)
	} else {
		c.div, err = c.spec.plainInts(c.div[:0], c.dictBuf, n)
	}
	c.hasDict = err == nil
	return err
}

func (c *pqColumn) dataPageV1(h *format.DataPageHeader, usize int) error {
	n := int(h.NumValues)
	if err := c.startPage(n); err != nil {
		return err
	}
	page, err := c.dec.decompress(c.codec, c.page, c.raw, usize)
	if err != nil {
		return err
	}
	if c.codec != format.Uncompressed {
		c.page = page
	}
	if c.spec.optional {
		if h.DefinitionLevelEncoding != format.RLE {
			return fmt.Errorf("definition levels encoded as %s, want RLE", h.DefinitionLevelEncoding)
		}
		if len(page) < 4 {
			return errors.New("definition levels: truncated")
		}
		l := binary.LittleEndian.Uint32(page)
		if uint64(l) > uint64(len(page)-4) {
			return errors.New("definition levels: truncated")
		}
		if err := c.levels(page[4 : 4+l]); err != nil {
			return err
		}
		page = page[4+l:]
	}
	return c.decodeValues(h.Encoding, page)
}

func (c *pqColumn) dataPageV2(h *format.DataPageHeaderV2, usize int) error {
	n := int(h.NumValues)
	if err := c.startPage(n); err != nil {
		return err
	}
	rl, dl := int64(h.RepetitionLevelsByteLength), int64(h.DefinitionLevelsByteLength)
	if rl < 0 || dl < 0 || rl+dl > int64(len(c.raw)) || rl+dl > int64(usize) {
		return errors.New("level lengths larger than the page")
	}
	if c.spec.optional {
		if err := c.levels(c.raw[rl : rl+dl]); err != nil {
			return err
		}
	}
	data := c.raw[rl+dl:]
	if compressed, set := h.IsCompressed.Get(); !set || compressed {
		page, err := c.dec.decompress(c.codec, c.page, data, usize-int(rl+dl))
		if err != nil {
			return err
		}
		if c.codec != format.Uncompressed {
			c.page = page
		}
		data = page
	}
	return c.decodeValues(h.Encoding, data)
}

// startPage sets up a data page of n values.
func (c *pqColumn) startPage(n int) error {
	if n < 0 || int64(n) > c.values {
		return fmt.Errorf("page of %d values, %d left in the column chunk", n, c.values)
	}
	// Runs of repeated values take a few bytes for any count: bound the
	// levels and indexes a page may expand to.
	if n > c.dec.pageLimit()/pqBytesPerValue {
		return fmt.Errorf("page of %d values: at most %d", n, c.dec.pageLimit()/pqBytesPerValue)
	}
	c.values -= int64(n)
	c.n, c.pos, c.vpos, c.defs, c.mode = n, 0, 0, nil, pqInts
	return nil
}

// levels decodes the page's definition levels (maximum 1).
func (c *pqColumn) levels(src []byte) error {
	defs, err := rleDecode(c.defBuf, src, 1, c.n)
	if err != nil {
		return fmt.Errorf("definition levels: %w", err)
	}
	c.defs, c.defBuf = defs, defs
	return nil
}

// decodeValues decodes the page's non-null values.
func (c *pqColumn) decodeValues(enc format.Encoding, src []byte) (err error) {
	want := c.n
	if c.defs != nil {
		want = 0
		for _, d := range c.defs {
			want += int(d)
		}
	}
	defer func() {
		// The delta decoders come from a library; a page they cannot
		// handle must stop the run with an error, not crash it.
		if r := recover(); r != nil {
			err = fmt.Errorf("corrupt %s page: %v", enc, r)
		}
	}()
	switch {
	case enc == pqPlainDictionary || enc == format.RLEDictionary:
		return c.dictIndexes(src, want)
	case enc == format.Plain && c.spec.isBytes():
		c.bv, err = plainByteArrays(c.bv[:0], src, want)
	case enc == format.Plain:
		c.iv, err = c.spec.plainInts(c.iv[:0], src, want)
	case enc == format.DeltaLengthByteArray && c.spec.isBytes():
		c.scratch, c.offs, err = new(delta.LengthByteArrayEncoding).DecodeByteArray(c.scratch[:0], src, c.offs[:0])
		c.bv = splitOffsets(c.bv[:0], c.scratch, c.offs)
	case enc == format.DeltaByteArray && c.spec.isBytes():
		c.scratch, c.offs, err = new(delta.ByteArrayEncoding).DecodeByteArray(c.scratch[:0], src, c.offs[:0])
		c.bv = splitOffsets(c.bv[:0], c.scratch, c.offs)
	case enc == format.DeltaBinaryPacked && c.spec.phys == format.Int64:
		c.iv, err = new(delta.BinaryPackedEncoding).DecodeInt64(c.iv[:0], src)
		c.spec.scale(c.iv)
	case enc == format.DeltaBinaryPacked && c.spec.phys == format.Int32:
		c.i32, err = new(delta.BinaryPackedEncoding).DecodeInt32(c.i32[:0], src)
		c.iv = c.iv[:0]
		for _, v := range c.i32 {
			c.iv = append(c.iv, int64(v))
		}
		c.spec.scale(c.iv)
	default:
		return fmt.Errorf("values encoded as %s: not supported for %s", enc, c.spec.phys)
	}
	if err != nil {
		return fmt.Errorf("%s values: %w", enc, err)
	}
	c.mode = pqInts
	if c.spec.isBytes() {
		c.mode = pqBytes
	}
	if got := max(len(c.bv), len(c.iv)); c.spec.isBytes() && len(c.bv) < want || !c.spec.isBytes() && len(c.iv) < want {
		return fmt.Errorf("%s values: %d in a page of %d", enc, got, want)
	}
	return nil
}

// dictIndexes decodes a page of dictionary indexes.
func (c *pqColumn) dictIndexes(src []byte, want int) error {
	if !c.hasDict {
		return errors.New("dictionary-encoded page without a dictionary")
	}
	if len(src) == 0 {
		if want == 0 {
			return nil
		}
		return errors.New("dictionary indexes: truncated")
	}
	w := uint(src[0])
	if w > 32 {
		return fmt.Errorf("dictionary indexes of %d bits", w)
	}
	idx, err := rleDecode(c.idx[:0], src[1:], w, want)
	if err != nil {
		return fmt.Errorf("dictionary indexes: %w", err)
	}
	size := uint32(max(len(c.dbv), len(c.div)))
	for _, i := range idx {
		if i >= size {
			return fmt.Errorf("dictionary index %d in a dictionary of %d values", i, size)
		}
	}
	c.idx = idx
	c.mode = pqDictInts
	if c.spec.isBytes() {
		c.mode = pqDictBytes
	}
	return nil
}

// rleDecode decodes n values of the RLE/bit-packed hybrid encoding of bit
// width w (at most 32) from src into dst[:0].
func rleDecode(dst []uint32, src []byte, w uint, n int) ([]uint32, error) {
	if cap(dst) < n {
		dst = make([]uint32, 0, n)
	}
	dst = dst[:0]
	byteW := int(w+7) / 8
	for len(dst) < n {
		h, k := binary.Uvarint(src)
		if k <= 0 {
			return dst, fmt.Errorf("%d of %d values, then truncated", len(dst), n)
		}
		src = src[k:]
		if h&1 == 1 { // bit-packed groups of 8 values
			groups := h >> 1
			if groups > uint64(len(src)) || groups*uint64(w) > uint64(len(src)) {
				return dst, fmt.Errorf("bit-packed run of %d groups in %d bytes", groups, len(src))
			}
			nb := int(groups) * int(w)
			take := min(int(groups)*8, n-len(dst))
			dst = unpackBits(dst, src[:nb], w, take)
			src = src[nb:]
			continue
		}
		if len(src) < byteW {
			return dst, errors.New("truncated run")
		}
		var v uint32
		for i := byteW - 1; i >= 0; i-- {
			v = v<<8 | uint32(src[i])
		}
		src = src[byteW:]
		if w < 32 && v>>w != 0 {
			return dst, fmt.Errorf("run value %d wider than %d bits", v, w)
		}
		take := min(h>>1, uint64(n-len(dst)))
		for range take {
			dst = append(dst, v)
		}
	}
	return dst, nil
}

// unpackBits appends n values of w bits packed LSB first in src.
func unpackBits(dst []uint32, src []byte, w uint, n int) []uint32 {
	var acc uint64
	var bits uint
	mask := uint64(1)<<w - 1
	for range n {
		for bits < w {
			acc |= uint64(src[0]) << bits
			src = src[1:]
			bits += 8
		}
		dst = append(dst, uint32(acc&mask))
		acc >>= w
		bits -= w
	}
	return dst
}

// plainByteArrays decodes n PLAIN byte arrays (slices of src).
func plainByteArrays(dst [][]byte, src []byte, n int) ([][]byte, error) {
	for range n {
		if len(src) < 4 {
			return dst, fmt.Errorf("%d byte arrays, then truncated", len(dst))
		}
		l := binary.LittleEndian.Uint32(src)
		if uint64(l) > uint64(len(src)-4) {
			return dst, fmt.Errorf("byte array of %d bytes in %d", l, len(src)-4)
		}
		dst = append(dst, src[4:4+l:4+l])
		src = src[4+l:]
	}
	return dst, nil
}

// splitOffsets turns a delta decoder's output into one slice per value.
func splitOffsets(dst [][]byte, data []byte, offs []uint32) [][]byte {
	for i := 0; i+1 < len(offs); i++ {
		if offs[i] > offs[i+1] || int(offs[i+1]) > len(data) {
			break
		}
		dst = append(dst, data[offs[i]:offs[i+1]:offs[i+1]])
	}
	return dst
}

// grow returns b resized to n bytes, reallocated when too small.
func grow(b []byte, n int) []byte {
	if cap(b) < n {
		return make([]byte, n)
	}
	return b[:n]
}
