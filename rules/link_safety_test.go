package rules

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestLinkSafety(t *testing.T) {
	checkSafetyCases(t, "link-safety", []safetyCase{
		{name: "https own domain", path: "en/sms/a.txt", text: "Acme: track it https://acme.example/t/AB12", want: nil},
		{name: "http", path: "en/sms/a.txt", text: "Acme: bill http://acme.example/b/42.", want: []string{"http://acme.example/b/42"}},
		{name: "http upper case", path: "en/sms/a.txt", text: "Acme: bill HTTP://ACME.EXAMPLE/b", want: []string{"HTTP://ACME.EXAMPLE/b"}},
		{name: "shortener", path: "en/sms/a.txt", text: "Acme: offer https://bit.ly/3xYz", want: []string{"https://bit.ly/3xYz"}},
		{name: "shortener http reported once", path: "en/sms/a.txt", text: "Acme: offer http://tinyurl.com/abc", want: []string{"http://tinyurl.com/abc"}},
		{name: "shortener www", path: "en/sms/a.txt", text: "Acme: offer www.bit.ly/3xYz", want: []string{"www.bit.ly/3xYz"}},
		{name: "shortener without scheme", path: "de/sms/a.txt", text: "Acme: Angebot unter (t.co/xyz).", want: []string{"t.co/xyz"}},
		{name: "extra shortener", path: "en/sms/a.txt", text: "Acme: offer https://sho.rt/x", config: "[rules.link-safety]\nshorteners = [\"sho.rt\"]", want: []string{"https://sho.rt/x"}},
		{name: "allowed host", path: "en/sms/a.txt", text: "Acme: offer https://bit.ly/x", config: "[rules.link-safety]\nallowed_hosts = [\"bit.ly\"]", want: nil},
		{name: "not a shortener", path: "en/sms/a.txt", text: "Acme: see https://bitly.example.com/x and https://notbit.ly/y", want: nil},
		{name: "ipv4", path: "en/sms/a.txt", text: "Acme: map https://192.0.2.10:8443/m", want: []string{"https://192.0.2.10:8443/m"}},
		{name: "ipv6 bare", path: "en/sms/a.txt", text: "Acme: map http://[2001:db8::1]/m.", want: []string{"http://[2001:db8::1]/m"}},
		{name: "ipv6 markdown", path: "en/email/a.md", text: "[Map](https://[2001:db8::1]/m)\n", want: []string{"https://[2001:db8::1]/m"}},
		{name: "version number is no IP", path: "en/sms/a.txt", text: "Acme: app 1.2.3.4 at https://acme.example/app", want: nil},
		{name: "long SMS link", path: "en/sms/a.txt", text: "Acme: https://www.acme.example/orders/4711/tracking?utm_source=sms", want: []string{"https://www.acme.example/orders/4711/tracking?utm_source=sms"}},
		{name: "long link in e-mail is fine", path: "en/email/a.md", text: "[Track](https://www.acme.example/orders/4711/tracking?utm_source=mail)\n", want: nil},
		{name: "length option", path: "en/sms/a.txt", text: "Acme: https://acme.example/t/AB12", config: "[rules.link-safety]\nmax_sms_length = 20", want: []string{"https://acme.example/t/AB12"}},
		{name: "length off", path: "en/sms/a.txt", text: "Acme: https://www.acme.example/orders/4711/tracking?utm_source=sms", config: "[rules.link-safety]\nmax_sms_length = 0", want: nil},
		{name: "placeholder in URL at default length", path: "en/sms/a.txt", text: "Acme: https://acme.example/t/{{code}}", want: []string{"https://acme.example/t/{{code}}"}},
		{name: "placeholder in URL at max", path: "en/sms/a.txt", text: "+++\n[vars]\ncode = { max = 6 }\n+++\nAcme: https://acme.example/t/{{code}}", want: nil},
		{name: "url var sample http", path: "en/sms/a.txt", text: "+++\n[vars]\nlink = { sample = \"http://acme.example/t/1\", max = 30, type = \"url\" }\n+++\nAcme: {{link}}", want: []string{"{{link}}"}},
		{name: "url var too long", path: "en/sms/a.txt", text: "+++\n[vars]\nlink = { sample = \"https://acme.example/t/1\", max = 80, type = \"url\" }\n+++\nAcme: {{link}}", want: []string{"{{link}}"}},
		{name: "markdown link to var", path: "en/email/a.md", text: "+++\n[vars]\nlink = { sample = \"https://bit.ly/x\", type = \"url\" }\n+++\n[Track]({{link}})\n", want: []string{"{{link}}"}},
		{name: "html http", path: "fr/email/a.html", text: `<p><a href="http://acme.example/f">Voir la facture</a> <a href="mailto:aide@acme.example">aide</a> <a href="tel:+33123">appel</a> <a href="/relatif">x</a></p>`, want: []string{"http://acme.example/f"}},
		{name: "subject part", path: "en/email/a.md", text: "+++\nsubject = \"Sale at bit.ly/acme\"\n+++\nHi.\n", want: []string{"bit.ly/acme"}},
		// A scheme named in prose is no link (issue 11).
		{name: "en http:// in prose", path: "en/email/a.md", text: "Enter the address without http:// in the field.\n", want: nil},
		{name: "de http:// in prose", path: "de/email/a.md", text: "Geben Sie die Adresse ohne http:// ein.\n", want: nil},
		{name: "fr http:// in prose", path: "fr/email/a.md", text: "Saisissez l'adresse sans http:// devant.\n", want: nil},
		{name: "en http link next to prose", path: "en/email/a.md", text: "Without https:// it fails: http://acme.example/x\n", want: []string{"http://acme.example/x"}},
	})
}

