package rules

import (
	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

func frontmatter() *lint.Rule {
	return &lint.Rule{
		ID:       "frontmatter",
		Summary:  "Front matter and catalog entries must be valid TOML with known keys and values",
		Severity: message.Error,
		Doc: `Front matter (TOML between ` + "`+++`" + ` lines at the top of a template) and
the tables of a TOML catalog tell notelint the channel, locale and kind of a
message and describe its placeholders. A typo there silently changes which
checks run: a misspelt ` + "`kind`" + ` skips the ETA check, a misspelt ` + "`max`" + ` makes the
SMS length check guess. notelint reports invalid TOML with its line, unknown
keys, and unknown channels, kinds, locales and variable types.

Bad:

    +++
    chanel = "sms"
    kind = "late"
    +++

Good:

    +++
    channel = "sms"
    kind = "delay"
    +++

Known keys: id, channel (sms, email, push, whatsapp, inapp), locale (BCP 47),
kind (delay, outage, appointment, ticket, process-update, reminder, info,
marketing, otp), subject, preheader, title, sender, max_segments, disable,
and [vars] with sample, max, type, charset and landing per variable.`,
		Owns: []message.ProblemKind{message.FrontMatterProblem},
	}
}
