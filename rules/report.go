package rules

import (
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// messageAnchor returns where a finding about the whole message points: the
// first sentence of the body (after a salutation such as "Hi Anna,"), or of
// the first part with text (the subject of an e-mail without body text), or
// the start of the message.
func messageAnchor(t *message.Template) (*message.Part, int, int) {
	parts := make([]*message.Part, 0, len(t.Parts))
	if b := t.Body(); b != nil {
		parts = append(parts, b)
	}
	parts = append(parts, t.Parts...)
	for _, part := range parts {
		text := prose.Filled(part)
		if strings.TrimSpace(text) == "" {
			continue
		}
		sents := prose.Sentences(text, nil)
		// Skip a salutation ("Guten Tag," / "Hi {{name}},") on its own.
		if len(sents) > 1 && strings.HasSuffix(text[sents[0].Start:sents[0].End], ",") {
			sents = sents[1:]
		}
		if len(sents) > 0 {
			return part, sents[0].Start, sents[0].End
		}
	}
	return nil, t.Start, t.Start
}

// reportMessage reports a finding about the whole message at its anchor.
func reportMessage(p *lint.Pass, msg, hint string) {
	part, s, e := messageAnchor(p.Template)
	p.Report(lint.Diagnostic{Part: part, Start: s, End: e, Message: msg, Hint: hint, Whole: true})
}
