package load

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestBladeViewsAreNotBundles: a Laravel Blade view is a template
// language notelint does not read, not a PHP bundle. A walk does not read
// one in lang/ and counts one in an e-mail folder as unread .blade.php; a
// view named on the command line is an input error that says so, not
// "invalid php bundle: no <?php opening tag"; a [[lint.bundle]] that
// names it still has it read.
func TestBladeViewsAreNotBundles(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"resources/views/emails/shipped.blade.php":    "<p>Hello {{ $name }}, your order is on its way.</p>",
		"resources/views/emails/de/shipped.blade.php": "<p>Hallo {{ $name }}, Ihre Bestellung ist unterwegs.</p>",
		"resources/views/welcome.blade.php":           "<h1>{{ config('app.name') }}</h1>",
		"lang/fr/partial.blade.php":                   "<p>Votre commande est en route.</p>",
		"lang/fr/orders.php":                          "<?php return ['shipped' => 'Votre commande est en route.'];",
	})
	cfg := DefaultConfig()
	cases := []struct {
		path string
		want bool
	}{
		{"lang/fr/partial.blade.php", false},
		{"lang/fr/orders.php", true},
		{"resources/views/emails/shipped.blade.php", false},
	}
	for _, c := range cases {
		if got := cfg.IsBundleFile(filepath.Join(dir, filepath.FromSlash(c.path))); got != c.want {
			t.Errorf("IsBundleFile(%s) = %v, want %v", c.path, got, c.want)
		}
	}

	files, problems, unread := DiscoverUnread([]string{dir}, cfg)
	if len(files) != 1 || filepath.Base(files[0]) != "orders.php" || len(problems) != 0 {
		t.Errorf("walk read %v, problems %v; want lang/fr/orders.php alone", files, problems)
	}
	if unread[".blade.php"] != 2 || len(unread) != 1 {
		t.Errorf("walk unread = %v, want 2 .blade.php (the e-mail views)", unread)
	}

	named := filepath.Join(dir, "resources", "views", "emails", "de", "shipped.blade.php")
	files, problems, _ = DiscoverUnread([]string{named}, cfg)
	if len(files) != 0 || len(problems) != 1 || !errors.Is(problems[0], errBladeView) || problems[0].Path != named {
		t.Errorf("named: read %v, problems %v; want the Blade input error", files, problems)
	}

	withBundle := DefaultConfig()
	withBundle.Lint.Bundle = []BundleConfig{{Path: "*.blade.php", Format: "php"}}
	files, problems, _ = DiscoverUnread([]string{named}, withBundle)
	if len(files) != 1 || len(problems) != 0 {
		t.Errorf("named with [[lint.bundle]]: read %v, problems %v; want it read", files, problems)
	}
}

// TestLoadBladeView: a Blade view given to the loader (standard input
// checked as resources/views/emails/x.blade.php) is the same input error,
// not an invalid PHP bundle.
func TestLoadBladeView(t *testing.T) {
	for _, text := range []string{"<p>Hello {{ $name }}</p>", "<p>Hallo {{ $name }}</p>", "<?php /* Bonjour */ ?><p>{{ $name }}</p>"} {
		ts, err := Load("resources/views/emails/x.blade.php", []byte(text), DefaultConfig())
		if len(ts) != 0 || !errors.Is(err, errBladeView) {
			t.Errorf("Load(%q) = %d templates, %v; want the Blade input error", text, len(ts), err)
		}
	}
}
