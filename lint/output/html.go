package output

import (
	"bytes"
	"cmp"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/rivo/uniseg"
)

// HTML prints one self-contained HTML page for a run: inline CSS, no
// script, no request to the network. The page has a summary (counts by
// severity, a table by rule and severity, an index of the templates), then
// one section per file with each template rendered as the customer would
// see it next to its findings (line:col, severity, rule, message, hint).
//
// An SMS is a phone bubble (.sms-bubble) of the body with its placeholders
// filled with their samples, as the sms-segments rule's best case: each
// segment is a .seg span, a .seg-break marker starts every segment after
// the first, and each character that forces UCS-2 is a mark.ucs2. Other
// channels are a card (.card, .email-card, .push-card, ...) with subject,
// title, header, preview text, body, footer and buttons. Placeholders are
// chips (.ph): the sample when declared, else the name (.ph-nosample);
// control tags are .ph-control chips. Templates come from
// opt.TemplateList; findings tied to no template are listed under their
// file. Stable hooks for tests: #summary, .file[data-path],
// .template[data-template][data-channel], .sms-bubble[data-segments]
// [data-encoding], .finding[data-rule][data-severity].
func HTML(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	c := count(fs)
	page := htmlPage{
		Summary: summary(fs, opt), Version: opt.Version, CSS: template.CSS(htmlCSS),
		Errors: c.errors, Warnings: c.warnings, Infos: c.infos, Fixable: c.fixable,
		Files: opt.Files, Templates: opt.Templates,
	}
	for _, rc := range countByRule(fs) {
		page.Rules = append(page.Rules, htmlRuleRow{Rule: rc.rule, Errors: rc.errors, Warnings: rc.warnings, Infos: rc.info})
	}
	for _, r := range groupRepeats(fs, opt.Contents) {
		if len(r.others) == 0 {
			continue
		}
		places := r.repeatLine(func(f lint.Finding) string { path, _ := p.rel(f.File); return location(path, f) })
		_, places, _ = strings.Cut(places, ": ")
		files := map[string]bool{r.first.File: true}
		for _, o := range r.others {
			files[o.File] = true
		}
		first, _ := p.rel(r.first.File)
		page.Repeats = append(page.Repeats, htmlRepeat{Rule: r.first.Rule, Message: r.first.Message, Files: len(files),
			Places: location(first, r.first) + ", " + places})
	}
	ids := map[string]int{}
	uniqueID := func(prefix, s string) string {
		id := prefix + slug(s)
		ids[id]++
		if n := ids[id]; n > 1 {
			id += "-" + strconv.Itoa(n)
		}
		return id
	}
	for _, g := range groupByFile(opt.TemplateList, fs, p) {
		hf := htmlFile{ID: uniqueID("file-", g.path), Path: g.path}
		for _, tg := range g.templates {
			t := tg.t
			ht := htmlTemplate{
				ID: uniqueID("tpl-", g.path+"--"+t.ID), Name: t.ID, Path: g.path,
				Channel: t.Channel, Locale: t.Locale, Kind: t.Kind,
				Sender: t.Sender, Line: templateLine(t),
			}
			for _, f := range tg.findings {
				ht.Findings = appendFinding(ht.Findings, f)
				ht.count(f.Severity)
			}
			if t.Channel == "sms" {
				ht.SMS = smsView(t, opt.smsEstimate(t))
			} else {
				ht.Card = cardView(t, opt.Limits)
			}
			hf.Templates = append(hf.Templates, ht)
			page.Index = append(page.Index, ht)
		}
		for _, f := range g.loose {
			hf.Loose = append(hf.Loose, htmlFindingOf(f))
		}
		page.FileList = append(page.FileList, hf)
	}
	var buf bytes.Buffer
	if err := htmlPageTemplate.Execute(&buf, page); err != nil {
		return err
	}
	return write(w, &buf)
}

type htmlPage struct {
	Summary, Version                 string
	CSS                              template.CSS
	Errors, Warnings, Infos, Fixable int
	Files, Templates                 int
	Rules                            []htmlRuleRow
	Repeats                          []htmlRepeat
	Index                            []htmlTemplate
	FileList                         []htmlFile
}

// htmlRepeat is a finding repeated on the same text in several files.
type htmlRepeat struct {
	Rule, Message, Places string
	Files                 int
}

