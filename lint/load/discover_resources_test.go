package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (slash paths → content) under a temporary
// directory and returns it.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const licenceComment = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!--\n  Copyright 2024 New Vector Ltd.\n  SPDX-License-Identifier: AGPL-3.0-only\n-->\n"

// TestIsBundleFileAndroidResources: Android merges every <resources> file
// of a values*/ folder whatever its name (Element X's localazy.xml and
// translations.xml, plurals.xml, strings_notifications.xml); a file is
// read when its root is <resources> and it holds a string, by content,
// not by name (colors.xml, dimens.xml, styles.xml hold none).
func TestIsBundleFileAndroidResources(t *testing.T) {
	big := licenceComment + "<resources>\n" + strings.Repeat("  <color name=\"c\">#FFFFFF</color>\n", 2000) +
		"  <string name=\"late\">Ihre Lieferung verspätet sich.</string>\n</resources>\n"
	cases := []struct {
		path, text string
		want       bool
	}{
		{"res/values/localazy.xml", licenceComment + "<resources>\n  <string name=\"notification_new_message\">New message</string>\n</resources>\n", true},
		{"res/values-de/translations.xml", "<resources>\n  <string name=\"notification_new_message\">Neue Nachricht</string>\n</resources>\n", true},
		{"res/values-fr/translations.xml", "\xEF\xBB\xBF<?xml version=\"1.0\"?><resources><string name=\"notification_new_message\">Nouveau message</string></resources>", true},
		{"res/values/plurals.xml", "<resources>\n<plurals name=\"unread\">\n<item quantity=\"one\">%d unread message</item>\n<item quantity=\"other\">%d unread messages</item>\n</plurals>\n</resources>\n", true},
		{"res/values-de/strings_notifications.xml", "<resources xmlns:tools=\"http://schemas.android.com/tools\">\n<string-array name=\"steps\">\n<item>Paket abgeholt</item>\n</string-array>\n</resources>\n", true},
		{"res/values/items.xml", "<resources><item type=\"string\" name=\"hello\">Hello</item></resources>", true},
		{"res/values-de/big.xml", big, true},
		{"res/values/strings.xml", "<resources>\n</resources>\n", true}, // by name, as before
		{"res/values/colors.xml", "<resources>\n  <color name=\"primary\">#6200EE</color>\n</resources>\n", false},
		{"res/values/dimens.xml", licenceComment + "<resources><dimen name=\"margin\">16dp</dimen></resources>", false},
		{"res/values/styles.xml", "<resources><style name=\"AppTheme\" parent=\"Theme.Material3\"><item name=\"android:textColor\">@color/primary</item></style></resources>", false},
		{"res/values-night/themes.xml", "<resources><style name=\"Theme.App\"/></resources>", false},
		{"res/values/attrs.xml", "<resources><declare-styleable name=\"StringView\"><attr name=\"string\" format=\"string\"/></declare-styleable></resources>", false},
		{"res/values/ids.xml", "<resources><item type=\"id\" name=\"string_field\"/></resources>", false},
		{"res/values/integers.xml", "<resources><integer name=\"max\">3</integer><bool name=\"strings_enabled\">true</bool></resources>", false},
		{"res/values/empty.xml", "", false},
		{"res/values/not-resources.xml", "<manifest><string name=\"x\">Hello</string></manifest>", false},
		{"res/values/text-first.xml", "hello <resources><string name=\"x\">Hello</string></resources>", false},
		{"res/layout/activity_main.xml", "<resources><string name=\"x\">Hello</string></resources>", false},
		{"src/main/strings.xml", "<resources><string name=\"x\">Hello</string></resources>", false},
	}
	files := map[string]string{}
	for _, c := range cases {
		files[c.path] = c.text
	}
	dir := writeTree(t, files)
	cfg := DefaultConfig()
	for _, c := range cases {
		if got := cfg.IsBundleFile(filepath.Join(dir, filepath.FromSlash(c.path))); got != c.want {
			t.Errorf("IsBundleFile(%s) = %v, want %v", c.path, got, c.want)
		}
	}
}

