package lsp

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"unicode/utf8"
)

// Offsets survive the trip to an LSP position and back, at every
// character boundary except inside a CRLF pair.
func FuzzPositions(f *testing.F) {
	for _, s := range []string{"", "a😀b\r\né’x\rlast😀", "\r\n\r\n", "x\n\ny"} {
		f.Add(s, 3, 0, 5)
	}
	f.Fuzz(func(t *testing.T, text string, off, line, char int) {
		li := newLineIndex(text)
		_ = li.offset(Position{Line: line, Character: char}) // never panics
		if off < 0 || off > len(text) {
			return
		}
		if off < len(text) && !utf8.RuneStart(text[off]) {
			return
		}
		if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
			return
		}
		if !utf8.ValidString(text) {
			return
		}
		if got := li.offset(li.position(off)); got != off {
			t.Fatalf("%q: offset %d -> %+v -> %d", text, off, li.position(off), got)
		}
	})
}

// Any byte stream is read to its end without a panic or a hang.
func FuzzRead(f *testing.F) {
	f.Add([]byte("Content-Length: 2\r\n\r\n{}"))
	f.Add([]byte("Content-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("Content-Length: -1\r\n\r\nContent-Length: 5\r\n\r\n{\"a\":"))
	f.Add([]byte("\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newConn(bytes.NewReader(data), io.Discard)
		for i := 0; i <= len(data)+1; i++ {
			if _, err := c.read(); errors.Is(err, io.EOF) {
				return
			}
		}
		t.Fatalf("no end of stream after %d reads of %d bytes", len(data)+2, len(data))
	})
}
