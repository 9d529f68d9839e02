// Package load turns files into templates (package lint/message): it
// discovers files, checks their hygiene (encoding, size), reads front
// matter, Markdown, HTML and plain text, message catalogs and i18n bundles
// (JSON, YAML, gettext PO, properties, Android XML, Apple strings and
// xcstrings, XLIFF, PHP arrays), groups the parts of one notification, and
// infers each template's scope from its front matter, the config, its key,
// path and words. Loaders see only the load part of the configuration
// (Config: the [lint] table and where the config file lives).
package load
