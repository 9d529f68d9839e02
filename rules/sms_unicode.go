package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// smsUnicodeOptions are the options of the sms-unicode rule.
type smsUnicodeOptions struct {
	// Allow lists characters that may force UCS-2 on purpose (an emoji the
	// brand uses, say).
	Allow []string `toml:"allow"`
}

func smsUnicode() *lint.Rule {
	return &lint.Rule{
		ID:       "sms-unicode",
		Summary:  "Characters outside GSM-7 cut an SMS segment from 160 to 70 characters",
		Severity: message.Warning,
		Applies:  smsOnly,
		Fixable:  true,
		Options:  func() any { return &smsUnicodeOptions{} },
		Doc: `One character outside the GSM 03.38 alphabet (a curly apostrophe, an en
dash, an emoji, a non-breaking space) switches the whole SMS to UCS-2: a
segment then holds 70 characters instead of 160, and the same text can cost
two or three times as much. Word processors insert such characters silently.

notelint reports each such character with its position and a GSM-7
replacement where a sensible one exists; a text written in a script GSM-7
cannot encode at all (Arabic, Cyrillic, Devanagari, Chinese, …) gets one
finding (info) for the whole message instead, since UCS-2 is unavoidable
there; ` + "`notelint check --fix`" + ` applies the
replacements in place and changes nothing else. Accented letters outside
GSM-7 (ê, ç, ô) get their base letter as a suggestion: check that the text
still reads well.

Bad:

    We’re sorry – your parcel is late…

Good:

    We're sorry - your parcel is late...

Options:

    [rules.sms-unicode]
    allow = ["😀"]   # characters that may force UCS-2 on purpose`,
		Check: checkSMSUnicode,
	}
}

func checkSMSUnicode(p *lint.Pass) {
	t := p.Template
	opt := p.Options.(*smsUnicodeOptions)
	allowed := map[string]bool{}
	for _, a := range opt.Allow {
		allowed[a] = true
	}
	for _, part := range t.Parts {
		all := slices.Collect(sms.NonGSMOccurrences(part.Text.String()))
		if script, at := ucs2Script(all); script != "" {
			// A text in a script GSM-7 cannot write is UCS-2 whatever one
			// does: say so once, and not per character.
			p.Report(lint.Diagnostic{Part: part, Start: at.Offset, End: at.Offset + at.Len, Severity: message.Info,
				Message: fmt.Sprintf("the text is in %s script, which GSM-7 cannot encode: the SMS is sent as UCS-2, 70 characters in one segment and 67 a segment when it is longer", script),
				Hint:    "keep it within 70 characters, or budget for more segments (max_segments)"})
			continue
		}
		for _, ng := range all {
			if allowed[ng.Char] {
				continue
			}
			d := lint.Diagnostic{Part: part, Start: ng.Offset, End: ng.Offset + ng.Len}
			name := describeChar(ng.Char)
			d.Message = fmt.Sprintf("%s is not in the GSM-7 alphabet: it turns the whole SMS into UCS-2, 70 characters a segment instead of 160", name)
			switch {
			case ng.HasReplacement && ng.Replacement == "":
				d.Hint = "remove it: it is invisible"
			case ng.HasReplacement:
				d.Hint = fmt.Sprintf("replace it with %q", ng.Replacement)
			default:
				d.Hint = "rephrase without it, or allow it in [rules.sms-unicode] allow if UCS-2 is intended"
			}
			if ng.HasReplacement {
				d.Fix = unicodeFix(part, ng, d.Hint)
			}
			p.Report(d)
		}
	}
}

// ucs2Script returns the name of the first writing system among the
// non-GSM characters that GSM-7 cannot write at all (Arabic, Devanagari,
// Cyrillic, Han, …: letters with no GSM replacement), and where it starts;
// "" when the text is Latin apart from replaceable characters and symbols.
func ucs2Script(chars []sms.NonGSM) (string, sms.NonGSM) {
	for _, ng := range chars {
		if ng.HasReplacement {
			continue
		}
		r, _ := utf8.DecodeRuneInString(ng.Char)
		if !unicode.IsLetter(r) {
			continue
		}
		for name, table := range unicode.Scripts {
			if name == "Latin" || name == "Common" || name == "Inherited" {
				continue
			}
			if unicode.Is(table, r) {
				return name, ng
			}
		}
	}
	return "", sms.NonGSM{}
}

// unicodeFix replaces one non-GSM character in the file. A combining mark
// is fixed together with the letter before it, so "e" + U+0301 becomes "é"
// rather than losing its accent.
func unicodeFix(part *message.Part, ng sms.NonGSM, desc string) *lint.Fix {
	start, end, repl := ng.Offset, ng.Offset+ng.Len, ng.Replacement
	text := part.Text.String()
	if r, _ := utf8.DecodeRuneInString(text[start:]); unicode.Is(unicode.Mn, r) && start > 0 {
		_, n := utf8.DecodeLastRuneInString(text[:start])
		start -= n
		repl = sms.ReplaceAll(text[start:end])
	}
	if !part.Text.Verbatim(start, end) {
		return nil
	}
	fs, fe := part.Text.FileRange(start, end)
	return &lint.Fix{Description: desc, Edits: []lint.Edit{{Start: fs, End: fe, New: repl}}}
}

// describeChar names a character for a finding: "’" (U+2019).
func describeChar(c string) string {
	var codes []string
	for _, r := range c {
		codes = append(codes, fmt.Sprintf("U+%04X", r))
	}
	shown := c
	if strings.TrimSpace(c) == "" || !isVisible(c) {
		shown = ""
	}
	if shown == "" {
		return "invisible character " + strings.Join(codes, " ")
	}
	return fmt.Sprintf("%q (%s)", shown, strings.Join(codes, " "))
}

func isVisible(c string) bool {
	for _, r := range c {
		switch {
		case r == 0xA0, r == 0xAD, r >= 0x2000 && r <= 0x200F, r >= 0x2028 && r <= 0x202F, r >= 0x205F && r <= 0x206F, r == 0xFEFF, r == 0x3000:
			return false
		}
	}
	return true
}
