package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// noteUnread tells on w how many files that look like message templates
// were not read, by extension ("6 .ftl, 2 .php"), so that a run over a
// template language notelint does not read is not taken for a clean one.
func noteUnread(w io.Writer, unread map[string]int) {
	if len(unread) == 0 {
		return
	}
	exts := make([]string, 0, len(unread))
	n := 0
	for ext, c := range unread {
		exts = append(exts, ext)
		n += c
	}
	sort.Slice(exts, func(i, j int) bool {
		if unread[exts[i]] != unread[exts[j]] {
			return unread[exts[i]] > unread[exts[j]]
		}
		return exts[i] < exts[j]
	})
	parts := make([]string, len(exts))
	for i, ext := range exts {
		parts[i] = fmt.Sprintf("%d %s", unread[ext], ext)
	}
	files, look := "files", "look"
	if n == 1 {
		files, look = "file", "looks"
	}
	fmt.Fprintf(w, "notelint: not read: %d %s that %s like message templates (%s); notelint reads the formats listed in the README's \"Templates\" section\n", n, files, look, strings.Join(parts, ", "))
}
