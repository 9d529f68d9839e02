package lint

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// at returns "line:col" of the first occurrence of needle in the file.
func posOf(t *testing.T, src *message.Source, off int) string {
	t.Helper()
	p := src.Position(off)
	return itoa(p.Line) + ":" + itoa(p.Column)
}

func itoa(n int) string {
	s := ""
	if n == 0 {
		return "0"
	}
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

// wantAt checks that needle in the body text maps back to the same bytes in
// the file, at line:col.
func wantAt(t *testing.T, tpl *message.Template, part, needle, want string) {
	t.Helper()
	p := tpl.Part(part)
	if p == nil {
		t.Fatalf("no part %q", part)
	}
	i := strings.Index(p.Text.String(), needle)
	if i < 0 {
		t.Fatalf("%q not in text %q", needle, p.Text.String())
	}
	fs, fe := p.Text.FileRange(i, i+len(needle))
	if got := posOf(t, tpl.Source, fs); got != want {
		t.Errorf("%q at %s, want %s", needle, got, want)
	}
	if p.Text.Verbatim(i, i+len(needle)) && string(tpl.Source.Content[fs:fe]) != needle {
		t.Errorf("%q maps to %q", needle, tpl.Source.Content[fs:fe])
	}
}

func load1(t *testing.T, path, content string) *message.Template {
	t.Helper()
	ts, err := load.Load(path, []byte(content), load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 1 {
		t.Fatalf("got %d templates", len(ts))
	}
	return ts[0]
}

func TestPlainPositions(t *testing.T) {
	tpl := load1(t, "sms/de/delay-parcel.txt", "+++\nkind = \"delay\"\n[vars]\neta = { max = 16, type = \"time\" }\n+++\r\nHallo, Ihre Lieferung verspätet sich.\r\nNeue Zeit: {{eta}} – Danke\r\n")
	if tpl.Channel != "sms" || tpl.Locale != "de" || tpl.Kind != "delay" {
		t.Errorf("channel/locale/kind = %s/%s/%s", tpl.Channel, tpl.Locale, tpl.Kind)
	}
	if got := tpl.Body().Text.String(); got != "Hallo, Ihre Lieferung verspätet sich.\nNeue Zeit: {{eta}} – Danke" {
		t.Errorf("text %q", got)
	}
	wantAt(t, tpl, "body", "–", "7:20")
	wantAt(t, tpl, "body", "verspätet", "6:23")
	if len(tpl.Body().Placeholders) != 1 || tpl.Body().Placeholders[0].Name != "eta" || !tpl.Vars["eta"].Used {
		t.Errorf("placeholders %+v", tpl.Body().Placeholders)
	}
}

func TestMarkdownPositions(t *testing.T) {
	src := "+++\nchannel = \"email\"\n+++\n# Your parcel &amp; you\n\nIt is *late*, sorry.\nNew time: **14:00**.\n\n[Track your parcel](https://acme.example/t/{{id}}) or <https://acme.example/help>.\n\n<!-- notelint-disable vague-cta -- legacy -->\n\n- item\n"
	tpl := load1(t, "mail/en/delay.md", src)
	body := tpl.Body().Text.String()
	if !strings.Contains(body, "Your parcel & you\n\nIt is late, sorry. New time: 14:00.") {
		t.Errorf("body %q", body)
	}
	wantAt(t, tpl, "body", "&", "4:15")
	wantAt(t, tpl, "body", "late", "6:8")
	wantAt(t, tpl, "body", "14:00", "7:13")
	wantAt(t, tpl, "body", "Track your parcel", "9:2")
	links := tpl.Body().Links
	if len(links) != 2 || links[0].URL != "https://acme.example/t/{{id}}" || links[0].Label != "Track your parcel" || links[1].URL != "https://acme.example/help" {
		t.Fatalf("links %+v", links)
	}
	if got := posOf(t, tpl.Source, links[0].FileStart); got != "9:21" {
		t.Errorf("link target at %s", got)
	}
	if len(tpl.Suppress.All) != 1 || tpl.Suppress.All[0].Rule != "vague-cta" {
		t.Errorf("directives %+v", tpl.Suppress.All)
	}
}

func TestHTMLPositions(t *testing.T) {
	src := "<html><head><title>Outage</title><style>p{color:red}</style></head>\n<body>\n<!-- hidden text -->\n<p>Power is   back by\n <b>18:00</b>&nbsp;today.</p>\n<script>var x = 'click here';</script>\n<p><a href=\"https://acme.example/o\">See the outage map</a> <img src=x alt=\"Map of Berlin\"></p></body></html>"
	tpl := load1(t, "email/outage.html", src)
	body := tpl.Body().Text.String()
	want := "Power is back by 18:00\u00a0today.\n\nSee the outage map Map of Berlin"
	if body != want {
		t.Errorf("body %q\nwant %q", body, want)
	}
	if tt := tpl.Part(message.PartHTMLTitle); tt == nil || tt.Text.String() != "Outage" {
		t.Errorf("title %+v", tt)
	}
	wantAt(t, tpl, "body", "18:00", "5:5")
	wantAt(t, tpl, "body", "See the outage map", "7:37")
	wantAt(t, tpl, "body", "Map of Berlin", "7:76")
	l := tpl.Body().Links
	if len(l) != 1 || l[0].Label != "See the outage map" || string(tpl.Source.Content[l[0].FileStart:l[0].FileEnd]) != "https://acme.example/o" {
		t.Errorf("links %+v", l)
	}
}

func TestCatalogPositions(t *testing.T) {
	src := "channel = \"sms\"\nlocale = \"fr\"\n\n[[message]]\nid = \"a\"\nkind = \"outage\"\nbody = \"Panne en cours.\\nRetour prévu à {{time}}.\"\n\n[[message]]\nid = \"b\"\nbody = \"\"\"\nLigne 1 ’\nLigne 2\"\"\"\ncolour = \"x\"\n\n[[message]]\nid = \"c\"\n"
	ts, err := load.Load("catalog.toml", []byte(src), load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 3 {
		t.Fatalf("%d templates", len(ts))
	}
	if ts[0].ID != "a" || ts[0].Channel != "sms" || ts[0].Locale != "fr" || ts[0].Kind != "outage" {
		t.Errorf("meta %+v", ts[0])
	}
	wantAt(t, ts[0], "body", "Retour", "7:26")
	wantAt(t, ts[0], "body", "{{time}}", "7:41")
	wantAt(t, ts[1], "body", "’", "12:9")
	var msgs []string
	for _, tp := range ts {
		for _, p := range tp.Problems {
			msgs = append(msgs, posOf(t, tp.Source, p.Start)+" "+p.Message)
		}
	}
	got := strings.Join(msgs, "\n")
	if !strings.Contains(got, "14:1 unknown key \"colour\"") || !strings.Contains(got, "16:1 catalog entry has no body") {
		t.Errorf("problems:\n%s", got)
	}
}

func TestFrontMatterProblems(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"unknown key", "+++\nchanel = \"sms\"\n+++\nHi", `2:1 unknown key "chanel" in front matter`},
		{"bad kind", "+++\nkind = \"late\"\n+++\nHi", `2:8 unknown kind "late"`},
		{"bad channel", "+++\nchannel = \"fax\"\n+++\nHi", `2:11 unknown channel "fax"`},
		{"invalid toml", "+++\nkind = delay\n+++\nHi", `2:8 invalid TOML in front matter`},
		{"unclosed", "+++\nkind = \"delay\"\nHi", `1:1 front matter opened with +++ is never closed`},
		{"bad var type", "+++\n[vars]\neta = { type = \"clock\" }\n+++\n{{eta}}", `3:16 variable "eta" has unknown type "clock"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := load1(t, "x.txt", c.src)
			var got []string
			for _, p := range tpl.Problems {
				got = append(got, posOf(t, tpl.Source, p.Start)+" "+p.Message)
			}
			if len(got) == 0 || !strings.HasPrefix(got[0], c.want) {
				t.Errorf("got %q, want prefix %q", got, c.want)
			}
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	_, err := load.Load("bad.txt", []byte("ok\nbad \xff here"), load.DefaultConfig())
	if err == nil || !strings.Contains(err.Error(), "bad.txt:2: column 5: invalid UTF-8") {
		t.Errorf("err = %v", err)
	}
}

func TestInferFromPath(t *testing.T) {
	cases := []struct{ path, ch, loc, kind string }{
		{"templates/sms/de/delay-parcel.txt", "sms", "de", "delay"},
		{"email/outage.fr-CH.md", "email", "fr-CH", "outage"},
		{"push/appointment_reminder.en.txt", "push", "en", "appointment"},
		{"x/ticket-update.txt", "", "", "ticket"},
		{"de_DE/mail/process-update.html", "email", "de-DE", "process-update"},
		{"/tmp/lp/sms/delay.txt", "sms", "", "delay"},
		{"qa/fr-CA/push/ticket.txt", "push", "fr-CA", "ticket"},
		// A channel folder outranks a topic word in the file name.
		{"templates/emails/sms-limit-body-text.html", "email", "", ""},
		{"templates/sms-reminder.txt", "sms", "", "reminder"},
		// Folders above the template root name the package, not the kind.
		{"backend/src/appointment/templates/email/cancelled.jinja2", "email", "", ""},
		{"appointments/templates/email/de/appointment-moved.txt", "email", "de", "appointment"},
		{"templates/delay/sms/parcel.txt", "sms", "", "delay"},
	}
	for _, c := range cases {
		inf := load.InferFromPath(c.path)
		if inf.Channel != c.ch || inf.Locale != c.loc || inf.Kind != c.kind {
			t.Errorf("%s: got %+v", c.path, inf)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	cases := []struct {
		pat, name string
		want      bool
	}{
		{"templates/**", "templates/sms/a.txt", true},
		{"**/drafts/**", "a/drafts/b.txt", true},
		{"**/drafts/**", "drafts/b.txt", true},
		{"**/*.txt", "a.txt", true},
		{"sms/*.txt", "sms/de/a.txt", false},
		{"*.md", "a/b.md", false},
	}
	for _, c := range cases {
		if got := message.MatchGlob(c.pat, c.name); got != c.want {
			t.Errorf("MatchGlob(%q, %q) = %v", c.pat, c.name, got)
		}
	}
}
