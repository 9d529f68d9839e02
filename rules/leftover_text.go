package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// maxStandInWords is the most words a bracketed stand-in has ("[Name of
// the product]").
const maxStandInWords = 5

var (
	// bracketRe finds a bracketed text on one line.
	bracketRe = regexp.MustCompile(`\[([^\[\]\n]{1,60})\]`)
	// scaffoldRe finds writers' notes and filler: lorem ipsum, the
	// upper-case to-do and fix-me markers, and runs of X standing for a
	// value (XXX, XX.XX).
	scaffoldRe = regexp.MustCompile(`(?i:\blorem ipsum\b)|\bTODO\b|\bFIXME\b|\bX{3,}\b|\bXX[.,]XX\b`)
)

// leftoverNouns are the stand-in words of every language: a German
// template may keep an English "[Product Name]".
var leftoverNouns = prose.NewPerLanguage(func(l *lang.Language) *lang.Matcher {
	return l.List("leftover_nouns")
})

func leftoverText() *lint.Rule {
	return &lint.Rule{
		ID:       "leftover-text",
		Summary:  "Stand-in text of a template ([Product Name], XXX, lorem ipsum, TODO) must not reach customers",
		Severity: message.Error,
		Applies:  lint.Applies{Notifications: true},
		Doc: `A template copied from a starter kit or a draft keeps text meant to be
replaced: "[Product Name]", "[Your Name]", "XXX", "lorem ipsum", "TODO".
Sent as it is, it tells customers the message is unfinished — or a fake —
and they call to check it. notelint reports in every part of a message:

- a bracketed text of up to five words that names what should stand
  there: a name, product, company, date, amount, link, number and the
  like ("[Product Name]", "[Ihr Name]", "[Nom du produit]"). Markdown
  link texts ("[your order](https://…)", "[order][1]") and check boxes
  ("[x]") are not stand-ins;
- "lorem ipsum", TODO and FIXME, and runs of X standing for a value
  (XXX, XX.XX).

Placeholders of the template language ({{product_name}}) are what the
program fills in: they are never reported.

Bad (email/invoice.txt, a starter template's stand-in left in):

    Thanks for using [Product Name]. This is an invoice for your recent purchase.

Good:

    Thanks for using Acme. This is an invoice for your recent purchase.`,
		Check: checkLeftoverText,
	}
}

func checkLeftoverText(p *lint.Pass) {
	nouns := leftoverNouns.All()
	// Each stand-in is reported once, where it first appears, with how
	// often the message has it: "[Product Name]" five times is one fix.
	type hit struct {
		part       *message.Part
		start, end int
		draft      bool
		n          int
	}
	var hits []*hit
	seen := map[string]*hit{}
	add := func(part *message.Part, text string, start, end int, draft bool) {
		shown := text[start:end]
		if h := seen[shown]; h != nil {
			h.n++
			return
		}
		h := &hit{part: part, start: start, end: end, draft: draft, n: 1}
		seen[shown] = h
		hits = append(hits, h)
	}
	for _, part := range p.Template.Parts {
		text := prose.Text(part)
		for _, m := range bracketRe.FindAllStringSubmatchIndex(text, -1) {
			if standIn(text, m, nouns) {
				add(part, text, m[0], m[1], false)
			}
		}
		for _, m := range scaffoldRe.FindAllStringIndex(text, -1) {
			add(part, text, m[0], m[1], true)
		}
	}
	for _, h := range hits {
		shown := prose.Text(h.part)[h.start:h.end]
		times := ""
		if h.n > 1 {
			times = fmt.Sprintf(" (%d times in this message)", h.n)
		}
		d := lint.Diagnostic{Part: h.part, Start: h.start, End: h.end,
			Message: fmt.Sprintf("%s is stand-in text of a template%s: customers see it as it is and take the message for unfinished or fake", shown, times),
			Hint:    "write what should stand there, or a placeholder the program fills in"}
		if h.draft {
			d.Message = fmt.Sprintf("%q is draft text%s: customers see it as it is and take the message for unfinished", shown, times)
			d.Hint = "replace it with the final text"
		}
		p.Report(d)
	}
}

// standIn reports whether the bracketed text at m in text (a
// FindAllStringSubmatchIndex match of bracketRe) is a template's stand-in:
// a few words naming what should be there, not a Markdown link text or a
// check box.
func standIn(text string, m []int, nouns map[string]*lang.Matcher) bool {
	if m[0] > 0 && (text[m[0]-1] == '!' || text[m[0]-1] == ']') {
		return false
	}
	if m[1] < len(text) && (text[m[1]] == '(' || text[m[1]] == '[' || text[m[1]] == ':') {
		return false
	}
	inner := strings.TrimSpace(text[m[2]:m[3]])
	words := strings.Fields(inner)
	if len(words) == 0 || len(words) > maxStandInWords || strings.ContainsAny(inner, ".!?;") {
		return false
	}
	if strings.Contains(inner, prose.ObjectMark) {
		return false // a placeholder in brackets is filled in
	}
	f := lang.Fold(inner)
	for _, mt := range nouns {
		if mt.Contains(f) {
			return true
		}
	}
	return false
}
