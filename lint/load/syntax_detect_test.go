package load

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

func TestDetectSmartyOutsideTpl(t *testing.T) {
	cases := []struct {
		name, path, text string
		want             bool
	}{
		{"thelia text e-mail", "email/password.txt", `{intl l="Hello,"}` + "\n" + `{intl l="Your new password is %pass" pass=$password}`, true},
		{"variable and closing tag", "mail/commande.html", "<p>Bonjour {$prenom},</p>{if $suivi}<a href=\"{$suivi}\">Suivi</a>{/if}", true},
		{"one smarty-like tag", "sms/abholung.txt", "Ihr Paket liegt bereit: {$code}", false},
		{"handlebars blocks", "email/shipped.html", "{{#if track}}<a href=\"{{track}}\">Track</a>{{/if}} {{/each}}", false},
		{"ICU and python braces", "sms/late.txt", "Hi {name}, your order {count, plural, one {# item} other {# items}} is late", false},
		{"jinja", "email/x.html", "{% if a %}{{ a }}{% endif %} {% trans %}Hi{% endtrans %}", false},
	}
	for _, c := range cases {
		got := DetectSyntax(c.path, []byte(c.text), DefaultConfig())&message.SyntaxSmarty != 0
		if got != c.want {
			t.Errorf("%s: Smarty = %v, want %v", c.name, got, c.want)
		}
	}
}
