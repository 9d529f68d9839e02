package landing

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestRefusal(t *testing.T) {
	cases := []struct {
		addr string
		want string // substring of the reason; "" = allowed
	}{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "RFC 1918"},
		{"172.16.0.1", "RFC 1918"},
		{"172.31.255.255", "RFC 1918"},
		{"192.168.1.1", "RFC 1918"},
		{"fd00::1", "RFC 4193"},
		{"fc12:3456::1", "RFC 4193"},
		{"100.64.0.1", "carrier-grade NAT"},
		{"100.127.255.254", "carrier-grade NAT"},
		{"169.254.169.254", "link-local"}, // cloud metadata
		{"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"0.1.2.3", "this network"},
		{"224.0.0.1", "multicast"},
		{"239.255.255.250", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "broadcast"},
		{"240.0.0.1", "reserved"},
		{"198.18.0.1", "benchmarking"},
		{"fec0::1", "site-local"},
		{"64:ff9b::7f00:1", "loopback address behind NAT64"},
		{"64:ff9b::a00:1", "RFC 1918) behind NAT64"},
		{"2002:c0a8:101::1", "RFC 1918) behind 6to4"},
		{"93.184.216.34", ""},
		{"8.8.8.8", ""},
		{"100.63.255.255", ""},
		{"100.128.0.1", ""},
		{"172.32.0.1", ""},
		{"2606:4700:4700::1111", ""},
		{"64:ff9b::808:808", ""},
		{"2002:808:808::1", ""},
	}
	for _, c := range cases {
		got := refusal(netip.MustParseAddr(c.addr))
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("refusal(%s) = %q, want %q", c.addr, got, c.want)
		}
	}
}

// countingServer is an httptest server on 127.0.0.1 that counts requests.
func countingServer(t *testing.T, h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func okPage(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html")
	fmt.Fprint(w, goodPage)
}

// TestFetchRefusesPrivate: without AllowPrivate the fetcher does not
// connect to a loopback address, whether the URL names the IP or a host
// name that resolves to it; with it, it does.
func TestFetchRefusesPrivate(t *testing.T) {
	srv, hits := countingServer(t, okPage)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	f := NewFetcher(FetchOptions{Timeout: 20 * time.Second})
	for _, u := range []string{srv.URL + "/t/1", "http://localhost:" + port + "/t/1"} {
		res := f.Fetch(context.Background(), u, "en")
		if !res.Refused || !strings.HasPrefix(res.Err, "notelint refused to connect to ") || !strings.Contains(res.Err, "a loopback address") {
			t.Errorf("%s: Err = %q, want a refusal", u, res.Err)
		}
		if res.Page != nil {
			t.Errorf("%s: page fetched", u)
		}
	}
	if n := hits.Load(); n != 0 {
		t.Errorf("server hit %d times, want never", n)
	}
	res := NewFetcher(FetchOptions{Timeout: 20 * time.Second, AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/t/1", "en")
	if res.Err != "" || res.Page == nil || hits.Load() != 1 {
		t.Errorf("with AllowPrivate: %+v, hits %d", res, hits.Load())
	}
}

// TestFetchRefusesRedirectToPrivate: the address is checked on every
// connection, so a public page that redirects to a private one does not
// reach it. 127.0.0.1 stands in for the public address, 127.0.0.2 for the
// private one.
func TestFetchRefusesRedirectToPrivate(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no second loopback address: %v", err)
	}
	var inner atomic.Int64
	private := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inner.Add(1)
		okPage(w, r)
	}))
	private.Listener.Close()
	private.Listener = ln
	private.Start()
	defer private.Close()
	public, _ := countingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/admin", http.StatusFound)
	})
	refuse := func(a netip.Addr) string {
		if a == netip.MustParseAddr("127.0.0.2") {
			return "a private address"
		}
		return ""
	}
	res := newFetcher(FetchOptions{Timeout: 20 * time.Second}, refuse).Fetch(context.Background(), public.URL+"/t/1", "en")
	if !res.Refused || res.Err != "notelint refused to connect to 127.0.0.2, a private address" {
		t.Errorf("Err = %q", res.Err)
	}
	if inner.Load() != 0 {
		t.Error("the redirect reached the private server")
	}
}

// TestFetchIgnoresProxyWhenGuarded: a proxy would connect on notelint's
// behalf, out of reach of the address check, so it is used only when
// private addresses are allowed.
func TestFetchIgnoresProxyWhenGuarded(t *testing.T) {
	guarded := NewFetcher(FetchOptions{}).client.Transport.(*http.Transport)
	if guarded.Proxy != nil || guarded.DialContext == nil {
		t.Error("guarded fetcher uses a proxy or the default dialer")
	}
	open := NewFetcher(FetchOptions{AllowPrivate: true}).client.Transport.(*http.Transport)
	if open.Proxy == nil {
		t.Error("fetcher with AllowPrivate ignores HTTP_PROXY")
	}
}
