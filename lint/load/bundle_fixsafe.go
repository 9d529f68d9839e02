package load

import "github.com/notelint/notelint/lint/message"

// noFix returns t with every span marked as text --fix never edits: a key
// that is also the message's source text (an Xcode string catalog key is
// looked up by code, so changing it would orphan the translations).
func noFix(t message.Text) message.Text {
	spans := make([]message.Span, len(t.Spans))
	for i, sp := range t.Spans {
		sp.Host = message.Host{}
		spans[i] = sp
	}
	return message.Text{Str: t.Str, Spans: spans}
}
