package serve

import (
	"crypto/subtle"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
)

// TokenHeader is the request header that carries the session token.
const TokenHeader = "X-Notelint-Token"

// csp allows the page its own scripts and styles only; e-mail previews
// (sandboxed srcdoc frames, which inherit it) may use inline styles and
// data: images but load nothing from the network.
const csp = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
	"connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func setSecurityHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
}

// checkOrigin refuses requests another site could have made: a Host that
// is a name other than localhost (DNS rebinding), an Origin other than the
// server's own, or a browser-declared cross-site fetch.
func checkOrigin(r *http.Request) error {
	if !allowedHost(r.Host) {
		return errors.New("refused: unknown Host " + quote(r.Host) + "; open the address notelint serve printed")
	}
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || u.Scheme != "http" || u.Host != r.Host {
			return errors.New("refused: cross-origin request from " + quote(o))
		}
	}
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return errors.New("refused: cross-site request")
	}
	return nil
}

// allowedHost accepts localhost and IP literals (with any port): a web
// page can only reach the server under another name through DNS
// rebinding, which this defeats.
func allowedHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	_, err := netip.ParseAddr(host)
	return err == nil
}

func (s *Server) checkToken(r *http.Request) error {
	got := r.Header.Get(TokenHeader)
	if got == "" {
		return errors.New("refused: missing session token; reload the page")
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.opt.Token)) != 1 {
		return errors.New("refused: wrong session token; reload the page (notelint serve was restarted?)")
	}
	return nil
}

// IsLoopback reports whether a listen address (host:port) binds only the
// loopback interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(strings.Trim(host, "[]"))
	return err == nil && ip.IsLoopback()
}

func quote(s string) string { return "\"" + s + "\"" }
