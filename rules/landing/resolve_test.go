package landing

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestLoadFileOncePerRun(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "track.html")
	if err := os.WriteFile(p, []byte(goodPage), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Resolver{Mapper: NewMapper(nil, nil)}
	cache := &testCache{}
	var wg sync.WaitGroup
	results := make([]*Result, 50)
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = r.LoadFile(cache, p)
		}(i)
	}
	wg.Wait()
	if n := cache.computed.Load(); n != 1 {
		t.Errorf("file read and parsed %d times, want once", n)
	}
	for _, res := range results {
		if res != results[0] || res.Page == nil {
			t.Fatal("callers got different results")
		}
	}
}

func TestReadFileProblems(t *testing.T) {
	dir := t.TempDir()
	if res := ReadFile(filepath.Join(dir, "nope.html"), 0); res.Err != "the file does not exist" {
		t.Errorf("missing: %q", res.Err)
	}
	if res := ReadFile(dir, 0); !strings.Contains(res.Err, "directory") {
		t.Errorf("dir: %q", res.Err)
	}
	big := filepath.Join(dir, "big.html")
	os.WriteFile(big, []byte(strings.Repeat("x", 100)), 0o644)
	if res := ReadFile(big, 50); !strings.Contains(res.Err, "more than the 50 bytes cap") {
		t.Errorf("big: %q", res.Err)
	}
	png := filepath.Join(dir, "logo.png")
	os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00"), 0o644)
	if res := ReadFile(png, 0); res.NotHTML != "image/png" {
		t.Errorf("png: %+v", res)
	}
}

func TestAlternateLocal(t *testing.T) {
	dir := t.TempDir()
	en := filepath.Join(dir, "site", "track.html")
	os.MkdirAll(filepath.Dir(en), 0o755)
	os.WriteFile(en, []byte(`<html lang="en"><head><link rel="alternate" hreflang="de" href="track.de.html?x#y"><link rel="alternate" hreflang="fr" href="https://acme.example/fr/t"></head></html>`), 0o644)
	os.WriteFile(filepath.Join(dir, "site", "track.de.html"), []byte(`<html lang="de"><head><title>Sendung</title></head></html>`), 0o644)
	os.WriteFile(filepath.Join(dir, "site", "fr.html"), []byte(`<html lang="fr"><head><title>Colis</title></head></html>`), 0o644)
	r := &Resolver{
		Mapper: NewMapper(map[string]string{"https://acme.example/fr/*": "site/fr.html"}, func(p string) string { return filepath.Join(dir, p) }),
		Rel: func(abs string) string {
			rel, _ := filepath.Rel(dir, abs)
			return filepath.ToSlash(rel)
		},
	}
	cache := &testCache{}
	tgt := &Target{URL: "https://acme.example/t/1", File: "site/track.html", Result: r.LoadFile(cache, en)}
	ctx := context.Background()
	de := r.Alternate(ctx, cache, tgt, "de")
	if de == nil || de.Result.Page.Title != "Sendung" {
		t.Fatalf("de alternate: %+v", de)
	}
	if got := de.Name(); got != "https://acme.example/t/1 (site/track.de.html, hreflang=de alternate)" {
		t.Errorf("Name = %q", got)
	}
	fr := r.Alternate(ctx, cache, tgt, "fr")
	if fr == nil || fr.Result.Page.Title != "Colis" || fr.File != "site/fr.html" {
		t.Fatalf("fr alternate: %+v", fr)
	}
	if r.Alternate(ctx, cache, tgt, "en") != nil || r.Alternate(ctx, cache, tgt, "it") != nil {
		t.Error("alternate for the page's own or an undeclared language")
	}
}
