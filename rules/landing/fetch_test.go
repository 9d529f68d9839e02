package landing

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const goodPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Your parcel AB12CD is running late | Acme</title></head>
<body><main><h1>Your parcel is running late</h1>
<p>New delivery window: Tuesday 14:00-16:00. You don't need to do anything.</p>
<p><a href="/t/AB12CD/reschedule">Choose another delivery day</a></p></main></body></html>`

// testCache is a minimal run-wide cache with lint.RunState's semantics;
// computed counts the values it computed.
type testCache struct {
	mu       sync.Mutex
	m        map[string]*onceVal
	computed atomic.Int64
}

type onceVal struct {
	once sync.Once
	v    any
}

func (c *testCache) Once(key string, f func() any) any {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]*onceVal{}
	}
	ov, ok := c.m[key]
	if !ok {
		ov = &onceVal{}
		c.m[key] = ov
	}
	c.mu.Unlock()
	ov.once.Do(func() {
		c.computed.Add(1)
		ov.v = f()
	})
	return ov.v
}

func newTestServer(t *testing.T) (*httptest.Server, *int64) {
	t.Helper()
	var hits int64
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&hits, 1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, goodPage)
	})
	mux.HandleFunc("/ua", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><head><title>%s|%s</title></head></html>", r.UserAgent(), r.Header.Get("Accept-Language"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "want gzip", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, goodPage)
		zw.Close()
	})
	mux.HandleFunc("/gzipbomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(bytes.Repeat([]byte("<p>aaaaaaaa</p>"), 200000)) // 3 MB unpacked, a few kB packed
		zw.Close()
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n, limit int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d/%d", &limit, &n)
		if n >= limit {
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d/%d", limit, n+1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/tohome", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/", http.StatusFound)
	})
	mux.HandleFunc("/{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html lang="en"><head><title>Acme - Home</title></head><body><h1>Welcome</h1></body></html>`)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/slowbody", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body><p>first part")
		w.(http.Flusher).Flush()
		select {
		case <-release:
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "5000")
		w.Write(bytes.Repeat([]byte("a"), 5000))
	})
	mux.HandleFunc("/bigchunked", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for i := 0; i < 10; i++ {
			w.Write(bytes.Repeat([]byte("b"), 500))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("/notype", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00"))
	})
	mux.HandleFunc("/badcharset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=x-klingon")
		fmt.Fprint(w, `<html lang="de"><head><title>Störung</title></head><body><h1>Störung</h1></body></html>`)
	})
	mux.HandleFunc("/metabadcharset", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<html lang="de"><head><meta charset="utf-9"><title>Störung</title></head><body></body></html>`)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html lang=\"de\"><head><title>St\xf6rung in Ihrer Stra\xdfe</title></head><body><h1>St\xf6rung</h1></body></html>"))
	})
	mux.HandleFunc("/badutf8", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><head><title>St\xf6rung</title></head></html>"))
	})
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/count", func(w http.ResponseWriter, r *http.Request) {
		atomic.AddInt64(&hits, 1)
		time.Sleep(20 * time.Millisecond)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html></html>")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		close(release)
		srv.Close()
	})
	return srv, &hits
}

func TestFetch(t *testing.T) {
	srv, _ := newTestServer(t)
	// Generous for the pages that should load (the machine may be busy),
	// short for the slow ones.
	f := NewFetcher(FetchOptions{Timeout: 20 * time.Second, MaxBytes: 2000, Concurrency: 4, AllowPrivate: true})
	short := NewFetcher(FetchOptions{Timeout: 300 * time.Millisecond, MaxBytes: 2000, Concurrency: 4, AllowPrivate: true})
	ctx := context.Background()
	cases := []struct {
		path    string
		err     string // substring of Err
		notHTML string
		charset string // substring of Charset
		title   string
	}{
		{path: "/ok", title: "Your parcel AB12CD is running late | Acme"},
		{path: "/gzip", title: "Your parcel AB12CD is running late | Acme"},
		{path: "/gzipbomb", err: "more than the 2000 bytes cap"},
		{path: "/loop", err: "redirect loop"},
		{path: "/chain/4/0", title: "Your parcel AB12CD is running late | Acme"},
		{path: "/chain/5/0", err: "more than 5 redirects"},
		{path: "/slow", err: "no complete answer within 300ms"},
		{path: "/slowbody", err: "no complete answer within 300ms"},
		{path: "/big", err: "the page is 5000 bytes, more than the 2000 bytes cap"},
		{path: "/bigchunked", err: "more than the 2000 bytes cap"},
		{path: "/pdf", notHTML: "application/pdf"},
		{path: "/notype", notHTML: "image/png"},
		{path: "/badcharset", charset: `charset "x-klingon"`, title: "Störung"},
		{path: "/metabadcharset", charset: `"utf-9" in a <meta>`, title: "Störung"},
		{path: "/latin1", title: "Störung in Ihrer Straße"},
		{path: "/badutf8", charset: "not UTF-8"},
		{path: "/404", err: "HTTP 404 Not Found"},
		{path: "/500", err: "HTTP 500 Internal Server Error"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			fe := f
			if strings.HasPrefix(c.path, "/slow") {
				fe = short
			}
			res := fe.Fetch(ctx, srv.URL+c.path, "de")
			if c.err == "" && res.Err != "" || !strings.Contains(res.Err, c.err) {
				t.Fatalf("Err = %q, want %q", res.Err, c.err)
			}
			if res.NotHTML != c.notHTML {
				t.Errorf("NotHTML = %q, want %q", res.NotHTML, c.notHTML)
			}
			if c.charset == "" && res.Charset != "" || !strings.Contains(res.Charset, c.charset) {
				t.Errorf("Charset = %q, want %q", res.Charset, c.charset)
			}
			if c.title != "" && (res.Page == nil || res.Page.Title != c.title) {
				t.Errorf("page = %+v, want title %q", res.Page, c.title)
			}
		})
	}
}

func TestFetchHeaders(t *testing.T) {
	srv, _ := newTestServer(t)
	res := NewFetcher(FetchOptions{Timeout: 20 * time.Second, AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/ua", "fr")
	want := UserAgent() + "|fr,en;q=0.5"
	if !strings.HasPrefix(want, "notelint/") || !strings.Contains(want, " (+https://github.com/notelint/notelint)|") {
		t.Errorf("User-Agent %q", UserAgent())
	}
	if res.Page == nil || res.Page.Title != want {
		t.Fatalf("got %+v, want title %q", res, want)
	}
}

func TestFetchRedirectToHome(t *testing.T) {
	srv, _ := newTestServer(t)
	res := NewFetcher(FetchOptions{Timeout: 20 * time.Second, AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/tohome", "en")
	if res.Err != "" || res.FinalURL != srv.URL+"/" {
		t.Fatalf("got %+v", res)
	}
	tgt := &Target{URL: srv.URL + "/tohome", Result: res}
	ps := Judge(tgt, &Message{Lang: "en"}, testVocab(), Options{Overlap: 0.25, MinExplain: 20})
	if !hasCheck(ps, CheckHomePage) {
		t.Errorf("no home-page finding in %v", ps)
	}
}

func TestFetchRefusedAndBadURL(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.URL
	srv.Close() // nothing listens there any more
	f := NewFetcher(FetchOptions{Timeout: 20 * time.Second, AllowPrivate: true})
	if res := f.Fetch(context.Background(), addr+"/x", ""); !strings.Contains(res.Err, "connection refused") {
		t.Errorf("Err = %q", res.Err)
	}
	if res := f.Fetch(context.Background(), "http://[::1", ""); !strings.HasPrefix(res.Err, "not a valid URL") {
		t.Errorf("Err = %q", res.Err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if res := f.Fetch(ctx, addr+"/x", ""); res.Err == "" {
		t.Error("cancelled fetch succeeded")
	}
}

func TestFetchOncePerURLAndBounded(t *testing.T) {
	srv, hits := newTestServer(t)
	r := &Resolver{Mapper: NewMapper(nil, nil), Fetcher: NewFetcher(FetchOptions{Timeout: 20 * time.Second, Concurrency: 2, AllowPrivate: true})}
	cache := &testCache{}
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.FetchURL(context.Background(), cache, srv.URL+"/count", "en")
		}()
	}
	wg.Wait()
	if *hits != 1 {
		t.Errorf("page fetched %d times, want once", *hits)
	}
	// Concurrency: 8 distinct URLs through a limit of 2.
	var inflight, peak int64
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := atomic.AddInt64(&inflight, 1)
		for {
			p := atomic.LoadInt64(&peak)
			if n <= p || atomic.CompareAndSwapInt64(&peak, p, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		atomic.AddInt64(&inflight, -1)
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html></html>")
	}))
	defer slow.Close()
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r.FetchURL(context.Background(), cache, fmt.Sprintf("%s/p%d", slow.URL, i), "en")
		}(i)
	}
	wg.Wait()
	if peak > 2 {
		t.Errorf("%d requests at once, limit 2", peak)
	}
}
