package rules

import (
	"fmt"
	"net/netip"
	"strings"
	"unicode"

	"github.com/rivo/uniseg"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// linkSafetyOptions are the options of the link-safety rule.
type linkSafetyOptions struct {
	// Shorteners are public URL shortener hosts to report in addition to
	// the built-in list.
	Shorteners []string `toml:"shorteners"`
	// AllowedHosts are hosts (and their subdomains) never reported as a
	// shortener or an IP address: a branded short domain, a test server.
	AllowedHosts []string `toml:"allowed_hosts"`
	// MaxSMSLength is the longest link an SMS may carry, in characters as
	// sent; 0 switches the check off.
	MaxSMSLength int `toml:"max_sms_length"`
}

const defaultMaxSMSLinkLength = 40

func (o *linkSafetyOptions) Validate() error {
	if o.MaxSMSLength < 0 {
		return fmt.Errorf("max_sms_length must not be negative (0 switches the check off)")
	}
	for _, list := range [][]string{o.Shorteners, o.AllowedHosts} {
		for _, h := range list {
			if normalizeHost(h) == "" {
				return fmt.Errorf("%q is not a host name (write it like \"bit.ly\")", h)
			}
		}
	}
	return nil
}

// defaultShorteners are public URL shorteners: the AT&T block list, the
// hosts the US 10DLC registry rejects, and other common free services.
var defaultShorteners = []string{
	"bit.ly", "bitly.com", "j.mp", "tinyurl.com", "t.co", "goo.gl", "ow.ly", "is.gd", "v.gd",
	"bc.vc", "budurl.com", "clicky.me", "lc.chat", "s2r.co", "soo.gd", "tiny.cc", "rebrand.ly",
	"rb.gy", "cutt.ly", "shorturl.at", "t.ly", "buff.ly", "shorte.st", "adf.ly", "bl.ink",
	"lnkd.in", "tiny.one", "shorturl.com", "x.co", "qr.net", "1url.com", "snip.ly", "short.io",
	"t2m.io", "urlz.fr", "kutt.it", "s.id", "gg.gg", "u.to",
}

func linkSafety() *lint.Rule {
	return &lint.Rule{
		ID:       "link-safety",
		Summary:  "Links must use https, the brand's own domain and, in SMS, stay short",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Options:  func() any { return &linkSafetyOptions{MaxSMSLength: defaultMaxSMSLinkLength} },
		Doc: `Customers are told to check links before they tap them. A link that hides
where it goes, or that the browser marks as "Not secure", looks like the
phishing they were warned about — and carriers agree: public shorteners get
SMS filtered. notelint reports, in every channel and part:

- http:// links: the page is loaded unencrypted, browsers mark it "Not
  secure", and the link can be tampered with on the way (Lighthouse
  is-on-https);
- public URL shorteners (bit.ly, tinyurl.com, t.co, goo.gl, ow.ly, is.gd,
  bc.vc, budurl.com, clicky.me, lc.chat, s2r.co, soo.gd, tiny.cc, rebrand.ly,
  cutt.ly, shorturl.at, rb.gy, …), also when written without https://
  ("bit.ly/3xYz"): customers cannot see where they lead, AT&T blocks SMS
  carrying them, the US 10DLC registry rejects campaigns that use them and
  T-Mobile filters multi-redirect links. An error in SMS, a warning
  elsewhere. Use a branded short domain you own instead;
- IP-address hosts (http://192.0.2.10/…, http://[2001:db8::1]/…): nobody
  can tell who runs the site, and filters treat them as phishing;
- in SMS, links longer than max_sms_length characters (default 40) as sent,
  scheme included. A 160-character segment has no room for a 90-character
  tracking link, and long links full of parameters look like spam. A link
  built from placeholders counts each at its declared max, else its sample's
  length, else [sms] default_var_length, and the finding says which.

Links are Markdown and HTML links and bare URLs, including URL-typed
placeholders (their sample is checked). A scheme named in prose without an
address ("enter the address without https://") is no link. The finding
points at the URL in the file.

Bad:

    Your parcel is delayed. Track it: http://bit.ly/3xYzAb

Good:

    Acme: your parcel is delayed. Track it: https://acme.example/t/AB12

Options:

    [rules.link-safety]
    shorteners = ["sho.rt"]            # more public shorteners to report
    allowed_hosts = ["go.acme.example"]  # never reported as shortener or IP
    max_sms_length = 40                # longest link in an SMS; 0 = no limit`,
		Check: checkLinkSafety,
	}
}

func checkLinkSafety(p *lint.Pass) {
	t := p.Template
	opt := p.Options.(*linkSafetyOptions)
	isSMS := t.IsSMS()
	for _, part := range t.Parts {
		text := part.Text.String()
		for _, l := range part.Links {
			if mentionOnly(l, text) {
				continue
			}
			u, via, extEnd := linkTarget(t, l, text)
			u = strings.TrimSpace(u)
			pos := func(d lint.Diagnostic) lint.Diagnostic {
				if extEnd > l.End {
					d.Part, d.Start, d.End = part, l.Start, extEnd
				} else if l.FileEnd > l.FileStart {
					d.Start, d.End = l.FileStart, l.FileEnd
				} else {
					d.Part, d.Start, d.End = part, l.Start, l.End
				}
				return d
			}
			scheme, host := parseURLHost(u)
			subject := "the link"
			if via != "" {
				subject = fmt.Sprintf("the sample of placeholder %q", via)
			}
			shortener := host != "" && !hostAllowed(host, opt.AllowedHosts) && isShortener(host, opt.Shorteners)
			ip := host != "" && !hostAllowed(host, opt.AllowedHosts) && isIPHost(host)
			switch {
			case shortener:
				d := shortenerDiagnostic(host, isSMS)
				if via != "" {
					d.Message = subject + ": " + d.Message
				}
				p.Report(pos(d))
			case ip:
				p.Report(pos(lint.Diagnostic{
					Message: fmt.Sprintf("%s points to an IP address (%s) instead of a domain: customers cannot tell who runs the site, and phones and spam filters treat such links as phishing", subject, host),
					Hint:    "link to your brand's own domain name over https",
				}))
			case scheme == "http" && !httpsTwin(t, u):
				p.Report(pos(lint.Diagnostic{
					Message: fmt.Sprintf("%s uses http:// (%s): the page loads unencrypted, browsers mark it \"Not secure\", and the link can be tampered with on the way", subject, shortURL(u)),
					Hint:    fmt.Sprintf("use https://%s", shortURL(u[len("http://"):])),
				}))
			}
			if isSMS && part.Name == message.PartBody && opt.MaxSMSLength > 0 && !shortener {
				if d, ok := smsLinkLength(t, p.Config, l, u, via, opt.MaxSMSLength); ok {
					p.Report(pos(d))
				}
			}
		}
		// Shorteners written without a scheme ("bit.ly/3xYz") are no links
		// to the loader, but phones make them tappable.
		ptext := prose.Text(part)
		for _, r := range schemelessShorteners(ptext, part.Links, opt) {
			host := normalizeHost(strings.SplitN(ptext[r.Start:r.End], "/", 2)[0])
			d := shortenerDiagnostic(host, isSMS)
			d.Part, d.Start, d.End = part, r.Start, r.End
			p.Report(d)
		}
	}
}

func shortenerDiagnostic(host string, sms bool) lint.Diagnostic {
	d := lint.Diagnostic{
		Message: fmt.Sprintf("%s is a public URL shortener: customers cannot see where the link leads, and spam filters distrust such links", host),
		Hint:    "link to your own domain over https, or use a branded short domain you own (e.g. go.acme.example/…)",
	}
	if sms {
		d.Message = fmt.Sprintf("%s is a public URL shortener: carriers filter SMS carrying them (AT&T blocks them, US 10DLC rejects campaigns using them), so the message may never arrive, and customers cannot see where the link leads", host)
		d.Severity = message.Error
	}
	return d
}

// linkTarget returns the URL a link sends customers to and, when that URL
// comes from a placeholder's sample, the placeholder's name. For a bare
// IPv6 link, which the loader cuts at "[", it returns the URL's real end in
// the text as extEnd.
func linkTarget(t *message.Template, l message.Link, text string) (u, via string, extEnd int) {
	if l.Var != nil {
		return l.Var.Sample, l.Var.Name, 0
	}
	u = strings.TrimSpace(l.URL)
	if phs, _ := message.ScanPlaceholders(u); len(phs) == 1 && phs[0].Start == 0 && phs[0].End == len(u) {
		if v := t.VarFor(phs[0]); v != nil {
			return v.Sample, v.Name, 0
		}
		return "", "", 0
	}
	// A bare IPv6 link: the loader stops at "[".
	if l.Bare && strings.HasSuffix(u, "://") && l.End < len(text) && text[l.End] == '[' {
		end := l.End
		for end < len(text) && !unicode.IsSpace(rune(text[end])) {
			end++
		}
		for end > l.End && strings.ContainsRune(".,;:!?)", rune(text[end-1])) {
			end--
		}
		return u + text[l.End:end], "", end
	}
	return u, "", 0
}

// smsLinkLength reports a link in an SMS longer than max characters.
func smsLinkLength(t *message.Template, cfg *lint.Config, l message.Link, u, via string, limit int) (lint.Diagnostic, bool) {
	n := 0
	var notes []string
	switch {
	case l.Var != nil || via != "":
		v := l.Var
		if v == nil {
			v = t.Vars[message.NormalizeVarName(via)]
		}
		if v == nil {
			return lint.Diagnostic{}, false
		}
		switch {
		case v.Max > 0:
			n = v.Max
			notes = append(notes, fmt.Sprintf("placeholder %q at its declared max of %d", v.Name, v.Max))
		case v.Sample != "":
			n = uniseg.GraphemeClusterCount(v.Sample)
			notes = append(notes, fmt.Sprintf("placeholder %q at the length of its sample", v.Name))
		default:
			return lint.Diagnostic{}, false
		}
	default:
		phs, _ := message.ScanPlaceholders(u)
		last := 0
		for _, ph := range phs {
			n += uniseg.GraphemeClusterCount(u[last:ph.Start])
			last = ph.End
			if ph.Control {
				continue
			}
			vl := placeholderLength(t, cfg, ph, uniseg.GraphemeClusterCount)
			n += vl.n
			switch vl.how {
			case "max":
				notes = append(notes, fmt.Sprintf("%s at its declared max of %d", u[ph.Start:ph.End], vl.n))
			case "sample":
				notes = append(notes, fmt.Sprintf("%s at the length of its sample (%d)", u[ph.Start:ph.End], vl.n))
			default:
				notes = append(notes, fmt.Sprintf("%s at the assumed %d characters of [sms] default_var_length (no max declared)", u[ph.Start:ph.End], vl.n))
			}
		}
		n += uniseg.GraphemeClusterCount(u[last:])
	}
	if n <= limit {
		return lint.Diagnostic{}, false
	}
	counted := ""
	if len(notes) > 0 {
		counted = " (counting " + strings.Join(notes, ", ") + ")"
	}
	share := n * 100 / 160
	return lint.Diagnostic{
		Message: fmt.Sprintf("the link is %d characters long%s, more than the %d allowed for SMS: it takes %d%% of a 160-character segment, and long links full of parameters look like spam", n, counted, limit, share),
		Hint:    fmt.Sprintf("use a short path on your own domain (https://acme.example/t/AB12) and keep tracking parameters on the server; the limit is [rules.link-safety] max_sms_length = %d", limit),
	}, true
}

// schemelessShorteners finds "bit.ly/abc" written without a scheme in
// prose, outside the part's links.
func schemelessShorteners(ptext string, links []message.Link, opt *linkSafetyOptions) []prose.Span {
	if !strings.Contains(ptext, "/") {
		return nil
	}
	var out []prose.Span
	i := 0
	for i < len(ptext) {
		for i < len(ptext) && isSpaceByte(ptext[i]) {
			i++
		}
		start := i
		for i < len(ptext) && !isSpaceByte(ptext[i]) {
			i++
		}
		tok := ptext[start:i]
		// Trim quotes, brackets and sentence punctuation.
		lead := len(tok) - len(strings.TrimLeft(tok, "(<\"'«“"))
		tok = strings.TrimLeft(tok, "(<\"'«“")
		tok = strings.TrimRight(tok, ".,;:!?)>\"'»”")
		s := start + lead
		e := s + len(tok)
		slash := strings.IndexByte(tok, '/')
		if slash <= 0 || slash == len(tok)-1 || strings.Contains(tok, "://") || insideLink(links, s, e) {
			continue
		}
		host := normalizeHost(tok[:slash])
		if host != "" && !hostAllowed(host, opt.AllowedHosts) && isShortener(host, opt.Shorteners) {
			out = append(out, prose.Span{Start: s, End: e})
		}
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func insideLink(links []message.Link, s, e int) bool {
	for _, l := range links {
		if s < l.End && e > l.Start {
			return true
		}
	}
	return false
}

// parseURLHost returns the scheme ("http", "https" or "") and the
// lower-case host of a URL. The host is "" when the URL has none that can
// be judged (relative links, mailto:, a placeholder host).
func parseURLHost(u string) (scheme, host string) {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	rest := u
	switch {
	case strings.HasPrefix(lower, "http://"):
		scheme, rest = "http", u[len("http://"):]
	case strings.HasPrefix(lower, "https://"):
		scheme, rest = "https", u[len("https://"):]
	case strings.HasPrefix(lower, "//"):
		rest = u[2:]
	case strings.HasPrefix(lower, "www."):
	default:
		// "bit.ly/abc": a host only when it has a dot and no scheme.
		if strings.ContainsAny(u, ":@") {
			return "", ""
		}
	}
	if i := strings.IndexAny(rest, "/?#\\ \t\n"); i >= 0 {
		rest = rest[:i]
	}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		rest = rest[at+1:]
	}
	if strings.HasPrefix(rest, "[") {
		if j := strings.IndexByte(rest, ']'); j > 0 {
			rest = rest[1:j]
		} else {
			rest = rest[1:]
		}
		if z := strings.IndexByte(rest, '%'); z >= 0 {
			rest = rest[:z]
		}
		return scheme, strings.ToLower(rest)
	}
	if c := strings.LastIndexByte(rest, ':'); c >= 0 {
		rest = rest[:c]
	}
	h := normalizeHost(rest)
	if scheme == "" && !strings.HasPrefix(lower, "//") && !strings.Contains(h, ".") {
		return "", ""
	}
	return scheme, h
}

// normalizeHost lower-cases a host and drops a trailing dot; it returns ""
// for strings that cannot be a host (placeholders, spaces, empty labels).
func normalizeHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimPrefix(strings.TrimPrefix(h, "https://"), "http://")
	h = strings.TrimSuffix(h, "/")
	h = strings.TrimSuffix(h, ".")
	if h == "" || strings.HasPrefix(h, ".") || strings.Contains(h, "..") {
		return ""
	}
	for _, r := range h {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == ':' || r == '_') {
			return ""
		}
	}
	return h
}

