package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
)

func languageRule() *lint.Rule {
	return &lint.Rule{
		ID:       "language",
		Summary:  "The message's language has no language data, so content rules skip it",
		Severity: message.Info,
		Applies:  lint.Applies{Notifications: true},
		Doc: `The content rules (missing-eta, vague-eta, vague-cta, missing-next-step,
opt-out, readability, and others that read words) need phrase lists and
patterns for the message's language. notelint ships English, German and
French; regional variants (de-CH, fr-CA, en-GB) use their base language.

For any other language notelint reports this once per file and the
content rules stay silent, rather than judging, say, Italian text with
English word lists. The finding is information, not a defect: either the
locale is wrong (a typo in front matter, a path notelint read as a
locale), or the language needs data files.

Bad (a German message that says it is Italian):

    +++
    locale = "it"
    +++
    Ihre Lieferung verspätet sich.

Good:

    +++
    locale = "de"
    +++
    Ihre Lieferung verspätet sich.

Adding a language is adding data: put time.toml, cta.toml, nextstep.toml,
optout.toml and readability.toml (same keys as lint/lang/data/en/) in
lint/lang/data/<code>/.`,
		CheckRun: checkLanguage,
	}
}

// checkLanguage reports each file once per language without data, at the
// first message of that language in the file, so a 10,000-key bundle in
// an unsupported language gives one finding, not 10,000. Only
// notifications whose locale was stated count (front matter, config): a
// locale read from a folder or file name is not a request to check it.
func checkLanguage(rp *lint.RunPass) {
	ts := slices.Clone(rp.Templates)
	slices.SortStableFunc(ts, func(a, b *message.Template) int {
		return cmp.Or(cmp.Compare(a.Source.Path, b.Source.Path), cmp.Compare(a.Start, b.Start))
	})
	seen := map[string]bool{}
	have := strings.Join(lang.Builtin().Codes(), ", ")
	for _, t := range ts {
		// Only notifications whose locale someone stated (front matter or
		// config): a values-it/ folder of a whole-app bundle is no request
		// to check Italian.
		if !t.IsNotification() || !statedLocale(t) {
			continue
		}
		p := rp.Pass(t)
		code := prose.Code(t)
		if _, ok := prose.Language(t); ok || seen[t.Source.Path+"\x00"+code] {
			continue
		}
		seen[t.Source.Path+"\x00"+code] = true
		p.Report(lint.Diagnostic{Start: t.Start, End: t.Start,
			Message: fmt.Sprintf("no language data for %s: the content rules (missing-eta, vague-eta, vague-cta, missing-next-step, opt-out, readability) do not check this file's %s messages", code, code),
			Hint:    fmt.Sprintf("if the messages are in %s, fix their locale; otherwise add data files under lint/lang/data/%s/", have, code),
		})
	}
}

// statedLocale reports whether someone stated t's locale: front matter,
// the config, or the folder or name of a template file (not a bundle:
// values-it/ in a whole-app bundle is there for the app, not for notelint).
func statedLocale(t *message.Template) bool {
	switch t.Scope.Locale.Source {
	case message.FromFrontMatter, message.FromConfig, message.FromConfigDefault:
		return true
	case message.FromPath:
		return !t.FromBundle
	}
	return false
}
