package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckNotesUnreadTemplates: a walk over templates in a language
// notelint does not read (FreeMarker, PHP e-mails) says so on standard
// error, so that "no findings" is not taken for a clean result; PHP code
// elsewhere and files notelint reads are not counted, and --quiet says
// nothing.
func TestCheckNotesUnreadTemplates(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"theme/email/html/password-reset.ftl":     "<p>${msg(\"passwordResetBody\")}</p>",
		"theme/email/text/password-reset.ftl":     "${msg(\"passwordResetBody\")}",
		"templates/emails/customer-completed.php": "<?php echo $order->get_id(); ?>",
		"src/Controller/OrderController.php":      "<?php class OrderController {}",
		"templates/sms/en/parcel-late.txt":        "Acme: your parcel is late. New delivery: tomorrow 10:00-12:00.",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stderr, _ := runCLI(t, "", "check", dir)
	want := "notelint: not read: 3 files that look like message templates (2 .ftl, 1 .php)"
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	one := t.TempDir()
	if err := os.MkdirAll(filepath.Join(one, "emails"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(one, "emails", "welcome.ftl"), []byte("Hello ${name}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, e, _ := runCLI(t, "", "check", one); !strings.Contains(e, "not read: 1 file that looks like message templates (1 .ftl)") {
		t.Errorf("one file: stderr %q", e)
	}
	_, stderr, _ = runCLI(t, "", "check", "--quiet", dir)
	if strings.Contains(stderr, "not read") {
		t.Errorf("--quiet printed the note:\n%s", stderr)
	}
}
