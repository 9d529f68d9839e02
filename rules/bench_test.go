package rules

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/notelint/notelint/lint"
)

// writeBenchCorpus writes n mixed templates (a third each .txt SMS, .md and
// .html e-mail) in en, de and fr under dir. The content is deterministic.
func writeBenchCorpus(tb testing.TB, dir string, n int) {
	tb.Helper()
	sms := []string{
		"+++\nkind = \"delay\"\n[vars]\neta = { sample = \"14:00\", max = 5, type = \"time\" }\n+++\nAcme: your parcel %d is running late. New delivery: today {{eta}}. Track it: https://acme.example/t/%d\n",
		"+++\nkind = \"outage\"\n+++\nAcme: Störung %d in Ihrem Gebiet. Wir melden uns in Kürze. Infos: http://bit.ly/x%d\n",
		"+++\nkind = \"ticket\"\n+++\nAcme : votre demande %d est en cours. Réponse sous 48 heures. Aucune action n’est requise (réf. %d).\n",
	}
	md := "+++\nkind = \"appointment\"\nsubject = \"Your appointment %d\"\n+++\n# Appointment %d\n\nHi {{ name }},\n\nyour technician arrives on **Monday between 8:00 and 10:00**. [Click here](https://acme.example/a) to change it.\n"
	html := "<html lang=\"de\"><head><title>Lieferung %d</title><style>p{}</style></head><body><p>Ihre Lieferung %d verspätet sich.</p><p><a href=\"https://acme.example/t\">Sendung verfolgen</a></p></body></html>\n"
	langs := []string{"en", "de", "fr"}
	for i := 0; i < n; i++ {
		var path, content string
		switch i % 3 {
		case 0:
			path = filepath.Join(dir, "sms", langs[i%9/3], fmt.Sprintf("m%05d.txt", i))
			content = fmt.Sprintf(sms[i%9/3], i, i)
		case 1:
			path = filepath.Join(dir, "email", "en", fmt.Sprintf("m%05d.md", i))
			content = fmt.Sprintf(md, i, i)
		default:
			path = filepath.Join(dir, "email", "de", fmt.Sprintf("m%05d.html", i))
			content = fmt.Sprintf(html, i, i)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

// TestWriteBenchCorpus writes the benchmark corpus to $NOTELINT_BENCH_DIR
// so the whole-process timing in the README can be reproduced.
func TestWriteBenchCorpus(t *testing.T) {
	dir := os.Getenv("NOTELINT_BENCH_DIR")
	if dir == "" {
		t.Skip("set NOTELINT_BENCH_DIR to write the 10,000-template benchmark corpus")
	}
	writeBenchCorpus(t, dir, 10000)
}

func benchmarkCheck(b *testing.B, rules []*lint.Rule) {
	dir := b.TempDir()
	writeBenchCorpus(b, dir, 10000)
	files := benchFiles(b, dir)
	cfg := lint.DefaultConfig(rules)
	var catTime, runTime time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// The anchor: reading every file, as cat does, in the same run.
		start := time.Now()
		for _, f := range files {
			if _, err := os.ReadFile(f); err != nil {
				b.Fatal(err)
			}
		}
		catTime += time.Since(start)
		start = time.Now()
		res, err := (&lint.Runner{Rules: rules, Config: cfg}).Run([]string{dir})
		runTime += time.Since(start)
		if err != nil || len(res.Templates) != 10000 {
			b.Fatalf("%v, %d templates", err, len(res.Templates))
		}
	}
	b.ReportMetric(float64(runTime)/float64(catTime), "x-cat")
}

// benchFiles lists the files under dir.
func benchFiles(b *testing.B, dir string) []string {
	b.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkCheckDir checks 10,000 mixed templates with every rule on.
func BenchmarkCheckDir(b *testing.B) { benchmarkCheck(b, All()) }

// BenchmarkLoadDir is the same run with no rules: loading and parsing only.
func BenchmarkLoadDir(b *testing.B) { benchmarkCheck(b, nil) }
