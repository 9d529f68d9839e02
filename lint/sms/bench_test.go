package sms

import (
	"encoding/json"
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
// texts, and reports the MB/s of the GSM-7 texts, of the UCS-2 texts and of
// all of them, and how many times faster Analyze is than referenceAnalyze
// (the simple calculator the differential tests compare it with) on all the
// texts (x-reference). Times are the CPU time of the benchmark's thread
// (on Linux), so the figures hold on a shared machine.
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
	b.Logf("%d texts: %d GSM-7 (%d bytes), %d UCS-2 (%d bytes)", len(all), len(gsm), bytesOf(gsm), len(ucs2), bytesOf(ucs2))
	benchmarkSets(b, []textSet{{"gsm", gsm}, {"ucs2", ucs2}, {"all", all}}, true)
}

// BenchmarkAnalyzeLong analyzes 1 MB texts: GSM-7, and UCS-2 (Cyrillic with
// accented Latin, punctuation, emoji, a flag and a ZWJ family), in thread
// CPU time like BenchmarkAnalyzeRealWorld.
func BenchmarkAnalyzeLong(b *testing.B) {
	benchmarkSets(b, []textSet{{"gsm", []string{gsmText(1 << 20)}}, {"ucs2", []string{ucs2Text(1 << 20)}}}, false)
}

// textSet is a named set of texts to benchmark.
type textSet struct {
	name  string
	texts []string
}

// benchmarkSets analyzes every set in each iteration and reports each
// set's MB/s in thread CPU time; with reference, also referenceAnalyze on
// the last set and the ratio of the two (x-reference).
func benchmarkSets(b *testing.B, sets []textSet, reference bool) {
	now, unlock := cpuClock()
	defer unlock()
	spent := make([]time.Duration, len(sets))
	var refSpent time.Duration
	total := 0
	for _, s := range sets {
		total += bytesOf(s.texts)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	for b.Loop() {
		for i, set := range sets {
			start := now()
			for _, s := range set.texts {
				Analyze(s, Options{})
			}
			spent[i] += now() - start
		}
		if reference {
			start := now()
			for _, s := range sets[len(sets)-1].texts {
				referenceAnalyze(s, Options{})
			}
			refSpent += now() - start
		}
	}
	for i, set := range sets {
		b.ReportMetric(float64(bytesOf(set.texts))*float64(b.N)/1e6/spent[i].Seconds(), set.name+"-MB/s")
	}
	if reference {
		b.ReportMetric(refSpent.Seconds()/spent[len(spent)-1].Seconds(), "x-reference")
	}
}

// TestWriteRealWorldTexts writes the texts of BenchmarkAnalyzeRealWorld
// with Analyze's segment counts as JSON to $NOTELINT_SMS_TEXTS, for
// comparing speed and counts with other calculators (README, Speed).
func TestWriteRealWorldTexts(t *testing.T) {
	out := os.Getenv("NOTELINT_SMS_TEXTS")
	if out == "" {
		t.Skip("NOTELINT_SMS_TEXTS is not set")
	}
	type entry struct {
		Text     string `json:"text"`
		Segments int    `json:"segments"`
	}
	var list []entry
	for _, s := range append(corporaTexts(t), syntheticTexts()...) {
		list = append(list, entry{s, Analyze(s, Options{}).Segments})
	}
	b, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
