package sms

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// corporaDir is the shared real-world corpora, relative to this package.
const corporaDir = "../../../shared/corpora"

// androidString matches one <string> value of an Android strings.xml.
var androidString = regexp.MustCompile(`(?s)<string[^>]*>(.*?)</string>`)

// corporaTexts returns the SMS and push texts of the shared corpora: Cachet's
// status strings, Ory Kratos's SMS bodies and SwissCovid's Android strings.
func corporaTexts(tb testing.TB) []string {
	tb.Helper()
	if _, err := os.Stat(corporaDir); err != nil {
		tb.Skipf("real-world corpora not found at %s (lint/sms/%s): %v", corporaDir, corporaDir, err)
	}
	var texts []string
	err := filepath.WalkDir(corporaDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch {
		case strings.Contains(path, "cachet-status-notifications/resources/lang/") && strings.HasSuffix(path, ".txt"),
			strings.Contains(path, "ory-kratos-courier/") && strings.HasPrefix(d.Name(), "sms."):
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(b))
		case strings.Contains(path, "swisscovid-android-push-strings/") && d.Name() == "strings.xml":
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range androidString.FindAllStringSubmatch(string(b), -1) {
				texts = append(texts, html.UnescapeString(strings.Trim(m[1], `"`)))
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(texts) == 0 {
		tb.Skipf("no SMS or push texts found under %s", corporaDir)
	}
	return texts
}

// syntheticTexts returns notification texts in scripts that need UCS-2:
// Arabic, Cyrillic, Greek, Hindi, Chinese and emoji, short and long.
func syntheticTexts() []string {
	base := []string{
		"عزيزي العميل، طلبك رقم 4021 في الطريق وسيصل اليوم بين 9:00 و11:00. تتبع الشحنة: https://acme.example/t/4021",
		"رمز التحقق الخاص بك هو 581204. لا تشاركه مع أي شخص. ينتهي خلال 10 دقائق.",
		"Здравствуйте! Ваша посылка 4021 прибудет сегодня с 9:00 до 11:00. Отслеживание: https://acme.example/t/4021",
		"Ваш код подтверждения: 581 204. Никому его не сообщайте.",
		"Αγαπητέ πελάτη, η παραγγελία σας 4021 θα παραδοθεί σήμερα.",
		"आपका ऑर्डर 4021 आज 9:00 से 11:00 के बीच पहुंचेगा। ट्रैक करें: https://acme.example/t/4021",
		"您的包裹 4021 将于今天 9:00 至 11:00 送达。验证码：581204",
		"Your parcel is on its way 🚚📦 — arriving today 9:00–11:00 🎉 Track: https://acme.example/t/4021",
		"Happy birthday 🎂🥳 here is 20 % off 👩‍👩‍👧‍👦 🇩🇪 👍🏽 ❤️‍🔥 until Sunday!",
	}
	texts := append([]string(nil), base...)
	for _, s := range base {
		texts = append(texts, strings.Repeat(s+" ", 4)) // multi-part messages
	}
	return texts
}

// bytesOf returns the total length of texts.
func bytesOf(texts []string) int {
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	return n
}

// BenchmarkAnalyzeRealWorld analyzes the SMS and push texts of the shared
// corpora plus synthetic Arabic, Cyrillic, Greek, Hindi, Chinese and emoji
// texts, and reports the MB/s of the GSM-7 texts (the anchor), of the UCS-2
// texts and of all of them, with the ratios to the anchor in the same run.
func BenchmarkAnalyzeRealWorld(b *testing.B) {
	all := append(corporaTexts(b), syntheticTexts()...)
	var gsm, ucs2 []string
	for _, s := range all {
		if Analyze(s, Options{}).Encoding == GSM7 {
			gsm = append(gsm, s)
		} else {
			ucs2 = append(ucs2, s)
		}
	}
	sets := []struct {
		name  string
		texts []string
		spent time.Duration
	}{{"gsm", gsm, 0}, {"ucs2", ucs2, 0}, {"all", all, 0}}
	b.SetBytes(int64(bytesOf(gsm) + bytesOf(ucs2) + bytesOf(all)))
	b.ReportAllocs()
	for b.Loop() {
		for i := range sets {
			start := time.Now()
			for _, s := range sets[i].texts {
				Analyze(s, Options{})
			}
			sets[i].spent += time.Since(start)
		}
	}
	mbps := func(i int) float64 {
		return float64(bytesOf(sets[i].texts)) * float64(b.N) / 1e6 / sets[i].spent.Seconds()
	}
	for i, s := range sets {
		b.ReportMetric(mbps(i), s.name+"-MB/s")
	}
	b.ReportMetric(mbps(1)/mbps(0), "ucs2/gsm")
	b.ReportMetric(mbps(2)/mbps(0), "all/gsm")
	b.Logf("%d texts: %d GSM-7 (%d bytes), %d UCS-2 (%d bytes)", len(all), len(gsm), bytesOf(gsm), len(ucs2), bytesOf(ucs2))
}
