package rules

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/lint/message"
)

// This file holds what the content rules (missing-eta, vague-eta, vague-cta,
// missing-next-step, opt-out, readability) share: the language data they
// use, compiled once per language, and a view of a part's text for phrase
// matching with offsets that map back to the part.

// contentData is one language's data for the content rules, compiled once.
type contentData struct {
	code string

	// Time expressions (time.toml).
	timeWords *lang.Matcher // time_words and time_not; longest match wins
	timeNot   map[string]bool
	timeGram  timeGrammar
	timePast  map[string]bool
	vague     *lang.Matcher // vague_eta and vague_eta_not; longest match wins
	vagueNot  map[string]bool
	resolved  *lang.Matcher   // eta_resolved
	request   *lang.Matcher   // vague_eta_request: "please", "bitte", "merci de"
	promise   *lang.Matcher   // vague_eta_promise: "we", "wir", "nous"
	joiners   *lang.Matcher   // vague_eta_joiners: "and", "und", "et"
	speed     map[string]bool // vague_eta_speed, folded: "as soon as possible"
	waiting   *lang.Matcher   // eta_waiting: "please reply with", "bitte senden Sie uns"
	phAfter   []string        // time_placeholder_after, folded: "on", "am", "jusqu'au"

	// Calls to action (cta.toml).
	vagueLinkText *lang.Matcher
	genericLabel  *lang.Matcher
	ctaVerbs      *lang.Matcher
	replyRe       []*regexp.Regexp
	replyVerbs    *lang.Matcher // a reply instruction needs one of these
	replyIgnore   map[string]bool

	// Next steps (nextstep.toml).
	nextStep   *lang.Matcher
	cancel     *lang.Matcher
	requestRe  []*regexp.Regexp // next_step_request_re: "bitte reichen Sie", "veuillez"
	requestNot []string         // next_step_request_not, folded

	// Opt-out (optout.toml).
	optOutKeywords *lang.Matcher
	optOutPhrases  *lang.Matcher

	// Readability (readability.toml).
	read readData

	// hints are localised examples for hints, by key ("delay", "link").
	hints map[string]string
}

// readData is the readability data of one language.
type readData struct {
	formula      string
	vowels       string
	diphthongs   []string
	silent       []silentEnding
	abbrev       map[string]bool
	maxWords     int
	minEase      float64
	base         float64
	aslWeight    float64
	aswWeight    float64
	ordinalDot   bool
	hasReadCoeff bool
}

// silentEnding is a word ending that loses a syllable: "e" in "make".
type silentEnding struct {
	suffix   string
	notAfter string // the ending does not count after these letters
	min      int    // the word must have at least this many syllables
}

var contentLangs = sync.OnceValue(func() map[string]*contentData {
	set := lang.Builtin()
	out := map[string]*contentData{}
	for _, code := range set.Codes() {
		l, _ := set.Get(code)
		out[code] = compileContent(l)
	}
	return out
})

func compileContent(l *lang.Language) *contentData {
	d := &contentData{code: l.Code}
	d.timeWords, d.timeNot = matcherWithNot(l.Phrases("time_words"), l.Phrases("time_not"))
	d.vague, d.vagueNot = matcherWithNot(l.Phrases("vague_eta"), l.Phrases("vague_eta_not"))
	d.timeGram = compileTimeGrammar(l)
	d.timePast = foldedSet(l.Phrases("time_past"))
	d.resolved = l.List("eta_resolved")
	d.request = l.List("vague_eta_request")
	d.promise = l.List("vague_eta_promise")
	d.joiners = l.List("vague_eta_joiners")
	d.speed = foldedSet(l.Phrases("vague_eta_speed"))
	d.waiting = l.List("eta_waiting")
	for _, p := range l.Phrases("time_placeholder_after") {
		if f := strings.TrimSpace(lang.Fold(p).S); f != "" {
			d.phAfter = append(d.phAfter, f)
		}
	}
	d.cancel = l.List("next_step_cancel")
	d.requestRe = l.Patterns("next_step_request_re")
	for _, p := range l.Phrases("next_step_request_not") {
		if f := strings.TrimSpace(lang.Fold(p).S); f != "" {
			d.requestNot = append(d.requestNot, f)
		}
	}
	d.vagueLinkText = l.List("cta_vague_link_text")
	d.genericLabel = l.List("cta_generic_label")
	d.ctaVerbs = l.List("cta_verbs")
	d.replyRe = l.Patterns("cta_reply_re")
	d.replyVerbs = l.List("cta_reply_verbs")
	d.replyIgnore = foldedSet(l.Phrases("cta_reply_ignore"))
	d.nextStep = lang.NewMatcher(append(slices.Clone(l.Phrases("next_step_statements")), l.Phrases("next_step_actions")...))
	d.optOutKeywords = l.List("opt_out_keywords")
	d.optOutPhrases = l.List("opt_out_phrases")

	d.hints = map[string]string{}
	for _, list := range []string{"time_hints", "cta_hints", "next_step_hints", "opt_out_hints"} {
		for _, e := range l.Phrases(list) {
			if k, v, ok := strings.Cut(e, "|"); ok {
				d.hints[k] = v
			}
		}
	}

	r := &d.read
	if f := l.Phrases("readability_formula"); len(f) > 0 {
		r.formula = f[0]
	}
	if v := l.Phrases("readability_vowels"); len(v) > 0 {
		r.vowels = strings.ToLower(strings.Join(v, ""))
	}
	r.diphthongs = l.Phrases("readability_diphthongs")
	for _, s := range l.Phrases("readability_silent") {
		parts := strings.Split(s, "/")
		if len(parts) != 3 {
			continue
		}
		minSyl, err := strconv.Atoi(parts[2])
		if err != nil {
			continue
		}
		r.silent = append(r.silent, silentEnding{suffix: parts[0], notAfter: parts[1], min: minSyl})
	}
	r.abbrev = foldedSet(l.Phrases("readability_abbreviations"))
	if n, ok := l.Number("readability_max_sentence_words"); ok {
		r.maxWords = int(n)
	}
	if n, ok := l.Number("readability_min_ease"); ok {
		r.minEase = n
	}
	base, ok1 := l.Number("readability_ease_base")
	asl, ok2 := l.Number("readability_ease_asl")
	asw, ok3 := l.Number("readability_ease_asw")
	r.base, r.aslWeight, r.aswWeight = base, asl, asw
	r.hasReadCoeff = ok1 && ok2 && ok3 && r.vowels != ""
	if n, ok := l.Number("readability_ordinal_dot"); ok && n != 0 {
		r.ordinalDot = true
	}
	return d
}

