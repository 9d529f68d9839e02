package rules

import "github.com/notelint/notelint/lint"

// safetyAndLengthRules are the content rules about jargon, sensitive data,
// sender, links and channel limits.
func safetyAndLengthRules() []*lint.Rule {
	return []*lint.Rule{
		internalJargon(),
		leftoverText(),
		sensitiveData(),
		senderID(),
		linkSafety(),
		channelLength(),
	}
}
