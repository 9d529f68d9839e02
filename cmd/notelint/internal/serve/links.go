package serve

import (
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/notelint/notelint/lint"
	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/landing"
)

// linkRules are the rules whose findings on a link are its verdict.
var linkRules = map[string]bool{"landing-page": true, "link-safety": true}

// links lists the links of t with the landing-page and link-safety
// findings on each, or why the page was not checked.
func links(t *message.Template, cfg *lint.Config, all []*lint.Rule, findings []lint.Finding, load string) []linkJSON {
	mapper := landing.NewMapper(landingPages(cfg, all), cfg.Resolve)
	out := []linkJSON{}
	for _, p := range t.Parts {
		src := t.Source
		if p.Source != nil {
			src = p.Source
		}
		for _, l := range p.Links {
			lj := linkJSON{URL: l.URL, Label: l.Label, Line: src.Position(l.FileStart).Line}
			if l.Var != nil && l.Var.Sample != "" && lj.URL == "" {
				lj.URL = l.Var.Sample
			}
			var worst message.Severity
			for _, f := range findings {
				if !linkRules[f.Rule] || f.File != src.Path || f.EndOffset < l.FileStart || f.Offset > l.FileEnd ||
					strings.HasPrefix(f.Message, "landing page unmapped") {
					continue // the unmapped notice is told below, for every unmapped link
				}
				if lj.Verdict != "" {
					lj.Verdict += "; "
				}
				lj.Verdict += f.Message
				if !lj.Checked || f.Severity > worst {
					worst = f.Severity
				}
				lj.Checked = true
			}
			if lj.Checked {
				lj.Severity = worst.String()
			}
			if lj.Verdict == "" {
				_, mapped := mapper.Lookup(lj.URL)
				switch {
				case mapped || (cfg.Network.Fetch && landing.Classify(lj.URL) == landing.Web):
					lj.Verdict, lj.Checked = "no problem found", true
				case cfg.Network.Fetch:
					lj.Verdict = "not checked: not a web link"
				default:
					lj.Verdict = "not checked: no saved copy in [landing.pages]; notelint serve --fetch fetches it"
				}
			}
			out = append(out, lj)
		}
	}
	return out
}

// landingPages returns [landing.pages] (the landing-page rule's pages
// option) from the rule's options, read through their TOML form: the
// options type belongs to the rule.
func landingPages(cfg *lint.Config, all []*lint.Rule) map[string]string {
	for _, r := range all {
		if r.ID != "landing-page" {
			continue
		}
		b, err := toml.Marshal(cfg.RuleOptions(r))
		if err != nil {
			return nil
		}
		var o struct {
			Pages map[string]string `toml:"pages"`
		}
		if toml.Unmarshal(b, &o) != nil {
			return nil
		}
		return o.Pages
	}
	return nil
}
