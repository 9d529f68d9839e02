// Package lsp is `notelint lsp`: a language server over stdio that checks
// the templates an editor has open and publishes the findings as
// diagnostics, with quick fixes and hovers on placeholders.
//
// It speaks JSON-RPC 2.0 with LSP's Content-Length framing through the
// small layer in this file rather than a library: the server needs a
// dozen methods, and the Go LSP libraries bring logging frameworks and
// websocket support the binary does not need.
package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// MaxMessageBytes bounds one message; a longer one is skipped unread.
const MaxMessageBytes = 64 << 20

// JSON-RPC and LSP error codes.
const (
	codeParseError           = -32700
	codeInvalidRequest       = -32600
	codeMethodNotFound       = -32601
	codeInvalidParams        = -32602
	codeInternalError        = -32603
	codeServerNotInitialized = -32002
)

// message is any JSON-RPC message: a request (ID and Method), a
// notification (Method only) or a response (ID and Result or Error).
type rpcMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *rpcError       `json:"error,omitempty"`
}

func (m *rpcMessage) isRequest() bool { return len(m.ID) > 0 && m.Method != "" }

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *rpcError) Error() string { return fmt.Sprintf("%s (code %d)", e.Message, e.Code) }

// response is a success; errResponse a failure (the spec forbids both
// result and error in one response).
type response struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Result  any             `json:"result"`
}

type errResponse struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      json.RawMessage `json:"id"`
	Error   *rpcError       `json:"error"`
}

type notification struct {
	JSONRPC string `json:"jsonrpc"`
	Method  string `json:"method"`
	Params  any    `json:"params"`
}

// conn reads and writes framed messages.
type conn struct {
	r   *bufio.Reader
	w   io.Writer
	wmu sync.Mutex
}

func newConn(r io.Reader, w io.Writer) *conn {
	return &conn{r: bufio.NewReader(r), w: w}
}

// errFraming is a message that could not be read; the stream is still in
// step (the next message can be read).
type errFraming struct{ msg string }

func (e *errFraming) Error() string { return e.msg }

// read returns the next message. io.EOF ends the stream; *errFraming and
// *rpcError (parse errors) leave it usable.
func (c *conn) read() (*rpcMessage, error) {
	tp := textproto.NewReader(c.r)
	hdr, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(hdr) == 0 {
			return nil, io.EOF
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, io.EOF
		}
		return nil, &errFraming{"reading the message header: " + err.Error()}
	}
	cl := hdr.Get("Content-Length")
	if cl == "" {
		return nil, &errFraming{"message without a Content-Length header"}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(cl), 10, 64)
	if err != nil || n < 0 {
		return nil, &errFraming{fmt.Sprintf("bad Content-Length %q", cl)}
	}
	if n > MaxMessageBytes {
		if _, err := io.CopyN(io.Discard, c.r, n); err != nil {
			return nil, io.EOF
		}
		return nil, &errFraming{fmt.Sprintf("message of %d bytes is over the %d-byte limit", n, MaxMessageBytes)}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(c.r, body); err != nil {
		return nil, io.EOF
	}
	var m rpcMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, &rpcError{Code: codeParseError, Message: "parse error: " + err.Error()}
	}
	if m.JSONRPC != "2.0" {
		return &m, &rpcError{Code: codeInvalidRequest, Message: `invalid request: jsonrpc must be "2.0"`}
	}
	return &m, nil
}

// write frames and sends one message.
func (c *conn) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encoding a message: %w", err)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if _, err := fmt.Fprintf(c.w, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err = c.w.Write(body)
	return err
}

func (c *conn) reply(id json.RawMessage, result any) error {
	return c.write(response{JSONRPC: "2.0", ID: id, Result: result})
}

func (c *conn) replyError(id json.RawMessage, code int, msg string) error {
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	return c.write(errResponse{JSONRPC: "2.0", ID: id, Error: &rpcError{Code: code, Message: msg}})
}

func (c *conn) notify(method string, params any) error {
	return c.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}
