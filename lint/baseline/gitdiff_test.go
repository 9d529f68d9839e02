package baseline

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestParseDiff(t *testing.T) {
	diff := "diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -3 +3 @@\n-a\n+b\n@@ -10,2 +11,0 @@\n-c\n-d\n@@ -20,0 +21,2 @@\n+e\n+f\n" +
		"diff --git a/old.txt b/\"sp\\303\\244t.txt\"\nsimilarity index 90%\nrename from old.txt\nrename to spät.txt\n--- a/old.txt\n+++ \"b/sp\\303\\244t.txt\"\n@@ -1 +1 @@\n-x\n+y\n" +
		"diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-z\n" +
		"diff --git a/new.txt b/new.txt\nnew file mode 100644\n--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1 @@\n+n\n"
	c, err := parseDiff("/top", []byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	x := c.files[filepath.Join("/top", "x.txt")]
	if x == nil || x.whole {
		t.Fatalf("x.txt: %+v", x)
	}
	var lines []int
	for l := range x.lines {
		lines = append(lines, l)
	}
	slices.Sort(lines)
	if !slices.Equal(lines, []int{3, 21, 22}) || !x.deleted[11] {
		t.Errorf("x.txt lines %v, deleted %v", lines, x.deleted)
	}
	if s := c.files[filepath.Join("/top", "spät.txt")]; s == nil || !s.lines[1] {
		t.Errorf("renamed file with a quoted name: %+v", s)
	}
	if c.files[filepath.Join("/top", "gone.txt")] != nil {
		t.Error("a deleted file has changes")
	}
	if n := c.files[filepath.Join("/top", "new.txt")]; n == nil || !n.whole {
		t.Errorf("added file: %+v", n)
	}
	for _, bad := range []string{"+++ b/y\n@@ -1 +x @@\n", "+++ \"b/unterminated\n"} {
		if _, err := parseDiff("/top", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// TestParseDiffHunkLinesLikeHeaders: a removed line "-- x" reads "--- x"
// and an added "++ y" reads "+++ y"; inside a hunk they are hunk lines,
// not file headers.
func TestParseDiffHunkLinesLikeHeaders(t *testing.T) {
	diff := "diff --git a/m.md b/m.md\n--- a/m.md\n+++ b/m.md\n@@ -2,2 +2,2 @@\n--- signature\n-old\n+++ added\n+new\n\\ No newline at end of file\n"
	c, err := parseDiff("/top", []byte(diff))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.files) != 1 {
		t.Fatalf("files %v, want only m.md", c.files)
	}
	m := c.files[filepath.Join("/top", "m.md")]
	if m == nil || !m.lines[2] || !m.lines[3] || len(m.lines) != 2 || m.old != "m.md" {
		t.Errorf("m.md: %+v", m)
	}
	for _, bad := range []string{"+++ b/x\n@@ -1 +1,5 @@\n+a\n", "+++ b/x\n@@ -1 +1 @@\n+a\n+b\n+c\n@@ bad\n"} {
		if _, err := parseDiff("/top", []byte(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
