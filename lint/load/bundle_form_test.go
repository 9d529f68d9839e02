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
