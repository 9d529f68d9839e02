package rules

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// formalityMixID is the id of the locale-wide formality check.
const formalityMixID = "formality-mix"

// formalityMixOptions are the options of the formality-mix rule.
type formalityMixOptions struct {
	// NotificationsOnly counts only the texts taken for customer
	// notifications, not interface strings of the same locale.
	NotificationsOnly bool `toml:"notifications_only"`
}

// maxMixExamples caps the other places a finding lists.
const maxMixExamples = 3

func formalityMix() *lint.Rule {
	return &lint.Rule{
		ID:       formalityMixID,
		Summary:  "A locale mixes formal and informal address across its texts (Sie/du, vous/tu)",
		Severity: message.Warning,
		Options:  func() any { return &formalityMixOptions{} },
		Doc: `A locale speaks to its readers in one voice: a German catalogue written
with "Sie" that says "dein Platz" in one place, or a French one written
with "vous" that slips into "tu", reads as careless and as assembled from
different sources. Each message may be consistent on its own (the
formality rule checks that); the defect only shows across the locale.

notelint groups the texts of a run by project and locale, and counts,
per locale, the texts that address the reader formally and those that
address them informally, with the words of the formality rule; texts
whose locale is only a weak guess are left out. "de" and "de-x-formal"
are different locales, as are "de_DE" and "de_Formal" in a gettext
project. A project is the nearest folder above a file with a .git, .hg,
.svn or .notelint.toml; files without one are grouped by the first folder
below the folder they share, so a run over several checkouts keeps them
apart.

When both forms occur, the form used by fewer texts is the leftover (on a
tie, the informal one: German and French customer messages default to the
formal form). Every text that uses it gets one finding at its first such
word, naming the counts and up to three other places with the same form:
each finding is one place to fix, and can be suppressed there if the text
means to differ. One finding per locale would hide the other places
behind the first. A notification that mixes both forms itself is left to
the formality rule.

By default all texts of a locale count, interface strings included: the
leftovers of a catalogue translated from "du" to "Sie" sit in buttons and
dialogs as often as in e-mails, and readers meet both. Set
notifications_only = true to count only customer notifications.

Bad (de_Formal/signup.txt, where the other de_Formal texts say "Sie"):

    Mit deinem Account ist eine Anmeldung bei dieser Session nicht möglich.

Good (de_Formal/signup.txt):

    Mit Ihrem Account ist eine Anmeldung bei dieser Session nicht möglich.

Options:

    [rules.formality-mix]
    notifications_only = false   # true: count customer notifications only`,
		CheckRun: checkFormalityMix,
	}
}

// addressedText is one text of a locale and how it addresses the reader.
type addressedText struct {
	t                *message.Template
	formal, informal []addressUse
}

func checkFormalityMix(p *lint.RunPass) {
	opt, _ := p.Options.(*formalityMixOptions)
	byLocale := map[string][]addressedText{}
	var locales []string
	roots := projectRoots(p.Templates)
	for _, t := range p.Templates {
		// A locale guessed with little confidence may be wrong, and then
		// French "du" reads as German informal address.
		if t.Empty || t.Locale == "" || !t.Scope.Locale.Known() || (opt != nil && opt.NotificationsOnly && !t.IsNotification()) {
			continue
		}
		d, _ := i18nLangs.For(t)
		if d == nil || len(d.formal) == 0 || len(d.informal) == 0 {
			continue
		}
		formal, informal, _ := addressUses(t, d)
		if len(formal) == 0 && len(informal) == 0 {
			continue
		}
		key := roots[t] + "\x00" + t.Locale
		if _, ok := byLocale[key]; !ok {
			locales = append(locales, key)
		}
		byLocale[key] = append(byLocale[key], addressedText{t, formal, informal})
	}
	sort.Strings(locales)
	for _, key := range locales {
		_, loc, _ := strings.Cut(key, "\x00")
		reportLocaleMix(p, loc, byLocale[key])
	}
}

