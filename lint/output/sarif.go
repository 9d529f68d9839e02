package output

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
)

// SARIF constants for the log header and the tool.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	toolName     = "notelint"
	toolURI      = "https://github.com/notelint/notelint"
	srcRoot      = "%SRCROOT%"
	// maxHelpText is GitHub's limit for shortDescription, fullDescription
	// and help.text; kept in bytes, so it also holds in characters.
	maxHelpText = 1024
)

// SARIF prints a SARIF 2.1.0 log with one run for GitHub code scanning.
//
// Findings of the rules that report files that could not be loaded
// (lint.InputProblem) are results and are also listed in
// invocations[0].toolExecutionNotifications; without them there is no
// invocations entry.
//
// driver.rules holds opt.Rules in order, then a minimal descriptor for any
// rule id found in the findings but missing from the catalog, so every
// result has a valid ruleIndex. Results point at paths relative to Root
// (uriBaseId %SRCROOT%; files outside Root get an absolute file:// URI),
// with 1-based regions counted in Unicode code points (run.columnKind) and
// an exclusive endColumn. The hint, when there is one, is part of
// message.text after a line break: "MESSAGE\nhint: HINT".
//
// partialFingerprints.primaryLocationLineHash is "HEX:N": HEX is the first
// 16 hex digits of SHA-256 over the rule id and the whitespace-trimmed
// text of the finding's first line (over the rule id and the message when
// the file cannot be read), and N counts the findings with the same file
// and hash so far, from 1. Fixes are included when the file contents are
// available to turn byte offsets into regions.
func SARIF(w io.Writer, fs []lint.Finding, opt Options) error {
	p := newPaths(opt.Root)
	src := newSources(opt.Contents)

	driver := sarifDriver{Name: toolName, InformationURI: toolURI, Version: opt.Version}
	index := map[string]int{}
	for _, r := range opt.Rules {
		if r == nil {
			continue
		}
		if _, dup := index[r.ID]; dup {
			continue
		}
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, ruleDescriptor(r))
	}
	for _, f := range fs {
		if _, ok := index[f.Rule]; !ok {
			index[f.Rule] = len(driver.Rules)
			driver.Rules = append(driver.Rules, ruleDescriptor(&lint.Rule{ID: f.Rule, Severity: f.Severity}))
		}
	}
	if driver.Rules == nil {
		driver.Rules = []sarifRule{}
	}

	inputRules := inputRuleIDs(opt.Rules)
	var notes []sarifNotification
	results := make([]sarifResult, 0, len(fs))
	occurrences := map[string]int{}
	for _, f := range fs {
		uri, inside := p.uri(f.File)
		loc := sarifArtifactLocation{URI: uri}
		if inside {
			loc.URIBaseID = srcRoot
		}
		r := regionOf(f)
		text := f.Message
		if f.Hint != "" {
			text += "\nhint: " + f.Hint
		}
		s := src.get(f.File)
		hash := lineHash(f, s)
		occurrences[uri+"\x00"+hash]++
		res := sarifResult{
			RuleID:    f.Rule,
			RuleIndex: index[f.Rule],
			Level:     sarifLevel(f.Severity),
			Message:   sarifMessage{Text: text},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: loc,
				Region: sarifRegion{
					StartLine: r.startLine, StartColumn: r.startColumn,
					EndLine: r.endLine, EndColumn: r.endColumn,
				},
			}}},
			PartialFingerprints: map[string]string{
				"primaryLocationLineHash": hash + ":" + strconv.Itoa(occurrences[uri+"\x00"+hash]),
			},
		}
		if fix, ok := sarifFixOf(f.Fix, s, loc); ok {
			res.Fixes = []sarifFix{fix}
		}
		results = append(results, res)
		if inputRules[f.Rule] {
			notes = append(notes, sarifNotification{
				Level: res.Level, Message: res.Message, Locations: res.Locations,
				AssociatedRule: &sarifRuleRef{ID: f.Rule, Index: index[f.Rule]},
			})
		}
	}
	var invocations []sarifInvocation
	if len(notes) > 0 {
		invocations = []sarifInvocation{{ExecutionSuccessful: true, ToolExecutionNotifications: notes}}
	}

	return encodeJSON(w, sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:        sarifTool{Driver: driver},
			Invocations: invocations,
			ColumnKind:  "unicodeCodePoints",
			Results:     results,
		}},
	})
}

