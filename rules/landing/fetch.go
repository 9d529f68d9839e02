package landing

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"
)

// Defaults of the fetch options.
const (
	DefaultTimeout     = 5 * time.Second
	DefaultMaxBytes    = 2 << 20
	DefaultConcurrency = 4
	MaxRedirects       = 5
)

// UserAgent is the User-Agent header notelint sends, with the module
// version from the build info ("devel" in a source build).
func UserAgent() string {
	v := "devel"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return "notelint/" + v + " (+https://github.com/notelint/notelint)"
}

// Result is a page as notelint obtained it: from a local file or over
// HTTP. Exactly one of Err, NotHTML and Page describes the outcome.
type Result struct {
	URL      string // the URL asked for; "" for a local file
	FinalURL string // after redirects
	File     string // the local file read (absolute); "" when fetched
	Status   int    // HTTP status
	// Err says why the page could not be had ("HTTP 404 Not Found", "no
	// answer within 5s", "file site/x.html does not exist").
	Err string
	// Refused is true when Err says notelint refused the address (see
	// FetchOptions.AllowPrivate): the page was not asked for at all.
	Refused bool
	// NotHTML is the media type of a page that is not HTML.
	NotHTML string
	// Charset is a charset problem (unknown label, invalid bytes).
	Charset string
	Page    *Page
}

// Fetcher fetches pages over HTTP(S) with a timeout, a size cap, a
// redirect limit, bounded concurrency and an address policy. It is safe
// for concurrent use.
type Fetcher struct {
	client   *http.Client
	timeout  time.Duration
	maxBytes int64
	sem      chan struct{}
}

// FetchOptions configure a Fetcher. Zero values take the defaults.
type FetchOptions struct {
	Timeout     time.Duration
	MaxBytes    int64
	Concurrency int
	// AllowPrivate lets the fetcher connect to loopback, link-local,
	// private (RFC 1918, RFC 4193, RFC 6598), unspecified and multicast
	// addresses, which it refuses otherwise (--fetch-allow-private). When
	// they are refused, HTTP_PROXY and HTTPS_PROXY are ignored too: through
	// a proxy the address policy could not be enforced.
	AllowPrivate bool
}

// NewFetcher returns a fetcher.
func NewFetcher(o FetchOptions) *Fetcher {
	return newFetcher(o, refusal)
}

// newFetcher returns a fetcher that refuses the addresses refuse names;
// with o.AllowPrivate it refuses none.
func newFetcher(o FetchOptions, refuse func(netip.Addr) string) *Fetcher {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = o.Concurrency
	tr.ResponseHeaderTimeout = o.Timeout
	if !o.AllowPrivate {
		tr.Proxy = nil
		tr.DialContext = guardedDialer(refuse).DialContext
	}
	client := &http.Client{Transport: tr, CheckRedirect: checkRedirect}
	return &Fetcher{client: client, timeout: o.Timeout, maxBytes: o.MaxBytes, sem: make(chan struct{}, o.Concurrency)}
}

type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

func checkRedirect(req *http.Request, via []*http.Request) error {
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &redirectError{fmt.Sprintf("it redirects to %s, which a browser cannot open as a page", req.URL.Redacted())}
	}
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return &redirectError{fmt.Sprintf("redirect loop: %s redirects back to itself", req.URL.Redacted())}
		}
	}
	if len(via) > MaxRedirects {
		return &redirectError{fmt.Sprintf("more than %d redirects", MaxRedirects)}
	}
	return nil
}

// Fetch gets one page. lang, when set, is sent as Accept-Language, as the
// customer's phone would. Failures are described in the Result, never
// returned as errors.
func (f *Fetcher) Fetch(ctx context.Context, rawURL, lang string) *Result {
	res := &Result{URL: rawURL, FinalURL: rawURL}
	select {
	case f.sem <- struct{}{}:
		defer func() { <-f.sem }()
	case <-ctx.Done():
		res.Err = "not fetched: " + ctx.Err().Error()
		return res
	}
	ctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		res.Err = "not a valid URL: " + unwrapURLError(err).Error()
		return res
	}
	req.Header.Set("User-Agent", UserAgent())
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
	if lang != "" {
		req.Header.Set("Accept-Language", lang+",en;q=0.5")
	}
	resp, err := f.client.Do(req)
	if err != nil {
		var be *blockedError
		res.Refused = errors.As(err, &be)
		res.Err = f.describe(err)
		return res
	}
	defer resp.Body.Close()
	res.Status = resp.StatusCode
	res.FinalURL = resp.Request.URL.String()
	if resp.StatusCode >= 400 {
		res.Err = fmt.Sprintf("HTTP %s", strings.TrimSpace(resp.Status))
		if resp.Status == "" {
			res.Err = fmt.Sprintf("HTTP %d", resp.StatusCode)
		}
		return res
	}
	if resp.ContentLength > f.maxBytes {
		res.Err = fmt.Sprintf("the page is %s, more than the %s cap", size(resp.ContentLength), size(f.maxBytes))
		return res
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		res.Err = f.describe(err)
		return res
	}
	if int64(len(body)) > f.maxBytes {
		res.Err = fmt.Sprintf("the page is more than the %s cap", size(f.maxBytes))
		return res
	}
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = http.DetectContentType(body)
	}
	finish(res, body, ct)
	return res
}

// finish checks the media type, decodes and analyses a page body.
func finish(res *Result, body []byte, contentType string) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(contentType, ";", 2)[0]))
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		if mt == "" {
			mt = "unknown"
		}
		res.NotHTML = mt
		return
	}
	text, problem := Decode(body, contentType)
	res.Charset = problem
	res.Page = Analyze(text)
	if res.Charset == "" && res.Page.BadCharset != "" {
		res.Charset = "the page declares charset " + quote(res.Page.BadCharset) + " in a <meta>, which browsers do not know: accented letters may show as garbage"
	}
}

// ReadFile loads a local page, with the same size cap as a fetch.
func ReadFile(path string, maxBytes int64) *Result {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	res := &Result{File: path}
	fh, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, os.ErrNotExist):
			res.Err = "the file does not exist"
		default:
			res.Err = "the file cannot be read: " + err.Error()
		}
		return res
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.IsDir() {
		res.Err = "it is a directory, not an HTML file"
		return res
	}
	body, err := io.ReadAll(io.LimitReader(fh, maxBytes+1))
	if err != nil {
		res.Err = "the file cannot be read: " + err.Error()
		return res
	}
	if int64(len(body)) > maxBytes {
		res.Err = fmt.Sprintf("the file is more than the %s cap", size(maxBytes))
		return res
	}
	ct := "text/html"
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm", ".shtml":
	case ".xhtml":
		ct = "application/xhtml+xml"
	default:
		ct = http.DetectContentType(body)
	}
	finish(res, body, ct)
	return res
}

func size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 10<<10:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// describe turns a client error into a reason a person can act on.
func (f *Fetcher) describe(err error) string {
	var re *redirectError
	if errors.As(err, &re) {
		return re.msg
	}
	var be *blockedError
	if errors.As(err, &be) {
		return be.Error()
	}
	var dns *net.DNSError
	var cert *tls.CertificateVerificationError
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout():
		return fmt.Sprintf("no complete answer within %s", f.timeout)
	case errors.Is(err, context.Canceled):
		return "the run was cancelled"
	case errors.As(err, &dns):
		return "host " + dns.Name + " not found"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.As(err, &cert):
		return "TLS certificate not valid: " + cert.Err.Error()
	}
	return unwrapURLError(err).Error()
}
