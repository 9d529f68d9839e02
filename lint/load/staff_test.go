package load

import (
	"testing"

	"github.com/notelint/notelint/lint/message"
)

// TestStaffAudience takes a message that links to the staff side of the
// product for no customer notification, in a template file and in a bundle
// value, and leaves customer links alone.
func TestStaffAudience(t *testing.T) {
	for _, c := range []struct {
		path, text   string
		notification string
	}{
		{"email/en/ticket-assigned.html", `<p>Hi {{agent.name}}, ticket #{{ticket.number}} has been assigned to you. <a href="{{ticket.staff_link}}">Open it</a></p>`, message.No},
		{"email/de/ticket-zugewiesen.txt", "Hallo {{name}}, Ticket {{number}} ist Ihnen zugewiesen: {{admin_url}}", message.No},
		{"templates/email/assigned.alert.yaml", "subject: Ticket assigned to you\nbody: |\n  <h3>Hi %{assignee.name.first},</h3> Ticket <a href=\"%{ticket.staff_link}\">#%{ticket.number}</a> has been assigned to you.\n", message.No},
		{"email/en/parcel-late.html", `<p>Hi {{name}}, your parcel is late. <a href="{{tracking_url}}">Track it</a></p>`, message.Yes},
		{"sms/en/support-reply.txt", "Acme: an agent replied to your request: {{agent_reply_url}}", message.Yes},
	} {
		ts, err := LoadText(c.path, []byte(c.text), DefaultConfig())
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		body := ts[len(ts)-1] // a file's one template, or the YAML body
		if got := body.Scope.Notification.Value; got != c.notification {
			t.Errorf("%s: notification %q (%s), want %q", c.path, got, body.Scope.Notification.Detail, c.notification)
		}
	}
}
