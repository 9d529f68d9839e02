// Package prose is the text toolkit of the rules: a part's text masked
// (placeholders, addresses) and folded for phrase matching, its words and
// sentences, byte spans, and the one lookup from a template to its
// language data (lint/lang).
//
// Every function keeps offsets: masked text has the byte length of the
// part's text, and folded offsets map back to it, so a finding points at
// the source.
package prose
