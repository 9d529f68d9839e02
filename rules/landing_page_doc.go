package rules

const landingPageDoc = `Customers tap the link in an SMS on a phone. If the page it opens is a
generic home page, a login wall, or a page that never mentions the delay or
outage the message was about, they call. This rule follows every link of a
template (bare URLs, Markdown and HTML links, URL-typed placeholders) to its
page and judges the page from that customer's point of view. Every failed
point is its own finding at the link, naming the page (URL and mapped file);
each message starts with "landing page <check>:".

## Where pages come from

Offline is the default (and the right default in CI): the config maps URL
patterns to saved copies of the pages, relative to the config file and
inside its directory (a path outside it, absolute, with ".." or through a
symlink, is a config error).

    [rules.landing-page.pages]        # or [landing.pages], the older form
    "https://acme.example/t/*" = "site/track.html"
    "https://acme.example/"    = "site/home.html"

` + "`*`" + ` matches any run of characters, slashes included; the scheme, the query
string and the fragment are ignored (an http:// link reaches the page of its
https:// twin); a placeholder in a link is matched as text, so
"https://acme.example/t/{{code}}" matches the first pattern. When several
patterns match, the one with the most literal characters wins. A URL
placeholder can name its page directly (this wins over [landing.pages]):
` + "`link = { sample = \"https://acme.example/t/AB12\", type = \"url\", landing = \"site/track.html\" }`" + `.
A page whose language differs from the message's is replaced by its
` + "`<link rel=\"alternate\" hreflang=\"de\" href=\"track.de.html\">`" + ` when it declares one.

` + "`notelint check --fetch`" + ` fetches unmapped http(s) links (` + "`fetch = true`" + ` in a
config takes effect only with ` + "`--fetch`" + ` on the command line, so a pull request
cannot make CI fetch). It refuses loopback, link-local, private (RFC 1918,
RFC 4193, 100.64/10), unspecified and multicast addresses when it connects,
after DNS and on every redirect, unless ` + "`--fetch-allow-private`" + ` is given; then
HTTP(S)_PROXY is honoured too. A 5 s timeout (` + "`timeout = \"5s\"`" + `), a 2 MB
cap (` + "`max_bytes`" + `), at most 5 redirects, at most 4 requests at once
(` + "`concurrency`" + `), the User-Agent
"notelint/<version> (+https://github.com/notelint/notelint)" and the
message's language as Accept-Language. Every page is read and parsed once
per run, however many templates link to it. Mappings win over fetching. A
link that is neither mapped nor fetched gets one info finding per run
(check "unmapped"). mailto:, tel: and sms: links are not pages and are skipped.

## Checks

**unreachable** (error): the mapped file is missing or outside the config's
directory, or the page answers HTTP 4xx/5xx, times out, redirects in a loop
or more than 5 times, is larger than the cap or on a refused address.
Bad: "https://acme.example/t/AB12" → 404. Good: the link opens the tracking
page.

**not-html**: the link opens a PDF, an image or another file instead of a
page. Bad: ` + "`Content-Type: application/pdf`" + `. Good: an HTML page that explains and
offers the PDF.

**charset**: the page declares a charset browsers do not know, or claims
UTF-8 and holds other bytes: umlauts and accents turn into garbage.
Bad: ` + "`<meta charset=\"utf-9\">`" + `. Good: ` + "`<meta charset=\"utf-8\">`" + `.

**home-page**: the link has no path (https://acme.example/), redirects to
the site root, or the page's canonical address is the root. Bad:
"Details: https://acme.example". Good: "Track it: https://acme.example/t/AB12".

**title** and **heading**: no ` + "`<title>`" + ` or no ` + "`<h1>`" + `, or one that names
nothing but the site and generic words ("Home", "Startseite", "Accueil",
"Welcome to Acme", "Sign in | Acme"). Bad: ` + "`<title>Acme – Home</title>`" + `.
Good: ` + "`<title>Your parcel AB12: new delivery time | Acme</title>`" + `.

**lang**: no ` + "`lang`" + ` on ` + "`<html>`" + `, or one whose base language differs from
the message's locale (de-CH matches de). Bad: a German SMS linking to
` + "`<html lang=\"en\">`" + `. Good: ` + "`<html lang=\"de\">`" + `.

**viewport**: no ` + "`<meta name=\"viewport\">`" + ` with width=device-width, or one
that blocks zooming (user-scalable=no, maximum-scale below 2): the page shows
as a tiny desktop page. Good:
` + "`<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">`" + `.

**topic**: the page is not about the message. The message's key words (its
content words without stop words, greetings, weekdays, the site's name) are
looked up in the page's title, headings and main text (navigation, header
and footer excluded), per language and with a crude stem so that
delivery/delivered and Lieferung/Sendungsverfolgung meet. The page fails
when it mentions less than ` + "`overlap`" + ` (default 25 %) of them, or none of the
words of the message's kind (delay: delivery/Lieferung/livraison…, outage:
outage/Störung/panne…, appointment: appointment/Termin/rendez-vous…, ticket:
request/Anfrage/demande…). Bad: a delay SMS linking to a page about winter
heaters. Good: the tracking page that says "Your parcel is late. New
delivery window: …".

**action**: the main content has no link or button with descriptive text:
none at all, or only "Click here", "Mehr", "En savoir plus" (the phrase
lists of vague-cta). Bad: ` + "`<a href=\"/x\">Learn more</a>`" + `. Good:
` + "`<a href=\"/t/AB12/reschedule\">Choose another delivery day</a>`" + `.

**login-wall**: a password field or a login form comes before any
explanation (fewer than ` + "`min_explanation_words`" + `, default 20, words of main
content before it) and the page shows no status (it fails the topic check).
Bad: "Sign in" and a password field. Good: the status first, "Log in to
change the address" below it.

**http-form**: the link is http:// and the page asks for personal data (an
e-mail address, phone number, password, name, postal address, IBAN, card
number or date of birth). Good: link with https://.

**unmapped** (info, once per run): a link that is neither mapped nor
fetched, or a URL placeholder with neither sample nor landing file — only
once the project has set landing checks up (a page mapped, fetch asked
for, a landing file or URL placeholder declared): a project that has not
gets no notice.

## Options

    [rules.landing-page]
    disable = ["viewport", "lang"]   # check ids to switch off
    overlap = 0.25                   # share of the message's key words the page must mention
    min_explanation_words = 20       # words before a login form that make it no wall
    site_names = ["Acme Energie"]    # brand names that make a title generic on their own
    pages = { "https://acme.example/t/*" = "site/track.html" }
    fetch = false                    # with --fetch only
    timeout = "5s"                   # per fetched page
    max_bytes = 2097152              # size cap of a page
    concurrency = 4                  # fetches at once (at most 64)

pages, fetch, timeout, max_bytes and concurrency may also stay in the older
[landing] table ([landing.pages] for pages); a key set in both is an error.

The severity is warning, except unreachable (error: the link is broken) and
unmapped (info); ` + "`severity = \"...\"`" + ` in [rules.landing-page] sets all of them.`