type htmlRuleRow struct {
	Rule                    string
	Errors, Warnings, Infos int
}

type htmlFile struct {
	ID, Path  string
	Templates []htmlTemplate
	Loose     []htmlFinding
}

type htmlTemplate struct {
	ID, Name, Path          string
	Channel                 string
	Locale, Kind, Sender    string
	Line                    int
	Errors, Warnings, Infos int
	SMS                     *htmlSMS
	Card                    *htmlCard
	Findings                []htmlFinding
}

func (t *htmlTemplate) count(s message.Severity) {
	switch s {
	case message.Error:
		t.Errors++
	case message.Warning:
		t.Warnings++
	default:
		t.Infos++
	}
}

type htmlFinding struct {
	Loc, Severity, Symbol, Rule, Message, Hint string
	Fixable                                    bool
	// Points are the findings of one rule at one place (the points a
	// landing page fails), shown as one card; Message then sums them up.
	Points []htmlFinding
}

// appendFinding adds f to a card list, folding it into the previous card
// when that is the same rule at the same place: one link's landing-page
// problems make one card, not five.
func appendFinding(cards []htmlFinding, f lint.Finding) []htmlFinding {
	hf := htmlFindingOf(f)
	if n := len(cards); n > 0 && cards[n-1].Rule == hf.Rule && cards[n-1].Loc == hf.Loc && hf.Loc != "" {
		last := &cards[n-1]
		if len(last.Points) == 0 {
			first := *last
			last.Points = []htmlFinding{first}
		}
		last.Points = append(last.Points, hf)
		if f.Severity > severityOf(last.Severity) {
			last.Severity, last.Symbol = hf.Severity, hf.Symbol
		}
		last.Fixable = last.Fixable || hf.Fixable
		last.Message = strconv.Itoa(len(last.Points)) + " problems at this place:"
		last.Hint = ""
		return cards
	}
	return append(cards, hf)
}

// severityOf reads a severity name back.
func severityOf(name string) message.Severity {
	for _, s := range []message.Severity{message.Error, message.Warning, message.Info} {
		if s.String() == name {
			return s
		}
	}
	return message.Off
}

func htmlFindingOf(f lint.Finding) htmlFinding {
	loc := ""
	if f.Line > 0 {
		loc = strconv.Itoa(f.Line)
		if f.Column > 0 {
			loc += ":" + strconv.Itoa(f.Column)
		}
	}
	return htmlFinding{
		Loc: loc, Severity: f.Severity.String(), Symbol: severitySymbol(f.Severity),
		Rule: f.Rule, Message: f.Message, Hint: f.Hint, Fixable: f.Fix != nil,
	}
}

// severitySymbol gives each severity a shape, so it does not rely on color.
func severitySymbol(s message.Severity) string {
	switch s {
	case message.Error:
		return "✖"
	case message.Warning:
		return "▲"
	}
	return "●"
}

// htmlSMS is an SMS bubble and its numbers.
type htmlSMS struct {
	Sender     string
	Segments   []htmlSeg
	Count      int
	Encoding   string
	Units      int
	UnitName   string
	PerSegment int
	Budget     int
	Over       bool
	UCS2       int
	TooLong    bool
	// Worst describes the worst case when it differs from the bubble.
	Worst     string
	WorstOver bool
	Assumed   []string
}

type htmlSeg struct {
	N      int
	Alt    bool
	Pieces []htmlPiece
}

// htmlPiece is a run of literal text (Class "") or one placeholder chip.
type htmlPiece struct {
	Class, Title string
	Runs         []htmlRun
}

type htmlRun struct {
	Text      string
	UCS2      bool
	Invisible bool
	CP, Title string
	// Cut is text past where the channel cuts the part off (a push title
	// after 40 characters): drawn, but marked as not shown on the phone.
	Cut bool
}

// htmlCard is an e-mail, push, WhatsApp or in-app message.
type htmlCard struct {
	Class string // "email-card", "push-card", ...
	Parts []htmlPart
}

type htmlPart struct {
	Name, Label string
	Pieces      []htmlPiece
}

// pieceSpan is a range of the rendered text: literal text, or a
// placeholder (Label is shown for a zero-length one).
type pieceSpan struct {
	start, end          int
	class, title, label string
}

