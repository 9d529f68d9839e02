package rules

import (
	"strings"

	"github.com/notelint/notelint/lint/message"
)

// mentionOnly reports whether a bare link is only a scheme or "www." named
// in prose ("enter the address without https://"): no address, so no link
// to judge or to tap. A bare IPv6 link ("http://[::1]"), which the loader
// stops at "[", is a link.
func mentionOnly(l message.Link, text string) bool {
	if !l.Bare || l.Var != nil {
		return false
	}
	u := strings.ToLower(strings.TrimSpace(l.URL))
	switch u {
	case "http://", "https://", "www", "www.", "http:", "https:":
		return l.End >= len(text) || text[l.End] != '['
	}
	return false
}

// hasRealLink reports whether a part has a link that is more than a
// scheme named in prose.
func hasRealLink(part *message.Part) bool {
	text := part.Text.String()
	for _, l := range part.Links {
		if !mentionOnly(l, text) {
			return true
		}
	}
	return false
}
