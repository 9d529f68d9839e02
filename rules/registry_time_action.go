package rules

import "github.com/notelint/notelint/lint"

// timeAndActionRules are the content rules about times, calls to action,
// next steps, opt-out and readability.
func timeAndActionRules() []*lint.Rule {
	return nil
}
