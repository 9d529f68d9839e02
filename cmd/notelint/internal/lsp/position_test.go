package lsp

import "testing"

func TestPositions(t *testing.T) {
	// "😀" is 4 bytes and 2 UTF-16 units; "é" 2 bytes and 1 unit.
	text := "a😀b\r\né’x\rlast😀"
	li := newLineIndex(text)
	cases := []struct {
		off  int
		want Position
	}{
		{0, Position{0, 0}},
		{1, Position{0, 1}},  // before 😀
		{5, Position{0, 3}},  // after 😀
		{6, Position{0, 4}},  // at \r: end of line 0
		{7, Position{0, 4}},  // inside \r\n
		{8, Position{1, 0}},  // é
		{10, Position{1, 1}}, // ’
		{13, Position{1, 2}}, // x
		{14, Position{1, 3}}, // lone \r
		{15, Position{2, 0}},
		{19, Position{2, 4}}, // before 😀
		{23, Position{2, 6}}, // end of text
		{99, Position{2, 6}}, // clamped
		{2, Position{0, 1}},  // inside 😀: its start
	}
	for _, c := range cases {
		if got := li.position(c.off); got != c.want {
			t.Errorf("position(%d) = %+v, want %+v", c.off, got, c.want)
		}
	}
	back := []struct {
		p    Position
		want int
	}{
		{Position{0, 0}, 0},
		{Position{0, 3}, 5},
		{Position{0, 2}, 1},  // inside the surrogate pair: the character's start
		{Position{0, 99}, 6}, // past the end of the line: before \r\n
		{Position{1, 2}, 13},
		{Position{1, 3}, 14},
		{Position{2, 6}, 23},
		{Position{7, 0}, 23}, // past the last line
		{Position{-1, 0}, 0},
	}
	for _, c := range back {
		if got := li.offset(c.p); got != c.want {
			t.Errorf("offset(%+v) = %d, want %d", c.p, got, c.want)
		}
	}
	if got := newLineIndex("").position(0); got != (Position{}) {
		t.Errorf("empty text: %+v", got)
	}
}

func TestApplyChange(t *testing.T) {
	text := "a😀b\r\nc"
	cases := []struct {
		ch   contentChange
		want string
	}{
		{contentChange{Text: "whole"}, "whole"},
		{contentChange{Range: &Range{Start: Position{0, 3}, End: Position{0, 4}}, Text: "B"}, "a😀B\r\nc"},
		{contentChange{Range: &Range{Start: Position{0, 1}, End: Position{0, 3}}, Text: ""}, "ab\r\nc"},
		{contentChange{Range: &Range{Start: Position{1, 1}, End: Position{1, 1}}, Text: "’"}, "a😀b\r\nc’"},
		{contentChange{Range: &Range{Start: Position{0, 4}, End: Position{1, 0}}, Text: "\n"}, "a😀b\nc"},
		{contentChange{Range: &Range{Start: Position{1, 0}, End: Position{0, 4}}, Text: ""}, "a😀bc"}, // reversed range
	}
	for _, c := range cases {
		if got := applyChange(text, c.ch); got != c.want {
			t.Errorf("applyChange(%+v) = %q, want %q", c.ch, got, c.want)
		}
	}
}