// shortenerSet holds defaultShorteners for lookups.
var shortenerSet = func() map[string]bool {
	m := make(map[string]bool, len(defaultShorteners))
	for _, s := range defaultShorteners {
		m[s] = true
	}
	return m
}()

// isShortener reports whether host is a public URL shortener.
func isShortener(host string, extra []string) bool {
	h := strings.TrimPrefix(host, "www.")
	if shortenerSet[h] {
		return true
	}
	for _, s := range extra {
		if h == normalizeHost(s) {
			return true
		}
	}
	return false
}

// hostAllowed reports whether host or one of its parent domains is listed.
func hostAllowed(host string, allowed []string) bool {
	for _, a := range allowed {
		a = normalizeHost(a)
		if a != "" && (host == a || strings.HasSuffix(host, "."+a)) {
			return true
		}
	}
	return false
}

// isIPHost reports whether host is an IPv4 or IPv6 address.
func isIPHost(host string) bool {
	_, err := netip.ParseAddr(host)
	return err == nil
}

// shortURL shortens a URL for a message.
func shortURL(u string) string {
	if len(u) <= 60 {
		return u
	}
	cut := 57
	for cut > 0 && !utf8RuneStart(u[cut]) {
		cut--
	}
	return u[:cut] + "..."
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// httpsTwin reports whether the template also has the link u (an http://
// link) with https://: a template that switches the scheme with the
// site's ("% if is_secure: https://${site}/x % else: http://${site}/x")
// has nothing to change in its copy.
func httpsTwin(t *message.Template, u string) bool {
	twin := "https://" + u[len("http://"):]
	for _, part := range t.Parts {
		if strings.Contains(part.Text.String(), twin) {
			return true
		}
	}
	return false
}
