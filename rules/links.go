package rules

import (
	"strings"

	"github.com/notelint/notelint/lint/message"
	"github.com/notelint/notelint/rules/internal/prose"
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

// notActionLinks are words of link placeholder names that point to no next
// step: the site's home page, an unsubscribe link, images.
var notActionLinks = map[string]bool{
	"unsubscribe": true, "optout": true, "logo": true, "image": true, "img": true, "icon": true, "avatar": true,
	"privacy": true, "terms": true, "shop": true, "site": true, "home": true, "base": true, "domain": true,
	"root": true, "cdn": true, "asset": true, "static": true, "web": true, "website": true, "homepage": true,
}

// hasLinkPlaceholder reports whether a part has a placeholder that holds a
// link to act on: named for a link ({{ url }}, {{ download_link }},
// {reset_url}), not the site's home page or an unsubscribe link.
func hasLinkPlaceholder(part *message.Part) bool {
	for _, ph := range part.Placeholders {
		if ph.Control || ph.Name == "" {
			continue
		}
		words := prose.NameWords(ph.Name)
		link, other := false, false
		for _, w := range words {
			link = link || linkNameWords[w]
			other = other || notActionLinks[w]
		}
		if link && !other {
			return true
		}
	}
	return false
}
