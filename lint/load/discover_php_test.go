package load

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestIsBundleFilePHPLanguageFolders: .php translation arrays in
// language/ and languages/ folders are read (OpenCart's mail strings,
// MyBB, CodeIgniter 4's app/Language/), as in lang/, LibreBooking's
// classes of $strings['key'] = '…' too; PHP code there (a class, a
// namespace, with no string assigned to an array key) and WordPress's
// generated .l10n.php caches are not bundles.
func TestIsBundleFilePHPLanguageFolders(t *testing.T) {
	cases := []struct {
		path, text string
		want       bool
	}{
		{"upload/catalog/language/en-gb/mail/register.php", "<?php\n// Text\n$_['text_subject'] = '%s - Thank you for registering';\n$_['text_welcome'] = 'Welcome and thank you for registering at %s!';\n", true},
		{"upload/catalog/language/de-de/mail/register.php", "<?php\n$_['text_subject'] = '%s - Vielen Dank für Ihre Registrierung';\n", true},
		{"upload/catalog/language/fr-fr/mail/register.php", "<?php\n$_['text_subject'] = '%s - Merci pour votre inscription';\n", true},
		{"inc/languages/english/member.lang.php", "<?php\n$l['welcome_email'] = \"Welcome to {1}, {2}!\";\n", true},
		{"app/Language/de/Validation.php", "<?php\n\n/**\n * This file is part of CodeIgniter 4 framework.\n */\n\n// Validation language settings\nreturn [\n    'required' => 'Das Feld {field} ist erforderlich.',\n];\n", true},
		{"resources/lang/fr/auth.php", "<?php\nreturn ['failed' => 'Ces identifiants ne correspondent pas à nos enregistrements.'];\n", true},
		{"lang/de_de.php", "<?php\n\nrequire_once('Language.php');\n\nclass de_de extends en_gb\n{\n    protected function _LoadStrings()\n    {\n        $strings = parent::_LoadStrings();\n        $strings['FirstName'] = 'Vorname';\n        return $strings;\n    }\n}\n", true},
		{"lang/fr_fr.php", "<?php\nclass fr_fr extends en_gb\n{\n    protected function _LoadStrings()\n    {\n        $strings[\"LastName\"] = \"Nom\";\n    }\n}\n", true},
		{"lang/Language.php", "<?php\n\nabstract class Language\n{\n    protected $strings = [];\n    abstract protected function _LoadStrings();\n}\n", false},
		{"app/languages/Cache.php", "<?php\nfinal class Cache\n{\n    public function set(): void { $this->items['de'] = 'Deutsch'; }\n}\n", false},
		{"src/Language/Detector.php", "<?php\nnamespace App\\Language;\n\nclass Detector\n{\n    public function detect(string $h): array { return ['primary' => strtolower($h)]; }\n}\n", false},
		{"lib/languages/Registry.php", "<?php\n\nfinal class Registry {\n    private array $all = [];\n}\n", false},
		{"lib/language/Locale.php", "<?php\nenum Locale: string { case De = 'de'; }\n", false},
		{"wp-content/languages/plugins/woocommerce-de_DE.l10n.php", "<?php\nreturn ['domain'=>'woocommerce','messages'=>['Order received'=>'Bestellung erhalten']];\n", false},
		{"upload/catalog/controller/mail/register.php", "<?php\n$_['text_subject'] = 'Thank you';\n", false},
		{"src/messages/Mailer.php", "<?php\n$_['text_subject'] = 'Thank you';\n", false},
	}
	files := map[string]string{}
	for _, c := range cases {
		files[c.path] = c.text
	}
	dir := writeTree(t, files)
	cfg := DefaultConfig()
	for _, c := range cases {
		if got := cfg.IsBundleFile(filepath.Join(dir, filepath.FromSlash(c.path))); got != c.want {
			t.Errorf("IsBundleFile(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}

// TestDiscoverOpenCartMail: a walk over an OpenCart shop reads the mail
// strings of catalog/language/*/mail/ and no longer counts them as
// unread templates; the mail controllers (PHP code in a mail/ folder)
// are still counted.
func TestDiscoverOpenCartMail(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"upload/catalog/language/en-gb/mail/register.php":  "<?php\n$_['text_subject'] = '%s - Thank you for registering';\n",
		"upload/catalog/language/en-gb/mail/order_add.php": "<?php\n$_['text_greeting'] = 'Thank you for your interest in %s products.';\n",
		"upload/catalog/language/de-de/mail/register.php":  "<?php\n$_['text_subject'] = '%s - Vielen Dank für Ihre Registrierung';\n",
		"upload/catalog/language/fr-fr/mail/register.php":  "<?php\n$_['text_subject'] = '%s - Merci pour votre inscription';\n",
		"upload/catalog/controller/mail/register.php":      "<?php\nnamespace Opencart\\Catalog\\Controller\\Mail;\nclass Register extends \\Opencart\\System\\Engine\\Controller {}\n",
	})
	files, problems, unread := DiscoverUnread([]string{dir}, DefaultConfig())
	if len(files) != 4 || len(problems) != 0 {
		t.Errorf("read %d files (%v), problems %v; want the 4 language files", len(files), files, problems)
	}
	for _, f := range files {
		if !strings.Contains(filepath.ToSlash(f), "/language/") {
			t.Errorf("read %s", f)
		}
	}
	if unread[".php"] != 1 || len(unread) != 1 {
		t.Errorf("unread = %v, want 1 .php (the mail controller)", unread)
	}
}
