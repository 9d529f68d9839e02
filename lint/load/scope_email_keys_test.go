package load

import (
	"strings"
	"testing"
)

// TestEmailSplitOverKeys: the keys beside an e-mail's subject are its
// copy (notifications, channel email), its labels are parts of it, and a
// key that names an interface area stays an interface text.
func TestEmailSplitOverKeys(t *testing.T) {
	files := map[string]string{
		"config/locales/en/email.yml": "en:\n  email:\n    payment_request:\n      subject: Your overdue balance from %{org}\n      intro: We have not received your payment yet. Please pay the amount below.\n      invoice_number: Invoice number\n      main_cta_label: Pay now\n      menu_help: Open the payment settings from the menu.\n",
		"config/locales/de/email.yml": "de:\n  email:\n    payment_request:\n      subject: Ihr überfälliger Saldo bei %{org}\n      intro: Wir haben Ihre Zahlung noch nicht erhalten. Bitte zahlen Sie den Betrag unten.\n      invoice_number: Rechnungsnummer\n",
		"config/locales/fr/email.yml": "fr:\n  email:\n    payment_request:\n      subject: Votre solde impayé chez %{org}\n      intro: Nous n'avons pas encore reçu votre paiement. Merci de régler le montant ci-dessous.\n      invoice_number: Numéro de facture\n",
	}
	ts := loadInferred(t, files)
	seen := 0
	for _, tm := range ts {
		leaf := tm.Key[len("email.payment_request."):]
		want := leaf == "subject" || leaf == "intro"
		if got := tm.IsNotification(); got != want {
			t.Errorf("%s %s: notification %v (%s), want %v", tm.Locale, tm.Key, got, tm.Scope.Notification.Detail, want)
		}
		if leaf == "invoice_number" && tm.Scope.Within != "email.payment_request" {
			t.Errorf("%s %s: within %q, want the e-mail email.payment_request", tm.Locale, tm.Key, tm.Scope.Within)
		}
		if want && tm.Channel != "email" {
			t.Errorf("%s %s: channel %q, want email", tm.Locale, tm.Key, tm.Channel)
		}
		seen++
	}
	if seen != 11 {
		t.Errorf("loaded %d strings, want 11", seen)
	}
}

// TestEmailFileOfPHPArray: a PHP language file in a mail folder whose
// $_['text_subject'] is a subject is one e-mail; the same keys elsewhere
// are not.
func TestEmailFileOfPHPArray(t *testing.T) {
	php := "<?php\n$_['text_subject'] = '%s - Bestellung %s';\n$_['text_greeting'] = 'Vielen Dank für Ihre Bestellung bei %s. Wir bearbeiten sie, sobald die Zahlung bestätigt ist.';\n$_['text_order_id'] = 'Bestellnummer:';\n"
	got := loadScoped(t, map[string]string{
		"catalog/language/de-de/mail/order_add.php":    php,
		"catalog/language/de-de/account/order_add.php": php,
	})
	for _, tm := range got {
		inMail := strings.Contains(tm.Source.Path, "/mail/")
		if inMail && tm.Scope.Within != "order_add" {
			t.Errorf("%s %s: within %q, want the e-mail order_add", tm.Source.Path, tm.Key, tm.Scope.Within)
		}
		if !inMail && tm.Scope.Within != "" {
			t.Errorf("%s %s: within %q, want none outside a mail folder", tm.Source.Path, tm.Key, tm.Scope.Within)
		}
	}
}