// renderPart fills the part's value placeholders with their samples and
// returns the text and its spans in order.
func renderPart(t *message.Template, part *message.Part) (string, []pieceSpan) {
	text := part.Text.String()
	var sb strings.Builder
	var spans []pieceSpan
	literal := func(s string) {
		if s != "" {
			spans = append(spans, pieceSpan{start: sb.Len(), end: sb.Len() + len(s)})
			sb.WriteString(s)
		}
	}
	last := 0
	for _, ph := range part.Placeholders {
		if ph.Start < last || ph.End > len(text) || ph.End < ph.Start {
			continue
		}
		literal(text[last:ph.Start])
		written := strings.TrimSpace(text[ph.Start:ph.End])
		last = ph.End
		switch v := t.VarFor(ph); {
		case ph.Control:
			spans = append(spans, pieceSpan{start: sb.Len(), end: sb.Len(), class: "ph ph-control",
				title: written + ": control tag, not sent", label: written})
		case v != nil && v.Sample != "":
			spans = append(spans, pieceSpan{start: sb.Len(), end: sb.Len() + len(v.Sample), class: "ph",
				title: written + " = sample: " + v.Sample})
			sb.WriteString(v.Sample)
		default:
			spans = append(spans, pieceSpan{start: sb.Len(), end: sb.Len(), class: "ph ph-nosample",
				title: written + ": no sample declared, counted as empty", label: ph.Name})
		}
	}
	literal(text[last:])
	return sb.String(), spans
}

// partOrder and partLabels set how card parts are shown.
var (
	partOrder = []string{message.PartSubject, message.PartTitle, message.PartHeader, message.PartPreheader,
		message.PartBody, message.PartFooter, message.PartButton, message.PartHTMLTitle}
	partLabels = map[string]string{
		message.PartSubject: "Subject", message.PartTitle: "Title", message.PartHeader: "Header",
		message.PartPreheader: "Preview text", message.PartFooter: "Footer", message.PartButton: "Button",
		message.PartHTMLTitle: "HTML page title",
	}
)

// cardView lays out a non-SMS template as a card.
func cardView(t *message.Template, limits func(channel, part string) int) *htmlCard {
	parts := slices.Clone(t.Parts)
	rank := func(name string) int {
		if i := slices.Index(partOrder, name); i >= 0 {
			return i
		}
		return len(partOrder)
	}
	slices.SortStableFunc(parts, func(a, b *message.Part) int { return cmp.Compare(rank(a.Name), rank(b.Name)) })
	card := &htmlCard{Class: slug(t.Channel) + "-card"}
	for _, part := range parts {
		if part == nil {
			continue
		}
		text, spans := renderPart(t, part)
		hp := htmlPart{Name: slug(part.Name), Label: partLabels[part.Name]}
		if hp.Label == "" && part.Name != message.PartBody {
			hp.Label = part.Name
		}
		cut := -1 // byte offset where the channel cuts the part off
		if limits != nil {
			if n := limits(t.Channel, part.Name); n > 0 {
				cut = graphemeOffset(text, n)
			}
		}
		for _, sp := range spans {
			piece := htmlPiece{Class: sp.class, Title: sp.title}
			switch {
			case sp.start == sp.end:
				piece.Runs = []htmlRun{{Text: sp.label}}
			case cut >= 0 && sp.start >= cut:
				piece.Runs = []htmlRun{{Text: text[sp.start:sp.end], Cut: true}}
			case cut >= 0 && sp.start < cut && cut < sp.end:
				piece.Runs = []htmlRun{{Text: text[sp.start:cut]}, {Text: text[cut:sp.end], Cut: true}}
			default:
				piece.Runs = []htmlRun{{Text: text[sp.start:sp.end]}}
			}
			hp.Pieces = append(hp.Pieces, piece)
		}
		card.Parts = append(card.Parts, hp)
	}
	return card
}

// slug makes an HTML id or class from s: lower-case ASCII letters and
// digits, other runs of characters as one "-".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// graphemeOffset returns the byte offset after the first n grapheme
// clusters of s, or -1 when s has no more than n.
func graphemeOffset(s string, n int) int {
	state, off := -1, 0
	for count := 0; off < len(s); count++ {
		if count == n {
			return off
		}
		var cluster string
		cluster, _, _, state = uniseg.FirstGraphemeClusterInString(s[off:], state)
		off += len(cluster)
	}
	return -1
}
