package lsp

import (
	"fmt"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/lint/sms"
	"github.com/notelint/notelint/rules"
)

// hover describes the placeholder (or [vars] declaration) under the
// cursor: its declaration and, for an SMS, the best and worst case.
func (s *Server) hover(p textDocumentPositionParams) *hover {
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return nil
	}
	a := s.analyze(d, false)
	li := newLineIndex(d.text)
	off := li.offset(p.Position)
	for _, t := range a.templates {
		for _, part := range t.Parts {
			if part.Source != nil && part.Source != t.Source {
				continue
			}
			for _, ph := range part.Placeholders {
				if ph.Control || ph.Name == "" {
					continue
				}
				fs, fe := part.Text.FileRange(ph.Start, ph.End)
				if off < fs || off >= fe {
					continue
				}
				r := li.rangeOf(fs, fe)
				return &hover{Contents: markupContent{Kind: "markdown", Value: describe(t, a.cfg, ph.Name, t.VarFor(ph))}, Range: &r}
			}
		}
		for _, v := range t.Vars {
			if v.Source != nil && v.Source != t.Source {
				continue
			}
			if off >= v.Offset && off < v.Offset+len(v.Name) {
				r := li.rangeOf(v.Offset, v.Offset+len(v.Name))
				return &hover{Contents: markupContent{Kind: "markdown", Value: describe(t, a.cfg, v.Name, v)}, Range: &r}
			}
		}
	}
	return nil
}

func describe(t *message.Template, cfg *lint.Config, name string, v *message.Var) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**`%s`**", name)
	if v == nil {
		fmt.Fprintf(&b, " is not declared in the front matter `[vars]`: notelint counts it as empty in the best case and as %d characters in the worst.\n\n", rules.SMSSettings(cfg).DefaultVarLength)
		fmt.Fprintf(&b, "Declare it, e.g. `%s = { sample = \"…\", max = 20 }`.\n", name)
	} else {
		b.WriteString(" (declared in `[vars]`)\n\n| sample | max | type | charset |\n|---|---|---|---|\n")
		charset := v.Charset
		if charset == "" {
			charset = "gsm"
		}
		maxs := "not set"
		if v.Max > 0 {
			maxs = fmt.Sprint(v.Max)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cell(v.Sample), maxs, cell(v.Type), charset)
	}
	if t.Channel == "sms" && t.Body() != nil {
		est := message.EstimateSMS(t, rules.SMSSettings(cfg))
		fmt.Fprintf(&b, "\n**SMS** (budget %d): best case %s; worst case %s.\n", est.Budget, smsLine(est.Best), smsLine(est.Worst))
	}
	return b.String()
}

func smsLine(r sms.Result) string {
	seg := "segments"
	if r.Segments == 1 {
		seg = "segment"
	}
	return fmt.Sprintf("%d %s, %s, %d characters", r.Segments, seg, r.Encoding, r.Characters)
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", "\\|")
}
