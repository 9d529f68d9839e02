package message

import "sort"

// Text is message text extracted from a file (after markup, escapes and
// entities are resolved) together with a map from each text byte back to the
// byte range in the original file it came from.
type Text struct {
	Str   string
	Spans []Span
}

// Span maps text[tStart:tStart+tLen] to file[fStart:fStart+fLen]. When the
// two lengths are equal and the bytes are the same, the span is verbatim and
// maps byte for byte; otherwise (an entity, an escape, an inserted separator)
// every text byte maps to the whole file range.
type Span struct {
	TStart, TLen int
	FStart, FLen int
	Verbatim     bool
	Host         Host // the syntax the file bytes are written in
}

// String returns the text.
func (t *Text) String() string { return t.Str }

// Len returns the text length in bytes.
func (t *Text) Len() int { return len(t.Str) }

// FileRange maps the text byte range [start, end) to a byte range in the
// original file. Verbatim text maps exactly; text produced from an escape or
// entity maps to the whole escape.
func (t *Text) FileRange(start, end int) (int, int) {
	if len(t.Spans) == 0 {
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
	i := t.SpanAt(start)
	if i < 0 {
		return false
	}
	sp := t.Spans[i]
	return sp.Verbatim && end <= sp.TStart+sp.TLen
}

// SpanAt returns the index of the span holding text offset off, or -1.
func (t *Text) SpanAt(off int) int {
	i := sort.Search(len(t.Spans), func(i int) bool { return t.Spans[i].TStart+t.Spans[i].TLen > off })
	if i == len(t.Spans) {
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
	i := t.SpanAt(probe)
	if i < 0 {
		last := t.Spans[len(t.Spans)-1]
		return last.FStart + last.FLen, false
	}
	sp := t.Spans[i]
	if sp.Verbatim {
		return sp.FStart + (off - sp.TStart), true
	}
	if isEnd {
		return sp.FStart + sp.FLen, false
	}
	return sp.FStart, false
}

// TextBuilder assembles a Text piece by piece while recording positions.
type TextBuilder struct {
	Buf   []byte
	spans []Span
	host  Host // recorded on the spans appended from now on
}

// SetHost sets the syntax of the file bytes appended from now on, which
// --fix needs to write an edit there (see fix_escape.go).
func (b *TextBuilder) SetHost(h Host) { b.host = h }

// Verbatim appends s, which is file[fileStart:fileStart+len(s)] unchanged.
func (b *TextBuilder) Verbatim(s string, fileStart int) {
	if s == "" {
		return
	}
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if last.Verbatim && last.Host == b.host && last.TStart+last.TLen == len(b.Buf) && last.FStart+last.FLen == fileStart {
			last.TLen += len(s)
			last.FLen += len(s)
			b.Buf = append(b.Buf, s...)
			return
		}
	}
	b.spans = append(b.spans, Span{TStart: len(b.Buf), TLen: len(s), FStart: fileStart, FLen: len(s), Verbatim: true, Host: b.host})
	b.Buf = append(b.Buf, s...)
}

// Mapped appends s, which stands for the file bytes [fileStart, fileEnd)
// (a decoded entity or escape, or an inserted separator with fileStart ==
// fileEnd).
func (b *TextBuilder) Mapped(s string, fileStart, fileEnd int) {
	if s == "" {
		return
	}
	b.spans = append(b.spans, Span{TStart: len(b.Buf), TLen: len(s), FStart: fileStart, FLen: fileEnd - fileStart, Host: b.host})
	b.Buf = append(b.Buf, s...)
}

// Len returns the number of text bytes written so far.
func (b *TextBuilder) Len() int { return len(b.Buf) }

// EndsWith reports whether the text so far ends with s.
func (b *TextBuilder) EndsWith(s string) bool {
	return len(b.Buf) >= len(s) && string(b.Buf[len(b.Buf)-len(s):]) == s
}

// TrimRightSpace drops trailing spaces and newlines from the text so far.
func (b *TextBuilder) TrimRightSpace() {
	for len(b.Buf) > 0 {
		c := b.Buf[len(b.Buf)-1]
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			break
		}
		b.Buf = b.Buf[:len(b.Buf)-1]
		last := &b.spans[len(b.spans)-1]
		last.TLen--
		if last.Verbatim {
			last.FLen--
		}
		if last.TLen == 0 {
			b.spans = b.spans[:len(b.spans)-1]
		}
	}
}

// Text returns the finished Text.
func (b *TextBuilder) Text() Text {
	return Text{Str: string(b.Buf), Spans: b.spans}
}

// VerbatimText builds a Text that is file[start:start+len(s)] unchanged.
func VerbatimText(s string, fileStart int) Text {
	var b TextBuilder
	b.Verbatim(s, fileStart)
	return b.Text()
}
