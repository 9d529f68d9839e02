package main

import (
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
