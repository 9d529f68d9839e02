package lsp

import (
	"sort"
	"unicode/utf8"
)

// Position is an LSP position: a 0-based line and a 0-based offset in
// UTF-16 code units within the line.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// Range is an LSP range; End is exclusive.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// lineIndex maps byte offsets of a text to LSP positions and back. Lines
// end at "\n", "\r\n" or a lone "\r", as LSP defines them.
type lineIndex struct {
	text   string
	starts []int // byte offset where each line starts
}

func newLineIndex(text string) *lineIndex {
	li := &lineIndex{text: text, starts: []int{0}}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			li.starts = append(li.starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// lineEnd is the byte offset where line n's content ends (before its
// line break).
func (li *lineIndex) lineEnd(n int) int {
	if n+1 >= len(li.starts) {
		return len(li.text)
	}
	end := li.starts[n+1] - 1
	if li.text[end] == '\n' && end > li.starts[n] && li.text[end-1] == '\r' {
		end--
	}
	return end
}

// position converts a byte offset (clamped to the text) into a position.
// An offset inside a line break or a UTF-8 sequence counts from the
// character it falls in.
func (li *lineIndex) position(off int) Position {
	off = max(0, min(off, len(li.text)))
	line := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off }) - 1
	end := min(off, li.lineEnd(line))
	ch := 0
	for i := li.starts[line]; i < end; {
		r, n := utf8.DecodeRuneInString(li.text[i:])
		if i+n > end {
			break
		}
		if r >= 0x10000 {
			ch += 2
		} else {
			ch++
		}
		i += n
	}
	return Position{Line: line, Character: ch}
}

// offset converts a position into a byte offset. A line past the end is
// the end of the text; a character past the end of its line is the end
// of the line; a character inside a surrogate pair is the character's
// start.
func (li *lineIndex) offset(p Position) int {
	if p.Line < 0 {
		return 0
	}
	if p.Line >= len(li.starts) {
		return len(li.text)
	}
	i, end := li.starts[p.Line], li.lineEnd(p.Line)
	for units := 0; i < end; {
		r, n := utf8.DecodeRuneInString(li.text[i:])
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if units+w > p.Character {
			break
		}
		units += w
		i += n
	}
	return i
}

func (li *lineIndex) rangeOf(start, end int) Range {
	return Range{Start: li.position(start), End: li.position(end)}
}
