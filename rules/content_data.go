package rules

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/notelint/notelint/lint/lang"
	"github.com/notelint/notelint/rules/internal/prose"
	"github.com/notelint/notelint/rules/internal/timeexpr"
)

// This file holds the language data the content rules (missing-eta,
// vague-eta, vague-cta, missing-next-step, opt-out, readability) share,
// compiled once per language.

// contentData is one language's data for the content rules, compiled once.
type contentData struct {
	code string

	// Time expressions and what settles a matter (time.toml).
	time     *timeexpr.Grammar
	resolved *lang.Matcher    // eta_resolved
	request  *lang.Matcher    // vague_eta_request: "please", "bitte", "merci de"
	promise  *lang.Matcher    // vague_eta_promise: "we", "wir", "nous"
	joiners  *lang.Matcher    // vague_eta_joiners: "and", "und", "et"
	speed    map[string]bool  // vague_eta_speed, folded: "as soon as possible"
	waiting  *lang.Matcher    // eta_waiting: "please reply with", "bitte senden Sie uns"
	pending  *lang.Matcher    // eta_ticket_pending: "we have received", "in Bearbeitung"
	other    []*regexp.Regexp // eta_other_party_re: "their application", "hat sich beworben"
	final    *lang.Matcher    // eta_final: "has been cancelled", "wurde storniert"
	tracking map[string]bool  // eta_tracking_placeholder_words of every language

	// Sentences (readability.toml): abbreviations, ordinal dots.
	sent *prose.SentenceRules

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
	maxWords     int
	minEase      float64
	base         float64
	aslWeight    float64
	aswWeight    float64
	hasReadCoeff bool
}

// silentEnding is a word ending that loses a syllable: "e" in "make".
type silentEnding struct {
	suffix   string
	notAfter string // the ending does not count after these letters
	min      int    // the word must have at least this many syllables
}

// contentLangs is the content data of every built-in language.
var contentLangs = prose.NewPerLanguage(compileContent)

func compileContent(l *lang.Language) *contentData {
	d := &contentData{code: l.Code}
	d.time = timeexpr.Of(l)
	d.sent = prose.SentenceRulesOf(l)
	d.resolved = l.List("eta_resolved")
	d.request = l.List("vague_eta_request")
	d.promise = l.List("vague_eta_promise")
	d.joiners = l.List("vague_eta_joiners")
	d.speed = prose.FoldedSet(l.Phrases("vague_eta_speed"))
	d.waiting = l.List("eta_waiting")
	d.pending = l.List("eta_ticket_pending")
	d.other = l.Patterns("eta_other_party_re")
	d.final = l.List("eta_final")
	d.tracking = map[string]bool{}
	for _, o := range prose.Languages() {
		for w := range prose.FoldedSet(o.Phrases("eta_tracking_placeholder_words")) {
			d.tracking[w] = true
		}
	}
	d.cancel = l.List("next_step_cancel")
	d.requestRe = l.Patterns("next_step_request_re")
	d.requestNot = prose.FoldedList(l.Phrases("next_step_request_not"))
	d.vagueLinkText = l.List("cta_vague_link_text")
	d.genericLabel = l.List("cta_generic_label")
	d.ctaVerbs = l.List("cta_verbs")
	d.replyRe = l.Patterns("cta_reply_re")
	d.replyVerbs = l.List("cta_reply_verbs")
	d.replyIgnore = prose.FoldedSet(l.Phrases("cta_reply_ignore"))
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
	return d
}

// hint returns the localised example for key, falling back to English.
func (d *contentData) hint(key string) string {
	if h, ok := d.hints[key]; ok {
		return h
	}
	if en, ok := contentLangs.Get("en"); ok {
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

// mayHaveReply reports whether the view may hold a reply instruction, so
// the reply patterns are worth running.
func (d *contentData) mayHaveReply(v *prose.View) bool {
	return len(d.replyRe) > 0 && (d.replyVerbs.Len() == 0 || d.replyVerbs.Contains(v.Folded))
}

// isResolved reports whether the message says the matter is settled
// ("power is back", "wurde behoben", "a été résolu"): then no time and no
// next step are owed.
func (d *contentData) isResolved(vs []*prose.View) bool {
	for _, v := range vs {
		if d.resolved.Contains(v.Folded) {
			return true
		}
	}
	return false
}
