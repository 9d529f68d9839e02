package rules

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// smsSegmentsOptions are the options of the sms-segments rule: the SMS
// settings every SMS estimate uses (see SMSSettings).
type smsSegmentsOptions struct {
	sms.Settings
}

// Validate checks the options; max_segments = 0 means the default.
func (o *smsSegmentsOptions) Validate() error {
	if o.MaxSegments == 0 {
		o.MaxSegments = sms.DefaultSettings().MaxSegments
	}
	if o.Split == "" {
		o.Split = sms.DefaultSettings().Split
	}
	if err := o.Settings.Validate(); err != nil {
		// The settings name the key first ("max_segments must be …"), so
		// the config loader can point at its line.
		key, _, _ := strings.Cut(err.Error(), " ")
		return &lint.OptionError{Key: []string{key}, Err: err}
	}
	return nil
}

// smsSegmentsID is the id of the rule that owns the SMS settings.
const smsSegmentsID = "sms-segments"

// SMSSettings returns the SMS settings of cfg: the options of the
// sms-segments rule ([rules.sms-segments], or its alias [sms]). The rule,
// the HTML report and simulate all estimate SMS size with these.
func SMSSettings(cfg *lint.Config) sms.Settings {
	if cfg != nil {
		if o, ok := cfg.RuleOptions(smsSegments()).(*smsSegmentsOptions); ok {
			return o.Settings
		}
	}
	return sms.DefaultSettings()
}

func smsSegments() *lint.Rule {
	return &lint.Rule{
		ID:          smsSegmentsID,
		Summary:     "An SMS must fit its segment budget, with placeholders at their longest",
		Severity:    message.Error,
		Applies:     smsOnly,
		Options:     func() any { return &smsSegmentsOptions{Settings: sms.DefaultSettings()} },
		ConfigAlias: "sms",
		Doc: `Every SMS segment is billed, and a message split into parts can arrive out of
order or be cut on older phones. One segment holds 160 GSM-7 characters, or
70 when any character forces UCS-2 (an emoji, a curly apostrophe). Once a
message needs two, each part holds only 153 (GSM-7) or 67 (UCS-2), because
the parts carry a header that puts them back together.

notelint counts the worst case: every placeholder at its declared max (or
default_var_length when undeclared), and placeholders with
charset = "unicode" (such as customer names) turn the whole message into
UCS-2. The finding names the best case (sample values) and the worst case.
An SMS that fits with its sample values and goes over only because of the
assumed length of placeholders nobody declared is not reported: declare
max (or charset) to have the worst case checked.
Segments never split a character the phone shows as one (an emoji, a flag),
as Twilio and Android count; set split = "minimal" for the spec's
minimum (never split an escape or surrogate pair). The HTML report and
simulate count segments with the same options.

Bad (2 segments in the worst case):

    +++
    [vars]
    name = { max = 30, charset = "unicode" }
    +++
    Hello {{name}}, your parcel from Acme is delayed. New delivery window: tomorrow between 10:00 and 12:00. Track it at https://acme.example/t/AB12

Good:

    +++
    [vars]
    eta = { max = 16, type = "time" }
    +++
    Acme: your parcel is delayed. New delivery: {{eta}}. Track: https://acme.example/t/AB12

Options:

    [rules.sms-segments]
    max_segments = 1           # budget for every SMS (front matter max_segments overrides)
    default_var_length = 20    # assumed length of a placeholder without max
    split = "graphemes"        # or "minimal"

The same keys in an [sms] table (the older spelling) still work; a key set
in both tables is an error, except 0 or "" in [rules.sms-segments], which
yields to [sms].`,
		Check: checkSMSSegments,
	}
}

func checkSMSSegments(p *lint.Pass) {
	t := p.Template
	body := t.Body()
	if t.Channel != "sms" || body == nil {
		return
	}
	est := message.EstimateSMS(t, p.Options.(*smsSegmentsOptions).Settings)
	if !est.Over() {
		return
	}
	// Over only in the worst case, and only through placeholders whose
	// length nobody declared: too weak to report.
	if !est.Worst.TooLong && est.Best.Segments <= est.Budget && len(est.Assumed) > 0 && !declaresLength(t) {
		return
	}
	w := est.Worst
	if w.TooLong {
		p.Report(lint.Diagnostic{Part: body, Start: 0, End: body.Text.Len(),
			Message: fmt.Sprintf("the SMS needs %d segments in the worst case: more than %d parts cannot be sent at all", w.Segments, sms.MaxParts),
			Hint:    "shorten the text drastically, or send a link to the details instead"})
		return
	}
	b := est.Best
	msg := fmt.Sprintf("the SMS needs %s (%s, %d %s) but the budget is %s",
		plural(w.Segments, "segment"), w.Encoding, w.Units, unitName(w.Encoding), plural(est.Budget, "segment"))
	if b.Segments != w.Segments || b.Units != w.Units || b.Encoding != w.Encoding {
		msg = fmt.Sprintf("the SMS needs %s in the worst case (%s, %d %s) but the budget is %s; best case %s (%s, %d %s)",
			plural(w.Segments, "segment"), w.Encoding, w.Units, unitName(w.Encoding),
			plural(est.Budget, "segment"),
			plural(b.Segments, "segment"), b.Encoding, b.Units, unitName(b.Encoding))
	}
	msg += ": every extra segment is billed, and long texts can arrive split"
	if len(est.Assumed) > 0 {
		msg += fmt.Sprintf("; assumed %d characters for %s without a declared max", est.Settings.DefaultVarLength, quoteList(est.Assumed))
	}
	hint := fmt.Sprintf("cut the text to %d %s per segment", perSegment(w.Encoding, est.Budget), unitName(w.Encoding))
	if w.Encoding == sms.UCS2 && est.Best.Encoding == sms.GSM7 {
		hint = "a placeholder with charset = \"unicode\" makes the worst case UCS-2 (70 characters a segment); shorten the text or leave room for it"
	} else if w.Encoding == sms.UCS2 {
		hint = "replace the characters that force UCS-2 (see sms-unicode) to get 160 characters a segment, or shorten the text"
	}
	p.Report(lint.Diagnostic{Part: body, Start: 0, End: body.Text.Len(), Message: msg, Hint: hint})
}

func perSegment(e sms.Encoding, budget int) int {
	if e == sms.GSM7 {
		if budget == 1 {
			return sms.GSM7Single
		}
		return sms.GSM7Part
	}
	if budget == 1 {
		return sms.UCS2Single
	}
	return sms.UCS2Part
}

func unitName(e sms.Encoding) string {
	if e == sms.GSM7 {
		return "septets"
	}
	return "UTF-16 units"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// declaresLength reports whether a placeholder of t declares how long or
// in which characters it is filled (max or charset): then the worst case
// rests on what the author said, not on an assumption.
func declaresLength(t *message.Template) bool {
	for _, v := range t.Vars {
		if v.Used && (v.Max > 0 || v.Charset != "") {
			return true
		}
	}
	return false
}
