// Package landing is the machinery of the landing-page rule: it resolves a
// link in a template to a page (a local file mapped in [landing.pages], a
// var's landing file, or an HTTP(S) fetch when --fetch is on), reads and
// decodes the page once per run, analyses it once with goquery, and judges
// the analysis against one message.
//
// The package knows nothing of lint.Pass: the rule passes in a Cache (the
// run's shared state) and gets back Results and Problems. That keeps the
// fetching and the page analysis testable on their own.
package landing