// reportLocaleMix reports the texts of one locale that use its minority
// form of address.
func reportLocaleMix(p *lint.RunPass, locale string, texts []addressedText) {
	nFormal, nInformal := 0, 0
	for _, at := range texts {
		if len(at.formal) > 0 {
			nFormal++
		}
		if len(at.informal) > 0 {
			nInformal++
		}
	}
	if nFormal == 0 || nInformal == 0 {
		return
	}
	minorityFormal := nFormal < nInformal
	what, other := "informal", "formal"
	nMinority, nMajority := nInformal, nFormal
	if minorityFormal {
		what, other = "formal", "informal"
		nMinority, nMajority = nFormal, nInformal
	}
	var minority []addressUse
	var owners []*message.Template
	var majorityWord string
	for _, at := range texts {
		uses, others := pick(at, minorityFormal), pick(at, !minorityFormal)
		if majorityWord == "" && len(others) > 0 && len(uses) == 0 {
			majorityWord = others[0].w.Text
		}
		if len(uses) == 0 {
			continue
		}
		// A message with both forms is the formality rule's finding.
		if len(others) > 0 && at.t.IsNotification() {
			continue
		}
		minority = append(minority, uses[0])
		owners = append(owners, at.t)
	}
	if majorityWord == "" {
		for _, at := range texts {
			if others := pick(at, !minorityFormal); len(others) > 0 {
				majorityWord = others[0].w.Text
				break
			}
		}
	}
	total := nFormal + nInformal - overlap(texts)
	if len(minority) > 0 && len(minority) > maxLeftovers(total) {
		// No clear majority: two styles, not a few leftovers. One finding
		// for the locale, at its first minority text.
		u := minority[0]
		p.Report(owners[0], lint.Diagnostic{Part: u.part, Start: u.w.Start, End: u.w.End,
			Message: fmt.Sprintf("the %s texts mix forms of address: %d %s (%q) and %d %s (%q) of %d that address the reader; one locale should use one form",
				locale, nMinority, what, u.w.Text, nMajority, other, majorityWord, total),
			Hint: fmt.Sprintf("choose one form of address for %s and rewrite the other texts, or keep the two in locales of their own", locale)})
		return
	}
	for i, u := range minority {
		msg := fmt.Sprintf("%s %q in a %s text, while %d of the locale's %d texts that address the reader are %s (%q): one locale should use one form of address",
			what, u.w.Text, locale, nMajority, total, other, majorityWord)
		if more := otherPlaces(owners, minority, i); more != "" {
			msg += fmt.Sprintf("; %d %s in all, also %s", nMinority, what, more)
		}
		p.Report(owners[i], lint.Diagnostic{Part: u.part, Start: u.w.Start, End: u.w.End,
			Message: msg,
			Hint:    fmt.Sprintf("use the %s address of the rest of the %s texts (%q), or keep %s texts in a locale of their own", other, locale, majorityWord, what)})
	}
}

// pick returns the formal or the informal uses of a text.
func pick(at addressedText, formal bool) []addressUse {
	if formal {
		return at.formal
	}
	return at.informal
}

// overlap counts the texts that use both forms, so the total counts each
// text once.
func overlap(texts []addressedText) int {
	n := 0
	for _, at := range texts {
		if len(at.formal) > 0 && len(at.informal) > 0 {
			n++
		}
	}
	return n
}

// otherPlaces names up to maxMixExamples other minority uses as
// file:line.
func otherPlaces(owners []*message.Template, uses []addressUse, self int) string {
	var out []string
	for j, u := range uses {
		if j == self {
			continue
		}
		if len(out) == maxMixExamples {
			out = append(out, "…")
			break
		}
		out = append(out, usePlace(owners[j], u))
	}
	return strings.Join(out, ", ")
}

// usePlace returns "file:line" of a word of a template.
func usePlace(t *message.Template, u addressUse) string {
	src := t.Source
	if u.part.Source != nil {
		src = u.part.Source
	}
	off, _ := u.part.Text.FileRange(u.w.Start, u.w.End)
	return fmt.Sprintf("%s:%d", filepath.Base(src.Path), src.Position(off).Line)
}

// maxLeftovers is how many texts of the minority form a locale of total
// addressed texts may have for them to be leftovers reported one by one:
// a fifth, at least 3. More are a second style, reported once.
func maxLeftovers(total int) int {
	return max(3, total/5)
}
