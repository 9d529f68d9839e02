// Package lint is notelint's engine: the template model (parts, text with
// positions, placeholders, links), the loaders for template files and i18n
// bundles, the configuration, the rule interface and the runner that turns
// files into sorted findings. It knows no rule by name: rules live in
// package rules.
package lint
