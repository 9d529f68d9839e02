package rules

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/classify"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

// parityOptions are the options of the translation-parity rule.
type parityOptions struct {
	// SourceLocale is the locale translations are compared with; default:
	// the bundle's source_locale, else [lint] default_locale when the set
	// has it, else the set's first locale.
	SourceLocale string `toml:"source_locale"`
	// UntranslatedMinWords is how many words a text needs before a copy
	// of the source counts as untranslated ("OK" may be the same).
	UntranslatedMinWords int `toml:"untranslated_min_words"`
	// IgnoreKeys lists message keys (patterns with *) not compared.
	IgnoreKeys []string `toml:"ignore_keys"`
	// AllKeys compares every key of a bundle, not only the notifications
	// (UI labels, help texts) — for teams that own the whole bundle.
	AllKeys bool `toml:"all_keys"`
}

// Scope limits the rule to notifications unless all_keys is set.
func (o *parityOptions) Scope(a *lint.Applies) { a.Notifications = !o.AllKeys }

// Validate checks the options.
func (o *parityOptions) Validate() error {
	if o.UntranslatedMinWords < 1 {
		return fmt.Errorf("untranslated_min_words must be at least 1")
	}
	return nil
}

// translationParityID is the id of the translation-parity rule.
const translationParityID = "translation-parity"

func translationParity() *lint.Rule {
	return &lint.Rule{
		ID:       translationParityID,
		Summary:  "Every translation exists, is not empty or untranslated, and uses the source's placeholders",
		Severity: message.Warning,
		Options:  func() any { return &parityOptions{UntranslatedMinWords: 3} },
		Doc: `The translations of one message (one bundle key, or one file name in
per-locale folders) must all exist, carry text, and use the same
placeholders as the source locale: a translation without {{eta}} sends
a delay message without the new time; one with a misspelt %{nmae} sends
the raw placeholder.

For each message key notelint compares every locale with the source
locale (the bundle's source_locale, else this rule's source_locale, else a
default_locale the config names, else English, else the one locale that
has every key the others have, else the locale with the most keys; a
project written in another language first sets source_locale). A
message missing in several locales is one finding naming them.
In a whole-application bundle only the keys notelint takes for
notifications (and labels that belong to them) are compared; set
all_keys = true to compare every key:

- placeholders missing from, or added to, a translation (error);
  plural forms ("one", msgstr[0]) may leave the count out;
- a locale that has other messages of the set but not this one, and an
  empty translation (warning); in per-locale folders of single files only
  for messages that exist in two or more locales (a message in one locale
  only is taken as meant for that market);
- a translation identical to the source text, in another language
  (info: untranslated?); gettext entries marked fuzzy (info).

gettext .po files are compared entry by entry with their msgid.

Bad (de.yml, next to en.yml):

    de:
      sms:
        parcel_delayed: "Ihr Paket verspätet sich."          # en has %{eta}

Good (de.yml):

    de:
      sms:
        parcel_delayed: "Ihr Paket verspätet sich. Neue Zeit: %{eta}."

Options:

    [rules.translation-parity]
    source_locale = "en"
    untranslated_min_words = 3
    ignore_keys = ["date.formats.*"]
    all_keys = false          # true: every key, not only notifications`,
		Owns:     []message.ProblemKind{message.TranslationProblem},
		CheckRun: checkTranslationParity,
	}
}

type parityGroup struct {
	bundle   bool // the group comes from an i18n bundle
	set, key string
	byLoc    map[string][]*message.Template
}

