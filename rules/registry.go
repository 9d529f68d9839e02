// Package rules holds notelint's rules, one file per rule, and the registry
// that lists them. A rule is a *lint.Rule value; the engine knows none by
// name.
package rules

import "github.com/notelint/notelint/lint"

// All returns every rule in catalog order, as fresh values.
func All() []*lint.Rule {
	all := []*lint.Rule{
		smsSegments(),
		smsUnicode(),
		placeholder(),
		frontmatter(),
	}
	all = append(all, timeAndActionRules()...)
	all = append(all, safetyAndLengthRules()...)
	all = append(all, landingPage())
	all = append(all, i18nRules()...)
	return append(all, suppression(), input())
}

// ByID returns the rule with the given id from rules, or nil.
func ByID(rules []*lint.Rule, id string) *lint.Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// smsOnly is where the SMS rules run: customer notifications known to be
// SMS.
var smsOnly = lint.Applies{Notifications: true, Channels: []string{"sms"}}
