package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

func formality() *lint.Rule {
	return &lint.Rule{
		ID:       "formality",
		Summary:  "A message mixes formal and informal address (Sie/du, vous/tu)",
		Severity: message.Warning,
		Applies:  lint.Applies{Notifications: true},
		Doc: `German and French address the reader formally ("Sie", "vous") or
informally ("du", "tu"). A message that switches between the two reads as
careless, or as assembled from different sources, and confuses readers
about who is writing to them.

notelint counts the forms of address across the whole message (subject
and body together). A German formal pronoun counts only capitalised and
not at the start of a sentence, where "Sie" may mean "she" or "they"; a
sender prefix is no sentence start ("Acme: Ihr Paket ... Kannst du ..." is
a mix), nor is the line after a salutation ending in a comma ("Hallo
Anna,", then "Ihr Paket ..."). In a formal German message, a lower-case "ihr"/"ihre" ("ihr
Interesse") is reported as information: if it addresses the reader, it
must be capitalised. It is not reported where it refers to someone else:
after a noun and "und" ("die Techniker und ihre Termine", "Kunden und ihr
Paket"), or later in a sentence that starts with "die"/"der" and a noun
("Die Fahrer kennen ihre Route": "die"/"der" and a noun earlier in the
sentence) or names two people or groups ("an Vortragende und
Einreichende, abhängig von ihrem Status"), unless a preposition comes
right before it and nothing else names someone ("Die Lieferung erfolgt an
ihre Adresse" is reported). A pronoun alone in
brackets or quotes is named, not used ("Deutsch (Sie)").

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
	part *message.Part
	w    prose.Word
}

// maxFormalityFindings caps the findings of one message.
const maxFormalityFindings = 3

func checkFormality(p *lint.Pass) {
	d, _ := i18nLangs.For(p.Template)
	if d == nil || len(d.formal) == 0 || len(d.informal) == 0 {
		return
	}
	formal, informal, lower := addressUses(p.Template, d)
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
			p.Report(lint.Diagnostic{Part: u.part, Start: u.w.Start, End: u.w.End,
				Message: fmt.Sprintf("%s %q in a message that also addresses the reader with %q: one message must use one form of address", what, u.w.Text, other.w.Text),
				Hint:    fmt.Sprintf("use the form of address of the rest of the message (%q) throughout", other.w.Text)})
		}
		return
	}
	for _, u := range lower {
		if n == maxFormalityFindings {
			break
		}
		n++
		p.Report(lint.Diagnostic{Part: u.part, Start: u.w.Start, End: u.w.End, Severity: message.Info,
			Message: fmt.Sprintf("lower-case %q in a message that addresses the reader formally (%q): if it means the reader, it reads as informal or as \"her\"", u.w.Text, formal[0].w.Text),
			Hint:    fmt.Sprintf("capitalise it (%q) if it addresses the reader", capitalise(u.w.Text))})
	}
}

// addressUses returns the forms of address of a template (all parts):
// formal, informal, and lower-case formal possessives that may be meant
// formally ("ihr Interesse").
func addressUses(t *message.Template, d *i18nData) (formal, informal, lower []addressUse) {
	for _, part := range t.Parts {
		words := prose.Words(part)
		text := ""
		for i, w := range words {
			if w.Quoted {
				continue
			}
			if text == "" {
				text = part.Masked()
			}
			if bracketed(text, w) {
				continue
			}
			switch {
			case d.caseFormal && d.formal[w.Text] && (!w.SentenceStart || afterSenderPrefix(part, words, i) || afterSalutation(text, w)):
				formal = append(formal, addressUse{part, w})
			case !d.caseFormal && d.formal[w.Lower]:
				formal = append(formal, addressUse{part, w})
			case d.informal[w.Lower] && (i == 0 || !d.notAfter[words[i-1].Lower]):
				informal = append(informal, addressUse{part, w})
			case d.formalLower[w.Text] && !d.thirdParty(words, i):
				lower = append(lower, addressUse{part, w})
			}
		}
	}
	return formal, informal, lower
}

// bracketed reports whether w stands alone in brackets: "Deutsch (Sie)"
// names the form of address rather than using it.
func bracketed(text string, w prose.Word) bool {
	before := strings.TrimRight(text[:w.Start], " ")
	after := strings.TrimLeft(text[w.End:], " ")
	return strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")")
}

// afterSalutation reports whether w opens the line after a salutation
// ending in a comma ("Hallo Anna,\nIhr Paket"): German goes on in lower
// case there, so a capital is the formal pronoun.
func afterSalutation(text string, w prose.Word) bool {
	before := strings.TrimRight(text[:w.Start], " \t")
	if !strings.HasSuffix(before, "\n") {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(before, " \t\r\n"), ",")
}

// afterSenderPrefix reports whether words[i] is the first word after a
// sender prefix that opens the part ("Acme: Ihr Paket"): a capital there
// is the formal pronoun, not a sentence start.
func afterSenderPrefix(part *message.Part, words []prose.Word, i int) bool {
	if i == 0 || i > 3 {
		return false
	}
	text := part.Masked()
	pre := strings.TrimSpace(text[:words[i].Start])
	name, ok := strings.CutSuffix(pre, ":")
	if !ok || strings.ContainsAny(name, ".!?:;\n") {
		return false
	}
	got, ok := senderPrefix(pre)
	return ok && got == strings.TrimSpace(name) && capitalisedWords(got)
}

// thirdParty reports whether the lower-case possessive words[i] ("ihre")
// refers to someone else rather than the reader: right after a noun and a
// coordinator ("die Techniker und ihre Termine"), or after a determiner
// and noun earlier in the sentence ("Die Fahrer kennen ihre Route") when
// no preposition comes right before it.
func (d *i18nData) thirdParty(words []prose.Word, i int) bool {
	if i == 0 || words[i].SentenceStart {
		return false
	}
	noun := func(w prose.Word) bool { return prose.IsCapitalised(w.Text) && !d.formal[w.Text] }
	st := i - 1
	for st > 0 && !words[st].SentenceStart {
		st--
	}
	// Two nouns joined before it: "die Techniker und ihre Termine", "an
	// Vortragende und Einreichende, abhängig von ihrem Status".
	for j := max(st, 1); j < i; j++ {
		if d.lowerCoord[words[j].Lower] && noun(words[j-1]) && (j+1 == i || noun(words[j+1])) {
			return true
		}
	}
	if d.lowerPrep[words[i-1].Lower] {
		return false
	}
	// A determiner and a noun with a word between them and "ihre": "Die
	// Fahrer kennen ihre Route".
	for j := st; j+2 < i; j++ {
		if d.lowerDet[words[j].Lower] && noun(words[j+1]) {
			return true
		}
	}
	return false
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
