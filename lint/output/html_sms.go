package output

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
)

// smsView lays out the body of t as an SMS bubble; est is the estimate
// the SMS size rule made, whose budget and split model the bubble shows.
func smsView(t *message.Template, est message.SMSEstimate) *htmlSMS {
	v := &htmlSMS{Sender: t.Sender}
	var text string
	var spans []pieceSpan
	if body := t.Body(); body != nil {
		text, spans = renderPart(t, body)
	}
	res := sms.Analyze(text, est.Settings.Options())
	v.Count, v.Encoding, v.Units, v.PerSegment = res.Segments, res.Encoding.String(), res.Units, res.PerSegment
	v.UnitName = unitName(res.Encoding)
	v.Budget, v.UCS2, v.TooLong = est.Budget, res.NonGSMRunes, res.TooLong
	v.Over = v.Budget > 0 && res.Segments > v.Budget
	v.Assumed = est.Assumed
	if w := est.Worst; t.Body() != nil && (w.Segments != res.Segments || w.Encoding != res.Encoding) {
		v.Worst = fmt.Sprintf("%s (%s, %d %s)", plural(w.Segments, "segment", "segments"),
			w.Encoding, w.Units, unitName(w.Encoding))
		v.WorstOver = v.Budget > 0 && w.Segments > v.Budget
	}
	nonGSM := slices.Collect(sms.NonGSMOccurrences(text))
	for i, part := range res.Parts {
		seg := htmlSeg{N: i + 1, Alt: i%2 == 1}
		lastPart := i == len(res.Parts)-1
		for _, sp := range spans {
			if sp.start == sp.end {
				if sp.start >= part.Start && (sp.start < part.End || lastPart && sp.start == part.End) {
					seg.Pieces = append(seg.Pieces, htmlPiece{Class: sp.class, Title: sp.title,
						Runs: []htmlRun{{Text: sp.label}}})
				}
				continue
			}
			a, b := max(sp.start, part.Start), min(sp.end, part.End)
			if a >= b {
				continue
			}
			seg.Pieces = append(seg.Pieces, htmlPiece{Class: sp.class, Title: sp.title, Runs: runsOf(text, a, b, nonGSM)})
		}
		v.Segments = append(v.Segments, seg)
	}
	return v
}

func unitName(e sms.Encoding) string {
	if e == sms.UCS2 {
		return "UTF-16 units"
	}
	return "septets"
}

// runsOf splits text[a:b] into plain runs and one run per character that
// forces UCS-2 (nonGSM is in text order).
func runsOf(text string, a, b int, nonGSM []sms.NonGSM) []htmlRun {
	var runs []htmlRun
	i := a
	k, _ := slices.BinarySearchFunc(nonGSM, a, func(n sms.NonGSM, off int) int { return cmp.Compare(n.Offset, off) })
	for ; k < len(nonGSM) && nonGSM[k].Offset < b; k++ {
		n := nonGSM[k]
		end := min(n.Offset+n.Len, b)
		if n.Offset > i {
			runs = append(runs, htmlRun{Text: text[i:n.Offset]})
		}
		r, _ := utf8.DecodeRuneInString(n.Char)
		cp := fmt.Sprintf("U+%04X", r)
		title := cp + " forces UCS-2"
		switch {
		case !n.HasReplacement:
			title += "; no GSM-7 replacement"
		case n.Replacement == "":
			title += "; it can be removed"
		case strings.TrimSpace(n.Replacement) == "":
			title += "; GSM-7 replacement: a space"
		default:
			title += "; GSM-7 replacement: " + n.Replacement
		}
		runs = append(runs, htmlRun{Text: strings.ToValidUTF8(text[n.Offset:end], "\uFFFD"), UCS2: true,
			Invisible: invisible(r), CP: cp, Title: title})
		i = end
	}
	if i < b {
		runs = append(runs, htmlRun{Text: text[i:b]})
	}
	return runs
}

// invisible reports whether r shows no glyph of its own, so its mark needs
// a label.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Cc, unicode.Zl, unicode.Zp) ||
		unicode.Is(unicode.Zs, r) && r != ' ' || unicode.Is(unicode.Mn, r) && r >= 0xFE00 && r <= 0xFE0F
}
