package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/notelint/notelint/lint"
)

// writeLandingCorpus writes n SMS templates (en, de, fr) linking to pages
// local pages of about 8 kB each, mapped in dir/.notelint.toml.
func writeLandingCorpus(tb testing.TB, dir string, n, pages int) {
	tb.Helper()
	var cfg strings.Builder
	cfg.WriteString("[lint]\ninclude = [\"templates/**\"]\n\n[landing.pages]\n")
	langs := []string{"en", "de", "fr"}
	content := map[string][3]string{
		"en": {"Parcel %d: new delivery window | Acme", "Your parcel %d is running late", "<p>New delivery window: Tuesday 14:00-16:00.</p><p><a href=\"/t/%d/day\">Pick another delivery day</a></p>"},
		"de": {"Sendung %d: neue Zustellung | Acme", "Ihre Sendung %d verspätet sich", "<p>Neue Zustellung: Dienstag 14-16 Uhr.</p><p><a href=\"/t/%d/tag\">Anderen Liefertag wählen</a></p>"},
		"fr": {"Colis %d : nouvelle livraison | Acme", "Votre colis %d a du retard", "<p>Nouvelle livraison : mardi 14h-16h.</p><p><a href=\"/t/%d/jour\">Choisir un autre jour de livraison</a></p>"},
	}
	filler := strings.Repeat("<p>Our couriers deliver every day from 7:00 to 20:00. You can change the address, pick another day or ask a neighbour to take the parcel. Questions about parcels, returns and deliveries are answered in the help centre.</p>\n", 30)
	for i := 0; i < pages; i++ {
		l := langs[i%3]
		c := content[l]
		page := fmt.Sprintf(`<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>`+c[0]+`</title></head>
<body><header><nav><a href="/">Acme</a> <a href="/shop">Shop</a> <a href="/help">Help</a></nav></header>
<main><h1>`+c[1]+`</h1>`+c[2]+`
%s</main><footer><a href="/imprint">Imprint</a></footer></body></html>
`, l, i, i, i, filler)
		writeFiles(tb, dir, map[string]string{fmt.Sprintf("site/p%02d.html", i): page})
		fmt.Fprintf(&cfg, "\"https://acme.example/p/%d/*\" = \"site/p%02d.html\"\n", i, i)
	}
	texts := map[string]string{
		"en": "+++\nkind = \"delay\"\n+++\nAcme: your parcel %d is running late. New delivery window: Tue 14:00-16:00. Track it: https://acme.example/p/%d/x%d\n",
		"de": "+++\nkind = \"delay\"\n+++\nAcme: Ihre Sendung %d verspätet sich. Neue Zustellung: Di 14-16 Uhr. Verfolgen: https://acme.example/p/%d/x%d\n",
		"fr": "+++\nkind = \"delay\"\n+++\nAcme : votre colis %d a du retard. Livraison mardi 14h-16h. Suivi : https://acme.example/p/%d/x%d\n",
	}
	files := map[string]string{".notelint.toml": cfg.String()}
	for i := 0; i < n; i++ {
		l := langs[(i%pages)%3] // the language of the page it links to
		files[fmt.Sprintf("templates/sms/%s/m%04d.txt", l, i)] = fmt.Sprintf(texts[l], i, i%pages, i)
	}
	writeFiles(tb, dir, files)
}

func benchmarkLanding(b *testing.B, withRule bool) {
	dir := b.TempDir()
	writeLandingCorpus(b, dir, 1000, 50)
	var rs []*lint.Rule
	for _, r := range All() {
		if withRule || r.ID != "landing-page" {
			rs = append(rs, r)
		}
	}
	cfg, err := lint.LoadConfig(filepath.Join(dir, lint.ConfigFileName), rs)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		res, err := (&lint.Runner{Rules: rs, Config: cfg}).Run([]string{dir})
		if err != nil || len(res.Templates) != 1000 {
			b.Fatalf("%v, %d templates", err, len(res.Templates))
		}
	}
	// CPU time (user + system) is steadier than wall time on a busy machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(b.N), "cpu-ns/op")
}

// cpuTime returns the process's user and system CPU time in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// BenchmarkLandingPages: 1,000 templates linking to 50 local pages, with
// every rule, without and with landing-page. The target: "with"
// stays within 2× of "without". Besides ns/op it reports cpu-ns/op, the
// process CPU time per run, which a busy machine disturbs less.
func BenchmarkLandingPages(b *testing.B) {
	b.Run("without", func(b *testing.B) { benchmarkLanding(b, false) })
	b.Run("with", func(b *testing.B) { benchmarkLanding(b, true) })
}

// TestLandingCorpusClean makes sure the benchmark measures the normal path:
// every page is found and judged without findings.
func TestLandingCorpusClean(t *testing.T) {
	dir := t.TempDir()
	writeLandingCorpus(t, dir, 30, 10)
	res, _ := runLanding(t, dir)
	for _, f := range res.Findings {
		t.Errorf("%s: %s", f.File, f.Message)
	}
	if _, err := os.Stat(filepath.Join(dir, "site", "p09.html")); err != nil {
		t.Fatal(err)
	}
}
