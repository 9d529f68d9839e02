package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/load"
)

// decodeBody reads a JSON request body into v. The body must be JSON, at
// most limit bytes, valid UTF-8 and free of unpaired surrogate escapes
// (which encoding/json would silently turn into U+FFFD).
func decodeBody(r *http.Request, v any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || mt != "application/json" {
			return errorf(http.StatusUnsupportedMediaType, "send the request as application/json, not %q", ct)
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, limit))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errorf(http.StatusRequestEntityTooLarge, "the request is over %s: far more than a template may have", size(limit))
		}
		return errorf(http.StatusBadRequest, "reading the request: %v", err)
	}
	if !utf8.Valid(body) {
		off := load.FirstInvalidUTF8(body)
		return errorf(http.StatusBadRequest, "the request is not valid UTF-8 (byte 0x%02X at offset %d)", body[off], off)
	}
	if off, ok := unpairedSurrogate(body); !ok {
		return errorf(http.StatusBadRequest, "the request holds an unpaired UTF-16 surrogate escape at offset %d: not valid text", off)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errorf(http.StatusBadRequest, "the request is not the expected JSON: %v", err)
	}
	if dec.More() {
		return errorf(http.StatusBadRequest, "the request holds more than one JSON value")
	}
	return nil
}

// unpairedSurrogate finds a \uD800-\uDFFF escape in JSON text that is not
// a high surrogate followed by a low one.
func unpairedSurrogate(b []byte) (int, bool) {
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !inString {
			if c == '"' {
				inString = true
			}
			continue
		}
		switch c {
		case '"':
			inString = false
		case '\\':
			if i+1 < len(b) && b[i+1] == 'u' {
				u, ok := hex4(b, i+2)
				switch {
				case ok && u >= 0xD800 && u < 0xDC00:
					lo, ok2 := uint16(0), false
					if i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
						lo, ok2 = hex4(b, i+8)
					}
					if !ok2 || lo < 0xDC00 || lo > 0xDFFF {
						return i, false
					}
					i += 11
				case ok && u >= 0xDC00 && u <= 0xDFFF:
					return i, false
				default:
					i += 5
				}
				continue
			}
			i++ // skip the escaped character
		}
	}
	return 0, true
}

func hex4(b []byte, at int) (uint16, bool) {
	if at+4 > len(b) {
		return 0, false
	}
	var v uint16
	for _, c := range b[at : at+4] {
		v <<= 4
		switch {
		case c >= '0' && c <= '9':
			v |= uint16(c - '0')
		case c >= 'a' && c <= 'f':
			v |= uint16(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			v |= uint16(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return v, true
}

// size prints a byte count as people read it.
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
