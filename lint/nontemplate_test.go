package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/notelint/notelint/lint/load"
)

func TestIsProjectFile(t *testing.T) {
	cases := map[string]bool{
		"README.md": true, "readme.txt": true, "README_de.md": true, "Readme.html": true, "CHANGELOG.md": true,
		"LICENSE": true, "LICENSE.upstream": true, "licence.txt": true, "COPYING.txt": true, "NOTICE.txt": true,
		"SOURCE.txt": true, "CONTRIBUTING.md": true, "AUTHORS": true, "go.mod": true, "go.sum": true,
		"package.json": true, "composer.json": true, "package-lock.json": true, "pnpm-lock.yaml": true,
		"yarn.lock": true, "Gemfile.lock": true, ".notelint.toml": true,
		"notice.html": false, "source.txt": false, "license-expiring.txt": false, "readme-reminder.txt": false,
		"delay.txt": false, "de.json": false,
	}
	for name, want := range cases {
		if got := load.IsProjectFile("x/" + name); got != want {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

func TestDiscoverWhichFilesAreTemplates(t *testing.T) {
	files := []string{
		"README.md", "LICENSE", "SOURCE.txt", "go.mod", "package.json", "yarn.lock", "CHANGELOG.md",
		"notice.html", "t/x.txt",
		"lang/de/messages.php", "resources/lang/fr/mail.php", "lang/en_us.php", "src/Controller.php", "messages/Handler.php",
		"app/res/values-de/strings.xml", "app/res/values/strings.xml", "app/res/values/colors.xml", "app/res/layout/main.xml",
		"ios/de.lproj/Localizable.strings", "ios/Localizable.xcstrings", "i18n/messages.de.xlf", "i18n/messages.fr.xliff",
		"mail/order.html.twig", "mail/order.txt.twig", "mail/ReservationCreated.tpl", "mail/welcome.text.erb",
		"mail/welcome.ejs", "mail/a.liquid", "mail/b.hbs", "mail/c.mustache", "mail/d.jinja", "mail/e.j2",
		"node_modules/x/y.txt", ".github/ISSUE_TEMPLATE/bug.md", "vendor/z/a.txt",
	}
	root := writeTree(t, func() map[string]string {
		m := map[string]string{}
		for _, f := range files {
			m[f] = "x"
		}
		return m
	}())
	got, err := load.Discover([]string{root}, load.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var rel []string
	for _, g := range got {
		r, _ := filepath.Rel(root, g)
		rel = append(rel, filepath.ToSlash(r))
	}
	want := "app/res/values-de/strings.xml app/res/values/strings.xml i18n/messages.de.xlf i18n/messages.fr.xliff " +
		"ios/Localizable.xcstrings ios/de.lproj/Localizable.strings lang/de/messages.php lang/en_us.php " +
		"mail/ReservationCreated.tpl mail/a.liquid mail/b.hbs mail/c.mustache mail/d.jinja mail/e.j2 mail/order.html.twig " +
		"mail/order.txt.twig mail/welcome.ejs mail/welcome.text.erb notice.html resources/lang/fr/mail.php t/x.txt"
	if strings.Join(rel, " ") != want {
		t.Errorf("discovered\n%s\nwant\n%s", strings.Join(rel, " "), want)
	}

	// Named on the command line (pre-commit passes every changed file):
	// project files are skipped unless include names them.
	args := []string{filepath.Join(root, "README.md"), filepath.Join(root, "SOURCE.txt"), filepath.Join(root, "t/x.txt")}
	got, _ = load.Discover(args, load.DefaultConfig())
	if len(got) != 1 || !strings.HasSuffix(got[0], "x.txt") {
		t.Errorf("command line: %v", got)
	}
	// Relative paths as pre-commit passes them: dot-directories,
	// node_modules and vendor are no template folders either.
	t.Chdir(root)
	got, _ = load.Discover([]string{".github/ISSUE_TEMPLATE/bug.md", "vendor/z/a.txt", "node_modules/x/y.txt", "./t/x.txt", "mail/a.liquid"}, load.DefaultConfig())
	if strings.Join(got, " ") != "mail/a.liquid t/x.txt" {
		t.Errorf("relative command line: %v", got)
	}
	if err := os.WriteFile(filepath.Join(root, load.ConfigFileName), []byte("[lint]\ninclude = [\"**/*.txt\", \"README.md\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(filepath.Join(root, load.ConfigFileName), nil)
	if err != nil {
		t.Fatal(err)
	}
	got, _ = load.Discover(args, &cfg.Config)
	if len(got) != 2 || !strings.HasSuffix(got[0], "README.md") {
		t.Errorf("include names README.md, **/*.txt does not name SOURCE.txt: %v", got)
	}
}
