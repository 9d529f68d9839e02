package main

import (
	"fmt"
	"strings"
	"testing"
)

func TestServeCommandErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "no/such/dir"}, "serving no/such/dir"},
		{[]string{"serve", "--addr", "127.0.0.1:notaport", "../../examples"}, "listening on 127.0.0.1:notaport"},
		{[]string{"serve", "../../examples/site/home.html.bak"}, "serving"},
		{[]string{"serve", "a", "b"}, "accepts at most 1 arg"},
	}
	for _, c := range cases {
		_, errOut, code := runCLI(t, "", c.args...)
		if code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

// lspFrame frames one JSON-RPC message.
func lspFrame(body string) string {
	return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body)
}

func TestLSPCommand(t *testing.T) {
	in := lspFrame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`) +
		lspFrame(`{"jsonrpc":"2.0","id":2,"method":"shutdown"}`) +
		lspFrame(`{"jsonrpc":"2.0","method":"exit"}`)
	out, errOut, code := runCLI(t, in, "lsp", "--stdio")
	if code != 0 || !strings.Contains(out, `"serverInfo":{"name":"notelint"`) || !strings.Contains(out, `{"jsonrpc":"2.0","id":2,"result":null}`) {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	// The client goes away without shutdown: exit 1, as LSP asks.
	if _, errOut, code = runCLI(t, lspFrame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`), "lsp"); code != 1 || !strings.Contains(errOut, "without shutdown") {
		t.Errorf("no shutdown: exit %d, stderr %q", code, errOut)
	}
}
