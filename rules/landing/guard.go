package landing

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"
	"time"
)

// The address policy of the fetcher. A config added in a pull request
// must not turn a CI runner into a proxy to its own network (blind SSRF):
// the fetcher refuses addresses that are not on the public internet. The
// check runs when a connection is dialled, on the address DNS returned, so
// neither a redirect nor a host name that resolves to a private address
// (DNS rebinding) gets around it.

// blockedRanges are the ranges refused besides what netip classifies
// (loopback, private, link-local, multicast, unspecified).
var blockedRanges = []struct {
	prefix netip.Prefix
	what   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "a \"this network\" address"},
	{netip.MustParsePrefix("100.64.0.0/10"), "a carrier-grade NAT address (RFC 6598)"},
	{netip.MustParsePrefix("192.0.0.0/24"), "an IETF protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "a benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "a reserved address"},
	{netip.MustParsePrefix("fec0::/10"), "a site-local address"},
}

// IPv6 prefixes that embed an IPv4 address.
var (
	nat64  = netip.MustParsePrefix("64:ff9b::/96")
	sixTo4 = netip.MustParsePrefix("2002::/16")
)

// refusal says why addr must not be fetched from, or "" when it may.
func refusal(addr netip.Addr) string {
	addr = addr.Unmap()
	if addr.Is6() {
		// IPv6 forms that carry an IPv4 address: judge the IPv4 one.
		b := addr.As16()
		switch {
		case nat64.Contains(addr): // NAT64
			if why := refusal(netip.AddrFrom4([4]byte(b[12:16]))); why != "" {
				return why + " behind NAT64"
			}
		case sixTo4.Contains(addr): // 6to4
			if why := refusal(netip.AddrFrom4([4]byte(b[2:6]))); why != "" {
				return why + " behind 6to4"
			}
		}
	}
	switch {
	case !addr.IsValid():
		return "not an IP address"
	case addr.IsUnspecified():
		return "the unspecified address"
	case addr.IsLoopback():
		return "a loopback address"
	case addr.IsLinkLocalUnicast():
		return "a link-local address"
	case addr.IsMulticast():
		return "a multicast address"
	case addr.IsPrivate():
		if addr.Is6() {
			return "a private address (RFC 4193)"
		}
		return "a private address (RFC 1918)"
	case addr == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "the broadcast address"
	}
	for _, r := range blockedRanges {
		if r.prefix.Contains(addr) {
			return r.what
		}
	}
	return ""
}

// blockedError is the dial error of a refused address.
type blockedError struct {
	addr netip.Addr
	why  string
}

func (e *blockedError) Error() string {
	if !e.addr.IsValid() {
		return "notelint refused to connect to " + e.why
	}
	return fmt.Sprintf("notelint refused to connect to %s, %s", e.addr, e.why)
}

// guardedDialer returns a dialer that refuses, at connect time, the
// addresses refuse rejects.
func guardedDialer(refuse func(netip.Addr) string) *net.Dialer {
	d := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	d.ControlContext = func(_ context.Context, _, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return &blockedError{why: "an address notelint cannot check (" + address + ")"}
		}
		if why := refuse(ap.Addr()); why != "" {
			return &blockedError{addr: ap.Addr().Unmap(), why: why}
		}
		return nil
	}
	return d
}
