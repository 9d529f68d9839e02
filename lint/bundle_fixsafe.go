package lint

// noFix returns t with every span marked as text --fix never edits: a key
// that is also the message's source text (an Xcode string catalog key is
// looked up by code, so changing it would orphan the translations).
func noFix(t Text) Text {
	spans := make([]span, len(t.spans))
	for i, sp := range t.spans {
		sp.host = host{}
		spans[i] = sp
	}
	return Text{s: t.s, spans: spans}
}
