package rules

import (
	"strings"
	"unicode"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/classify"
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
		// Skip lines without words ("[/{shop_url}]") and a salutation
		// ("Guten Tag," / "Hi {{name}},") on its own.
		var sents []prose.Span
		for _, sp := range prose.Sentences(text, nil) {
			if strings.IndexFunc(text[sp.Start:sp.End], unicode.IsLetter) >= 0 {
				sents = append(sents, sp)
			}
		}
		if len(sents) > 1 && strings.HasSuffix(text[sents[0].Start:sents[0].End], ",") {
			sents = sents[1:]
		}
		if len(sents) > 0 {
			return part, sents[0].Start, sents[0].End
		}
	}
	return nil, t.Start, t.Start
}

// kindAnchor returns the sentence that names the message's kind, when its
// text names it ("This may cause a slight delay in your delivery."): a
// finding about what the message lacks for its kind points there.
func kindAnchor(t *message.Template) (*message.Part, int, int, bool) {
	k := t.Scope.Kind
	phrase := ""
	if k.Source == message.FromText {
		phrase = k.Detail
	} else if t.Kind != "" {
		// The kind came from elsewhere (a path, a key): the text may
		// still say it.
		for _, v := range prose.Views(t) {
			if tx := classify.Default().ReadText(v.Masked, t.Language()); tx.Kind == t.Kind {
				phrase = tx.KindPhrase
				break
			}
		}
	}
	if phrase == "" {
		return nil, 0, 0, false
	}
	phrase = strings.ToLower(phrase)
	for _, v := range prose.Views(t) {
		i := strings.Index(v.Folded.S, phrase)
		if i < 0 {
			continue
		}
		at := v.PartRange(prose.Span{Start: i, End: i + len(phrase)})
		text := prose.Filled(v.Part)
		for _, sp := range prose.Sentences(text, nil) {
			if sp.Start <= at.Start && at.Start < sp.End {
				return v.Part, sp.Start, sp.End, true
			}
		}
	}
	return nil, 0, 0, false
}

// reportMessage reports a finding about the whole message at its anchor:
// the sentence that names its kind, else its first sentence.
func reportMessage(p *lint.Pass, msg, hint string) {
	part, s, e, ok := kindAnchor(p.Template)
	if !ok {
		part, s, e = messageAnchor(p.Template)
	}
	p.Report(lint.Diagnostic{Part: part, Start: s, End: e, Message: msg, Hint: hint, Whole: true})
}
