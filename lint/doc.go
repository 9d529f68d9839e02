// Package lint is notelint's engine: the template model (parts, text with
// positions, placeholders, links), the loaders for template files and i18n
// bundles, what each template is taken for (Scope: notification or not,
// channel, kind, locale, each with its evidence; see InferScope and
// package lint/classify), the configuration, the rule interface with its
// declared applicability (Applies) and the runner that turns files into
// sorted findings. It knows no rule by name: rules live in package rules.
package lint
