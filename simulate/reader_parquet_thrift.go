package simulate

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Parquet's footer and page headers are Thrift structs in the compact
// protocol. The decoder we use allocates a list as large as its declared
// length before reading the elements, so a corrupt length could ask for
// gigabytes. thriftStructLen walks the bytes first, without allocating, and
// checks that every list and map fits in the bytes that are there (each
// element takes at least one byte) and that nesting stays shallow; it also
// gives the length of the struct, which lets a page header be decoded from
// a peeked buffer.

const maxThriftDepth = 32

var errThriftShort = errors.New("truncated Thrift data")

// Compact protocol type ids.
const (
	thriftTrue   = 1
	thriftFalse  = 2
	thriftByte   = 3
	thriftI16    = 4
	thriftI32    = 5
	thriftI64    = 6
	thriftDouble = 7
	thriftBinary = 8
	thriftList   = 9
	thriftSet    = 10
	thriftMap    = 11
	thriftStruct = 12
)

// thriftStructLen returns the length of the compact-protocol struct at the
// start of b, or an error when it is malformed or does not fit in b.
func thriftStructLen(b []byte) (int, error) {
	w := thriftWalker{b: b}
	if err := w.structure(0); err != nil {
		return 0, err
	}
	return w.i, nil
}

type thriftWalker struct {
	b []byte
	i int
}

func (w *thriftWalker) byte1() (byte, error) {
	if w.i >= len(w.b) {
		return 0, errThriftShort
	}
	c := w.b[w.i]
	w.i++
	return c, nil
}

func (w *thriftWalker) uvarint() (uint64, error) {
	v, n := binary.Uvarint(w.b[w.i:])
	if n <= 0 {
		return 0, errThriftShort
	}
	w.i += n
	return v, nil
}

func (w *thriftWalker) skip(n uint64) error {
	if n > uint64(len(w.b)-w.i) {
		return errThriftShort
	}
	w.i += int(n)
	return nil
}

func (w *thriftWalker) structure(depth int) error {
	if depth > maxThriftDepth {
		return fmt.Errorf("thrift structs nested more than %d deep", maxThriftDepth)
	}
	for {
		h, err := w.byte1()
		if err != nil {
			return err
		}
		if h == 0 {
			return nil // stop field
		}
		if h>>4 == 0 { // long form: the field id follows as a varint
			if _, err := w.uvarint(); err != nil {
				return err
			}
		}
		if err := w.value(h&0x0f, depth, true); err != nil {
			return err
		}
	}
}

// value skips one value of type t; inField tells whether booleans carry
// their value in the field header (struct fields) or in a byte (lists).
func (w *thriftWalker) value(t byte, depth int, inField bool) error {
	switch t {
	case thriftTrue, thriftFalse:
		if !inField {
			return w.skip(1)
		}
		return nil
	case thriftByte:
		return w.skip(1)
	case thriftI16, thriftI32, thriftI64:
		_, err := w.uvarint()
		return err
	case thriftDouble:
		return w.skip(8)
	case thriftBinary:
		n, err := w.uvarint()
		if err != nil {
			return err
		}
		return w.skip(n)
	case thriftList, thriftSet:
		h, err := w.byte1()
		if err != nil {
			return err
		}
		n := uint64(h >> 4)
		if n == 15 {
			if n, err = w.uvarint(); err != nil {
				return err
			}
		}
		return w.elements(n, []byte{h & 0x0f}, depth)
	case thriftMap:
		n, err := w.uvarint()
		if err != nil || n == 0 {
			return err
		}
		kv, err := w.byte1()
		if err != nil {
			return err
		}
		return w.elements(n, []byte{kv >> 4, kv & 0x0f}, depth)
	case thriftStruct:
		return w.structure(depth + 1)
	}
	return fmt.Errorf("unknown thrift type %d", t)
}

// elements skips n list or map entries of the given types.
func (w *thriftWalker) elements(n uint64, types []byte, depth int) error {
	if n > uint64(len(w.b)-w.i) {
		return fmt.Errorf("thrift list of %d elements in %d bytes", n, len(w.b)-w.i)
	}
	for k := uint64(0); k < n; k++ {
		for _, t := range types {
			if err := w.value(t, depth+1, false); err != nil {
				return err
			}
		}
	}
	return nil
}
