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

notelint reports each such character once per line, where it first
appears, with how often it does and a GSM-7 replacement where a sensible
one exists; three or more different accented letters in a text (a
language's own: Polish ł, ż, ś; French ê, ç, ô) are one finding for the
text. A text written in a script GSM-7
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
		// Characters in a placeholder's code or a link's URL are their
		// own findings (--fix leaves them and says why); the others are
		// grouped per line, so that a directive on the line before
		// (notelint-disable-next-line) still covers what it names.
		var text []sms.NonGSM
		for _, ng := range all {
			switch {
			case allowed[ng.Char]:
			case inSyntax(part, ng):
				reportNonGSM(p, part, []sms.NonGSM{ng})
			default:
				text = append(text, ng)
			}
		}
		text = reportLetters(p, part, text)
		for _, line := range byLine(part.Text.String(), text) {
			reportNonGSM(p, part, line)
		}
	}
}

// inSyntax reports whether ng lies in a placeholder's code or a link's URL
// of part, where a fix may not edit.
func inSyntax(part *message.Part, ng sms.NonGSM) bool {
	if inPlaceholder(part, ng.Offset) {
		return true
	}
	fs, fe := part.Text.FileRange(ng.Offset, ng.Offset+ng.Len)
	return inLinkTarget(part, fs, fe)
}

// byLine splits the non-GSM characters of text by the line they are on.
func byLine(text string, all []sms.NonGSM) [][]sms.NonGSM {
	var out [][]sms.NonGSM
	at := 0
	for _, ng := range all {
		if len(out) == 0 || strings.Contains(text[at:ng.Offset], "\n") {
			out = append(out, nil)
		}
		at = ng.Offset
		out[len(out)-1] = append(out[len(out)-1], ng)
	}
	return out
}

// minLetterGroup is how many different accented letters make a text's
// non-GSM letters one finding: a language's own letters (Polish ł, ó, ż,
// ś), not a stray character.
const minLetterGroup = 3

// reportNonGSM reports the characters outside GSM-7 of a line of a part:
// each character once, where it first appears, with how often it does and
// a fix that replaces every occurrence.
func reportNonGSM(p *lint.Pass, part *message.Part, all []sms.NonGSM) {
	var order []string
	byChar := map[string][]sms.NonGSM{}
	for _, ng := range all {
		if byChar[ng.Char] == nil {
			order = append(order, ng.Char)
		}
		byChar[ng.Char] = append(byChar[ng.Char], ng)
	}
	for _, c := range order {
		occ := byChar[c]
		first := occ[0]
		d := lint.Diagnostic{Part: part, Start: first.Offset, End: first.Offset + first.Len}
		d.Message = fmt.Sprintf("%s%s is not in the GSM-7 alphabet: it turns the whole SMS into UCS-2, 70 characters a segment instead of 160", describeChar(c), timesText(len(occ)))
		switch {
		case first.HasReplacement && first.Replacement == "":
			d.Hint = "remove it: it is invisible"
		case first.HasReplacement:
			d.Hint = fmt.Sprintf("replace it with %q", first.Replacement)
		default:
			d.Hint = "rephrase without it, or allow it in [rules.sms-unicode] allow if UCS-2 is intended"
		}
		if first.HasReplacement {
			d.Fix = unicodeFix(part, occ, d.Hint)
		}
		p.Report(d)
	}
}

// reportLetters reports the accented letters outside GSM-7 of a part as
// one finding when there are minLetterGroup or more different ones: they
// are the text's language, and writing them without accents is one
// decision. It returns the characters left to report one by one.
func reportLetters(p *lint.Pass, part *message.Part, all []sms.NonGSM) []sms.NonGSM {
	var letters []string
	byChar := map[string][]sms.NonGSM{}
	for _, ng := range all {
		r, _ := utf8.DecodeRuneInString(ng.Char)
		if !unicode.IsLetter(r) || !ng.HasReplacement {
			continue
		}
		if byChar[ng.Char] == nil {
			letters = append(letters, ng.Char)
		}
		byChar[ng.Char] = append(byChar[ng.Char], ng)
	}
	if len(letters) < minLetterGroup {
		return all
	}
	var occ, rest []sms.NonGSM
	for _, ng := range all {
		if byChar[ng.Char] != nil {
			occ = append(occ, ng)
		} else {
			rest = append(rest, ng)
		}
	}
	shown := make([]string, len(letters))
	for i, c := range letters {
		shown[i] = fmt.Sprintf("%s→%s", c, byChar[c][0].Replacement)
	}
	first := occ[0]
	d := lint.Diagnostic{Part: part, Start: first.Offset, End: first.Offset + first.Len,
		Message: fmt.Sprintf("%d letters of the text (%d different) are not in the GSM-7 alphabet: they turn the whole SMS into UCS-2, 70 characters a segment instead of 160", len(occ), len(letters)),
		Hint:    "write them without accents if your readers accept it (" + strings.Join(shown, ", ") + "), or budget for UCS-2 segments (max_segments)"}
	d.Fix = unicodeFix(part, occ, "write the letters without accents")
	p.Report(d)
	return rest
}

// timesText is " (3 times)" for a count over one, else "".
func timesText(n int) string {
	if n < 2 {
		return ""
	}
	return fmt.Sprintf(" (%d times)", n)
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

// unicodeFix replaces the occurrences occ of non-GSM characters in the
// file that are written as they read (not escaped), or returns nil when
// none is. A combining mark
// is fixed together with the letter before it, so "e" + U+0301 becomes "é"
// rather than losing its accent.
func unicodeFix(part *message.Part, occ []sms.NonGSM, desc string) *lint.Fix {
	text := part.Text.String()
	fix := &lint.Fix{Description: desc}
	for _, ng := range occ {
		start, end, repl := ng.Offset, ng.Offset+ng.Len, ng.Replacement
		if r, _ := utf8.DecodeRuneInString(text[start:]); unicode.Is(unicode.Mn, r) && start > 0 {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
			repl = sms.ReplaceAll(text[start:end])
		}
		if !part.Text.Verbatim(start, end) {
			continue // an escape: left for the writer
		}
		fs, fe := part.Text.FileRange(start, end)
		fix.Edits = append(fix.Edits, lint.Edit{Start: fs, End: fe, New: repl})
	}
	if len(fix.Edits) == 0 {
		return nil
	}
	return fix
}

// inPlaceholder reports whether text offset i of part lies in a
// placeholder.
func inPlaceholder(part *message.Part, i int) bool {
	for _, ph := range part.Placeholders {
		if ph.Start <= i && i < ph.End {
			return true
		}
	}
	return false
}

// inLinkTarget reports whether the file range [fs, fe) overlaps the URL of
// one of part's links.
func inLinkTarget(part *message.Part, fs, fe int) bool {
	for _, l := range part.Links {
		if fs < l.FileEnd && fe > l.FileStart {
			return true
		}
	}
	return false
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
