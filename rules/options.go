package rules

// Checks of rule option values shared by several rules.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// validateKinds checks option values against the kinds notelint knows.
func validateKinds(option string, kinds []string) error {
	return validateKnown(option, "kind", kinds, message.KnownKinds())
}

// validateChannels checks option values against the channels notelint knows.
func validateChannels(option string, channels []string) error {
	return validateKnown(option, "channel", channels, message.KnownChannels())
}

// validateKnown checks that every value is one of known.
func validateKnown(option, what string, values, known []string) error {
	for _, v := range values {
		if !slices.Contains(known, v) {
			return fmt.Errorf("%s: unknown %s %q (want one of %s)", option, what, v, strings.Join(known, ", "))
		}
	}
	return nil
}

// noEmptyStrings rejects a list option holding an empty or blank entry,
// which would match everywhere.
func noEmptyStrings(option string, list []string) error {
	for _, v := range list {
		if strings.TrimSpace(v) == "" {
			return fmt.Errorf("%s must not contain empty strings", option)
		}
	}
	return nil
}
