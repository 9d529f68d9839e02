// Package lint is notelint's engine: the rule interface with its declared
// applicability (Applies), the configuration ([lint] and [rules.*]), the
// runner that loads files through package lint/load and turns them into
// sorted findings (suppressions, directive problems, severity overrides,
// de-duplication, sort), and --fix. It knows no rule by name: rules live
// in package rules.
package lint
