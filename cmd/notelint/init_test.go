package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIncludeGlobs(t *testing.T) {
	cases := []struct {
		files []string
		want  string
	}{
		{[]string{"mail/de/order.html.twig", "mail/en/order.html.twig", "mail/x.txt", "sms.txt"},
			"*.txt mail/**/*.twig mail/**/*.txt"},
		{[]string{"app/src/main/res/values-de/strings.xml", "resources/lang/de/mail.php", "ios/de.lproj/Localizable.strings"},
			"app/**/strings.xml ios/**/*.strings resources/**/*.php"},
	}
	for _, c := range cases {
		if got := strings.Join(includeGlobs(c.files), " "); got != c.want {
			t.Errorf("%v: %s, want %s", c.files, got, c.want)
		}
	}
	var many []string
	for _, d := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		many = append(many, d+"/x.txt", d+"/y.twig")
	}
	if got := strings.Join(includeGlobs(many), " "); got != "**/*.twig **/*.txt" {
		t.Errorf("many folders: %s", got)
	}
}

func TestInitWritesTemplateFolders(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, f := range []string{"README.md", "go.mod", "templates/sms/delay.txt", "templates/mail/order.html.twig"} {
		writeFile(t, filepath.Join(dir, f), "x")
	}
	if _, errOut, code := runCLI(t, "", "init"); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(dir, ".notelint.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `include = ["templates/**/*.twig", "templates/**/*.txt"]`) ||
		!strings.Contains(string(data), "add a glob when templates live elsewhere") {
		t.Errorf("config:\n%s", data)
	}
	empty := t.TempDir()
	t.Chdir(empty)
	if _, errOut, code := runCLI(t, "", "init"); code != 0 {
		t.Fatalf("init: %d %s", code, errOut)
	}
	data, _ = os.ReadFile(filepath.Join(empty, ".notelint.toml"))
	if !strings.Contains(string(data), `include = ["**/*.txt", "**/*.md", "**/*.html", "**/*.toml"]`) {
		t.Errorf("config with no templates:\n%s", data)
	}
}
