// Package message is notelint's one text model: a Template with its parts,
// the Text of each part with its file spans, placeholders and their
// syntaxes, links, suppression directives as data, what the template is
// taken for (Scope: notification, channel, kind, locale, each with its
// evidence), and the Problems loaders found, each of a ProblemKind rather
// than a rule id. Loaders (package lint/load) build it; rules read it.
package message
