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

func TestDetectTemplateLanguages(t *testing.T) {
	cases := []struct {
		name, path, text string
		want             message.Syntax
	}{
		{"template toolkit", "templates/email/default/alert-update.txt", "Subject: New [% site_name %] updates\n\n[% INCLUDE 'signature.txt' %]", message.SyntaxTT},
		{"mako", "lms/templates/emails/activation_email.txt", "<%! from django.utils.translation import ugettext as _ %>\n${_(\"Thank you\")}\n% if is_secure:\nhttps://${ site }\n% endif", message.SyntaxMako},
		{"dollar braces twice", "emails/fr/rappel.html", "<p>Bonjour ${prenom}, votre rendez-vous est le ${date}.</p>", message.SyntaxMako},
		{"php tags", "templates/email/confirm_report_sent.txt", "Subject: Problem Report Sent: <?=$values['title']?>", message.SyntaxPHP},
		{"price with a dollar", "sms/de/angebot.txt", "Nur heute: 5 $ Rabatt {{ code }}", 0},
		{"percent in text", "sms/fr/promo.txt", "-20 % sur tout\n% de remise", 0},
	}
	for _, c := range cases {
		got := DetectSyntax(c.path, []byte(c.text), DefaultConfig()) & (message.SyntaxTT | message.SyntaxMako | message.SyntaxPHP)
		if got != c.want {
			t.Errorf("%s: got %v, want %v", c.name, got, c.want)
		}
	}
	// Handlebars in a .tpl file is not Smarty.
	if s := DetectSyntax("templates/mention/en_US/body.tpl", []byte("{{#if parentName}} in {{parentName}}{{/if}}"), DefaultConfig()); s&message.SyntaxSmarty != 0 {
		t.Errorf("handlebars .tpl read as Smarty")
	}
}