// ruleDescriptor turns a catalog rule into a SARIF reportingDescriptor.
func ruleDescriptor(r *lint.Rule) sarifRule {
	short := r.Summary
	if short == "" {
		short = r.ID
	}
	full := firstParagraph(r.Doc)
	if full == "" {
		full = short
	}
	help := r.Doc
	if help == "" {
		help = short
	}
	tags := []string{toolName}
	if i := strings.IndexByte(r.ID, '-'); i > 0 {
		switch ch := r.ID[:i]; ch {
		case "sms", "email", "push":
			tags = append(tags, ch)
		}
	}
	if r.Fixable {
		tags = append(tags, "fixable")
	}
	return sarifRule{
		ID:                   r.ID,
		Name:                 camelCase(r.ID),
		ShortDescription:     sarifMessage{Text: truncate(short, maxHelpText)},
		FullDescription:      sarifMessage{Text: truncate(full, maxHelpText)},
		Help:                 sarifHelp{Text: truncate(help, maxHelpText), Markdown: help},
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
		Properties:           sarifProperties{Tags: tags},
	}
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s message.Severity) string {
	switch s {
	case message.Error:
		return "error"
	case message.Warning:
		return "warning"
	case message.Info:
		return "note"
	}
	return "none"
}

// camelCase turns a kebab-case id into CamelCase: sms-segments → SmsSegments.
func camelCase(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		r, n := utf8.DecodeRuneInString(part)
		b.WriteRune(unicode.ToUpper(r))
		b.WriteString(part[n:])
	}
	return b.String()
}

// firstParagraph returns the first paragraph of Markdown text with its
// lines joined by spaces.
func firstParagraph(doc string) string {
	doc = strings.TrimSpace(strings.ReplaceAll(doc, "\r\n", "\n"))
	if i := strings.Index(doc, "\n\n"); i >= 0 {
		doc = doc[:i]
	}
	return strings.Join(strings.Fields(doc), " ")
}

// truncate shortens s to at most limit bytes, cutting at the last paragraph,
// line, sentence or word break that keeps at least half of the text, or else
// at a character boundary, and marks the cut with "…".
func truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	budget := limit - len(ellipsis)
	if budget <= 0 {
		return ""
	}
	for budget > 0 && !utf8.RuneStart(s[budget]) {
		budget--
	}
	head := s[:budget]
	cut := -1
	for _, sep := range []string{"\n\n", "\n", ". ", " "} {
		if i := strings.LastIndex(head, sep); i >= budget/2 {
			cut = i
			if sep == ". " {
				cut++ // keep the full stop
			}
			break
		}
	}
	if cut >= 0 {
		head = head[:cut]
	}
	return strings.TrimRightFunc(head, unicode.IsSpace) + ellipsis
}

// lineHash hashes the rule id with the trimmed text of the finding's first
// line, or with the message when the line is not available.
func lineHash(f lint.Finding, src *message.Source) string {
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	var line []byte
	ok := false
	if src != nil {
		line, ok = lineText(src, max(f.Line, 1))
	}
	if ok {
		h.Write([]byte("line\x00"))
		h.Write([]byte(strings.TrimSpace(string(line))))
	} else {
		h.Write([]byte("message\x00"))
		h.Write([]byte(f.Message))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// sarifFixOf converts a fix's byte-offset edits into SARIF replacements;
// false when there is no fix, no file content, or an edit is out of range.
func sarifFixOf(fix *lint.Fix, src *message.Source, loc sarifArtifactLocation) (sarifFix, bool) {
	if fix == nil || src == nil || len(fix.Edits) == 0 {
		return sarifFix{}, false
	}
	change := sarifArtifactChange{ArtifactLocation: loc}
	n := len(src.Content)
	for _, e := range fix.Edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return sarifFix{}, false
		}
		a, b := src.Position(e.Start), src.Position(e.End)
		change.Replacements = append(change.Replacements, sarifReplacement{
			DeletedRegion: sarifRegion{
				StartLine: a.Line, StartColumn: a.Column,
				EndLine: b.Line, EndColumn: b.Column,
			},
			InsertedContent: &sarifContent{Text: e.New},
		})
	}
	desc := fix.Description
	if desc == "" {
		desc = "apply the suggested change"
	}
	return sarifFix{
		Description:     sarifMessage{Text: desc},
		ArtifactChanges: []sarifArtifactChange{change},
	}, true
}

// The SARIF 2.1.0 subset notelint writes, in the key order it writes.

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations,omitempty"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

// sarifInvocation lists the files that could not be checked as tool
// execution notifications, next to their results.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications"`
}

type sarifNotification struct {
	Level          string          `json:"level"`
	Message        sarifMessage    `json:"message"`
	Locations      []sarifLocation `json:"locations"`
	AssociatedRule *sarifRuleRef   `json:"associatedRule,omitempty"`
}

type sarifRuleRef struct {
	ID    string `json:"id"`
	Index int    `json:"index"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifHelp          `json:"help"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifProperties    `json:"properties"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Fixes               []sarifFix        `json:"fixes,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion   `json:"deletedRegion"`
	InsertedContent *sarifContent `json:"insertedContent,omitempty"`
}

type sarifContent struct {
	Text string `json:"text"`
}
