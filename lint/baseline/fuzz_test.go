package baseline

import (
	"testing"

	"github.com/notelint/notelint/lint"
)

func FuzzParseDiff(f *testing.F) {
	f.Add("diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,3 @@\n+a\n")
	f.Add("--- \"a/\\303\"\n+++ \"b/\\303\\244\"\n@@ -0,0 +1 @@\n")
	f.Add("+++ b/x\n@@ -1 +2147483647,2147483647 @@\n")
	f.Fuzz(func(t *testing.T, diff string) {
		c, err := parseDiff("/top", []byte(diff))
		if err != nil {
			return
		}
		for _, fc := range c.files {
			if len(fc.lines) > 1<<20 {
				t.Fatalf("%d changed lines from %d bytes", len(fc.lines), len(diff))
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add(`{"notelint_baseline": 1, "findings": [{"file": "a.txt", "rule": "r", "fingerprint": "x", "message": "m", "count": 2}]}`)
	f.Add(`{"findings": [}`)
	f.Fuzz(func(t *testing.T, data string) {
		b, err := Parse("b.json", []byte(data))
		if err != nil {
			return
		}
		fs := []lint.Finding{{Rule: "r", File: "a.txt", Message: "m", Offset: 3, EndOffset: 1}}
		if _, _, err := b.Filter("b.json", fs, nil); err != nil {
			t.Fatal(err)
		}
	})
}
