package message

import (
	"sort"
	"unicode/utf8"
)

// Source is the content of one input file with a line index, so byte offsets
// can be turned into 1-based line and column numbers.
type Source struct {
	Path    string // path as given or found, used in findings
	Content []byte // the file's bytes exactly as read
	lines   []int  // byte offset of the start of each line
}

// NewSource indexes content for position lookups.
func NewSource(path string, content []byte) *Source {
	lines := make([]int, 1, 1+len(content)/40)
	for i, b := range content {
		if b == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &Source{Path: path, Content: content, lines: lines}
}

// Position is a 1-based line and column; columns count characters (runes).
type Position struct {
	Line   int
	Column int
}

// Position converts a byte offset into a line and column. Offsets past the
// end are clamped to the end of the file.
func (s *Source) Position(offset int) Position {
	if offset < 0 {
		offset = 0
	}
	if offset > len(s.Content) {
		offset = len(s.Content)
	}
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > offset }) - 1
	start := s.lines[i]
	return Position{Line: i + 1, Column: utf8.RuneCount(s.Content[start:offset]) + 1}
}

// LineStart returns the byte offset where 1-based line n starts.
func (s *Source) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(s.lines) {
		return len(s.Content)
	}
	return s.lines[n-1]
}

// LineCount reports the number of lines in the file.
func (s *Source) LineCount() int { return len(s.lines) }