func checkTranslationParity(p *lint.RunPass) {
	opt := p.Options.(*parityOptions)
	groups := map[[2]string]*parityGroup{}
	var order [][2]string
	setLocales := map[string]map[string]bool{}
	keyCount := map[string]map[string]int{} // keys per set and locale
	// In a whole-application bundle most keys are interface strings: a
	// key is compared when it is a notification in any of its locales.
	wanted := map[[2]string]bool{}
	for _, t := range p.Templates {
		if opt.AllKeys || !t.FromBundle || t.IsNotification() || t.Scope.PartOf != "" {
			wanted[[2]string{t.Set, t.Key}] = true
		}
	}
	for _, t := range p.Templates {
		if !wanted[[2]string{t.Set, t.Key}] {
			continue
		}
		if t.Original != nil {
			compareOriginal(p, opt, t)
			continue
		}
		if t.Key == "" || t.Positional || ignoredKey(opt, t.Key) {
			continue
		}
		k := [2]string{t.Set, t.Key}
		g := groups[k]
		if g == nil {
			g = &parityGroup{set: t.Set, key: t.Key, byLoc: map[string][]*message.Template{}, bundle: t.FromBundle}
			groups[k] = g
			order = append(order, k)
		}
		loc := message.NormalizeLocale(t.Locale)
		g.byLoc[loc] = append(g.byLoc[loc], t)
	}
	for _, k := range order {
		g := groups[k]
		if keyCount[g.set] == nil {
			keyCount[g.set] = map[string]int{}
		}
		for loc := range g.byLoc {
			keyCount[g.set][loc]++
		}
	}
	superset := supersetLocales(groups, order)
	var gaps missingTranslations
	// A set's locales are those of its keys translated at all: a folder
	// of unrelated single-language messages is no translation set.
	for _, k := range order {
		g := groups[k]
		if len(g.byLoc) < 2 {
			continue
		}
		if setLocales[g.set] == nil {
			setLocales[g.set] = map[string]bool{}
		}
		for loc := range g.byLoc {
			setLocales[g.set][loc] = true
		}
	}
	for _, k := range order {
		g := groups[k]
		locs := sortedKeys(setLocales[g.set])
		if len(locs) < 2 {
			continue
		}
		// In per-locale folders a message that exists in one locale only
		// is usually meant for that market (a German legal notice, a
		// French promotion); bundles are explicit translation sets, so
		// there every key is owed in every locale.
		if len(g.byLoc) < 2 && !g.bundle {
			continue
		}
		src := sourceLocale(p, opt, g, locs, keyCount[g.set], superset[g.set])
		srcTs := g.byLoc[src]
		if len(srcTs) == 0 {
			continue // a key only translations have: nothing to compare with
		}
		var missing []string
		for _, loc := range locs {
			if loc == src {
				continue
			}
			ts := g.byLoc[loc]
			if len(ts) == 0 {
				missing = append(missing, loc)
				continue
			}
			for _, t := range ts {
				elsewhere := isActionLabel(t) && translatedElsewhere(g, src, loc, t.Plural)
				compareTranslation(p, opt, t, counterpart(srcTs, t.Plural), src, elsewhere)
			}
		}
		if len(missing) > 0 {
			gaps.add(g, srcTs[0], src, missing)
		}
	}
	gaps.report(p)
}

// sourceLocale picks the locale a group is compared with.
func sourceLocale(p *lint.RunPass, opt *parityOptions, g *parityGroup, locs []string, keys map[string]int, superset string) string {
	for _, ts := range g.byLoc {
		for _, t := range ts {
			if t.SourceLocale != "" {
				return message.NormalizeLocale(t.SourceLocale)
			}
		}
	}
	cands := []string{opt.SourceLocale}
	if p.Config.DefaultLocaleSet() {
		cands = append(cands, p.Config.Lint.DefaultLocale)
	}
	for _, cand := range cands {
		if cand == "" {
			continue
		}
		c := message.NormalizeLocale(cand)
		for _, l := range locs {
			if l == c {
				return l
			}
		}
		for _, l := range locs {
			if message.BaseLanguage(l) == message.BaseLanguage(c) {
				return l
			}
		}
	}
	// Nothing stated. English, which most projects write first (a
	// translation may keep keys the source dropped, so it can have more
	// keys than the source); else the locale that has every key any other
	// has (translations lag behind it); else the locale with the most keys,
	// then the first by name.
	for _, l := range locs {
		if message.BaseLanguage(l) == "en" {
			return l
		}
	}
	if superset != "" {
		return superset
	}
	best := locs[0]
	for _, l := range locs {
		if keys[l] > keys[best] || (keys[l] == keys[best] && message.BaseLanguage(l) == "en" && message.BaseLanguage(best) != "en") {
			best = l
		}
	}
	return best
}

// counterpart is the source template a translation is compared with: the
// same plural form, else "other", else the first.
func counterpart(srcTs []*message.Template, plural string) *message.Template {
	for _, s := range srcTs {
		if s.Plural == plural {
			return s
		}
	}
	for _, s := range srcTs {
		if s.Plural == "other" {
			return s
		}
	}
	return srcTs[0]
}

func compareTranslation(p *lint.RunPass, opt *parityOptions, t, s *message.Template, src string, elsewhere bool) {
	if t.Empty {
		if !s.Empty {
			p.Report(t, lint.Diagnostic{Start: t.Start, End: max(t.Start, t.End),
				Message: fmt.Sprintf("the %s translation of %q is empty: readers get a blank message", t.Locale, t.Key),
				Hint:    "write the translation"})
		}
		return
	}
	if w := t.Scope.WrittenIn; w != "" && w != message.BaseLanguage(t.Locale) {
		// Not translated at all (mixed-language says so): comparing its
		// placeholders with the source only repeats that.
		return
	}
	for _, part := range t.Parts {
		sp := sourcePart(s, part)
		if sp == nil {
			continue
		}
		comparePlaceholders(p, t, part, sp, src, t.Plural != "")
		if message.BaseLanguage(t.Locale) != message.BaseLanguage(s.Locale) {
			reportUntranslated(p, opt, t, part, sp, src, elsewhere)
		}
	}
}

