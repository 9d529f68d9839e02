package load

import (
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestHTMLKeepsLines(t *testing.T) {
	cases := []struct {
		name, body string
		want       bool
	}{
		{"telegram alert", "🔴 The check <a href=\"x\">api</a> is <b>DOWN</b>.\n<b>Project:</b> Backups\n<b>Last ping:</b> never", true},
		{"german chat alert", "<b>Projekt:</b> Sicherung\n<b>Letzter Ping:</b> nie", true},
		{"paragraphs", "<p>Bonjour,</p>\n<p>votre colis <b>arrive</b>.</p>", false},
		{"line breaks", "Hello<br>\n<b>Order:</b> 12", false},
		{"document", "<html><body><b>Order:</b>\n12</body></html>", false},
		{"mjml", "<mj-text>Hi</mj-text>\n<mj-text>there</mj-text>", false},
		{"one line", "Your code is <b>1234</b>.", false},
	}
	for _, c := range cases {
		if got := htmlKeepsLines([]byte(c.body)); got != c.want {
			t.Errorf("%s: htmlKeepsLines = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestHTMLTextKeepLines(t *testing.T) {
	src := "<b>Project:</b>   Backups\n\n\n<b>Last ping:</b> never  \n  done"
	body, _, _, _ := htmlText([]byte(src), 0, true)
	if got, want := body.String(), "Project: Backups\n\nLast ping: never\ndone"; got != want {
		t.Errorf("keepLines: got %q, want %q", got, want)
	}
	body, _, _, _ = htmlText([]byte(src), 0, false)
	if got := body.String(); strings.Contains(got, "\n") {
		t.Errorf("collapsed: got %q, want one line", got)
	}
}

func TestMJMLText(t *testing.T) {
	src := `<mjml><mj-head><mj-style>.x { color: red }</mj-style><mj-attributes><mj-all font-family="Arial" /></mj-attributes></mj-head>
<mj-body><mj-section background-color="#fafafa"><mj-column>
<mj-text color="#525252">Vielen Dank für Ihre Registrierung.
Bitte bestätigen Sie Ihre Adresse:</mj-text>
<mj-button href="{{ url }}" background-color="#f45e43">Adresse bestätigen</mj-button>
</mj-column></mj-section></mj-body></mjml>`
	if got := documentFormat("templates/verify/body.hbs", []byte(src)); got != message.HTML {
		t.Fatalf("format of an MJML .hbs = %v, want HTML", got)
	}
	if got := documentFormat("emails/welcome.mjml", []byte(src)); got != message.HTML || !IsTemplateFile("emails/welcome.mjml") {
		t.Fatalf("a .mjml file: format %v, template %v; want HTML, read", got, IsTemplateFile("emails/welcome.mjml"))
	}
	body, _, _, _ := htmlText([]byte(src), 0, false)
	want := "Vielen Dank für Ihre Registrierung. Bitte bestätigen Sie Ihre Adresse:\n\nAdresse bestätigen"
	if got := body.String(); got != want {
		t.Errorf("MJML text: got %q, want %q", got, want)
	}
}

// TestMarkupInsideTemplateExpressions: markup in a template expression's
// string literals ({{ x ? '<p>' ~ x ~ '</p>' }}) keeps the expression one
// placeholder, in en, de and fr mails alike.
func TestMarkupInsideTemplateExpressions(t *testing.T) {
	for _, src := range []string{
		"<p>Dear {{ name }},</p>\n{{ username ? '<p>' ~ username ~ '</p>' }}\n<p>You are registered.</p>",
		"<p>Hallo {{ name }},</p>\n{{ passwort ? '<p>Passwort: <b>' ~ passwort ~ '</b></p>' }}\n<p>Sie sind angemeldet.</p>",
		"<p>Bonjour {{ name }},</p>\n{% if url %}{{ '<a href=\"' ~ url ~ '\">lien</a>' }}{% endif %}\n<p>Vous êtes inscrit.</p>",
	} {
		ts, err := Load("mail/confirmation.tpl", []byte(src), DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		for _, tm := range ts {
			for _, p := range tm.Problems {
				if p.Kind == message.PlaceholderProblem {
					t.Errorf("%q: %s", src, p.Message)
				}
			}
		}
	}
	if got := markupInTags([]byte("<p>{{ a }}</p>"), 0, message.DefaultSyntax); string(got) != "<p>{{ a }}</p>" {
		t.Errorf("markup outside tags changed: %q", got)
	}
}
