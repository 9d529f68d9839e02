package lint

import "sort"

// Text is message text extracted from a file (after markup, escapes and
// entities are resolved) together with a map from each text byte back to the
// byte range in the original file it came from.
type Text struct {
	s     string
	spans []span
}

// span maps text[tStart:tStart+tLen] to file[fStart:fStart+fLen]. When the
// two lengths are equal and the bytes are the same, the span is verbatim and
// maps byte for byte; otherwise (an entity, an escape, an inserted separator)
// every text byte maps to the whole file range.
type span struct {
	tStart, tLen int
	fStart, fLen int
	verbatim     bool
	host         host // the syntax the file bytes are written in
}

// String returns the text.
func (t *Text) String() string { return t.s }

// Len returns the text length in bytes.
func (t *Text) Len() int { return len(t.s) }

// FileRange maps the text byte range [start, end) to a byte range in the
// original file. Verbatim text maps exactly; text produced from an escape or
// entity maps to the whole escape.
func (t *Text) FileRange(start, end int) (int, int) {
	if len(t.spans) == 0 {
		return 0, 0
	}
	if end < start {
		end = start
	}
	fs, _ := t.fileOffset(start, false)
	fe, _ := t.fileOffset(end, true)
	if fe < fs {
		fe = fs
	}
	return fs, fe
}

// Verbatim reports whether text[start:end] is a byte-for-byte copy of the
// file, so that an edit on the text can be applied to the file directly.
func (t *Text) Verbatim(start, end int) bool {
	i := t.spanAt(start)
	if i < 0 {
		return false
	}
	sp := t.spans[i]
	return sp.verbatim && end <= sp.tStart+sp.tLen
}

func (t *Text) spanAt(off int) int {
	i := sort.Search(len(t.spans), func(i int) bool { return t.spans[i].tStart+t.spans[i].tLen > off })
	if i == len(t.spans) {
		return -1
	}
	return i
}

// fileOffset maps one text offset. For an end offset (isEnd), the mapping
// uses the span holding the byte before it, so a range ending at a span
// boundary does not spill into the next span.
func (t *Text) fileOffset(off int, isEnd bool) (int, bool) {
	probe := off
	if isEnd && off > 0 {
		probe = off - 1
	}
	i := t.spanAt(probe)
	if i < 0 {
		last := t.spans[len(t.spans)-1]
		return last.fStart + last.fLen, false
	}
	sp := t.spans[i]
	if sp.verbatim {
		return sp.fStart + (off - sp.tStart), true
	}
	if isEnd {
		return sp.fStart + sp.fLen, false
	}
	return sp.fStart, false
}

// TextBuilder assembles a Text piece by piece while recording positions.
type TextBuilder struct {
	buf   []byte
	spans []span
	host  host // recorded on the spans appended from now on
}

// setHost sets the syntax of the file bytes appended from now on, which
// --fix needs to write an edit there (see fix_escape.go).
func (b *TextBuilder) setHost(h host) { b.host = h }

// Verbatim appends s, which is file[fileStart:fileStart+len(s)] unchanged.
func (b *TextBuilder) Verbatim(s string, fileStart int) {
	if s == "" {
		return
	}
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if last.verbatim && last.host == b.host && last.tStart+last.tLen == len(b.buf) && last.fStart+last.fLen == fileStart {
			last.tLen += len(s)
			last.fLen += len(s)
			b.buf = append(b.buf, s...)
			return
		}
	}
	b.spans = append(b.spans, span{tStart: len(b.buf), tLen: len(s), fStart: fileStart, fLen: len(s), verbatim: true, host: b.host})
	b.buf = append(b.buf, s...)
}

// Mapped appends s, which stands for the file bytes [fileStart, fileEnd)
// (a decoded entity or escape, or an inserted separator with fileStart ==
// fileEnd).
func (b *TextBuilder) Mapped(s string, fileStart, fileEnd int) {
	if s == "" {
		return
	}
	b.spans = append(b.spans, span{tStart: len(b.buf), tLen: len(s), fStart: fileStart, fLen: fileEnd - fileStart, host: b.host})
	b.buf = append(b.buf, s...)
}

// Len returns the number of text bytes written so far.
func (b *TextBuilder) Len() int { return len(b.buf) }

// EndsWith reports whether the text so far ends with s.
func (b *TextBuilder) EndsWith(s string) bool {
	return len(b.buf) >= len(s) && string(b.buf[len(b.buf)-len(s):]) == s
}

// TrimRightSpace drops trailing spaces and newlines from the text so far.
func (b *TextBuilder) TrimRightSpace() {
	for len(b.buf) > 0 {
		c := b.buf[len(b.buf)-1]
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			break
		}
		b.buf = b.buf[:len(b.buf)-1]
		last := &b.spans[len(b.spans)-1]
		last.tLen--
		if last.verbatim {
			last.fLen--
		}
		if last.tLen == 0 {
			b.spans = b.spans[:len(b.spans)-1]
		}
	}
}

// Text returns the finished Text.
func (b *TextBuilder) Text() Text {
	return Text{s: string(b.buf), spans: b.spans}
}

// VerbatimText builds a Text that is file[start:start+len(s)] unchanged.
func VerbatimText(s string, fileStart int) Text {
	var b TextBuilder
	b.Verbatim(s, fileStart)
	return b.Text()
}