// matcherWithNot compiles phrases together with "not" phrases that contain
// them without meaning the same ("later than" for "later"): the matcher
// prefers the longest overlapping phrase, and matches of a not phrase are
// dropped by the caller.
func matcherWithNot(phrases, not []string) (*lang.Matcher, map[string]bool) {
	all := append(slices.Clone(phrases), not...)
	return lang.NewMatcher(all), foldedSet(not)
}

func foldedSet(phrases []string) map[string]bool {
	m := make(map[string]bool, len(phrases))
	for _, p := range phrases {
		if f := strings.TrimSpace(lang.Fold(p).S); f != "" {
			m[f] = true
		}
	}
	return m
}

// hint returns the localised example for key, falling back to English.
func (d *contentData) hint(key string) string {
	if h, ok := d.hints[key]; ok {
		return h
	}
	if en, ok := contentLangs()["en"]; ok {
		return en.hints[key]
	}
	return ""
}

// hintFor returns the example for key specialised to a message kind
// ("link.outage"), else the general one.
func (d *contentData) hintFor(key, kind string) string {
	if kind != "" {
		if h, ok := d.hints[key+"."+kind]; ok {
			return h
		}
	}
	return d.hint(key)
}

// languageCode returns the base language of the template's locale, falling
// back to the configured default locale and then to English.
func languageCode(p *lint.Pass) string {
	loc := p.Template.Locale
	if loc == "" && p.Config != nil {
		loc = p.Config.Lint.DefaultLocale
	}
	if loc == "" {
		loc = "en"
	}
	return message.BaseLanguage(loc)
}

// contentFor returns the content data for the template's language; ok is
// false when notelint has no data for it (the language rule reports that,
// and the content rules stay silent).
func contentFor(p *lint.Pass) (*contentData, bool) {
	l, ok := lang.Builtin().Get(languageCode(p))
	if !ok {
		return nil, false
	}
	d, ok := contentLangs()[l.Code]
	return d, ok
}

// validateKinds checks option values against the kinds notelint knows.
func validateKinds(option string, kinds []string) error {
	known := message.KnownKinds()
	for _, k := range kinds {
		if !slices.Contains(known, k) {
			return fmt.Errorf("%s: unknown kind %q (want one of %s)", option, k, strings.Join(known, ", "))
		}
	}
	return nil
}

// validateChannels checks option values against the channels notelint knows.
func validateChannels(option string, channels []string) error {
	known := message.KnownChannels()
	for _, c := range channels {
		if !slices.Contains(known, c) {
			return fmt.Errorf("%s: unknown channel %q (want one of %s)", option, c, strings.Join(known, ", "))
		}
	}
	return nil
}

// view is a part's text prepared for phrase matching: placeholders blanked
// (so they are opaque gaps, never words) and folded (lower case, plain
// apostrophes and dashes, single spaces). Folded offsets map back to the
// part's text.
type view struct {
	part   *message.Part
	masked string
	f      *lang.Folded
	// times and vague cache timeSpans and vagueSpans of f per language
	// data, as several rules ask for them.
	times, vague map[*contentData][]span
}