// sourcePart is the part of the source s to compare part with: the one of
// the same name, but like with like: a translation that has only a plain
// text body (shipped.txt) is compared with the source's plain-text part
// when the source has both an HTML and a plain-text version.
func sourcePart(s *message.Template, part *message.Part) *message.Part {
	if part.Name == message.PartBody && part.Format != message.HTML {
		if sb := s.Body(); sb != nil && sb.Format == message.HTML {
			if pt := s.Part(message.PartPlainText); pt != nil {
				return pt
			}
		}
	}
	return s.Part(part.Name)
}

// compareOriginal compares a gettext translation with its msgid.
func compareOriginal(p *lint.RunPass, opt *parityOptions, t *message.Template) {
	body := t.Body()
	if t.Empty || body == nil {
		p.Report(t, lint.Diagnostic{Start: t.Start, End: max(t.Start, t.End),
			Message: fmt.Sprintf("%q has no %s translation (empty msgstr): readers get the source text", truncate(t.Original.Text.String(), 40), t.Locale),
			Hint:    "write the translation"})
		return
	}
	comparePlaceholders(p, t, body, t.Original, "msgid", t.Plural != "")
	reportUntranslated(p, opt, t, body, t.Original, "msgid", false)
}

func reportUntranslated(p *lint.RunPass, opt *parityOptions, t *message.Template, part, sp *message.Part, src string, elsewhere bool) {
	a, b := normalisedProse(part), normalisedProse(sp)
	if a == "" || a != b {
		return
	}
	// A copy of the source that other languages translate ("Snooze" left
	// in German where French says "Reporter") is untranslated however
	// short. Otherwise only a text long enough to tell, and that reads as
	// another language than its locale, is: an English catalogue copies
	// its msgids, and "Notifications" is French too.
	if !elsewhere {
		if len(strings.Fields(a)) < opt.UntranslatedMinWords {
			return
		}
		if l := classify.GuessLanguage(part.Text.String()); l == "" || l == message.BaseLanguage(t.Locale) {
			return
		}
	}
	p.Report(t, lint.Diagnostic{Part: part, Start: 0, End: part.Text.Len(), Severity: message.Info,
		Message: fmt.Sprintf("the %s text is identical to the %s source: is it untranslated?", t.Locale, src),
		Hint:    "translate it, or list the key in [rules.translation-parity] ignore_keys if it is the same in both languages"})
}

// normalisedProse is a part's words without placeholders, lower-cased.
func normalisedProse(part *message.Part) string {
	var ws []string
	for _, w := range prose.Words(part) {
		ws = append(ws, w.Lower)
	}
	return strings.Join(ws, " ")
}

func ignoredKey(opt *parityOptions, key string) bool {
	for _, k := range opt.IgnoreKeys {
		if message.MatchKey(k, key) {
			return true
		}
	}
	return false
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func truncate(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// translatedElsewhere reports whether another translation (not loc) of
// the group's message differs from the source text: then a copy of the
// source in loc is an omission, not a word both languages share.
func translatedElsewhere(g *parityGroup, src, loc, plural string) bool {
	srcTs := g.byLoc[src]
	if len(srcTs) == 0 {
		return false
	}
	s := counterpart(srcTs, plural)
	sb := s.Body()
	if sb == nil {
		return false
	}
	want := normalisedProse(sb)
	for l, ts := range g.byLoc {
		if l == src || l == loc || message.BaseLanguage(l) == message.BaseLanguage(src) {
			continue
		}
		for _, t := range ts {
			if t.Plural != plural || t.Empty {
				continue
			}
			if b := t.Body(); b != nil && normalisedProse(b) != want {
				return true
			}
		}
	}
	return false
}

// isActionLabel reports whether t is the label of an action of a
// notification ("reminder_notification_snooze_action"): short, so its
// language cannot be told from its words, but a copy of the English
// source there is what a lock-screen reader sees.
func isActionLabel(t *message.Template) bool {
	if t.Scope.PartOf == "" {
		return false
	}
	for _, w := range classify.Tokens(t.Key) {
		if w == "action" || w == "actions" || w == "button" || w == "cta" {
			return true
		}
	}
	return false
}

// shownKey is the group's key as a finding names it: a bundle key as it
// is, a file's name without its folders (the folders are in the finding's
// location).
func (g *parityGroup) shownKey() string {
	if g.bundle {
		return g.key
	}
	return path.Base(g.key)
}
