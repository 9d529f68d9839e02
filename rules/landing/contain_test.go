package landing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// containTree makes base/outside/secret.html and base/repo (the root) with
// site/ok.html and links: in.html → site/ok.html, out.html →
// ../outside/secret.html, outdir → ../outside. base/link-to-repo is a
// link to the root.
func containTree(t *testing.T) (base, root string) {
	t.Helper()
	base = t.TempDir()
	root = filepath.Join(base, "repo")
	for _, d := range []string{filepath.Join(root, "site"), filepath.Join(base, "outside")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for p, body := range map[string]string{
		filepath.Join(root, "site", "ok.html"):        goodPage,
		filepath.Join(base, "outside", "secret.html"): "<title>secret</title>",
	} {
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for link, target := range map[string]string{
		filepath.Join(root, "site", "in.html"):  "ok.html",
		filepath.Join(root, "site", "out.html"): filepath.Join("..", "..", "outside", "secret.html"),
		filepath.Join(root, "outdir"):           filepath.Join("..", "outside"),
		filepath.Join(base, "link-to-repo"):     "repo",
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	return base, root
}

func TestRootCheck(t *testing.T) {
	base, root := containTree(t)
	r := NewRoot(root, "the directory of the config file")
	cases := []struct {
		path string
		want string // substring of the error; "" = inside
	}{
		{"site/ok.html", ""},
		{"site/in.html", ""},
		{"site/missing.html", ""},
		{"site/../site/ok.html", ""},
		{filepath.Join(root, "site", "ok.html"), ""},
		{"/etc/passwd", "it is outside " + root + " (the directory of the config file)"},
		{"../outside/secret.html", "it is outside"},
		{"site/../../outside/secret.html", "it is outside"},
		{"site/out.html", "it links to " + filepath.Join(realPath(base), "outside", "secret.html") + ", outside " + root},
		{"outdir/secret.html", "it links to"},
		{"outdir/new.html", "it links to"},
	}
	for _, c := range cases {
		err := r.Check(c.path)
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Check(%q) = %v, want %q", c.path, err, c.want)
		}
	}
	// A root reached through a link holds the same files.
	viaLink := NewRoot(filepath.Join(base, "link-to-repo"), "the directory of the config file")
	if err := viaLink.Check("site/ok.html"); err != nil {
		t.Errorf("root through a link: %v", err)
	}
	var none *Root
	if err := none.Check("/etc/passwd"); err != nil {
		t.Errorf("nil root: %v", err)
	}
}

// TestLoadFileOutsideRoot: mapped files, landing files and hreflang
// alternates outside the root are not read.
func TestLoadFileOutsideRoot(t *testing.T) {
	base, root := containTree(t)
	page := filepath.Join(root, "site", "track.html")
	if err := os.WriteFile(page, []byte(`<html lang="en"><head><link rel="alternate" hreflang="de" href="../../outside/secret.html"><link rel="alternate" hreflang="fr" href="out.html"></head></html>`), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Resolver{Mapper: NewMapper(nil, nil), Root: NewRoot(root, "the directory of the config file")}
	cache := &testCache{}
	if res := r.LoadFile(cache, filepath.Join(base, "outside", "secret.html")); res.Page != nil || !strings.Contains(res.Err, "it is outside") {
		t.Errorf("outside file: %+v", res)
	}
	tgt := &Target{URL: "https://acme.example/t/1", File: "site/track.html", Result: r.LoadFile(cache, page)}
	for _, lang := range []string{"de", "fr"} {
		alt := r.Alternate(context.Background(), cache, tgt, lang)
		if alt == nil || alt.Result.Page != nil || !strings.Contains(alt.Result.Err, "outside "+root) {
			t.Errorf("%s alternate: %+v", lang, alt)
		}
	}
}
