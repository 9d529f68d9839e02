package load

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestFormTexts: keys beside a form's field keys (a placeholder, a submit
// button) and flash banners are interface texts even under an "sms" key;
// a message under the same "sms" key elsewhere stays a notification.
func TestFormTexts(t *testing.T) {
	text := `en:
  verification:
    sms:
      new:
        phone_note: We only use your phone to send you a code, never to contact you.
        phone_placeholder: "Example: 612345678"
        submit_button: Send
      edit:
        resend_sms_text: Didn't get a text with your confirmation code?
        submit_button: Send
      update:
        flash:
          success: Code correct. Your account is now verified
  notifications:
    sms:
      parcel_late: "Acme: your parcel {{id}} is late. New delivery: tomorrow 10:00-12:00. Reply STOP to opt out."
`
	ts, err := LoadText("config/locales/en.yml", []byte(text), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"verification.sms.new.phone_note":       message.No,
		"verification.sms.edit.resend_sms_text": message.No,
		"verification.sms.update.flash.success": message.No,
		"notifications.sms.parcel_late":         message.Yes,
	}
	for _, tm := range ts {
		w, ok := want[tm.ID]
		if !ok {
			continue
		}
		delete(want, tm.ID)
		if got := tm.Scope.Notification.Value; got != w {
			t.Errorf("%s: notification %q (%s), want %q", tm.ID, got, tm.Scope.Notification.Detail, w)
		}
	}
	for id := range want {
		t.Errorf("%s: not loaded", id)
	}
}

// TestTranslationsFollowEnglish: the translations of a key whose English
// text is a notification are notifications too when only their own words
// said otherwise (a text left in English, a short one read as a label);
// one that its key calls an interface text stays one.
func TestTranslationsFollowEnglish(t *testing.T) {
	ts := loadInferred(t, map[string]string{
		"lang/en/notifications.php": "<?php\nreturn [\n  'comment_mention_subject' => 'Dear :name, you were mentioned in a comment on :pageName. Kind regards, the BookStack team',\n  'settings_label' => 'Settings',\n];\n",
		"lang/fr/notifications.php": "<?php\nreturn [\n  'comment_mention_subject' => 'Mentioned in :pageName',\n  'settings_label' => 'Paramètres',\n];\n",
		"lang/de/notifications.php": "<?php\nreturn [\n  'comment_mention_subject' => 'In :pageName erwähnt',\n  'settings_label' => 'Einstellungen',\n];\n",
	})
	for _, tm := range ts {
		want := message.No
		if tm.Key == "comment_mention_subject" {
			want = message.Yes
		}
		if got := tm.Scope.Notification.Value; got != want {
			t.Errorf("%s %s: notification %q (%s), want %q", tm.Locale, tm.Key, got, tm.Scope.Notification.Detail, want)
		}
	}
}

// TestTranslationsFollowEnglishNo: a translation that its key word and
// its longer text make a notification is the interface text its English
// source reads as (an Android settings summary).
func TestTranslationsFollowEnglishNo(t *testing.T) {
	ts := loadInferred(t, map[string]string{
		"res/values/strings.xml":    `<resources><string name="customize_notification_summary">Change sound, vibration, light and other notification settings</string></resources>`,
		"res/values-de/strings.xml": `<resources><string name="customize_notification_summary">Ändern Sie Ton, Vibration, Licht und weitere Einstellungen Ihrer Benachrichtigungen. Wir empfehlen Ihnen, den Ton einzuschalten.</string></resources>`,
		"res/values-fr/strings.xml": `<resources><string name="customize_notification_summary">Modifiez le son, la vibration et les autres réglages de vos notifications. Nous vous conseillons d'activer le son.</string></resources>`,
	})
	for _, tm := range ts {
		if tm.IsNotification() {
			t.Errorf("%s %s: notification (%s), want none like its English source", tm.Locale, tm.Key, tm.Scope.Notification.Detail)
		}
	}
}

// TestTranslationsListPositions: entries of two locales' lists paired by
// position are no translations of each other; each keeps its own answer.
func TestTranslationsListPositions(t *testing.T) {
	ts := loadInferred(t, map[string]string{
		"i18n/text_modules/en.yml": "- name: fa\n  content: If you need any additional assistance, please contact me\n",
		"i18n/text_modules/de.yml": "- name: ab\n  content: Vielen Dank für Ihre Anfrage. Wir werden uns schnellstmöglich mit Ihnen in Verbindung setzen. Mit freundlichen Grüßen\n",
	})
	for _, tm := range ts {
		if tm.Locale == "de" && tm.Key == "0.content" && !tm.IsNotification() {
			t.Errorf("de %s: %s; the en entry at the same position is another text", tm.Key, tm.Scope.Notification.Detail)
		}
	}
}

// loadFiles loads files (path → content).
func loadFiles(t *testing.T, files map[string]string) []*message.Template {
	t.Helper()
	var ts []*message.Template
	for path, text := range files {
		got, err := Load(path, []byte(text), DefaultConfig())
		if err != nil {
			t.Fatal(err)
		}
		ts = append(ts, got...)
	}
	return ts
}

// loadInferred loads files and infers their scope, without grouping.
func loadInferred(t *testing.T, files map[string]string) []*message.Template {
	t.Helper()
	ts := loadFiles(t, files)
	InferScope(ts, DefaultConfig())
	return ts
}