func newView(part *message.Part) *view {
	m := part.Masked()
	return &view{part: part, masked: m, f: lang.Fold(m)}
}

// views returns a view of every part of the template that has text,
// computed once per template and shared by the rules (treat as read-only).
func views(t *message.Template) []*view {
	return t.Memo("rules.views", func() any {
		out := make([]*view, 0, len(t.Parts))
		for _, part := range t.Parts {
			if part.Text.Len() == 0 {
				continue
			}
			out = append(out, newView(part))
		}
		return out
	}).([]*view)
}

// times returns the time expressions of the view, computed once.
func (v *view) timesFor(d *contentData) []span {
	if s, ok := v.times[d]; ok {
		return s
	}
	if v.times == nil {
		v.times = map[*contentData][]span{}
	}
	s := d.timeSpans(v.f)
	v.times[d] = s
	return s
}

// vagueFor returns the vague time phrases of the view, computed once.
func (v *view) vagueFor(d *contentData) []span {
	if s, ok := v.vague[d]; ok {
		return s
	}
	if v.vague == nil {
		v.vague = map[*contentData][]span{}
	}
	s := d.vagueSpans(v.f)
	v.vague[d] = s
	return s
}

// sentences returns the sentences of the part (part text offsets). A
// placeholder counts as a word here, so "Details: {{link}}" is one sentence.
func (v *view) sentences(rd *readData) []span {
	return sentenceSpans(filledText(v.part), rd)
}

// filledText returns the part's text with every value placeholder replaced by
// underscores and every control tag by spaces, offsets unchanged.
func filledText(part *message.Part) string {
	text := part.Text.String()
	if len(part.Placeholders) == 0 {
		return text
	}
	b := []byte(text)
	for _, ph := range part.Placeholders {
		c := byte('_')
		if ph.Control {
			c = ' '
		}
		for i := ph.Start; i < ph.End && i < len(b); i++ {
			b[i] = c
		}
	}
	return string(b)
}

// partRange maps a folded range back to the part's text.
func (v *view) partRange(s, e int) (int, int) { return v.f.OrigRange(s, e) }

// foldedOffset maps a part text offset to the first folded offset at or
// after it.
func (v *view) foldedOffset(off int) int {
	return sort.Search(len(v.f.S), func(i int) bool { return v.f.Orig(i) >= off })
}

// span is a byte range; whether of folded or part text is said where used.
type span struct{ start, end int }

func spansOverlap(a, b span) bool { return a.start < b.end && b.start < a.end }

func spanOverlapsAny(s span, list []span) bool {
	for _, o := range list {
		if spansOverlap(s, o) {
			return true
		}
	}
	return false
}

// mayHaveReply reports whether the view may hold a reply instruction, so
// the reply patterns are worth running.
func (d *contentData) mayHaveReply(v *view) bool {
	return len(d.replyRe) > 0 && (d.replyVerbs.Len() == 0 || d.replyVerbs.Contains(v.f))
}

// isResolved reports whether the message says the matter is settled
// ("power is back", "wurde behoben", "a été résolu"): then no time and no
// next step are owed.
func (d *contentData) isResolved(vs []*view) bool {
	for _, v := range vs {
		if d.resolved.Contains(v.f) {
			return true
		}
	}
	return false
}

// messageAnchor returns where a finding about the whole message points: the
// first sentence of the body (after a salutation such as "Hi Anna,"), or of
// the first part with text (the subject of an e-mail without body text), or
// the start of the message.
func messageAnchor(t *message.Template) (*message.Part, int, int) {
	parts := make([]*message.Part, 0, len(t.Parts))
	if b := t.Body(); b != nil {
		parts = append(parts, b)
	}
	parts = append(parts, t.Parts...)
	for _, part := range parts {
		text := filledText(part)
		if strings.TrimSpace(text) == "" {
			continue
		}
		sents := sentenceSpans(text, nil)
		// Skip a salutation ("Guten Tag," / "Hi {{name}},") on its own.
		if len(sents) > 1 && strings.HasSuffix(text[sents[0].start:sents[0].end], ",") {
			sents = sents[1:]
		}
		if len(sents) > 0 {
			return part, sents[0].start, sents[0].end
		}
	}
	return nil, t.Start, t.Start
}

// reportMessage reports a finding about the whole message at its anchor.
func reportMessage(p *lint.Pass, msg, hint string) {
	part, s, e := messageAnchor(p.Template)
	p.Report(lint.Diagnostic{Part: part, Start: s, End: e, Message: msg, Hint: hint})
}

// smsOnly is where the SMS rules run: customer notifications known to be
// SMS.
var smsOnly = lint.Applies{Notifications: true, Channels: []string{"sms"}}
