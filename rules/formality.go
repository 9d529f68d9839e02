package rules

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
)

func formality() *lint.Rule {
	return &lint.Rule{
		ID:       "formality",
		Summary:  "A message mixes formal and informal address (Sie/du, vous/tu)",
		Severity: lint.Warning,
		Applies:  lint.Applies{Notifications: true},
		Doc: `German and French address the reader formally ("Sie", "vous") or
informally ("du", "tu"). A message that switches between the two reads as
careless, or as assembled from different sources, and confuses readers
about who is writing to them.

notelint counts the forms of address across the whole message (subject
and body together). A German formal pronoun counts only capitalised and
not at the start of a sentence, where "Sie" may mean "she" or "they". In
a formal German message, a lower-case "ihr"/"ihre" ("ihr Interesse")
is reported as information: if it addresses the reader, it must be
capitalised.

Bad (de):

    +++
    locale = "de"
    +++
    Sie erhalten Ihre Bestellung morgen. Hast du Fragen? Schreib uns.

Good:

    +++
    locale = "de"
    +++
    Sie erhalten Ihre Bestellung morgen. Haben Sie Fragen? Schreiben Sie uns.

Bad (fr):

    +++
    locale = "fr"
    +++
    Vous recevrez votre commande demain. Tu peux la suivre ici.`,
		Check: checkFormality,
	}
}

type addressUse struct {
	part *lint.Part
	w    proseWord
}

// maxFormalityFindings caps the findings of one message.
const maxFormalityFindings = 3

func checkFormality(p *lint.Pass) {
	d := templateLanguage(p.Template)
	if d == nil || len(d.formal) == 0 || len(d.informal) == 0 {
		return
	}
	var formal, informal, lower []addressUse
	for _, part := range p.Template.Parts {
		words := proseWords(part)
		for i, w := range words {
			switch {
			case d.caseFormal && d.formal[w.text] && !w.sentenceStart:
				formal = append(formal, addressUse{part, w})
			case !d.caseFormal && d.formal[w.lower]:
				formal = append(formal, addressUse{part, w})
			case d.informal[w.lower] && (i == 0 || !d.notAfter[words[i-1].lower]):
				informal = append(informal, addressUse{part, w})
			case d.formalLower[w.text]:
				lower = append(lower, addressUse{part, w})
			}
		}
	}
	if len(formal) == 0 {
		return
	}
	n := 0
	if len(informal) > 0 {
		minority, majority, what := informal, formal, "informal"
		if len(formal) < len(informal) {
			minority, majority, what = formal, informal, "formal"
		}
		other := majority[0]
		for _, u := range minority {
			if n == maxFormalityFindings {
				break
			}
			n++
			p.Report(lint.Diagnostic{Part: u.part, Start: u.w.start, End: u.w.end,
				Message: fmt.Sprintf("%s %q in a message that also addresses the reader with %q: one message must use one form of address", what, u.w.text, other.w.text),
				Hint:    fmt.Sprintf("use the form of address of the rest of the message (%q) throughout", other.w.text)})
		}
		return
	}
	for _, u := range lower {
		if n == maxFormalityFindings {
			break
		}
		n++
		p.Report(lint.Diagnostic{Part: u.part, Start: u.w.start, End: u.w.end, Severity: lint.Info,
			Message: fmt.Sprintf("lower-case %q in a message that addresses the reader formally (%q): if it means the reader, it reads as informal or as \"her\"", u.w.text, formal[0].w.text),
			Hint:    fmt.Sprintf("capitalise it (%q) if it addresses the reader", capitalise(u.w.text))})
	}
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
