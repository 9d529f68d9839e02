package rules

import "github.com/notelint/notelint/lint"

// timeAndActionRules are the content rules about times, calls to action,
// next steps, opt-out and readability, and the language rule that says
// when they cannot check a message.
func timeAndActionRules() []*lint.Rule {
	return []*lint.Rule{
		missingETA(),
		vagueETA(),
		vagueCTA(),
		missingNextStep(),
		optOut(),
		readability(),
		languageRule(),
	}
}