// TestLoadAndroidResourcesWithoutStrings: a resources file with nothing
// to read (colors.xml named on the command line) gives no template and
// no error; one with strings gives its messages in the folder's locale.
func TestLoadAndroidResourcesWithoutStrings(t *testing.T) {
	cfg := DefaultConfig()
	ts, err := Load("res/values/colors.xml", []byte("<resources>\n  <color name=\"primary\">#6200EE</color>\n</resources>\n"), cfg)
	if err != nil || len(ts) != 0 {
		t.Errorf("colors.xml: %d templates, error %v; want none", len(ts), err)
	}
	ts, err = Load("res/values-fr/translations.xml", []byte("<resources><string name=\"notification_new_message\">Nouveau message</string></resources>"), cfg)
	if err != nil || len(ts) != 1 || ts[0].Locale != "fr" || ts[0].Body().Text.String() != "Nouveau message" {
		t.Fatalf("translations.xml: %d templates, error %v", len(ts), err)
	}
}

// TestDiscoverAndroidResources: a walk over an Android module reads the
// string files of every name and leaves out layouts and value files
// without strings.
func TestDiscoverAndroidResources(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"app/src/main/res/values/localazy.xml":        "<resources><string name=\"a\">Your parcel is late.</string></resources>",
		"app/src/main/res/values-de/translations.xml": "<resources><string name=\"a\">Ihr Paket ist verspätet.</string></resources>",
		"app/src/main/res/values-fr/translations.xml": "<resources><string name=\"a\">Votre colis est en retard.</string></resources>",
		"app/src/main/res/values/colors.xml":          "<resources><color name=\"a\">#000</color></resources>",
		"app/src/main/res/layout/main.xml":            "<LinearLayout/>",
	})
	files, problems, unread := DiscoverUnread([]string{dir}, DefaultConfig())
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f)
		got = append(got, filepath.ToSlash(rel))
	}
	want := "app/src/main/res/values-de/translations.xml app/src/main/res/values-fr/translations.xml app/src/main/res/values/localazy.xml"
	if strings.Join(got, " ") != want || len(problems) != 0 || len(unread) != 0 {
		t.Errorf("got %v, problems %v, unread %v; want %s", got, problems, unread, want)
	}
}

// FuzzXMLRootName: the root-element sniff never panics and never points
// past its input.
func FuzzXMLRootName(f *testing.F) {
	for _, s := range []string{licenceComment + "<resources>", "\xEF\xBB\xBF<resources/>", "<!DOCTYPE x><r>", "<?xml", "<!--", "<", "text", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		name, end, ok := xmlRootName(data)
		if end < 0 || end > len(data) || (!ok && name != "") {
			t.Fatalf("xmlRootName(%q) = %q, %d, %v", data, name, end, ok)
		}
	})
}

// TestAndroidResourceFilesAreOneSet: Android merges a values folder's
// files, so the source's localazy.xml and a translation's
// translations.xml are one translation set.
func TestAndroidResourceFilesAreOneSet(t *testing.T) {
	cases := []struct{ a, b string }{
		{"libraries/push/impl/src/main/res/values/localazy.xml", "libraries/push/impl/src/main/res/values-de/translations.xml"},
		{"app/src/main/res/values/strings.xml", "app/src/main/res/values-fr-rCA/plurals.xml"},
	}
	for _, c := range cases {
		if a, b := StripResourceLocale(c.a), StripResourceLocale(c.b); a != b {
			t.Errorf("%s and %s: sets %q and %q, want one", c.a, c.b, a, b)
		}
	}
	if a, b := StripResourceLocale("a/res/values/strings.xml"), StripResourceLocale("b/res/values/strings.xml"); a == b {
		t.Errorf("two modules' resources share a set")
	}
}
