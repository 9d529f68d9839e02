package load

import (
	"path/filepath"
	"testing"
)

// TestUnreadTemplate: which files that notelint does not read look like
// message templates. Folders count when a word of their name is a
// message word (_mail/, mail_templates/, email-templates/,
// sms_templates/, emailTemplates/), not when it only contains one
// (mailchimp/, thumbnails/); .json and .yml files count when their name
// starts with one (phpnuxbill's notifications.default.json), not in a
// config/ folder (mail.yml there configures a mailer) nor as mailer.yaml;
// django-templated-email's .email files count anywhere.
func TestUnreadTemplate(t *testing.T) {
	cases := []struct {
		path, ext string
	}{
		{"templates/templated_email/welcome.email", ".email"},
		{"shop/templates/templated_email/de/bestellung.email", ".email"},
		{"theme/email/html/password-reset.ftl", ".ftl"},
		{"templates/emails/customer-completed.php", ".php"},
		{"site/_mail/reset.php", ".php"},
		{"app/mail_templates/order.php", ".php"},
		{"resources/email-templates/facture.xml", ".xml"},
		{"modules/sms_templates/otp.php", ".php"},
		{"src/emailTemplates/Welcome.php", ".php"},
		{"app/Notifications/OrderShipped.php", ".php"},
		{"system/uploads/notifications.default.json", ".json"},
		{"data/sms-templates.yml", ".yml"},
		{"data/email_texts.yaml", ".yaml"},
		{"data/Notifications.json", ".json"},
		{"data/mail.json", ".json"},
		{"src/mailchimp/Client.php", ""},
		{"src/thumbnails/resize.php", ""},
		{"src/Controller/OrderController.php", ""},
		{"config/packages/mailer.yaml", ""},
		{"config/mail.yml", ""},
		{"data/mailer.yml", ""},
		{"data/notifier.json", ""},
		{"data/smsc.json", ""},
		{"templates/emails/welcome.json", ""},
		{"package.json", ""},
		{"templates/emails/style.css", ""},
	}
	for _, c := range cases {
		ext, ok := unreadTemplate(filepath.FromSlash(c.path))
		if ext != c.ext || ok != (c.ext != "") {
			t.Errorf("unreadTemplate(%s) = %q, %v; want %q", c.path, ext, ok, c.ext)
		}
	}
}

// TestDiscoverUnreadCounts: a walk counts the unread templates under
// the folder it walks (from its own name on, not the folders above it),
// and never a file it reads: one also named on the command line, or a
// bundle in a locales/ folder.
func TestDiscoverUnreadCounts(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"email-service/templates/templated_email/welcome.email":    "{% block subject %}Welcome{% endblock %}{% block plain %}Hello {{ name }}{% endblock %}",
		"email-service/templates/templated_email/de/welcome.email": "{% block subject %}Willkommen{% endblock %}{% block plain %}Hallo {{ name }}{% endblock %}",
		"email-service/templates/templated_email/fr/welcome.email": "{% block subject %}Bienvenue{% endblock %}{% block plain %}Bonjour {{ name }}{% endblock %}",
		"email-service/system/uploads/notifications.default.json":  `{"Expired": "Hello [[name]], your plan expired."}`,
		"email-service/locales/notifications.de.json":              `{"expired": "Hallo {{name}}, Ihr Tarif ist abgelaufen."}`,
		"email-service/src/Controller/Order.php":                   "<?php class Order {}",
		"email-service/app/mail_templates/order.php":               "<?php echo 'Votre commande'; ?>",
	})
	root := filepath.Join(dir, "email-service")
	named := filepath.Join(root, "templates", "templated_email", "fr", "welcome.email")
	files, problems, unread := DiscoverUnread([]string{root, named}, DefaultConfig())
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(files) != 2 { // the locales/ bundle and the named .email
		t.Errorf("read %v, want 2 files", files)
	}
	want := map[string]int{".email": 2, ".json": 1, ".php": 1}
	if len(unread) != len(want) {
		t.Errorf("unread = %v, want %v", unread, want)
	}
	for ext, n := range want {
		if unread[ext] != n {
			t.Errorf("unread[%s] = %d, want %d (all: %v)", ext, unread[ext], n, unread)
		}
	}
}

// TestWalkedName: the folders of the walk root's path do not make its
// files messages, but a root named for messages does.
func TestWalkedName(t *testing.T) {
	cases := []struct{ root, p, want string }{
		{"/home/me/email-service", "/home/me/email-service/src/Order.php", "src/Order.php"},
		{"emails", "emails/welcome.php", "emails/welcome.php"},
		{"./theme/Mail/", "theme/Mail/de/bestellung.php", "Mail/de/bestellung.php"},
		{".", "app/mail/x.php", "app/mail/x.php"},
	}
	for _, c := range cases {
		if got := filepath.ToSlash(walkedName(filepath.FromSlash(c.root), filepath.FromSlash(c.p))); got != c.want {
			t.Errorf("walkedName(%s, %s) = %s, want %s", c.root, c.p, got, c.want)
		}
	}
}
