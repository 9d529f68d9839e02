package lint

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
	"github.com/notelint/notelint/lint/message"
)

// writeTree writes files (path → content) under a temp dir and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for p, c := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadGrouped loads every file under dir and groups the templates; it
// describes each as "id: part(file) part(file)".
func loadGrouped(t *testing.T, dir string, cfg *Config) []string {
	t.Helper()
	files, err := load.Discover([]string{dir}, &cfg.Config)
	if err != nil {
		t.Fatal(err)
	}
	var ts []*message.Template
	for _, f := range files {
		x, err := load.LoadFile(f, &cfg.Config)
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, x...)
	}
	var out []string
	for _, tp := range load.GroupTemplates(ts, &cfg.Config) {
		id := strings.TrimPrefix(tp.ID, filepath.ToSlash(dir)+"/")
		id = id[strings.LastIndex(id, "/")+1:]
		desc := []string{id + "@" + tp.Locale + "/" + tp.Channel + ":"}
		for _, p := range tp.Parts {
			src := tp.Source
			if p.Source != nil {
				src = p.Source
			}
			desc = append(desc, p.Name+"("+filepath.Base(src.Path)+")")
		}
		out = append(out, strings.Join(desc, " "))
	}
	sort.Strings(out)
	return out
}

func TestGroupFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"kratos/login/email.subject.gotmpl":        "Use code {{ .Code }}",
		"kratos/login/email.body.gotmpl":           "<p>Your code: {{ .Code }}</p>",
		"kratos/login/email.body.plaintext.gotmpl": "Your code: {{ .Code }}",
		"kratos/login/sms.body.gotmpl":             "Code {{ .Code }}",
		"shop/order/de-html.html.twig":             "<p>Hallo</p>",
		"shop/order/de-plain.html.twig":            "Hallo",
		"shop/order/en-html.html.twig":             "<p>Hello</p>",
		"shop/order/en-plain.html.twig":            "Hello",
		"pair/notice.html":                         "<p>Hi</p>",
		"pair/notice.txt":                          "Hi",
		"pair/other.txt":                           "Alone",
		"mdx/delay.md":                             "# Late",
		"mdx/delay.txt":                            "Late",
		"lang/de/incident.mail.subject.txt":        "Vorfall",
		"lang/de/incident.mail.content.txt":        "Vorfall :name",
		"lang/de/incident.mail.action.txt":         "Anzeigen",
		"lang/de/incident.sms.content.txt":         "Vorfall :name",
		"folder/shipped/subject.txt":               "Shipped",
		"folder/shipped/body.html":                 "<p>Shipped</p>",
		"folder/shipped/body.txt":                  "Shipped",
	})
	got := loadGrouped(t, dir, DefaultConfig(nil))
	want := []string{
		"de@de/email: body(de-html.html.twig) plaintext(de-plain.html.twig)",
		"delay@en/email: body(delay.md)",
		"delay@en/sms: body(delay.txt)",
		"email@en/email: subject(email.subject.gotmpl) body(email.body.gotmpl) plaintext(email.body.plaintext.gotmpl)",
		"en@en/email: body(en-html.html.twig) plaintext(en-plain.html.twig)",
		"incident.mail@de/email: subject(incident.mail.subject.txt) body(incident.mail.content.txt) button(incident.mail.action.txt)",
		"incident.sms.content@de/sms: body(incident.sms.content.txt)",
		"notice@en/email: body(notice.html) plaintext(notice.txt)",
		"other@en/sms: body(other.txt)",
		"shipped@en/email: subject(subject.txt) body(body.html) plaintext(body.txt)",
		"sms.body@en/sms: body(sms.body.gotmpl)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	cfg := DefaultConfig(nil)
	off := false
	cfg.Lint.Group.Enabled = &off
	if n := len(loadGrouped(t, dir, cfg)); n != 20 {
		t.Errorf("grouping off: %d templates, want 20", n)
	}
	cfg = DefaultConfig(nil)
	cfg.Lint.Group.Parts = map[string][]string{message.PartBody: {"inhalt"}}
	for _, g := range loadGrouped(t, dir, cfg) {
		if strings.HasPrefix(g, "incident.mail@") && strings.Contains(g, "content") && strings.Contains(g, "subject(") {
			t.Errorf("custom tokens: content still groups: %s", g)
		}
	}
}

func TestGroupBundleKeys(t *testing.T) {
	ts, err := load.Load("locales/en.json", []byte(`{"order": {"shipped": {"subject": "Shipped", "body": "Your order {{id}} shipped", "sms": "Shipped {{id}}"}}}`), load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	g := load.GroupTemplates(ts, load.DefaultConfig())
	if len(g) != 2 || g[0].ID != "order.shipped" || g[0].Key != "order.shipped" || len(g[0].Parts) != 2 ||
		g[0].Parts[0].Name != message.PartSubject || g[0].Parts[1].Name != message.PartBody || g[1].ID != "order.shipped.sms" {
		for _, x := range g {
			t.Logf("%s %s %d", x.ID, x.Key, len(x.Parts))
		}
		t.Fatal("bundle keys not grouped as subject + body")
	}
}

// TestGroupFindingFiles checks that findings of a grouped notification
// point at the file of their part, and that a suppression in one part's
// file does not hide findings in another's.
func TestGroupFindingFiles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"n/email.subject.txt":        "Subject  X",
		"n/email.body.html":          "<!-- notelint-disable word-x -->\n<p>Body X</p>",
		"n/email.body.plaintext.txt": "+++\n[vars]\nunused = { max = 3 }\n+++\nPlain X",
	})
	rule := &Rule{ID: "word-x", Severity: message.Warning, Check: func(p *Pass) {
		for _, part := range p.Template.Parts {
			if i := strings.Index(part.Text.String(), "X"); i >= 0 {
				p.Report(Diagnostic{Part: part, Start: i, End: i + 1, Message: "X in " + part.Name})
			}
		}
		for _, v := range p.Template.Vars {
			p.Report(Diagnostic{Start: v.Offset, End: v.Offset + 1, Message: "var " + v.Name})
		}
	}}
	cfg := DefaultConfig([]*Rule{rule})
	res, err := (&Runner{Rules: []*Rule{rule}, Config: cfg}).Run([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Templates) != 1 {
		t.Fatalf("%d templates", len(res.Templates))
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, filepath.Base(f.File)+":"+itoa(f.Line)+":"+itoa(f.Column)+" "+f.Message)
	}
	sort.Strings(got)
	want := "email.body.plaintext.txt:3:1 var unused|email.body.plaintext.txt:5:7 X in plaintext|email.subject.txt:1:10 X in subject"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, "|"), want)
	}
}