func TestLinkSafetySeverity(t *testing.T) {
	for path, want := range map[string]message.Severity{"en/sms/a.txt": message.Error, "en/push/a.txt": message.Warning} {
		fs := runSafetyRule(t, "link-safety", path, "Acme: https://bit.ly/x", "")
		if len(fs) != 1 || fs[0].Severity != want {
			t.Errorf("%s: got %+v, want one finding of severity %v", path, fs, want)
		}
	}
	fs := runSafetyRule(t, "link-safety", "en/sms/a.txt", "Acme: http://acme.example/x", "")
	if len(fs) != 1 || fs[0].Severity != message.Warning {
		t.Errorf("http in SMS: got %+v, want one warning", fs)
	}
}

func TestParseURLHost(t *testing.T) {
	for u, want := range map[string][2]string{
		"https://acme.example/x":         {"https", "acme.example"},
		"HTTP://User:pw@Acme.Example:80": {"http", "acme.example"},
		"http://[2001:db8::1]:8080/x":    {"http", "2001:db8::1"},
		"www.bit.ly/x":                   {"", "www.bit.ly"},
		"bit.ly/x":                       {"", "bit.ly"},
		"mailto:a@b.example":             {"", ""},
		"/relative":                      {"", ""},
		"{{link}}":                       {"", ""},
		"https://{{host}}/x":             {"https", ""},
	} {
		s, h := parseURLHost(u)
		if s != want[0] || h != want[1] {
			t.Errorf("parseURLHost(%q) = %q, %q; want %q, %q", u, s, h, want[0], want[1])
		}
	}
}

// FuzzURLHost parses arbitrary URLs: no panics, and hosts are lower case.
func FuzzURLHost(f *testing.F) {
	for _, s := range []string{"https://acme.example", "http://[::1", "http://[", "//x", "www.", "a@b:c", "http://ä.example:99999/x?y#z", "bit.ly/", "[]:@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, h := parseURLHost(s)
		_ = isIPHost(h)
		_ = isShortener(h, []string{"sho.rt"})
		_ = hostAllowed(h, []string{"acme.example"})
		_ = normalizeHost(s)
		_ = schemelessShorteners(s, nil, &linkSafetyOptions{})
		_ = shortURL(s)
	})
}
